import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ChannelsModule } from '../channels/channels.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { MediaController, MediaLinksController, MediaSettingsController } from './media.controller';
import { MediaGate } from './media-gate';
import { PublicationMedia } from './publication-media';
import { MediaRepository } from './media.repository';
import { MediaService } from './media.service';
import { MediaStorage, mediaStorageFor, tempDirOf } from './media-storage';
import { TempFileStorage } from './upload-storage';

/** The media library: uploads, the library's list, serving files, and the workspace's media setting. */
@Module({
  imports: [
    WorkspacesModule,
    ChannelsModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        storage: new TempFileStorage(tempDirOf(config.media), config.media),
        // Browsers send file names as UTF-8; busboy would read "Bühne.png" as Latin-1.
        defParamCharset: 'utf8',
        limits: {
          files: 1,
          fields: 10,
          fieldSize: 8 * 1024,
          parts: 12,
          // The storage engine applies the limit of the file's kind; this is the outer bound.
          fileSize: Math.max(config.media.maxImageBytes, config.media.maxVideoBytes) + 1,
        },
      }),
    }),
  ],
  controllers: [MediaController, MediaSettingsController, MediaLinksController],
  providers: [
    MediaRepository,
    MediaService,
    MediaGate,
    PublicationMedia,
    {
      provide: MediaStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => mediaStorageFor(config.media),
    },
  ],
  exports: [MediaRepository, MediaService, MediaGate, PublicationMedia],
})
export class MediaModule {}
