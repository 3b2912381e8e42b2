import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { ChannelEntity } from './channel.entity';
import { ChannelsController } from './channels.controller';
import { ChannelsRepository } from './channels.repository';
import { ChannelsService } from './channels.service';
import { ChannelCredentialsRepository } from './connections/channel-credentials.repository';
import {
  ChannelConnectionsController,
  OAuthCallbackController,
} from './connections/channel-connections.controller';
import { ChannelChecksScheduler } from './connections/channel-checks.scheduler';
import { ChannelConnectionsService } from './connections/channel-connections.service';

@Module({
  imports: [TypeOrmModule.forFeature([ChannelEntity]), WorkspacesModule],
  controllers: [ChannelsController, ChannelConnectionsController, OAuthCallbackController],
  providers: [
    ChannelsRepository,
    ChannelsService,
    ChannelCredentialsRepository,
    ChannelConnectionsService,
    ChannelChecksScheduler,
  ],
  exports: [ChannelsService, ChannelConnectionsService],
})
export class ChannelsModule {}
