import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  CreatePostRequestSchema,
  DeletePostRequestSchema,
  type PostDetail as PostResponse,
  PostDetailSchema,
  PostListSchema,
  PostListQuerySchema,
  UpdatePostRequestSchema,
} from '@postplan/contracts';
import { createZodDto } from 'nestjs-zod';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import {
  CurrentWorkspace,
  WorkspaceGuard,
  WorkspaceRole,
} from '../../common/auth/workspace-access';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { versionFromIfMatch } from '../../common/http/if-match';
import { PostsService } from './posts.service';

class CreatePostDto extends createZodDto(CreatePostRequestSchema) {}
class UpdatePostDto extends createZodDto(UpdatePostRequestSchema) {}
class PostListQueryDto extends createZodDto(PostListQuerySchema) {}
class PostListDto extends createZodDto(PostListSchema) {}
class PostDetailDto extends createZodDto(PostDetailSchema) {}

@ApiTags('posts')
@Controller('v1/workspaces/:ws/posts')
@UseGuards(WorkspaceGuard)
export class PostsController {
  constructor(private readonly posts: PostsService) {}

  @Get()
  @ApiOkResponse({ type: PostListDto })
  async list(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Query() query: PostListQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { body, gzipped, etag } = await this.posts.listCached(ws, query);
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    res.type('application/json');
    if (gzipped && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      res.setHeader('Content-Encoding', 'gzip');
      res.send(gzipped);
      return;
    }
    res.send(body);
  }

  @Post()
  @WorkspaceRole('author')
  create(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Body() body: CreatePostDto,
  ): Promise<PostResponse> {
    return this.posts.create({ userId: actor.userId, workspace: ws }, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: PostDetailDto })
  get(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PostResponse> {
    return this.posts.get({ userId: actor.userId, workspace: ws }, id);
  }

  @Patch(':id')
  @WorkspaceRole('author')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version being changed' })
  update(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdatePostDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<PostResponse> {
    return this.posts.update(
      { userId: actor.userId, workspace: ws },
      id,
      body,
      versionFromIfMatch(ifMatch),
    );
  }

  @Delete(':id')
  @WorkspaceRole('author')
  @HttpCode(204)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version being deleted' })
  remove(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() raw: unknown,
    @Headers('if-match') ifMatch?: string,
  ): Promise<void> {
    // A DELETE usually has no body; when it has one, it may carry the version instead of If-Match.
    const body = DeletePostRequestSchema.optional().parse(raw);
    return this.posts.remove(
      { userId: actor.userId, workspace: ws },
      id,
      versionFromIfMatch(ifMatch) ?? body?.version,
    );
  }

  @Post(':id/restore')
  @WorkspaceRole('author')
  restore(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PostResponse> {
    return this.posts.restore({ userId: actor.userId, workspace: ws }, id);
  }
}
