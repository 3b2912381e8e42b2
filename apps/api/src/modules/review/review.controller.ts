import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ApprovalPolicyResponseSchema,
  ApprovalPolicyRequestSchema,
  type AuditEntry,
  BulkApproveRequestSchema,
  BulkApproveResultSchema,
  DiffQuerySchema,
  type DiffResponse,
  DiffResponseSchema,
  type PostDetail,
  PostDetailSchema,
  ReviewQueueSchema,
  type ReviewQueue,
  RevisionListSchema,
  TransitionRequestSchema,
} from '@postplan/contracts';
import { createZodDto } from 'nestjs-zod';
import { type z } from 'zod';
import { type Actor, CurrentActor, TokenScopeNeeded } from '../../common/auth/actor';
import {
  CurrentWorkspace,
  WorkspaceGuard,
  WorkspaceRole,
} from '../../common/auth/workspace-access';
import { versionFromIfMatch } from '../../common/http/if-match';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { ReviewQueries } from './review-queries';
import { type UserAction, ReviewService } from './review.service';

class TransitionDto extends createZodDto(TransitionRequestSchema) {}
class PostDetailDto extends createZodDto(PostDetailSchema) {}
class DiffQueryDto extends createZodDto(DiffQuerySchema) {}
class DiffResponseDto extends createZodDto(DiffResponseSchema) {}
class RevisionListDto extends createZodDto(RevisionListSchema) {}
class PolicyDto extends createZodDto(ApprovalPolicyRequestSchema) {}
class PolicyResponseDto extends createZodDto(ApprovalPolicyResponseSchema) {}
class BulkApproveDto extends createZodDto(BulkApproveRequestSchema) {}
class BulkApproveResultDto extends createZodDto(BulkApproveResultSchema) {}
class ReviewQueueDto extends createZodDto(ReviewQueueSchema) {}

const ifMatchHeader = ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The version acted on (or `version` in the body)',
});

/** The post's editorial transitions: the only way its status changes. */
@ApiTags('review')
@Controller('v1/workspaces/:ws')
@TokenScopeNeeded('review')
@UseGuards(WorkspaceGuard)
export class ReviewController {
  constructor(
    private readonly review: ReviewService,
    private readonly queries: ReviewQueries,
  ) {}

  private act(
    actor: Actor,
    ws: WorkspaceWithRole,
    id: string,
    action: UserAction,
    body: TransitionDto,
    ifMatch: string | undefined,
  ): Promise<PostDetail> {
    return this.review.act(
      { userId: actor.userId, workspace: ws },
      id,
      action,
      body,
      versionFromIfMatch(ifMatch),
    );
  }

  @Post('posts/:id/promote')
  @HttpCode(200)
  @WorkspaceRole('author')
  @ifMatchHeader
  @ApiOkResponse({ type: PostDetailDto })
  promote(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TransitionDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<PostDetail> {
    return this.act(actor, ws, id, 'promote', body, ifMatch);
  }

  @Post('posts/:id/submit')
  @HttpCode(200)
  @WorkspaceRole('author')
  @ifMatchHeader
  @ApiOkResponse({ type: PostDetailDto })
  submit(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TransitionDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<PostDetail> {
    return this.act(actor, ws, id, 'submit', body, ifMatch);
  }

  @Post('posts/:id/approve')
  @HttpCode(200)
  @ifMatchHeader
  @ApiOkResponse({ type: PostDetailDto })
  approve(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TransitionDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<PostDetail> {
    return this.act(actor, ws, id, 'approve', body, ifMatch);
  }

  @Post('posts/:id/request-changes')
  @HttpCode(200)
  @ifMatchHeader
  @ApiOkResponse({ type: PostDetailDto })
  requestChanges(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TransitionDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<PostDetail> {
    return this.act(actor, ws, id, 'request_changes', body, ifMatch);
  }

  @Post('posts/:id/withdraw')
  @HttpCode(200)
  @WorkspaceRole('author')
  @ifMatchHeader
  @ApiOkResponse({ type: PostDetailDto })
  withdraw(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TransitionDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<PostDetail> {
    return this.act(actor, ws, id, 'withdraw', body, ifMatch);
  }

  @Post('posts/:id/reopen')
  @HttpCode(200)
  @WorkspaceRole('author')
  @ifMatchHeader
  @ApiOkResponse({ type: PostDetailDto })
  reopen(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TransitionDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<PostDetail> {
    return this.act(actor, ws, id, 'reopen', body, ifMatch);
  }

  @Get('posts/:id/revisions')
  @ApiOkResponse({ type: RevisionListDto })
  async revisions(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<z.infer<typeof RevisionListSchema>> {
    return { items: await this.queries.revisions(ws.id, id) };
  }

  /** A word-level diff: between two revisions, or since the last approval, round or own review. */
  @Get('posts/:id/diff')
  @ApiOkResponse({ type: DiffResponseDto })
  diff(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: DiffQueryDto,
  ): Promise<DiffResponse> {
    return this.queries.diff(ws.id, id, actor.userId, q);
  }

  /** The post's history from the audit log, oldest first; every member may read it. */
  @Get('posts/:id/history')
  async history(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<{ items: AuditEntry[] }> {
    return { items: await this.queries.history(ws.id, id) };
  }

  @Get('review-queue')
  @ApiOkResponse({ type: ReviewQueueDto })
  queue(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
  ): Promise<ReviewQueue> {
    return this.queries.queue(ws, actor.userId);
  }

  /** Approves several posts; each on its own, so one refusal does not hold back the rest. */
  @Post('review-queue/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkApproveResultDto })
  async bulkApprove(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Body() body: BulkApproveDto,
  ): Promise<z.infer<typeof BulkApproveResultSchema>> {
    return this.review.approveEach({ userId: actor.userId, workspace: ws }, body);
  }

  @Get('approval-policy')
  @ApiOkResponse({ type: PolicyResponseDto })
  policy(
    @CurrentWorkspace() ws: WorkspaceWithRole,
  ): Promise<z.infer<typeof ApprovalPolicyResponseSchema>> {
    return this.queries.policy(ws.id);
  }

  /** Applies to rounds started from now on; decisions already made keep their policy. */
  @Put('approval-policy')
  @WorkspaceRole('admin')
  @TokenScopeNeeded('admin')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description:
      'The policy version you read; a change made since answers 409 STALE_VERSION instead of being overwritten.',
  })
  @ApiOkResponse({ type: PolicyResponseDto })
  setPolicy(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Body() body: PolicyDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<z.infer<typeof ApprovalPolicyResponseSchema>> {
    return this.queries.setPolicy(ws.id, actor.userId, body.policy, versionFromIfMatch(ifMatch));
  }
}
