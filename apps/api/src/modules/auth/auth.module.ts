import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthGuard } from '../../common/auth/auth.guard';
import { UsersModule } from '../users/users.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { ApiTokenEntity } from './api-token.entity';
import { ApiTokensRepository } from './api-tokens.repository';
import { AuthController } from './auth.controller';
import { AuthMaintenance } from './auth.maintenance';
import { AuthService } from './auth.service';
import { LoginAttemptEntity } from './login-attempt.entity';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { SessionEntity } from './session.entity';
import { SessionsRepository } from './sessions.repository';
import { PasswordResetsRepository } from './password-resets.repository';

@Module({
  imports: [
    TypeOrmModule.forFeature([SessionEntity, ApiTokenEntity, LoginAttemptEntity]),
    UsersModule,
    WorkspacesModule,
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionsRepository,
    ApiTokensRepository,
    LoginAttemptsRepository,
    PasswordResetsRepository,
    AuthMaintenance,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
