import { Module } from '@nestjs/common';
import { PostsModule } from '../posts/posts.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { CrisisController } from './crisis.controller';
import { CrisisService } from './crisis.service';
import { PausesRepository } from './pauses.repository';

/** Audit and notifications come from their global modules. */
@Module({
  imports: [WorkspacesModule, PostsModule],
  controllers: [CrisisController],
  providers: [PausesRepository, CrisisService],
  exports: [PausesRepository],
})
export class CrisisModule {}
