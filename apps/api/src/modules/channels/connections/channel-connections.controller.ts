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
import {
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  type AccountChoicesResponse,
  AccountChoicesResponseSchema,
  type Channel,
  ChannelSchema,
  ConnectChannelRequestSchema,
  OAuthStartRequestSchema,
  type OAuthStartResponse,
  OAuthStartResponseSchema,
  PickAccountRequestSchema,
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
class OAuthStartRequestDto extends createZodDto(OAuthStartRequestSchema) {}
class AccountChoicesResponseDto extends createZodDto(AccountChoicesResponseSchema) {}
class PickAccountDto extends createZodDto(PickAccountRequestSchema) {}
class ChannelDto extends createZodDto(ChannelSchema) {}

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
  @ApiBody({ type: OAuthStartRequestDto, required: false })
  async start(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: OAuthStartRequestDto,
  ): Promise<OAuthStartResponse> {
    const channel = await this.channels.get(ws.id, id);
    return this.connections.startOAuth(
      channel,
      { userId: actor.userId, sessionId: actor.sessionId! },
      body ?? {},
    );
  }

  @Get('oauth/choices')
  @SessionOnly()
  @WorkspaceRole('admin')
  @TokenScopeNeeded('admin')
  @ApiOperation({
    summary: 'The pages or accounts a sign-in left to pick from',
    description:
      'After an OAuth sign-in for Facebook, Instagram or a LinkedIn company page that set no page (or one the person does not manage), the callback sends the browser to the channels page with `?choose={channelId}`; this lists what the person who signed in may connect the channel to, for 15 minutes. Only that person sees it (OAUTH_CHOICE_OTHER_USER); a choice already picked answers OAUTH_CHOICE_USED, one past its time OAUTH_CHOICE_EXPIRED, none OAUTH_CHOICE_NOT_FOUND. No token is ever part of the answer.',
  })
  @ApiOkResponse({ type: AccountChoicesResponseDto })
  async choices(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AccountChoicesResponse> {
    return this.connections.accountChoices(await this.channels.get(ws.id, id), actor.userId);
  }

  @Post('oauth/choices')
  @HttpCode(200)
  @SessionOnly()
  @WorkspaceRole('admin')
  @TokenScopeNeeded('admin')
  @ApiOperation({
    summary: 'Connect the channel to the picked page or account',
    description:
      'Completes the sign-in with one of the offered accounts: Facebook and Instagram keep the page token, LinkedIn the member token with the company page as author. The account is checked with the platform and named; the waiting choice is then discarded, so a second pick answers OAUTH_CHOICE_USED. An id that was not offered answers OAUTH_ACCOUNT_NOT_OFFERED. Answers the channel.',
  })
  @ApiOkResponse({ type: ChannelDto })
  async pick(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PickAccountDto,
  ): Promise<Channel> {
    const channel = await this.channels.get(ws.id, id);
    await this.connections.pickAccount(channel, body.accountId, actor.userId);
    return this.channels.one(ws.id, id);
  }

  @Delete('oauth/choices')
  @HttpCode(204)
  @SessionOnly()
  @WorkspaceRole('admin')
  @TokenScopeNeeded('admin')
  @ApiOperation({
    summary: 'Cancel the pick',
    description:
      'Deletes the waiting choice and the tokens it holds; the channel stays as it was. Nothing waiting is no error.',
  })
  @ApiNoContentResponse()
  async cancelChoice(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.connections.cancelChoice(await this.channels.get(ws.id, id), actor.userId);
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
      const outcome = done.outcome === 'choose' ? 'choose' : 'connected';
      res.redirect(
        302,
        ws
          ? `/w/${encodeURIComponent(ws.slug)}/settings/channels?${outcome}=${done.channelId}`
          : '/',
      );
    } catch (e) {
      const known = e instanceof OAuthCallbackError ? e : null;
      if (!known && !(e instanceof AppError)) throw e;
      const error = known ? known.error : (e as AppError);
      const ws = known ? await this.memberWorkspace(known.workspaceId, actor.userId) : null;
      // "This Facebook login manages no pages": the page says which platform it was.
      const platform =
        error.code === 'OAUTH_NO_ACCOUNTS'
          ? `&platform=${(error as AppError<'OAUTH_NO_ACCOUNTS'>).details!.platform}`
          : '';
      const query = `oauthError=${encodeURIComponent(error.code)}${platform}`;
      res.redirect(
        302,
        ws ? `/w/${encodeURIComponent(ws.slug)}/settings/channels?${query}` : `/?${query}`,
      );
    }
  }
}
