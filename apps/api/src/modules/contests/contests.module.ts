import { Module } from '@nestjs/common';
import { PostsModule } from '../posts/posts.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { ContestDrawService } from './contest-draw.service';
import { ContestEntriesService } from './contest-entries.service';
import { ContestsController } from './contests.controller';
import { ContestsDemo } from './contests.demo';
import { ContestRetentionModule } from './contest-retention.module';
import { ContestsService } from './contests.service';
import { PublicContestsController } from './public-contests.controller';

/** Contests: fields, rules, entries, the verifiable draw, its certificate. See docs/contests.md. */
@Module({
  imports: [WorkspacesModule, PostsModule, ContestRetentionModule],
  controllers: [ContestsController, PublicContestsController],
  providers: [ContestsService, ContestEntriesService, ContestDrawService, ContestsDemo],
  exports: [
    ContestsDemo,
    ContestsService,
    ContestDrawService,
    ContestEntriesService,
    ContestRetentionModule,
  ],
})
export class ContestsModule {}
