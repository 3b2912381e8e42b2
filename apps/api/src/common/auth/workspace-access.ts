import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasRole, type Role } from '@postplan/contracts';
import { AppError } from '../errors/app-error';
import {
  type WorkspaceWithRole,
  WorkspacesRepository,
} from '../../modules/workspaces/workspaces.repository';
import { AuditService } from '../../modules/audit/audit.service';
import { type AuthedRequest } from './actor';

const MIN_ROLE = 'postplan:min-role';
/** The route needs membership of the {ws} workspace with at least this role. */
export const WorkspaceRole = (atLeast: Role) => SetMetadata(MIN_ROLE, atLeast);

type WorkspaceRequest = AuthedRequest & { workspace?: WorkspaceWithRole };

/**
 * Resolves {ws} (id or slug) for the calling user. A workspace the user is not a member of is
 * answered exactly like one that does not exist, so nothing about it leaks.
 */
@Injectable()
export class WorkspaceGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly workspaces: WorkspacesRepository,
    private readonly audit: AuditService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<WorkspaceRequest>();
    const ws = req.params.ws;
    if (!req.actor || typeof ws !== 'string') return false;
    const workspace =
      ws.length <= 64 ? await this.workspaces.findForMember(ws, req.actor.userId) : null;
    if (!workspace)
      throw new AppError(
        'WORKSPACE_NOT_FOUND',
        'There is no such workspace, or you are not a member of it.',
      );
    const atLeast = this.reflector.getAllAndOverride<Role | undefined>(MIN_ROLE, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (atLeast && !hasRole(workspace.role, atLeast)) {
      await this.audit.recordNow({
        workspaceId: workspace.id,
        actor: { type: 'user', userId: req.actor.userId },
        action: 'access.denied',
        after: { request: `${req.method} ${req.originalUrl.split('?')[0]}`, required: atLeast },
        ip: req.ip ?? null,
      });
      throw new AppError(
        'FORBIDDEN_ROLE',
        `This needs the role ${atLeast} or higher; you are ${workspace.role}.`,
        {
          required: atLeast,
          role: workspace.role,
        },
      );
    }
    req.workspace = workspace;
    return true;
  }
}

export const CurrentWorkspace = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): WorkspaceWithRole => {
    const ws = ctx.switchToHttp().getRequest<WorkspaceRequest>().workspace;
    if (!ws) throw new Error('CurrentWorkspace used without WorkspaceGuard');
    return ws;
  },
);
