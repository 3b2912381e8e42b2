import { Controller, Get, Param, ParseUUIDPipe, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  CampaignReportQuerySchema,
  ExportJsonSchema,
  ExportQuerySchema,
} from '@postplan/contracts';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { CurrentWorkspace, WorkspaceGuard } from '../../common/auth/workspace-access';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { CampaignReportService } from './campaign-report';
import { ExportService } from './export.service';
import { attachment, nonce, streamTo } from './http-helpers';

class ExportQueryDto extends createZodDto(ExportQuerySchema) {}
class ExportJsonDto extends createZodDto(ExportJsonSchema) {}
class CampaignReportQueryDto extends createZodDto(CampaignReportQuerySchema) {}

/** Every member may export what the calendar shows them; the same filters as the calendar. */
@ApiTags('export')
@Controller('v1/workspaces/:ws/exports')
@UseGuards(WorkspaceGuard)
export class ExportsController {
  constructor(
    private readonly exports: ExportService,
    private readonly reports: CampaignReportService,
  ) {}

  @Get('campaigns/:id/report.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      "A campaign's report: one row per post and channel, the text as published (links tagged), the publication's state and link",
  })
  async campaignCsv(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: CampaignReportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const data = await this.reports.load(ws, id);
    attachment(res, 'text/csv; charset=utf-8', this.reports.fileName(ws, data.campaign, 'csv'));
    const lang = q.lang ?? (ws.locale === 'de' ? 'de' : 'en');
    await streamTo(res, () =>
      this.reports.csv(ws, data, lang, q.delimiter === 'comma' ? ',' : ';', res),
    );
  }

  @Get('campaigns/:id/report.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({
    description: "A campaign's summary and its posts, one row per post and channel",
  })
  async campaignXlsx(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: CampaignReportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const data = await this.reports.load(ws, id);
    attachment(
      res,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      this.reports.fileName(ws, data.campaign, 'xlsx'),
    );
    const lang = q.lang ?? (ws.locale === 'de' ? 'de' : 'en');
    await streamTo(res, () => this.reports.xlsx(ws, data, lang, res));
  }

  @Get('posts.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'RFC 4180, UTF-8 with BOM, one row per post and channel; streamed',
  })
  async csv(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Query() q: ExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    this.exports.selection(ws, q);
    attachment(res, 'text/csv; charset=utf-8', fileName(ws, q, 'csv'));
    await streamTo(res, () => this.exports.csv(ws, q, res));
  }

  @Get('posts.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({
    description:
      "One row per post and channel, date cells in the workspace zone; after the plan's sheet one sheet per campaign of the selection (named after it, made valid for Excel) with that campaign's rows",
  })
  async xlsx(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Query() q: ExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    this.exports.selection(ws, q);
    attachment(
      res,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName(ws, q, 'xlsx'),
    );
    await streamTo(res, () => this.exports.xlsx(ws, q, res));
  }

  @Get('posts.json')
  @ApiOkResponse({ type: ExportJsonDto, description: 'The API post shape, streamed' })
  async json(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Query() q: ExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    this.exports.selection(ws, q);
    attachment(res, 'application/json; charset=utf-8', fileName(ws, q, 'json'));
    await streamTo(res, () => this.exports.json(ws, q, res));
  }

  @Get('posts.ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'RFC 5545, one event per post, TZID with VTIMEZONE' })
  async ics(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Query() q: ExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    this.exports.selection(ws, q);
    attachment(res, 'text/calendar; charset=utf-8', fileName(ws, q, 'ics'));
    await streamTo(res, () => this.exports.ics(ws, q, res));
  }

  @Get('plan.html')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The print view (A4 landscape), week or month' })
  async html(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Query() q: ExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const scriptNonce = nonce();
    const html = await this.exports.printHtml(ws, q, scriptNonce);
    // Stricter than the app's policy: the page needs its styles and one script, nothing else.
    res.setHeader(
      'Content-Security-Policy',
      `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${scriptNonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    res.type('text/html').send(html);
  }

  @Get('plan.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The print view as PDF; 503 PDF_RENDERER_UNAVAILABLE without chromium',
  })
  async pdf(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Query() q: ExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const pdf = await this.exports.pdf(ws, q);
    attachment(res, 'application/pdf', fileName(ws, q, 'pdf'));
    res.send(pdf);
  }
}

function fileName(ws: WorkspaceWithRole, q: { from: string; to: string }, ext: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '-');
  return `postplan-${safe(ws.slug)}-${safe(q.from.slice(0, 10))}-${safe(q.to.slice(0, 10))}.${ext}`;
}
