import { Module } from '@nestjs/common';
import { PostsModule } from '../posts/posts.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { CommentNotifier } from './comment-notifier';
import { CommentsController } from './comments.controller';
import { CommentsRepository } from './comments.repository';
import { CommentsService } from './comments.service';

/** Comments on the wording. Exports the service so review links can let visitors comment. */
@Module({
  imports: [WorkspacesModule, PostsModule],
  controllers: [CommentsController],
  providers: [CommentsRepository, CommentsService, CommentNotifier],
  exports: [CommentsService],
})
export class CommentsModule {}
