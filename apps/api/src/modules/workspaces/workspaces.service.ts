import { Injectable } from '@nestjs/common';
import {
  type Member,
  type Role,
  type UpdateWorkspaceRequestSchema,
  type Workspace,
} from '@postplan/contracts';
import { isValidTimeZone } from '@postplan/domain';
import { type EntityManager } from 'typeorm';
import { type z } from 'zod';
import { AppError } from '../../common/errors/app-error';
import { hasRole } from '@postplan/contracts';
import { slugify } from '../../common/http/slug';
import { type WorkspaceEntity } from './workspace.entity';
import { toMember, toWorkspace } from './workspace.mapper';
import { type WorkspaceWithRole, WorkspacesRepository } from './workspaces.repository';

type NewWorkspace = {
  name: string;
  slug?: string;
  timeZone: string;
  locale: 'de' | 'en';
  holidayCountry?: string;
  holidayRegion?: string | null;
};

@Injectable()
export class WorkspacesService {
  constructor(private readonly workspaces: WorkspacesRepository) {}

  /** Creates a workspace with its first owner, inside the caller's transaction. */
  async createWithOwner(
    input: NewWorkspace,
    ownerId: string,
    em: EntityManager,
  ): Promise<WorkspaceEntity> {
    assertTimeZone(input.timeZone);
    let slug = input.slug;
    if (slug) {
      if (await this.workspaces.slugExists(slug, em)) throw slugTaken(slug);
    } else {
      slug = await this.freeSlug(slugify(input.name), em);
    }
    const ws = await this.workspaces.create(
      {
        slug,
        name: input.name,
        timeZone: input.timeZone,
        locale: input.locale,
        holidayCountry: input.holidayCountry ?? 'DE',
        holidayRegion: input.holidayRegion ?? null,
      },
      em,
    );
    await this.workspaces.addMember(ws.id, ownerId, 'owner', em);
    return ws;
  }

  /** The workspaces the user is a member of, with their role in each. */
  listForUser(userId: string): Promise<WorkspaceWithRole[]> {
    return this.workspaces.listForUser(userId);
  }

  /** Whether the user belongs to the workspace (a campaign's owner must). */
  isMember(workspaceId: string, userId: string, em?: EntityManager): Promise<boolean> {
    return this.workspaces.isMember(workspaceId, userId, em);
  }

  slugExists(slug: string, em?: EntityManager): Promise<boolean> {
    return this.workspaces.slugExists(slug, em);
  }

  /**
   * Makes the user a member, in the caller's transaction. Who may grant which role is the
   * caller's check (`assertMayGrant`); invitations and the demo seed call this after theirs.
   */
  addMember(workspaceId: string, userId: string, role: Role, em?: EntityManager): Promise<void> {
    return this.workspaces.addMember(workspaceId, userId, role, em);
  }

  async create(input: NewWorkspace, ownerId: string): Promise<Workspace> {
    return toWorkspace(
      await this.workspaces.transaction((em) => this.createWithOwner(input, ownerId, em)),
    );
  }

  async update(
    ws: WorkspaceWithRole,
    patch: z.output<typeof UpdateWorkspaceRequestSchema>,
  ): Promise<Workspace> {
    if (patch.timeZone) assertTimeZone(patch.timeZone);
    if (patch.slug && patch.slug !== ws.slug && (await this.workspaces.slugExists(patch.slug))) {
      throw slugTaken(patch.slug);
    }
    await this.workspaces.update(ws.id, patch);
    return toWorkspace({ ...ws, ...patch });
  }

  async listMembers(workspaceId: string): Promise<Member[]> {
    return (await this.workspaces.listMembers(workspaceId)).map(toMember);
  }

  async changeRole(ws: WorkspaceWithRole, userId: string, role: Role): Promise<Member> {
    await this.assertMayManage(ws, userId);
    assertMayGrant(ws.role, role);
    this.expect(await this.workspaces.changeMembership(ws.id, userId, { role }));
    const member = (await this.workspaces.listMembers(ws.id)).find((m) => m.userId === userId)!;
    return toMember(member);
  }

  /** Removal takes effect at once: every request checks membership anew. */
  async removeMember(ws: WorkspaceWithRole, userId: string): Promise<void> {
    await this.assertMayManage(ws, userId);
    this.expect(await this.workspaces.changeMembership(ws.id, userId, 'remove'));
  }

  private async assertMayManage(ws: WorkspaceWithRole, userId: string): Promise<void> {
    const target = await this.workspaces.findMembership(ws.id, userId);
    if (!target)
      throw new AppError('MEMBER_NOT_FOUND', 'This person is not a member of the workspace.');
    if (target.role === 'owner' && ws.role !== 'owner') {
      throw new AppError('FORBIDDEN_ROLE', 'Only an owner can change or remove an owner.', {
        required: 'owner',
      });
    }
  }

  private expect(result: 'done' | 'not_found' | 'last_owner'): void {
    if (result === 'not_found')
      throw new AppError('MEMBER_NOT_FOUND', 'This person is not a member of the workspace.');
    if (result === 'last_owner') {
      throw new AppError(
        'LAST_OWNER',
        'A workspace needs at least one owner; make someone else owner first.',
      );
    }
  }

  private async freeSlug(base: string, em: EntityManager): Promise<string> {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!(await this.workspaces.slugExists(candidate, em))) return candidate;
    }
  }
}

export function assertMayGrant(actorRole: Role, role: Role): void {
  if (role === 'owner' && !hasRole(actorRole, 'owner')) {
    throw new AppError('FORBIDDEN_ROLE', 'Only an owner can make someone an owner.', {
      required: 'owner',
    });
  }
}

function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) {
    throw new AppError(
      'INVALID_TIME_ZONE',
      `"${timeZone}" is not an IANA time zone (for example Europe/Berlin).`,
      {
        timeZone,
      },
    );
  }
}

function slugTaken(slug: string): AppError {
  return new AppError('SLUG_TAKEN', `The address "${slug}" is taken; choose another.`, { slug });
}
