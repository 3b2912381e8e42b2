import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  MediaCheckRequestSchema,
  type MediaCheckResponse,
  MediaCheckResponseSchema,
  type MediaItem,
  MediaItemSchema,
  MediaListQuerySchema,
  type MediaList,
  MediaListSchema,
  type MediaSettings,
  MediaSettingsSchema,
  MEDIA_UPLOAD_FIELD,
  MediaUploadFieldsSchema,
  UpdateMediaRequestSchema,
  UpdateMediaSettingsRequestSchema,
} from '@postplan/contracts';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type Actor, CurrentActor, Public } from '../../common/auth/actor';
import {
  CurrentWorkspace,
  WorkspaceGuard,
  WorkspaceRole,
} from '../../common/auth/workspace-access';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { MediaError } from './media.errors';
import { MediaGate } from './media-gate';
import { type StoredObject } from './media-storage';
import { MediaService } from './media.service';
import { type ReceivedFile } from './upload-storage';
import { extensionOf } from './media-type';

class MediaItemDto extends createZodDto(MediaItemSchema) {}
class MediaListDto extends createZodDto(MediaListSchema) {}
class MediaListQueryDto extends createZodDto(MediaListQuerySchema) {}
class UploadFieldsDto extends createZodDto(MediaUploadFieldsSchema) {}
class UpdateMediaDto extends createZodDto(UpdateMediaRequestSchema) {}
class MediaSettingsDto extends createZodDto(MediaSettingsSchema) {}
class UpdateMediaSettingsDto extends createZodDto(UpdateMediaSettingsRequestSchema) {}
class MediaCheckDto extends createZodDto(MediaCheckRequestSchema) {}
class MediaCheckResponseDto extends createZodDto(MediaCheckResponseSchema) {}
class SignedLinkQueryDto extends createZodDto(
  z.object({ expires: z.string().max(20), signature: z.string().max(100) }),
) {}

@ApiTags('media')
@Controller('v1/workspaces/:ws/media')
@UseGuards(WorkspaceGuard)
export class MediaController {
  constructor(
    private readonly media: MediaService,
    private readonly gate: MediaGate,
  ) {}

  @Post()
  @WorkspaceRole('author')
  @UseInterceptors(FileInterceptor(MEDIA_UPLOAD_FIELD))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [MEDIA_UPLOAD_FIELD],
      properties: {
        [MEDIA_UPLOAD_FIELD]: { type: 'string', format: 'binary' },
        altText: { type: 'string' },
        name: { type: 'string' },
      },
    },
  })
  @ApiCreatedResponse({ type: MediaItemDto })
  upload(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @UploadedFile() file: ReceivedFile | undefined,
    @Body() fields: UploadFieldsDto,
  ): Promise<MediaItem> {
    if (!file) {
      throw new MediaError(
        'MEDIA_FILE_MISSING',
        `Send the file as multipart/form-data in the field "${MEDIA_UPLOAD_FIELD}".`,
        { field: MEDIA_UPLOAD_FIELD },
      );
    }
    return this.media.upload({ userId: actor.userId, workspace: ws }, file, fields);
  }

  /** Anyone who may write posts; it changes nothing. */
  @Post('check')
  @HttpCode(200)
  @WorkspaceRole('author')
  @ApiOperation({
    summary: 'Check media against each channel’s platform before saving',
    description:
      'What submit and approve would refuse about these media on these channels (count, format, size, aspect ratio, video length, alt text when the workspace requires it), for media as the editor holds them, not yet saved. Reads only. Another workspace’s media id answers 422 UNKNOWN_MEDIA, another workspace’s channel 422 UNKNOWN_CHANNEL; viewers 403.',
  })
  @ApiOkResponse({ type: MediaCheckResponseDto })
  check(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Body() body: MediaCheckDto,
  ): Promise<MediaCheckResponse> {
    return this.gate.check(ws.id, body);
  }

  @Get()
  @ApiOkResponse({ type: MediaListDto })
  list(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Query() query: MediaListQueryDto,
  ): Promise<MediaList> {
    return this.media.list(ws, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: MediaItemDto })
  get(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<MediaItem> {
    return this.media.get(ws, id);
  }

  @Patch(':id')
  @WorkspaceRole('author')
  @ApiOkResponse({ type: MediaItemDto })
  update(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateMediaDto,
  ): Promise<MediaItem> {
    return this.media.update({ userId: actor.userId, workspace: ws }, id, body);
  }

  @Delete(':id')
  @WorkspaceRole('author')
  @HttpCode(204)
  async remove(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.media.remove({ userId: actor.userId, workspace: ws }, id);
  }

  @Get(':id/file')
  async file(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { row, object } = await this.media.open(ws, id, 'file');
    send(res, object, row.mime_type, `${row.id}.${extensionOf(row.mime_type)}`);
  }

  @Get(':id/thumbnail')
  async thumbnail(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { object } = await this.media.open(ws, id, 'thumbnail');
    send(res, object, 'image/jpeg', `${id}.thumb.jpg`);
  }
}

@ApiTags('media')
@Controller('v1/workspaces/:ws/media-settings')
@UseGuards(WorkspaceGuard)
export class MediaSettingsController {
  constructor(private readonly media: MediaService) {}

  @Get()
  @ApiOkResponse({ type: MediaSettingsDto })
  get(@CurrentWorkspace() ws: WorkspaceWithRole): Promise<MediaSettings> {
    return this.media.settings(ws);
  }

  @Put()
  @WorkspaceRole('admin')
  @ApiOkResponse({ type: MediaSettingsDto })
  update(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Body() body: UpdateMediaSettingsDto,
  ): Promise<MediaSettings> {
    return this.media.updateSettings({ userId: actor.userId, workspace: ws }, body.altTextRequired);
  }
}

/** Signed links for platforms that fetch media by URL (see MediaLinks). */
@ApiTags('media')
@Controller('media-links')
@Public()
export class MediaLinksController {
  constructor(private readonly media: MediaService) {}

  @Get(':id')
  async file(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: SignedLinkQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const { row, object } = await this.media.openSigned(id, q.expires, q.signature);
    send(res, object, row.mime_type, `${row.id}.${extensionOf(row.mime_type)}`);
  }
}

function send(res: Response, object: StoredObject, contentType: string, fileName: string): void {
  res.setHeader('Content-Type', contentType);
  if (object.bytes) res.setHeader('Content-Length', String(object.bytes));
  // An id's bytes never change (a new file is a new id).
  res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
  res.setHeader('Content-Disposition', `inline; filename="${fileName}"`);
  object.body.on('error', () => res.destroy());
  object.body.pipe(res);
}
