import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkspaceGuard } from '../../common/auth/workspace-access';
import { UsersModule } from '../users/users.module';
import { MembershipEntity } from './membership.entity';
import { WorkspaceEntity } from './workspace.entity';
import { WorkspaceCreationController, WorkspacesController } from './workspaces.controller';
import { WorkspacesRepository } from './workspaces.repository';
import { WorkspacesService } from './workspaces.service';

@Module({
  imports: [TypeOrmModule.forFeature([WorkspaceEntity, MembershipEntity]), UsersModule],
  controllers: [WorkspacesController, WorkspaceCreationController],
  providers: [WorkspacesRepository, WorkspacesService, WorkspaceGuard],
  exports: [WorkspacesRepository, WorkspacesService, WorkspaceGuard],
})
export class WorkspacesModule {}
