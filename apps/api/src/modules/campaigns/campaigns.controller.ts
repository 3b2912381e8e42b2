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
  UseGuards,
} from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type CampaignDetail,
  CampaignDetailSchema,
  type CampaignList,
  CampaignListSchema,
  CreateCampaignRequestSchema,
  DeleteCampaignRequestSchema,
  UpdateCampaignRequestSchema,
} from '@postplan/contracts';
import { createZodDto } from 'nestjs-zod';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import {
  CurrentWorkspace,
  WorkspaceGuard,
  WorkspaceRole,
} from '../../common/auth/workspace-access';
import { versionFromIfMatch } from '../../common/http/if-match';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { CampaignsService } from './campaigns.service';

class CreateCampaignDto extends createZodDto(CreateCampaignRequestSchema) {}
class UpdateCampaignDto extends createZodDto(UpdateCampaignRequestSchema) {}
class CampaignListDto extends createZodDto(CampaignListSchema) {}
class CampaignDetailDto extends createZodDto(CampaignDetailSchema) {}

@ApiTags('campaigns')
@Controller('v1/workspaces/:ws/campaigns')
@UseGuards(WorkspaceGuard)
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @ApiOkResponse({ type: CampaignListDto })
  async list(@CurrentWorkspace() ws: WorkspaceWithRole): Promise<CampaignList> {
    return { items: await this.campaigns.list(ws) };
  }

  @Post()
  @WorkspaceRole('author')
  @ApiOkResponse({ type: CampaignDetailDto })
  create(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Body() body: CreateCampaignDto,
  ): Promise<CampaignDetail> {
    return this.campaigns.create({ userId: actor.userId, workspace: ws }, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: CampaignDetailDto })
  get(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CampaignDetail> {
    return this.campaigns.get(ws, id);
  }

  @Patch(':id')
  @WorkspaceRole('author')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version being changed' })
  @ApiOkResponse({ type: CampaignDetailDto })
  update(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateCampaignDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<CampaignDetail> {
    return this.campaigns.update(
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
    const body = DeleteCampaignRequestSchema.optional().parse(raw);
    return this.campaigns.remove(
      { userId: actor.userId, workspace: ws },
      id,
      versionFromIfMatch(ifMatch) ?? body?.version,
    );
  }
}
