import { Controller, Get, Header, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  LocaleSchema,
  type PublicRules,
  PublicRulesSchema,
  type Verification,
  VerificationSchema,
} from '@postplan/contracts';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Public } from '../../common/auth/actor';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { originOf } from '../plan-exchange/http-helpers';
import { CERTIFICATE_CSP } from './certificate';
import { ContestDrawService } from './contest-draw.service';
import { contestNotFound } from './contest.errors';
import { ContestsService } from './contests.service';

class PublicRulesDto extends createZodDto(PublicRulesSchema) {}
class VerificationDto extends createZodDto(VerificationSchema) {}
class RulesQueryDto extends createZodDto(
  z.strictObject({
    lang: LocaleSchema.optional(),
    version: z.coerce.number().int().positive().optional(),
  }),
) {}
class LangQueryDto extends createZodDto(z.strictObject({ lang: LocaleSchema.optional() })) {}

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

function checked(token: string): string {
  if (!TOKEN.test(token)) throw contestNotFound();
  return token;
}

/**
 * What anyone may see without an account: a contest's rules, and once committed and drawn its
 * commitment, result and certificate. The unguessable token in the path names the contest.
 */
@ApiTags('contests (public)')
@Public()
@Controller('v1/public/contests/:token')
export class PublicContestsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly contests: ContestsService,
    private readonly draws: ContestDrawService,
  ) {}

  @Get('rules')
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOkResponse({ type: PublicRulesDto })
  rules(
    @Param('token') token: string,
    @Query() q: RulesQueryDto,
    @Req() req: Request,
  ): Promise<PublicRules> {
    return this.contests.publicRules(checked(token), q.lang, q.version, originOf(this.config, req));
  }

  @Get('verification')
  @Header('Cache-Control', 'no-cache')
  @ApiOkResponse({ type: VerificationDto, description: 'Published inputs and the recomputed draw' })
  verification(@Param('token') token: string, @Req() req: Request): Promise<Verification> {
    return this.draws.verification(checked(token), originOf(this.config, req));
  }

  @Get('certificate.html')
  @ApiProduces('text/html')
  @Header('Cache-Control', 'no-cache')
  async certificateHtml(
    @Param('token') token: string,
    @Query() q: LangQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const html = await this.draws.certificateHtml(
      null,
      { token: checked(token) },
      originOf(this.config, req),
      q.lang,
    );
    res.setHeader('Content-Security-Policy', CERTIFICATE_CSP);
    res.type('html').send(html);
  }

  @Get('certificate.pdf')
  @ApiProduces('application/pdf')
  async certificatePdf(
    @Param('token') token: string,
    @Query() q: LangQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const pdf = await this.draws.certificatePdf(
      null,
      { token: checked(token) },
      originOf(this.config, req),
      q.lang,
    );
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', 'inline; filename="certificate.pdf"');
    res.send(pdf);
  }
}
