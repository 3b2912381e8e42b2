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
  Req,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ChangePasswordRequestSchema,
  CreateTokenRequestSchema,
  type CreatedToken,
  LoginRequestSchema,
  type MeResponse,
  PasswordResetConfirmSchema,
  type PasswordResetAccepted,
  PasswordResetRequestSchema,
  type TokenSummary,
  UpdateMeRequestSchema,
} from '@postplan/contracts';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { type Actor, ClientInfo, CurrentActor, Public, SessionOnly } from '../../common/auth/actor';
import {
  DEVICE_COOKIE,
  clearSessionCookies,
  readCookie,
  setDeviceCookie,
  setSessionCookies,
} from '../../common/auth/cookies';
import { AuthService } from './auth.service';

class LoginDto extends createZodDto(LoginRequestSchema) {}
class UpdateMeDto extends createZodDto(UpdateMeRequestSchema) {}
class CreateTokenDto extends createZodDto(CreateTokenRequestSchema) {}
class ChangePasswordDto extends createZodDto(ChangePasswordRequestSchema) {}
class PasswordResetRequestDto extends createZodDto(PasswordResetRequestSchema) {}
class PasswordResetConfirmDto extends createZodDto(PasswordResetConfirmSchema) {}

@ApiTags('auth')
@Controller('v1')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @ClientInfo() client: ClientInfo,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeResponse> {
    const result = await this.auth.login(
      body.email,
      body.password,
      client,
      readCookie(req, DEVICE_COOKIE),
    );
    setSessionCookies(req, res, result.session);
    setDeviceCookie(req, res, result.deviceCookie);
    return result.me;
  }

  @Post('auth/logout')
  @HttpCode(204)
  async logout(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    if (actor.sessionId) await this.auth.logout(actor.sessionId);
    clearSessionCookies(req, res);
  }

  /** Ends every session of the caller, in every browser, this one included. */
  @SessionOnly()
  @Post('auth/logout-everywhere')
  @HttpCode(204)
  async logoutEverywhere(
    @CurrentActor() actor: Actor,
    @ClientInfo() client: ClientInfo,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.logoutEverywhere(actor.userId, client);
    clearSessionCookies(req, res);
  }

  /** Always the same answer, whether or not the address has an account. */
  @Public()
  @Post('auth/password-reset')
  @HttpCode(202)
  async requestReset(
    @Body() body: PasswordResetRequestDto,
    @ClientInfo() client: ClientInfo,
  ): Promise<PasswordResetAccepted> {
    await this.auth.requestPasswordReset(body.email, client);
    return { accepted: true };
  }

  @Public()
  @Post('auth/password-reset/confirm')
  @HttpCode(204)
  async confirmReset(
    @Body() body: PasswordResetConfirmDto,
    @ClientInfo() client: ClientInfo,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.confirmPasswordReset(body.token, body.password, client);
    clearSessionCookies(req, res);
  }

  @Get('me')
  me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    return this.auth.me(actor.userId);
  }

  @Patch('me')
  updateMe(@CurrentActor() actor: Actor, @Body() body: UpdateMeDto): Promise<MeResponse> {
    return this.auth.updateMe(actor.userId, body);
  }

  /** Needs the current password; every other session of the person ends. */
  @SessionOnly()
  @Post('me/password')
  @HttpCode(204)
  changePassword(
    @CurrentActor() actor: Actor,
    @Body() body: ChangePasswordDto,
    @ClientInfo() client: ClientInfo,
    @Req() req: Request,
  ): Promise<void> {
    return this.auth.changePassword(
      actor.userId,
      actor.sessionId!,
      body,
      client,
      readCookie(req, DEVICE_COOKIE),
    );
  }

  @Get('me/tokens')
  async tokens(@CurrentActor() actor: Actor): Promise<{ items: TokenSummary[] }> {
    return { items: await this.auth.listTokens(actor.userId) };
  }

  /** Only a browser session makes tokens: a token that leaked cannot breed new ones. */
  @SessionOnly()
  @Post('me/tokens')
  createToken(@CurrentActor() actor: Actor, @Body() body: CreateTokenDto): Promise<CreatedToken> {
    return this.auth.createToken(actor.userId, body);
  }

  @Delete('me/tokens/:id')
  @HttpCode(204)
  revokeToken(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.auth.revokeToken(actor.userId, id);
  }
}
