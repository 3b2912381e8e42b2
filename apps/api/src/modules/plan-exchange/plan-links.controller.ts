import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  Headers,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  type CalendarFeed,
  CalendarFeedSchema,
  CreateShareLinkRequestSchema,
  type ShareLink,
  type ShareLinkList,
  ShareLinkListSchema,
  ShareLinkSchema,
  type SharedPlanInfo,
  SharedPlanInfoSchema,
  type SharedPostList,
  SharedPostListSchema,
  UnlockShareLinkRequestSchema,
} from '@postplan/contracts';
import type { CookieOptions, Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type Actor, CurrentActor, Public, SessionOnly } from '../../common/auth/actor';
import { readCookie } from '../../common/auth/cookies';
import {
  CurrentWorkspace,
  WorkspaceGuard,
  WorkspaceRole,
} from '../../common/auth/workspace-access';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { originOf, sendFeed } from './http-helpers';
import { PlanLinksService, type ShareVisitor } from './plan-links.service';

class CalendarFeedDto extends createZodDto(CalendarFeedSchema) {}
class CreateShareLinkDto extends createZodDto(CreateShareLinkRequestSchema) {}
class ShareLinkDto extends createZodDto(ShareLinkSchema) {}
class ShareLinkListDto extends createZodDto(ShareLinkListSchema) {}
class SharedPlanInfoDto extends createZodDto(SharedPlanInfoSchema) {}
class SharedPostListDto extends createZodDto(SharedPostListSchema) {}
class UnlockDto extends createZodDto(UnlockShareLinkRequestSchema) {}
class SharedWindowDto extends createZodDto(
  z.strictObject({
    from: z.string().max(40).optional(),
    to: z.string().max(40).optional(),
  }),
) {}
class FeedKeyDto extends createZodDto(z.strictObject({ key: z.string().max(100).optional() })) {}

export const SHARE_ACCESS_COOKIE = 'postplan_share_access';
export const SHARE_DEVICE_COOKIE = 'postplan_share_device';
export const sharedApiPath = (token: string) => `/api/v1/shared/${token}`;

/**
 * The member's own ICS subscription for a workspace: any role, since every member reads the
 * plan. Browser sessions only: a feed address outlives a revoked API token, so a leaked token
 * must not be able to read or mint one.
 */
@ApiTags('export')
@Controller('v1/workspaces/:ws/calendar-feed')
@UseGuards(WorkspaceGuard)
@SessionOnly()
export class CalendarFeedController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly links: PlanLinksService,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: CalendarFeedDto })
  get(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Req() req: Request,
  ): Promise<CalendarFeed> {
    return this.links.feed(ws, actor.userId, originOf(this.config, req));
  }

  @Post()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: CalendarFeedDto, description: 'Creates the feed, or rotates its address' })
  rotate(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Req() req: Request,
  ): Promise<CalendarFeed> {
    return this.links.rotateFeed(ws, actor.userId, originOf(this.config, req));
  }

  @Delete()
  @HttpCode(204)
  revoke(@CurrentActor() actor: Actor, @CurrentWorkspace() ws: WorkspaceWithRole): Promise<void> {
    return this.links.revokeFeed(ws, actor.userId);
  }
}

/** The subscription address itself: the token in the path is the credential. */
@ApiTags('export')
@Public()
@Controller('v1/feeds/:token')
export class FeedsController {
  constructor(private readonly links: PlanLinksService) {}

  @Get('calendar.ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'ICS feed; answers If-None-Match with 304' })
  async feed(
    @Param('token') token: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await sendFeed(req, res, await this.links.feedAnswer(token, ifNoneMatch));
  }
}

/**
 * Owners and admins manage the read-only share links of the plan. The list shows the links'
 * addresses, which outlive a revoked API token: browser sessions only, as for feeds.
 */
@ApiTags('share links')
@Controller('v1/workspaces/:ws/share-links')
@UseGuards(WorkspaceGuard)
@WorkspaceRole('admin')
@SessionOnly()
export class ShareLinksController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly links: PlanLinksService,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: ShareLinkListDto })
  async list(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Req() req: Request,
  ): Promise<ShareLinkList> {
    return { items: await this.links.list(ws, originOf(this.config, req)) };
  }

  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: ShareLinkDto })
  create(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Body() body: CreateShareLinkDto,
    @Req() req: Request,
  ): Promise<ShareLink> {
    return this.links.create(ws, actor.userId, body, originOf(this.config, req));
  }

  @Delete(':id')
  @HttpCode(204)
  revoke(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.links.revoke(ws, actor.userId, id);
  }
}

function visitorOf(req: Request): ShareVisitor {
  return {
    accessCookie: readCookie(req, SHARE_ACCESS_COOKIE),
    deviceCookie: readCookie(req, SHARE_DEVICE_COOKIE),
    ip: req.ip ?? 'unknown',
  };
}

/**
 * The stakeholder's side: no account; the token in the path is the credential, as for review
 * links (and with their password cookies, scoped to this link's API path).
 */
@ApiTags('share links (visitors)')
@Public()
@Controller('v1/shared/:token')
export class SharedPlanController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly links: PlanLinksService,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: SharedPlanInfoDto })
  info(@Param('token') token: string, @Req() req: Request): Promise<SharedPlanInfo> {
    return this.links.info(token, visitorOf(req), originOf(this.config, req));
  }

  @Post('unlock')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async unlock(
    @Param('token') token: string,
    @Body() body: UnlockDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ unlockedUntil: string }> {
    const result = await this.links.unlock(token, body.password, visitorOf(req));
    if (result.cookies) {
      const base: CookieOptions = {
        httpOnly: true,
        sameSite: 'strict',
        secure: req.secure,
        path: sharedApiPath(token),
      };
      res.cookie(SHARE_ACCESS_COOKIE, result.cookies.access, {
        ...base,
        expires: result.unlockedUntil,
      });
      res.cookie(SHARE_DEVICE_COOKIE, result.cookies.device, { ...base, maxAge: 180 * 86_400_000 });
    }
    return { unlockedUntil: result.unlockedUntil.toISOString() };
  }

  @Get('posts')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: SharedPostListDto })
  posts(
    @Param('token') token: string,
    @Query() q: SharedWindowDto,
    @Req() req: Request,
  ): Promise<SharedPostList> {
    return this.links.posts(token, visitorOf(req), q);
  }

  @Get('calendar.ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'The link period as an ICS feed; a protected link needs ?key=' })
  async feed(
    @Param('token') token: string,
    @Query() q: FeedKeyDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await sendFeed(req, res, await this.links.shareFeedAnswer(token, q.key, ifNoneMatch));
  }
}
