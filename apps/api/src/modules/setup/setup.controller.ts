import { Body, Controller, Get, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type MeResponse, SetupRequestSchema, type SetupStatus } from '@postplan/contracts';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { ClientInfo, Public } from '../../common/auth/actor';
import { setSessionCookies } from '../../common/auth/cookies';
import { SetupGuard } from './setup.guard';
import { SetupService } from './setup.service';

class SetupDto extends createZodDto(SetupRequestSchema) {}

@ApiTags('setup')
@Controller('v1/setup')
@Public()
export class SetupController {
  constructor(private readonly setup: SetupService) {}

  @Get()
  async status(): Promise<SetupStatus> {
    return { needed: await this.setup.isNeeded() };
  }

  /** The guard answers 409 (or 429) before the body is read; see SetupGuard. */
  @Post()
  @UseGuards(SetupGuard)
  async run(
    @Body() body: SetupDto,
    @ClientInfo() client: ClientInfo,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeResponse> {
    const { session, me } = await this.setup.setUp(body, client);
    setSessionCookies(req, res, session);
    return me;
  }
}
