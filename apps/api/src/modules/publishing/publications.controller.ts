import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ConfirmPublicationRequestSchema,
  type Publication,
  PublicationActionRequestSchema,
  type PublicationList,
  PublicationListSchema,
  type PublicationLog,
  PublicationLogQuerySchema,
  PublicationLogSchema,
  PublicationSchema,
  PublishNowRequestSchema,
} from '@postplan/contracts';
import { createZodDto } from 'nestjs-zod';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { CurrentWorkspace, WorkspaceGuard } from '../../common/auth/workspace-access';
import { versionFromIfMatch } from '../../common/http/if-match';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { PublicationsService } from './publications.service';

class ConfirmPublicationDto extends createZodDto(ConfirmPublicationRequestSchema) {}
class PublicationActionDto extends createZodDto(PublicationActionRequestSchema) {}
class PublishNowDto extends createZodDto(PublishNowRequestSchema) {}
class PublicationLogQueryDto extends createZodDto(PublicationLogQuerySchema) {}
class PublicationDto extends createZodDto(PublicationSchema) {}
class PublicationListDto extends createZodDto(PublicationListSchema) {}
class PublicationLogDto extends createZodDto(PublicationLogSchema) {}

/**
 * Where each post goes out and what became of it, and what people decide when the engine
 * cannot: confirm with a link, publish again, retry, skip, publish now. docs/publishing.md.
 */
@ApiTags('publishing')
@Controller('v1/workspaces/:ws')
@UseGuards(WorkspaceGuard)
export class PublicationsController {
  constructor(private readonly publications: PublicationsService) {}

  @Get('posts/:id/publications')
  @ApiOkResponse({ type: PublicationListDto })
  forPost(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PublicationList> {
    return this.publications.forPost(ws.id, id);
  }

  @Post('posts/:id/publish-now')
  @HttpCode(200)
  @ApiOkResponse({ type: PublicationListDto })
  publishNow(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PublishNowDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<PublicationList> {
    return this.publications.publishNow(
      { userId: actor.userId, workspace: ws },
      id,
      versionFromIfMatch(ifMatch) ?? body.version,
    );
  }

  @Get('publications')
  @ApiOkResponse({ type: PublicationLogDto })
  log(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Query() query: PublicationLogQueryDto,
  ): Promise<PublicationLog> {
    return this.publications.log(ws, query);
  }

  @Post('publications/:id/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: PublicationDto })
  confirm(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ConfirmPublicationDto,
  ): Promise<Publication> {
    return this.publications.confirm({ userId: actor.userId, workspace: ws }, id, body);
  }

  @Post('publications/:id/publish-again')
  @HttpCode(200)
  @ApiOkResponse({ type: PublicationDto })
  publishAgain(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PublicationActionDto,
  ): Promise<Publication> {
    return this.publications.again(
      { userId: actor.userId, workspace: ws },
      id,
      'publish_again',
      body.note,
    );
  }

  @Post('publications/:id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: PublicationDto })
  retry(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PublicationActionDto,
  ): Promise<Publication> {
    return this.publications.again({ userId: actor.userId, workspace: ws }, id, 'retry', body.note);
  }

  @Post('publications/:id/skip')
  @HttpCode(200)
  @ApiOkResponse({ type: PublicationDto })
  skip(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PublicationActionDto,
  ): Promise<Publication> {
    return this.publications.skip({ userId: actor.userId, workspace: ws }, id, body.note);
  }
}
