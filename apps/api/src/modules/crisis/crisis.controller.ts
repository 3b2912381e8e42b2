import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  DecideDuePostsRequestSchema,
  DecideDuePostsResponseSchema,
  DuePostListSchema,
  PauseHistoryQuerySchema,
  PauseHistorySchema,
  PauseRequestSchema,
  PauseStateSchema,
  ResumeResponseSchema,
  type DecideDuePostsResponse,
  type DuePostList,
  type PauseHistory,
  type PauseState,
  type ResumeResponse,
} from '@postplan/contracts';
import { createZodDto } from 'nestjs-zod';
import { type Actor, CurrentActor, TokenScopeNeeded } from '../../common/auth/actor';
import {
  CurrentWorkspace,
  WorkspaceGuard,
  WorkspaceRole,
} from '../../common/auth/workspace-access';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { CrisisService } from './crisis.service';

class PauseDto extends createZodDto(PauseRequestSchema) {}
class PauseStateDto extends createZodDto(PauseStateSchema) {}
class ResumeResponseDto extends createZodDto(ResumeResponseSchema) {}
class PauseHistoryQueryDto extends createZodDto(PauseHistoryQuerySchema) {}
class PauseHistoryDto extends createZodDto(PauseHistorySchema) {}
class DuePostListDto extends createZodDto(DuePostListSchema) {}
class DecideDto extends createZodDto(DecideDuePostsRequestSchema) {}
class DecideResponseDto extends createZodDto(DecideDuePostsResponseSchema) {}

/**
 * The crisis stop: owners and admins pause publishing for the workspace or one channel, every
 * member sees that it is paused, and after a resume editors decide about the posts that came due.
 */
@ApiTags('crisis stop')
@Controller('v1/workspaces/:ws')
@UseGuards(WorkspaceGuard)
export class CrisisController {
  constructor(private readonly crisis: CrisisService) {}

  @Get('pause')
  @ApiOkResponse({ type: PauseStateDto })
  state(@CurrentWorkspace() ws: WorkspaceWithRole): Promise<PauseState> {
    return this.crisis.state(ws.id);
  }

  @Post('pause')
  @WorkspaceRole('admin')
  @TokenScopeNeeded('admin')
  @ApiCreatedResponse({ type: PauseStateDto })
  pause(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Body() body: PauseDto,
  ): Promise<PauseState> {
    return this.crisis.pause(
      { userId: actor.userId, workspace: ws },
      { channelId: null },
      body.reason,
    );
  }

  @Post('resume')
  @WorkspaceRole('admin')
  @TokenScopeNeeded('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: ResumeResponseDto })
  resume(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
  ): Promise<ResumeResponse> {
    return this.crisis.resume({ userId: actor.userId, workspace: ws }, { channelId: null });
  }

  @Post('channels/:channelId/pause')
  @WorkspaceRole('admin')
  @TokenScopeNeeded('admin')
  @ApiCreatedResponse({ type: PauseStateDto })
  pauseChannel(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('channelId', ParseUUIDPipe) channelId: string,
    @Body() body: PauseDto,
  ): Promise<PauseState> {
    return this.crisis.pause({ userId: actor.userId, workspace: ws }, { channelId }, body.reason);
  }

  @Post('channels/:channelId/resume')
  @WorkspaceRole('admin')
  @TokenScopeNeeded('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: ResumeResponseDto })
  resumeChannel(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('channelId', ParseUUIDPipe) channelId: string,
  ): Promise<ResumeResponse> {
    return this.crisis.resume({ userId: actor.userId, workspace: ws }, { channelId });
  }

  @Get('pause/history')
  @ApiOkResponse({ type: PauseHistoryDto })
  history(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Query() query: PauseHistoryQueryDto,
  ): Promise<PauseHistory> {
    return this.crisis.history(ws.id, query);
  }

  @Get('pause/due-posts')
  @ApiOkResponse({ type: DuePostListDto })
  duePosts(@CurrentWorkspace() ws: WorkspaceWithRole): Promise<DuePostList> {
    return this.crisis.duePosts(ws);
  }

  @Post('pause/due-posts/decide')
  @WorkspaceRole('editor')
  @HttpCode(200)
  @ApiOkResponse({ type: DecideResponseDto })
  decide(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Body() body: DecideDto,
  ): Promise<DecideDuePostsResponse> {
    return this.crisis.decide({ userId: actor.userId, workspace: ws }, body);
  }
}
