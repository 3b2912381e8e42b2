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
  CreateWorkspaceRequestSchema,
  type Member,
  type MemberList,
  UpdateMemberRequestSchema,
  UpdateWorkspaceRequestSchema,
  type Workspace,
} from '@postplan/contracts';
import { createZodDto } from 'nestjs-zod';
import { type Actor, CurrentActor, TokenScopeNeeded } from '../../common/auth/actor';
import {
  CurrentWorkspace,
  WorkspaceGuard,
  WorkspaceRole,
} from '../../common/auth/workspace-access';
import { toWorkspace } from './workspace.mapper';
import { type WorkspaceWithRole } from './workspaces.repository';
import { WorkspacesService } from './workspaces.service';

class UpdateWorkspaceDto extends createZodDto(UpdateWorkspaceRequestSchema) {}
class UpdateMemberDto extends createZodDto(UpdateMemberRequestSchema) {}

@ApiTags('workspaces')
@Controller('v1/workspaces/:ws')
@UseGuards(WorkspaceGuard)
export class WorkspacesController {
  constructor(private readonly workspaces: WorkspacesService) {}

  @Get()
  get(@CurrentWorkspace() ws: WorkspaceWithRole): Workspace {
    return toWorkspace(ws);
  }

  @Patch()
  @WorkspaceRole('admin')
  @TokenScopeNeeded('admin')
  update(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Body() body: UpdateWorkspaceDto,
  ): Promise<Workspace> {
    return this.workspaces.update(ws, body);
  }

  @Get('members')
  async members(@CurrentWorkspace() ws: WorkspaceWithRole): Promise<MemberList> {
    return { items: await this.workspaces.listMembers(ws.id) };
  }

  @Patch('members/:userId')
  @WorkspaceRole('admin')
  @TokenScopeNeeded('admin')
  changeRole(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: UpdateMemberDto,
  ): Promise<Member> {
    return this.workspaces.changeRole(ws, userId, body.role);
  }

  @Delete('members/:userId')
  @WorkspaceRole('admin')
  @TokenScopeNeeded('admin')
  @HttpCode(204)
  removeMember(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<void> {
    return this.workspaces.removeMember(ws, userId);
  }
}

class CreateWorkspaceDto extends createZodDto(CreateWorkspaceRequestSchema) {}

/** Any signed-in person may start a workspace (an agency's next client) and owns it. */
@ApiTags('workspaces')
@Controller('v1/workspaces')
export class WorkspaceCreationController {
  constructor(private readonly workspaces: WorkspacesService) {}

  @Post()
  @TokenScopeNeeded('admin')
  create(@CurrentActor() actor: Actor, @Body() body: CreateWorkspaceDto): Promise<Workspace> {
    return this.workspaces.create(body, actor.userId);
  }
}
