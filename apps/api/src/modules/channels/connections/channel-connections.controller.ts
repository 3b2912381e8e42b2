import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type Channel,
  ConnectChannelRequestSchema,
  type OAuthStartResponse,
  OAuthStartResponseSchema,
} from '@postplan/contracts';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  type Actor,
  CurrentActor,
  SessionOnly,
  TokenScopeNeeded,
} from '../../../common/auth/actor';
import {
  CurrentWorkspace,
  WorkspaceGuard,
  WorkspaceRole,
} from '../../../common/auth/workspace-access';
import { AppError } from '../../../common/errors/app-error';
import { type WorkspaceWithRole } from '../../workspaces/workspaces.repository';
import { WorkspacesService } from '../../workspaces/workspaces.service';
import { ChannelsService } from '../channels.service';
import { ChannelConnectionsService, OAuthCallbackError } from './channel-connections.service';

class ConnectChannelDto extends createZodDto(ConnectChannelRequestSchema) {}
class OAuthStartResponseDto extends createZodDto(OAuthStartResponseSchema) {}

const CallbackQuerySchema = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
});
class CallbackQueryDto extends createZodDto(CallbackQuerySchema) {}

/** Connecting a channel to its account: a form, or OAuth at the platform. Admins only. */
@ApiTags('channels')
@Controller('v1/workspaces/:ws/channels/:id')
@UseGuards(WorkspaceGuard)
export class ChannelConnectionsController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly connections: ChannelConnectionsService,
  ) {}

  @Post('connect')
  @HttpCode(200)
  @WorkspaceRole('admin')
  @TokenScopeNeeded('admin')
  async connect(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ConnectChannelDto,
  ): Promise<Channel> {
    const channel = await this.channels.get(ws.id, id);
    await this.connections.connectWithForm(channel, body, actor.userId);
    return this.channels.one(ws.id, id);
  }

  @Delete('connection')
  @WorkspaceRole('admin')
  @TokenScopeNeeded('admin')
  async disconnect(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<Channel> {
    await this.connections.disconnect(await this.channels.get(ws.id, id));
    return this.channels.one(ws.id, id);
  }

  /** The state is bound to this browser session, so only a session may start it. */
  @Post('oauth/start')
  @HttpCode(200)
  @SessionOnly()
  @WorkspaceRole('admin')
  @TokenScopeNeeded('admin')
  @ApiOkResponse({ type: OAuthStartResponseDto })
  async start(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<OAuthStartResponse> {
    const channel = await this.channels.get(ws.id, id);
    return this.connections.startOAuth(channel, {
      userId: actor.userId,
      sessionId: actor.sessionId!,
    });
  }
}

/**
 * Where the platforms send the browser back ({POSTPLAN_PUBLIC_URL}/api/v1/oauth/callback, the
 * one redirect URL every platform app registers). Answers with a redirect to the channels page,
 * carrying the outcome; the browser's session must be the one that started.
 */
@ApiTags('channels')
@Controller('v1/oauth')
export class OAuthCallbackController {
  constructor(
    private readonly connections: ChannelConnectionsService,
    private readonly workspaces: WorkspacesService,
  ) {}

  private async memberWorkspace(id: string, userId: string): Promise<{ slug: string } | null> {
    return (await this.workspaces.listForUser(userId)).find((w) => w.id === id) ?? null;
  }

  @Get('callback')
  @SessionOnly()
  async callback(
    @CurrentActor() actor: Actor,
    @Query() query: CallbackQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const who = { userId: actor.userId, sessionId: actor.sessionId! };
    try {
      const done = await this.connections.finishOAuth(query, who);
      const ws = await this.memberWorkspace(done.workspaceId, actor.userId);
      res.redirect(
        302,
        ws
          ? `/w/${encodeURIComponent(ws.slug)}/settings/channels?connected=${done.channelId}`
          : '/',
      );
    } catch (e) {
      const known = e instanceof OAuthCallbackError ? e : null;
      if (!known && !(e instanceof AppError)) throw e;
      const code: string = known ? known.error.code : (e as AppError).code;
      const ws = known ? await this.memberWorkspace(known.workspaceId, actor.userId) : null;
      res.redirect(
        302,
        ws
          ? `/w/${encodeURIComponent(ws.slug)}/settings/channels?oauthError=${encodeURIComponent(code)}`
          : `/?oauthError=${encodeURIComponent(code)}`,
      );
    }
  }
}
