import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UsersModule } from '../users/users.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { SetupController } from './setup.controller';
import { SetupGuard } from './setup.guard';
import { SetupService } from './setup.service';

@Module({
  imports: [AuthModule, UsersModule, WorkspacesModule],
  controllers: [SetupController],
  providers: [SetupService, SetupGuard],
  exports: [SetupService],
})
export class SetupModule {}
