import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type Role } from '@postplan/contracts';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import { MembershipEntity } from './membership.entity';
import { WorkspaceEntity } from './workspace.entity';

export type WorkspaceWithRole = WorkspaceEntity & { role: Role };

export type MemberRow = { userId: string; email: string; name: string; role: Role; joinedAt: Date };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class WorkspacesRepository {
  constructor(
    @InjectRepository(WorkspaceEntity) private readonly workspaces: Repository<WorkspaceEntity>,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** The workspace named by id or slug, if the user is a member; otherwise nothing at all. */
  async findForMember(idOrSlug: string, userId: string): Promise<WorkspaceWithRole | null> {
    const qb = this.workspaces
      .createQueryBuilder('w')
      .innerJoin(MembershipEntity, 'm', 'm.workspace_id = w.id AND m.user_id = :userId', { userId })
      .addSelect('m.role', 'role');
    qb.where(UUID.test(idOrSlug) ? 'w.id = :v' : 'w.slug = :v', { v: idOrSlug });
    const { entities, raw } = await qb.getRawAndEntities<{ role: Role }>();
    const ws = entities[0];
    return ws ? Object.assign(ws, { role: raw[0]!.role }) : null;
  }

  async listForUser(userId: string): Promise<WorkspaceWithRole[]> {
    const { entities, raw } = await this.workspaces
      .createQueryBuilder('w')
      .innerJoin(MembershipEntity, 'm', 'm.workspace_id = w.id')
      .addSelect('m.role', 'role')
      .where('m.user_id = :userId', { userId })
      .orderBy('w.name')
      .getRawAndEntities<{ role: Role; w_id: string }>();
    const roleById = new Map(raw.map((r) => [r.w_id, r.role]));
    return entities.map((w) => Object.assign(w, { role: roleById.get(w.id)! }));
  }

  async slugExists(slug: string, em?: EntityManager): Promise<boolean> {
    return (em?.getRepository(WorkspaceEntity) ?? this.workspaces).existsBy({ slug });
  }

  create(
    row: Omit<
      WorkspaceEntity,
      | 'id'
      | 'createdAt'
      | 'updatedAt'
      | 'calendarVersion'
      | 'catchUpMinutes'
      | 'mediaAltTextRequired'
    > &
      Partial<Pick<WorkspaceEntity, 'catchUpMinutes' | 'mediaAltTextRequired'>>,
    em?: EntityManager,
  ): Promise<WorkspaceEntity> {
    const repo = em?.getRepository(WorkspaceEntity) ?? this.workspaces;
    return repo.save(repo.create(row));
  }

  async update(
    id: string,
    patch: Partial<Omit<WorkspaceEntity, 'id' | 'createdAt' | 'calendarVersion'>>,
  ): Promise<void> {
    await this.workspaces.update({ id }, { ...patch, updatedAt: () => 'now()' });
  }

  async isMember(workspaceId: string, userId: string, em?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (em ?? this.db.manager).query(
      `SELECT 1 FROM memberships WHERE workspace_id = $1 AND user_id = $2`,
      [workspaceId, userId],
    );
    return rows.length > 0;
  }

  async addMember(
    workspaceId: string,
    userId: string,
    role: Role,
    em?: EntityManager,
  ): Promise<void> {
    await (em?.getRepository(MembershipEntity) ?? this.memberships).insert({
      workspaceId,
      userId,
      role,
    });
  }

  async findMembership(workspaceId: string, userId: string): Promise<MembershipEntity | null> {
    return this.memberships.findOneBy({ workspaceId, userId });
  }

  async listMembers(workspaceId: string): Promise<MemberRow[]> {
    const rows: { user_id: string; email: string; name: string; role: Role; created_at: Date }[] =
      await this.db.query(
        `SELECT m.user_id, u.email, u.name, m.role, m.created_at
           FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.workspace_id = $1 ORDER BY u.name, u.email`,
        [workspaceId],
      );
    return rows.map((r) => ({
      userId: r.user_id,
      email: r.email,
      name: r.name,
      role: r.role,
      joinedAt: r.created_at,
    }));
  }

  /**
   * Changes a role or removes a member, refusing to leave the workspace without an owner. The
   * owner rows are locked first so two admins demoting the last two owners cannot both succeed.
   */
  async changeMembership(
    workspaceId: string,
    userId: string,
    change: { role: Role } | 'remove',
  ): Promise<'done' | 'not_found' | 'last_owner'> {
    return this.db.transaction(async (em) => {
      const owners: { user_id: string }[] = await em.query(
        `SELECT user_id FROM memberships WHERE workspace_id = $1 AND role = 'owner' FOR UPDATE`,
        [workspaceId],
      );
      const current = await em.getRepository(MembershipEntity).findOneBy({ workspaceId, userId });
      if (!current) return 'not_found';
      const losesOwner =
        current.role === 'owner' && (change === 'remove' || change.role !== 'owner');
      if (losesOwner && owners.length <= 1) return 'last_owner';
      if (change === 'remove')
        await em.getRepository(MembershipEntity).delete({ workspaceId, userId });
      else
        await em
          .getRepository(MembershipEntity)
          .update({ workspaceId, userId }, { role: change.role });
      return 'done';
    });
  }

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }
}
