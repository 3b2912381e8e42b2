import { forwardRef, Module } from '@nestjs/common';
import { PostsModule } from '../posts/posts.module';
import { ReviewPort } from '../posts/review-port';
import { WordingModule } from '../wording/wording.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { ReviewController } from './review.controller';
import { ReviewNotifier } from './review-notifier';
import { ReviewQueries } from './review-queries';
import { ReviewRepository } from './review.repository';
import { ReviewScheduler } from './review.scheduler';
import { ReviewService } from './review.service';

/**
 * The post's editorial life: transitions, rounds, revisions, the approval policy and the expiry
 * clock. Posts and review need each other (a save voids an approval, a transition stores the
 * post's state), so the two modules import each other: posts reaches review only through the
 * `ReviewPort` provided here, review reaches posts through `PostRecordsService`. Import this to
 * use ReviewService (decisions, e.g. through review links).
 */
@Module({
  imports: [forwardRef(() => PostsModule), WorkspacesModule, WordingModule],
  controllers: [ReviewController],
  providers: [
    ReviewRepository,
    ReviewService,
    ReviewQueries,
    ReviewNotifier,
    ReviewScheduler,
    { provide: ReviewPort, useExisting: ReviewService },
  ],
  exports: [ReviewService, ReviewPort],
})
export class ReviewModule {}
