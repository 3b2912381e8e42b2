import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { CalendarCache } from './calendar-cache';
import { PostsController } from './posts.controller';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';

@Module({
  imports: [WorkspacesModule, ChannelsModule],
  controllers: [PostsController],
  providers: [PostsRepository, PostsService, CalendarCache],
  exports: [PostsRepository],
})
export class PostsModule {}
