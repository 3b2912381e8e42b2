import { invalidInput } from '../../common/errors/app-error';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type ImportJob,
  ImportJobSchema,
  ImportMappingSchema,
  type ImportResult,
  ImportResultSchema,
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
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { ImportService } from './import.service';
import { PlanExchangeError } from './plan-exchange.errors';

class ImportJobDto extends createZodDto(ImportJobSchema) {}
class ImportResultDto extends createZodDto(ImportResultSchema) {}
class ImportMappingDto extends createZodDto(ImportMappingSchema) {}
class UploadQueryDto extends createZodDto(
  z.strictObject({ name: z.string().trim().min(1).max(200).default('import.csv') }),
) {}

export const UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;
const readRaw = express.raw({ type: () => true, limit: UPLOAD_LIMIT_BYTES });

function readUpload(req: Request, res: Response): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    readRaw(req, res, (err?: unknown) => {
      if (!err) return resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
      const type = (err as { type?: string }).type;
      reject(
        type === 'entity.too.large'
          ? new PlanExchangeError(
              'PAYLOAD_TOO_LARGE',
              'The file is larger than the 50 MB an import accepts.',
            )
          : invalidInput('', 'The file could not be read.'),
      );
    }),
  );
}

/** Authors and above import posts (as drafts, authored by themselves). */
@ApiTags('import')
@Controller('v1/workspaces/:ws/imports')
@UseGuards(WorkspaceGuard)
@WorkspaceRole('author')
export class ImportsController {
  constructor(private readonly imports: ImportService) {}

  @Post()
  @ApiConsumes('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiBody({ description: 'The file itself as the body (CSV or XLSX); ?name= gives its name' })
  @ApiOkResponse({ type: ImportJobDto })
  async upload(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Query() q: UploadQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportJob> {
    if (req.is('application/json')) {
      throw new PlanExchangeError(
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the file itself as the body (text/csv or an XLSX file).',
      );
    }
    const bytes = await readUpload(req, res);
    return this.imports.upload(ws, actor.userId, q.name, bytes);
  }

  @Get(':id')
  @ApiOkResponse({ type: ImportJobDto, description: 'The job and its progress, for polling' })
  get(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ImportJob> {
    return this.imports.get(ws, id);
  }

  @Post(':id/dry-run')
  @HttpCode(200)
  @ApiOkResponse({
    type: ImportResultDto,
    description:
      'Every row and every problem; writes nothing and fetches nothing (image URLs are checked for their form only: http or https, no user name or password)',
  })
  dryRun(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() mapping: ImportMappingDto,
  ): Promise<ImportResult> {
    return this.imports.dryRun(ws, id, mapping);
  }

  @Post(':id/run')
  @ApiOkResponse({
    type: ImportResultDto,
    description:
      "All posts as drafts in one transaction, or none. Each distinct image URL is fetched once (public addresses only, unless POSTPLAN_WEBHOOK_ALLOW names them; no redirects; the media library image limit) and attached as media with its alt text; links to this workspace's own media files reuse them. 422 IMAGE_FETCH_FAILED or IMAGE_REJECTED (details.issues: the rows) imports nothing and keeps no file. A campaign column puts each post into the named campaign (its links tagged in the content hash); 422 UNKNOWN_CAMPAIGN when one was deleted since the check.",
  })
  run(
    @CurrentActor() actor: Actor,
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() mapping: ImportMappingDto,
  ): Promise<ImportResult> {
    return this.imports.run(ws, actor.userId, id, mapping);
  }
}
