import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { ChannelsModule } from '../channels/channels.module';
import { ContestsModule } from '../contests/contests.module';
import { PostsModule } from '../posts/posts.module';
import { ReviewModule } from '../review/review.module';
import { UsersModule } from '../users/users.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { DemoSeeder } from './demo.seeder';

@Module({
  imports: [
    UsersModule,
    WorkspacesModule,
    ChannelsModule,
    PostsModule,
    CampaignsModule,
    ContestsModule,
    ReviewModule,
  ],
  providers: [DemoSeeder],
})
export class DemoModule {}
