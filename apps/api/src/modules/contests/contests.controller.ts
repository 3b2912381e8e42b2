import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  Headers,
  HttpCode,
  Inject,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  type CollectEntriesResult,
  CollectEntriesResultSchema,
  type Contest,
  type ContestDraw,
  ContestDrawSchema,
  type ContestList,
  ContestListQuerySchema,
  ContestListSchema,
  ContestSchema,
  CreateContestRequestSchema,
  DraftNotificationRequestSchema,
  DrawRequestSchema,
  type Entrant,
  type EntrantList,
  EntrantListSchema,
  EntrantSchema,
  type EntryCsvReport,
  EntryCsvReportSchema,
  type EntryList,
  EntryListSchema,
  ExcludeEntrantRequestSchema,
  type GeneratedRules,
  GeneratedRulesSchema,
  LocaleSchema,
  RedrawRequestSchema,
  type RulesVersion,
  type RulesVersionList,
  RulesVersionListSchema,
  RulesVersionSchema,
  SaveRulesRequestSchema,
  UpdateContestRequestSchema,
  type WinnerNotification,
  WinnerNotificationListSchema,
  WinnerNotificationSchema,
} from '@postplan/contracts';
import express, { type Request, type Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import {
  CurrentWorkspace,
  WorkspaceGuard,
  WorkspaceRole,
} from '../../common/auth/workspace-access';
import { invalidInput } from '../../common/errors/app-error';
import { versionFromIfMatch } from '../../common/http/if-match';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { originOf } from '../plan-exchange/http-helpers';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { CERTIFICATE_CSP } from './certificate';
import { ContestDrawService } from './contest-draw.service';
import { ContestEntriesService } from './contest-entries.service';
import { ContestError } from './contest.errors';
import { ContestsService } from './contests.service';

class ContestDto extends createZodDto(ContestSchema) {}
class ContestListDto extends createZodDto(ContestListSchema) {}
class ContestListQueryDto extends createZodDto(ContestListQuerySchema) {}
class CreateContestDto extends createZodDto(CreateContestRequestSchema) {}
class UpdateContestDto extends createZodDto(UpdateContestRequestSchema) {}
class GeneratedRulesDto extends createZodDto(GeneratedRulesSchema) {}
class RulesVersionDto extends createZodDto(RulesVersionSchema) {}
class RulesVersionListDto extends createZodDto(RulesVersionListSchema) {}
class SaveRulesDto extends createZodDto(SaveRulesRequestSchema) {}
class EntryListDto extends createZodDto(EntryListSchema) {}
class EntrantListDto extends createZodDto(EntrantListSchema) {}
class EntrantDto extends createZodDto(EntrantSchema) {}
class ExcludeDto extends createZodDto(ExcludeEntrantRequestSchema) {}
class CollectResultDto extends createZodDto(CollectEntriesResultSchema) {}
class CsvReportDto extends createZodDto(EntryCsvReportSchema) {}
class ContestDrawDto extends createZodDto(ContestDrawSchema) {}
class DrawDto extends createZodDto(DrawRequestSchema) {}
class RedrawDto extends createZodDto(RedrawRequestSchema) {}
class NotificationDto extends createZodDto(WinnerNotificationSchema) {}
class NotificationListDto extends createZodDto(WinnerNotificationListSchema) {}
class DraftNotificationDto extends createZodDto(DraftNotificationRequestSchema) {}
class CsvQueryDto extends createZodDto(
  z.strictObject({
    dryRun: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
  }),
) {}
class LangQueryDto extends createZodDto(z.strictObject({ lang: LocaleSchema.optional() })) {}

const CSV_LIMIT_BYTES = 10 * 1024 * 1024;
const readRaw = express.raw({ type: () => true, limit: CSV_LIMIT_BYTES });
const CsvJsonSchema = z.strictObject({ csv: z.string().max(CSV_LIMIT_BYTES) });

/** The CSV as bytes: a text/csv (or octet-stream) body, or JSON { "csv": "..." }. */
async function readCsv(req: Request, res: Response): Promise<Buffer> {
  if (req.is('application/json')) {
    const parsed = CsvJsonSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw invalidInput('csv', 'Send the file as { "csv": "…" }.');
    return Buffer.from(parsed.data.csv, 'utf8');
  }
  if (!req.is(['text/csv', 'text/plain', 'application/csv', 'application/octet-stream'])) {
    throw new ContestError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the entries as text/csv (the file itself), or as JSON { "csv": "…" }.',
    );
  }
  const bytes = await new Promise<Buffer>((resolve, reject) =>
    readRaw(req, res, (err?: unknown) => {
      if (!err) return resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
      const type = (err as { type?: string }).type;
      reject(
        type === 'entity.too.large'
          ? new ContestError('PAYLOAD_TOO_LARGE', 'The file is larger than the 10 MB accepted.')
          : invalidInput('', 'The file could not be read.'),
      );
    }),
  );
  return bytes;
}

/**
 * Contests of a workspace. Viewers read; authors and up set contests up and bring in entries;
 * editors and up decide: exclusions, the commitment, the draw and replacements.
 */
@ApiTags('contests')
@Controller('v1/workspaces/:ws/contests')
@UseGuards(WorkspaceGuard)
export class ContestsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly contests: ContestsService,
    private readonly entries: ContestEntriesService,
    private readonly draws: ContestDrawService,
  ) {}

  @Get()
  @ApiOkResponse({ type: ContestListDto })
  async list(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Query() q: ContestListQueryDto,
    @Req() req: Request,
  ): Promise<ContestList> {
    return { items: await this.contests.list(ws, q, originOf(this.config, req)) };
  }

  @Post()
  @WorkspaceRole('author')
  @ApiOkResponse({ type: ContestDto })
  create(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Body() body: CreateContestDto,
    @Req() req: Request,
  ): Promise<Contest> {
    return this.contests.create(ws, actor.userId, body, originOf(this.config, req));
  }

  @Get(':id')
  @ApiOkResponse({ type: ContestDto })
  get(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
  ): Promise<Contest> {
    return this.contests.get(ws, id, originOf(this.config, req));
  }

  @Patch(':id')
  @WorkspaceRole('author')
  @ApiOkResponse({ type: ContestDto })
  update(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateContestDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() req: Request,
  ): Promise<Contest> {
    return this.contests.update(
      ws,
      actor.userId,
      id,
      body,
      versionFromIfMatch(ifMatch),
      originOf(this.config, req),
    );
  }

  @Delete(':id')
  @WorkspaceRole('editor')
  @HttpCode(204)
  remove(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.contests.remove(ws, actor.userId, id);
  }

  // ---- rules ----

  @Get(':id/rules/generated')
  @ApiOkResponse({ type: GeneratedRulesDto, description: 'From the current fields; not saved' })
  generated(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
  ): Promise<GeneratedRules> {
    return this.contests.generatedRules(ws, id, originOf(this.config, req));
  }

  @Get(':id/rules')
  @ApiOkResponse({ type: RulesVersionListDto })
  async rules(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<RulesVersionList> {
    return { items: await this.contests.rules(ws, id) };
  }

  @Post(':id/rules')
  @WorkspaceRole('author')
  @ApiOkResponse({ type: RulesVersionDto, description: 'A new version' })
  saveRules(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SaveRulesDto,
    @Req() req: Request,
  ): Promise<RulesVersion> {
    return this.contests.saveRules(ws, actor.userId, id, body, originOf(this.config, req));
  }

  @Get(':id/rules/:version')
  @ApiOkResponse({ type: RulesVersionDto })
  rulesVersion(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('version', ParseIntPipe) version: number,
  ): Promise<RulesVersion> {
    return this.contests.rulesVersion(ws, id, version);
  }

  // ---- entries ----

  @Get(':id/entries')
  @ApiOkResponse({ type: EntryListDto })
  listEntries(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EntryList> {
    return this.entries.entries(ws, id);
  }

  @Get(':id/entrants')
  @ApiOkResponse({ type: EntrantListDto })
  entrants(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EntrantList> {
    return this.entries.entrants(ws, id);
  }

  @Post(':id/entries/collect')
  @WorkspaceRole('author')
  @HttpCode(200)
  @ApiOkResponse({ type: CollectResultDto })
  collect(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CollectEntriesResult> {
    return this.entries.collect(ws, actor.userId, id);
  }

  @Post(':id/entries/csv')
  @WorkspaceRole('author')
  @HttpCode(200)
  @ApiConsumes('text/csv', 'application/json')
  @ApiBody({ description: 'The CSV file itself, or JSON { "csv": "…" }' })
  @ApiOkResponse({ type: CsvReportDto })
  async importCsv(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: CsvQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EntryCsvReport> {
    const bytes = await readCsv(req, res);
    return this.entries.importCsv(ws, actor.userId, id, bytes, q.dryRun);
  }

  @Post(':id/entrants/:entrantId/exclude')
  @WorkspaceRole('editor')
  @HttpCode(200)
  @ApiOkResponse({ type: EntrantDto })
  exclude(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('entrantId') entrantId: string,
    @Body() body: ExcludeDto,
  ): Promise<Entrant> {
    return this.entries.setExcluded(ws, actor.userId, id, entrantId, body.reason);
  }

  @Post(':id/entrants/:entrantId/include')
  @WorkspaceRole('editor')
  @HttpCode(200)
  @ApiOkResponse({ type: EntrantDto })
  include(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('entrantId') entrantId: string,
  ): Promise<Entrant> {
    return this.entries.setExcluded(ws, actor.userId, id, entrantId, null);
  }

  // ---- commitment, draw ----

  @Get(':id/draw')
  @ApiOkResponse({ type: ContestDrawDto })
  draw(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ContestDraw> {
    return this.draws.get(ws, id);
  }

  @Post(':id/commit')
  @WorkspaceRole('editor')
  @HttpCode(200)
  @ApiOkResponse({ type: ContestDrawDto })
  commit(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ContestDraw> {
    return this.draws.commit(ws, actor.userId, id);
  }

  @Post(':id/draw')
  @WorkspaceRole('editor')
  @HttpCode(200)
  @ApiOkResponse({ type: ContestDrawDto })
  runDraw(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DrawDto,
  ): Promise<ContestDraw> {
    return this.draws.draw(ws, actor.userId, id, body);
  }

  @Post(':id/redraw')
  @WorkspaceRole('editor')
  @HttpCode(200)
  @ApiOkResponse({ type: ContestDrawDto })
  redraw(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RedrawDto,
  ): Promise<ContestDraw> {
    return this.draws.redraw(ws, actor.userId, id, body);
  }

  @Get(':id/certificate.html')
  @ApiProduces('text/html')
  @Header('Cache-Control', 'private, no-store')
  async certificateHtml(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: LangQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const html = await this.draws.certificateHtml(ws, { id }, originOf(this.config, req), q.lang);
    res.setHeader('Content-Security-Policy', CERTIFICATE_CSP);
    res.type('html').send(html);
  }

  @Get(':id/certificate.pdf')
  @ApiProduces('application/pdf')
  async certificatePdf(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: LangQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const pdf = await this.draws.certificatePdf(ws, { id }, originOf(this.config, req), q.lang);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', 'attachment; filename="certificate.pdf"');
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(pdf);
  }

  // ---- winner notifications ----

  @Get(':id/notifications')
  @ApiOkResponse({ type: NotificationListDto })
  async notifications(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<{ items: WinnerNotification[] }> {
    return { items: await this.draws.notifications(ws, id) };
  }

  @Post(':id/notifications')
  @WorkspaceRole('author')
  @ApiOkResponse({ type: NotificationDto, description: 'A draft post, for review' })
  draftNotification(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DraftNotificationDto,
    @Req() req: Request,
  ): Promise<WinnerNotification> {
    return this.draws.draftNotification(ws, actor.userId, id, body, originOf(this.config, req));
  }
}
