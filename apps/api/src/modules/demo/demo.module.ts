import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { ContestsModule } from '../contests/contests.module';
import { PostsModule } from '../posts/posts.module';
import { UsersModule } from '../users/users.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { DemoSeeder } from './demo.seeder';

@Module({
  imports: [UsersModule, WorkspacesModule, ChannelsModule, PostsModule, ContestsModule],
  providers: [DemoSeeder],
})
export class DemoModule {}
