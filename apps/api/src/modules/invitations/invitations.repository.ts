import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Role } from '@postplan/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export type InvitationRow = {
  id: string;
  workspace_id: string;
  workspace_name: string;
  email: string;
  role: Role;
  invited_by: string | null;
  invited_by_name: string | null;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  declined_at: Date | null;
  revoked_at: Date | null;
};

/** Which of an invitation's two links was used: the mailed one proves the mailbox. */
export type TokenKind = 'mail' | 'link';

const SELECT = `
  SELECT i.id, i.workspace_id, w.name AS workspace_name, i.email, i.role, i.invited_by,
         u.name AS invited_by_name, i.created_at, i.expires_at, i.accepted_at, i.declined_at,
         i.revoked_at
    FROM invitations i
    JOIN workspaces w ON w.id = i.workspace_id
    LEFT JOIN users u ON u.id = i.invited_by`;

const PENDING = `i.accepted_at IS NULL AND i.declined_at IS NULL AND i.revoked_at IS NULL`;

@Injectable()
export class InvitationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Whether the address already belongs to a member of the workspace. */
  async isMember(em: EntityManager, workspaceId: string, email: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.workspace_id = $1 AND lower(u.email) = lower($2)`,
      [workspaceId, email],
    );
    return rows.length > 0;
  }

  /** A new invitation replaces any open one for the same address: only the newest link works. */
  async create(
    em: EntityManager,
    row: {
      workspaceId: string;
      email: string;
      role: Role;
      invitedBy: string;
      mailTokenHash: Buffer;
      linkTokenHash: Buffer;
      expiresAt: Date;
    },
  ): Promise<string> {
    await em.query(
      `UPDATE invitations i SET revoked_at = now()
        WHERE i.workspace_id = $1 AND lower(i.email) = lower($2) AND ${PENDING}`,
      [row.workspaceId, row.email],
    );
    const rows: { id: string }[] = await em.query(
      `INSERT INTO invitations (workspace_id, email, role, invited_by, mail_token_hash,
                                link_token_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        row.workspaceId,
        row.email,
        row.role,
        row.invitedBy,
        row.mailTokenHash,
        row.linkTokenHash,
        row.expiresAt,
      ],
    );
    return rows[0]!.id;
  }

  async findById(id: string, em?: EntityManager): Promise<InvitationRow | null> {
    const rows: InvitationRow[] = await (em ?? this.db).query(`${SELECT} WHERE i.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findByToken(
    tokenHash: Buffer,
  ): Promise<{ invitation: InvitationRow; via: TokenKind } | null> {
    const rows: (InvitationRow & { via: TokenKind })[] = await this.db.query(
      `${SELECT.replace('SELECT i.id', `SELECT CASE WHEN i.mail_token_hash = $1 THEN 'mail' ELSE 'link' END AS via, i.id`)}
        WHERE i.mail_token_hash = $1 OR i.link_token_hash = $1`,
      [tokenHash],
    );
    const r = rows[0];
    if (!r) return null;
    const { via, ...invitation } = r;
    return { invitation, via };
  }

  async listPending(workspaceId: string): Promise<InvitationRow[]> {
    return this.db.query(
      `${SELECT} WHERE i.workspace_id = $1 AND ${PENDING} AND i.expires_at > now()
        ORDER BY i.created_at DESC`,
      [workspaceId],
    );
  }

  async listPendingForEmail(email: string): Promise<InvitationRow[]> {
    return this.db.query(
      `${SELECT} WHERE lower(i.email) = lower($1) AND ${PENDING} AND i.expires_at > now()
        ORDER BY i.created_at DESC`,
      [email],
    );
  }

  /**
   * Locks a pending, unexpired invitation for the transaction that settles it; null when it is
   * no longer open (used, declined, revoked, expired, or settled by a parallel request).
   */
  async lockOpen(em: EntityManager, id: string): Promise<{ id: string } | null> {
    const rows: { id: string }[] = await em.query(
      `SELECT i.id FROM invitations i WHERE i.id = $1 AND ${PENDING} AND i.expires_at > now()
        FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async markAccepted(em: EntityManager, id: string, userId: string): Promise<void> {
    await em.query(`UPDATE invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1`, [
      id,
      userId,
    ]);
  }

  async markDeclined(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE invitations SET declined_at = now() WHERE id = $1`, [id]);
  }

  async revoke(workspaceId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH revoked AS (
         UPDATE invitations i SET revoked_at = now()
          WHERE i.id = $1 AND i.workspace_id = $2 AND ${PENDING} RETURNING 1
       )
       SELECT * FROM revoked`,
      [id, workspaceId],
    );
    return rows.length > 0;
  }

  async isOwner(em: EntityManager, workspaceId: string, userId: string | null): Promise<boolean> {
    if (!userId) return false;
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM memberships WHERE workspace_id = $1 AND user_id = $2 AND role = 'owner'`,
      [workspaceId, userId],
    );
    return rows.length > 0;
  }

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }
}
