import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuditPage, AuditPageSchema, AuditQuerySchema } from '@postplan/contracts';
import { createZodDto } from 'nestjs-zod';
import {
  CurrentWorkspace,
  WorkspaceGuard,
  WorkspaceRole,
} from '../../common/auth/workspace-access';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { AuditService } from './audit.service';

class AuditQueryDto extends createZodDto(AuditQuerySchema) {}
class AuditPageDto extends createZodDto(AuditPageSchema) {}

@ApiTags('audit')
@Controller('v1/workspaces/:ws/audit')
@UseGuards(WorkspaceGuard)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The workspace's audit log, newest first, for owners and admins. */
  @Get()
  @WorkspaceRole('admin')
  @ApiOkResponse({ type: AuditPageDto })
  async list(
    @CurrentWorkspace() ws: WorkspaceWithRole,
    @Query() q: AuditQueryDto,
  ): Promise<AuditPage> {
    const items = await this.audit.list({
      workspaceId: ws.id,
      action: q.action,
      actorUserId: q.actor,
      postId: q.post,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      beforeId: q.before,
      limit: q.limit + 1,
      order: 'newest',
    });
    const page = items.slice(0, q.limit);
    return {
      items: page,
      nextCursor: items.length > q.limit ? (page.at(-1)?.id ?? null) : null,
    };
  }
}
