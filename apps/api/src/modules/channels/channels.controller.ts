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
import { ApiTags } from '@nestjs/swagger';
import {
  type Channel,
  type ChannelList,
  CreateChannelRequestSchema,
  UpdateChannelRequestSchema,
} from '@postplan/contracts';
import { createZodDto } from 'nestjs-zod';
import {
  CurrentWorkspace,
  WorkspaceGuard,
  WorkspaceRole,
} from '../../common/auth/workspace-access';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { ChannelsService } from './channels.service';

class CreateChannelDto extends createZodDto(CreateChannelRequestSchema) {}
class UpdateChannelDto extends createZodDto(UpdateChannelRequestSchema) {}

@ApiTags('channels')
@Controller('v1/workspaces/:ws/channels')
@UseGuards(WorkspaceGuard)
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get()
  async list(@CurrentWorkspace() ws: WorkspaceWithRole): Promise<ChannelList> {
    return { items: await this.channels.list(ws.id) };
  }

  @Post()
  @WorkspaceRole('admin')
  create(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Body() body: CreateChannelDto,
  ): Promise<Channel> {
    return this.channels.create(ws.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @WorkspaceRole('admin')
  async remove(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.channels.remove(ws.id, id);
  }

  @Patch(':id')
  @WorkspaceRole('admin')
  update(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateChannelDto,
  ): Promise<Channel> {
    return this.channels.update(ws.id, id, body);
  }
}
