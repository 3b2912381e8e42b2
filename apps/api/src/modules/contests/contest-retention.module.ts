import { Module } from '@nestjs/common';
import { ContestsMaintenance } from './contests.maintenance';
import { ContestsRepository } from './contests.repository';

/**
 * The part of contests that runs in the background (deleting entrant data once its retention
 * has passed), apart from the rest so a worker process (POSTPLAN_ROLE=worker) runs it without
 * loading the contest pages, the draw and the certificate.
 */
@Module({
  providers: [ContestsRepository, ContestsMaintenance],
  exports: [ContestsRepository, ContestsMaintenance],
})
export class ContestRetentionModule {}
