import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { ReviewController } from '../review/review.controller';
import { ReviewNotifier } from '../review/review-notifier';
import { ReviewQueries } from '../review/review-queries';
import { ReviewRepository } from '../review/review.repository';
import { ReviewScheduler } from '../review/review.scheduler';
import { ReviewService } from '../review/review.service';
import { MediaModule } from '../media/media.module';
import { WordingModule } from '../wording/wording.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { CalendarCache } from './calendar-cache';
import { PostsController } from './posts.controller';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';

/**
 * Posts and their editorial life. Review lives in its own folder but in this module: a content
 * save and the approval it voids are one transaction, so the two services work hand in hand.
 */
@Module({
  imports: [WorkspacesModule, ChannelsModule, WordingModule, MediaModule],
  controllers: [PostsController, ReviewController],
  providers: [
    PostsRepository,
    PostsService,
    CalendarCache,
    ReviewRepository,
    ReviewService,
    ReviewQueries,
    ReviewNotifier,
    ReviewScheduler,
  ],
  exports: [PostsRepository, PostsService, ReviewService],
})
export class PostsModule {}
