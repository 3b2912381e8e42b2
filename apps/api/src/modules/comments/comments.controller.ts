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
  UseGuards,
} from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AcceptSuggestionRequestSchema,
  AcceptSuggestionResponseSchema,
  type AcceptSuggestionResponse,
  type CommentThread,
  type CommentThreadList,
  CommentThreadListSchema,
  CommentThreadSchema,
  CreateCommentRequestSchema,
  UpdateCommentRequestSchema,
} from '@postplan/contracts';
import { createZodDto } from 'nestjs-zod';
import { type Actor, CurrentActor, TokenScopeNeeded } from '../../common/auth/actor';
import {
  CurrentWorkspace,
  WorkspaceGuard,
  WorkspaceRole,
} from '../../common/auth/workspace-access';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { CommentsService } from './comments.service';

class CreateCommentDto extends createZodDto(CreateCommentRequestSchema) {}
class UpdateCommentDto extends createZodDto(UpdateCommentRequestSchema) {}
class AcceptSuggestionDto extends createZodDto(AcceptSuggestionRequestSchema) {}
class CommentThreadDto extends createZodDto(CommentThreadSchema) {}
class CommentThreadListDto extends createZodDto(CommentThreadListSchema) {}
class AcceptSuggestionResponseDto extends createZodDto(AcceptSuggestionResponseSchema) {}

/** Every member reads; authors and up write. Finer rules (own comment, post author) are the service's. */
@ApiTags('comments')
@Controller('v1/workspaces/:ws/posts/:postId/comments')
@TokenScopeNeeded('review')
@UseGuards(WorkspaceGuard)
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  @ApiOkResponse({ type: CommentThreadListDto })
  list(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('postId', ParseUUIDPipe) postId: string,
  ): Promise<CommentThreadList> {
    return this.comments.list(ws.id, postId);
  }

  @Post()
  @WorkspaceRole('author')
  @ApiOkResponse({ type: CommentThreadDto, description: 'The thread the new comment is in' })
  create(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('postId', ParseUUIDPipe) postId: string,
    @Body() body: CreateCommentDto,
  ): Promise<CommentThread> {
    return this.comments.create({ userId: actor.userId, workspace: ws }, postId, body);
  }

  @Patch(':commentId')
  @WorkspaceRole('author')
  @ApiOkResponse({ type: CommentThreadDto })
  update(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('postId', ParseUUIDPipe) postId: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
    @Body() body: UpdateCommentDto,
  ): Promise<CommentThread> {
    return this.comments.update({ userId: actor.userId, workspace: ws }, postId, commentId, body);
  }

  @Delete(':commentId')
  @WorkspaceRole('author')
  @HttpCode(204)
  remove(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('postId', ParseUUIDPipe) postId: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
  ): Promise<void> {
    return this.comments.remove({ userId: actor.userId, workspace: ws }, postId, commentId);
  }

  @Post(':commentId/resolve')
  @WorkspaceRole('author')
  @HttpCode(200)
  @ApiOkResponse({ type: CommentThreadDto })
  resolve(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('postId', ParseUUIDPipe) postId: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
  ): Promise<CommentThread> {
    return this.comments.resolve({ userId: actor.userId, workspace: ws }, postId, commentId);
  }

  @Post(':commentId/reopen')
  @WorkspaceRole('author')
  @HttpCode(200)
  @ApiOkResponse({ type: CommentThreadDto })
  reopen(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('postId', ParseUUIDPipe) postId: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
  ): Promise<CommentThread> {
    return this.comments.reopen({ userId: actor.userId, workspace: ws }, postId, commentId);
  }

  @Post(':commentId/accept-suggestion')
  @WorkspaceRole('author')
  @HttpCode(200)
  @ApiOkResponse({ type: AcceptSuggestionResponseDto })
  accept(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('postId', ParseUUIDPipe) postId: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
    @Body() body: AcceptSuggestionDto,
  ): Promise<AcceptSuggestionResponse> {
    return this.comments.acceptSuggestion(
      { userId: actor.userId, workspace: ws },
      postId,
      commentId,
      body.version,
    );
  }

  @Post(':commentId/dismiss-suggestion')
  @WorkspaceRole('author')
  @HttpCode(200)
  @ApiOkResponse({ type: CommentThreadDto })
  dismiss(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('postId', ParseUUIDPipe) postId: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
  ): Promise<CommentThread> {
    return this.comments.dismissSuggestion(
      { userId: actor.userId, workspace: ws },
      postId,
      commentId,
    );
  }
}
