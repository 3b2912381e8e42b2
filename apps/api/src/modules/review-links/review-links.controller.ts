import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateReviewLinkRequestSchema,
  type CreatedReviewLink,
  type ReviewLinkList,
} from '@postplan/contracts';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { type Actor, CurrentActor, TokenScopeNeeded } from '../../common/auth/actor';
import {
  CurrentWorkspace,
  WorkspaceGuard,
  WorkspaceRole,
} from '../../common/auth/workspace-access';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { ReviewLinksService } from './review-links.service';

class CreateReviewLinkDto extends createZodDto(CreateReviewLinkRequestSchema) {}

/** Owners and admins manage the workspace's review links. */
@ApiTags('review links')
@Controller('v1/workspaces/:ws/review-links')
@TokenScopeNeeded('admin')
@UseGuards(WorkspaceGuard)
@WorkspaceRole('admin')
export class ReviewLinksController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly links: ReviewLinksService,
  ) {}

  @Get()
  async list(@CurrentWorkspace() ws: WorkspaceWithRole): Promise<ReviewLinkList> {
    return { items: await this.links.list(ws) };
  }

  @Post()
  create(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Body() body: CreateReviewLinkDto,
    @Req() req: Request,
  ): Promise<CreatedReviewLink> {
    // The configured public address wins; without one, the address the admin reached us at.
    const origin = this.config.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    return this.links.create(ws, actor.userId, body, origin);
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
