import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  Post,
  Put,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  type BrandRuleList,
  BrandRuleListSchema,
  type BrandRulesCsvImportResponse,
  BrandRulesCsvImportQuerySchema,
  BrandRulesCsvImportResponseSchema,
  ReplaceBrandRulesRequestSchema,
  WordingSettingsResponseSchema,
  type WordingSettingsResponse,
  WordingSettingsSchema,
} from '@postplan/contracts';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type Actor, CurrentActor, TokenScopeNeeded } from '../../common/auth/actor';
import {
  CurrentWorkspace,
  WorkspaceGuard,
  WorkspaceRole,
} from '../../common/auth/workspace-access';
import { versionFromIfMatch } from '../../common/http/if-match';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { readCsvBody } from './csv-body';
import { type SettingsCaller, WordingSettingsService } from './wording-settings.service';

class WordingSettingsDto extends createZodDto(WordingSettingsSchema) {}
class WordingSettingsResponseDto extends createZodDto(WordingSettingsResponseSchema) {}
class ReplaceBrandRulesDto extends createZodDto(ReplaceBrandRulesRequestSchema) {}
class BrandRuleListDto extends createZodDto(BrandRuleListSchema) {}
class CsvImportQueryDto extends createZodDto(BrandRulesCsvImportQuerySchema) {}
class CsvImportResponseDto extends createZodDto(BrandRulesCsvImportResponseSchema) {}
class AddWordsDto extends createZodDto(
  z.strictObject({ words: z.array(z.string().trim().min(1).max(80)).min(1).max(1000) }),
) {}

/** Members read the wording settings; owners and admins change them. */
@ApiTags('wording')
@Controller('v1/workspaces/:ws/wording')
@UseGuards(WorkspaceGuard)
export class WordingSettingsController {
  constructor(private readonly settings: WordingSettingsService) {}

  @Get('settings')
  @ApiOkResponse({ type: WordingSettingsResponseDto })
  get(@CurrentWorkspace() ws: WorkspaceWithRole): Promise<WordingSettingsResponse> {
    return this.settings.settings(ws.id);
  }

  @Put('settings')
  @WorkspaceRole('admin')
  @TokenScopeNeeded('admin')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description:
      'The settings version you read; a change made since answers 409 STALE_VERSION instead of being overwritten.',
  })
  @ApiOkResponse({ type: WordingSettingsResponseDto })
  put(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Body() body: WordingSettingsDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<WordingSettingsResponse> {
    return this.settings.replaceSettings(this.caller(actor, ws), body, versionFromIfMatch(ifMatch));
  }

  /** Editors add words from the editor ("add to dictionary"); the list itself is in the settings. */
  @Post('words')
  @WorkspaceRole('editor')
  @HttpCode(200)
  @ApiOkResponse({ type: WordingSettingsResponseDto })
  addWords(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Body() body: AddWordsDto,
  ): Promise<WordingSettingsResponse> {
    return this.settings.addWords(this.caller(actor, ws), body.words);
  }

  @Get('brand-rules')
  @ApiOkResponse({ type: BrandRuleListDto })
  brandRules(@CurrentWorkspace() ws: WorkspaceWithRole): Promise<BrandRuleList> {
    return this.settings.brandRules(ws.id);
  }

  @Put('brand-rules')
  @WorkspaceRole('admin')
  @TokenScopeNeeded('admin')
  @ApiOkResponse({ type: BrandRuleListDto })
  replaceBrandRules(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Body() body: ReplaceBrandRulesDto,
  ): Promise<BrandRuleList> {
    return this.settings.replaceBrandRules(this.caller(actor, ws), body.items);
  }

  /** Opens in Excel by double-click: UTF-8 with BOM, semicolons, CRLF. */
  @Get('brand-rules.csv')
  @ApiProduces('text/csv')
  @Header('Cache-Control', 'no-store')
  async exportCsv(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const csv = await this.settings.exportCsv(ws.id);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="brand-rules-${ws.slug}.csv"`);
    return csv;
  }

  @Post('brand-rules.csv')
  @WorkspaceRole('admin')
  @TokenScopeNeeded('admin')
  @HttpCode(200)
  @ApiConsumes('text/csv', 'application/json')
  @ApiBody({
    description:
      'The CSV file (columns kind, term, replacement, severity, message_de, message_en, inflect; German headers work too), or JSON { "csv": "…" }',
    schema: { type: 'string' },
  })
  @ApiOkResponse({ type: CsvImportResponseDto })
  async importCsv(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Query() query: CsvImportQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BrandRulesCsvImportResponse> {
    const csv = await readCsvBody(req, res);
    return this.settings.importCsv(this.caller(actor, ws), csv, query.mode);
  }

  private caller(actor: Actor, ws: WorkspaceWithRole): SettingsCaller {
    return { userId: actor.userId, workspaceId: ws.id, workspaceLocale: ws.locale };
  }
}
