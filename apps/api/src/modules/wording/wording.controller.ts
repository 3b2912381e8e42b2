import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type WordingCheckResponse,
  WordingCheckRequestSchema,
  WordingCheckResponseSchema,
} from '@postplan/contracts';
import { createZodDto } from 'nestjs-zod';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { CurrentWorkspace, WorkspaceGuard } from '../../common/auth/workspace-access';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { WordingService } from './wording.service';

class WordingCheckDto extends createZodDto(WordingCheckRequestSchema) {}
class WordingCheckResponseDto extends createZodDto(WordingCheckResponseSchema) {}

@ApiTags('wording')
@Controller('v1/workspaces/:ws/wording')
@UseGuards(WorkspaceGuard)
export class WordingController {
  constructor(private readonly wording: WordingService) {}

  /** Any member: checking changes nothing. */
  @Post('check')
  @HttpCode(200)
  @ApiOkResponse({ type: WordingCheckResponseDto })
  check(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Body() body: WordingCheckDto,
  ): Promise<WordingCheckResponse> {
    return this.wording.check(ws, actor.userId, body);
  }
}
