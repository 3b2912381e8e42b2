import { Global, Module } from '@nestjs/common';
import { PublicationsOutbox } from '../posts/publications-outbox';
import { ChannelsModule } from '../channels/channels.module';
import { MediaModule } from '../media/media.module';
import { PostsModule } from '../posts/posts.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { OperationsController } from './operations.controller';
import { PlatformAdapters } from './platform-adapters';
import { PublicationsController } from './publications.controller';
import { PublicationsRepository } from './publications.repository';
import { PublicationsService } from './publications.service';
import { PublishingEngine } from './publishing.engine';
import { PublishingMetrics } from './publishing.metrics';
import { PublishingWorker } from './publishing.worker';
import { SandboxController } from './sandbox.controller';
import { SandboxService } from './sandbox.service';
import { SandboxPostsRepository } from './sandbox-posts.repository';

/**
 * Publishing: the outbox and its rules, the engine and its worker, the adapters, the sandbox
 * platform and the operator's endpoints. Global so that posts, review and the crisis stop can
 * keep the outbox in step (PublicationsOutbox) without importing this module back.
 */
@Global()
@Module({
  imports: [WorkspacesModule, PostsModule, ChannelsModule, MediaModule],
  controllers: [PublicationsController, OperationsController, SandboxController],
  providers: [
    PublicationsRepository,
    SandboxPostsRepository,
    SandboxService,
    PublicationsService,
    { provide: PublicationsOutbox, useExisting: PublicationsService },
    PlatformAdapters,
    PublishingMetrics,
    PublishingEngine,
    PublishingWorker,
  ],
  exports: [
    PublicationsOutbox,
    PublicationsService,
    PublishingEngine,
    PlatformAdapters,
    SandboxService,
  ],
})
export class PublishingModule {}
