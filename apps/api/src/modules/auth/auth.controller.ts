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
  CreateTokenRequestSchema,
  type CreatedToken,
  LoginRequestSchema,
  type MeResponse,
  type TokenSummary,
  UpdateMeRequestSchema,
} from '@postplan/contracts';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { type Actor, ClientInfo, CurrentActor, Public } from '../../common/auth/actor';
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

  @Get('me')
  me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    return this.auth.me(actor.userId);
  }

  @Patch('me')
  updateMe(@CurrentActor() actor: Actor, @Body() body: UpdateMeDto): Promise<MeResponse> {
    return this.auth.updateMe(actor.userId, body);
  }

  @Get('me/tokens')
  async tokens(@CurrentActor() actor: Actor): Promise<{ items: TokenSummary[] }> {
    return { items: await this.auth.listTokens(actor.userId) };
  }

  @Post('me/tokens')
  createToken(@CurrentActor() actor: Actor, @Body() body: CreateTokenDto): Promise<CreatedToken> {
    return this.auth.createToken(actor.userId, body.name);
  }

  @Delete('me/tokens/:id')
  @HttpCode(204)
  revokeToken(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.auth.revokeToken(actor.userId, id);
  }
}
