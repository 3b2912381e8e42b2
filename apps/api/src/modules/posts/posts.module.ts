import { forwardRef, Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { ReviewModule } from '../review/review.module';
import { WordingModule } from '../wording/wording.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { CalendarCache } from './calendar-cache';
import { PostRecordsService } from './post-records.service';
import { PostsController } from './posts.controller';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';

/**
 * Posts: the calendar, saving, deleting and restoring. Review (its own module) comes in through
 * the `ReviewPort`; other modules change posts through `PostsService` and read or lock them
 * through `PostRecordsService`, never through the repository.
 */
@Module({
  imports: [WorkspacesModule, ChannelsModule, WordingModule, forwardRef(() => ReviewModule)],
  controllers: [PostsController],
  providers: [PostsRepository, PostsService, PostRecordsService, CalendarCache],
  exports: [PostsService, PostRecordsService],
})
export class PostsModule {}
