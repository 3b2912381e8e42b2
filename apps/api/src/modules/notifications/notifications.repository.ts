import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Locale, type NotificationKind } from '@postplan/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditActor } from '../audit/audit.service';

/** Who caused a notification, as stored: the audit log's actor shape. */
export type StoredActor = AuditActor;

export type NotificationRow = {
  id: string;
  kind: NotificationKind;
  workspace_id: string;
  workspace_slug: string;
  workspace_name: string;
  post_id: string | null;
  post_title: string | null;
  actor: StoredActor | null;
  actor_name: string | null;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
};

/** One e-mail the job has claimed, with everything its text needs. */
export type ClaimedEmail = {
  notification_id: string;
  attempts: number;
  kind: NotificationKind;
  to_address: string;
  to_name: string;
  locale: Locale;
  workspace_slug: string;
  workspace_name: string;
  post_id: string | null;
  post_title: string | null;
  actor: StoredActor | null;
  actor_name: string | null;
  data: Record<string, unknown>;
  still_member: boolean;
};

export type EmailOutcome =
  | { status: 'sent' }
  | { status: 'retry'; at: Date; error: string }
  | { status: 'failed'; error: string }
  | { status: 'skipped'; reason: string };

// Only what the recipient may see: notifications of workspaces they are still a member of.
const SELECT_NOTIFICATION = `
  SELECT n.id, n.kind, n.workspace_id, w.slug AS workspace_slug, w.name AS workspace_name,
         n.post_id, p.title AS post_title, n.actor, au.name AS actor_name, n.data,
         n.created_at, n.read_at
    FROM notifications n
    JOIN workspaces w ON w.id = n.workspace_id
    JOIN memberships m ON m.workspace_id = n.workspace_id AND m.user_id = n.user_id
    LEFT JOIN posts p ON p.id = n.post_id
    LEFT JOIN users au ON n.actor->>'type' = 'user' AND au.id = (n.actor->>'userId')::uuid`;

const VISIBLE_UNREAD = `
  SELECT count(*)::int AS n
    FROM notifications n
    JOIN memberships m ON m.workspace_id = n.workspace_id AND m.user_id = n.user_id
   WHERE n.user_id = $1 AND n.read_at IS NULL`;

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Writes one inbox row per recipient who is a member of the workspace, and beside each an
   * outbox row: pending when the person wants e-mail of this kind and e-mail is possible,
   * otherwise skipped with the reason. All in the caller's transaction.
   */
  async insert(
    em: EntityManager,
    n: {
      workspaceId: string;
      userIds: string[];
      kind: NotificationKind;
      postId: string | null;
      actor: StoredActor | null;
      data: Record<string, unknown>;
      emailDefault: boolean;
      smtpConfigured: boolean;
    },
  ): Promise<number> {
    const rows: { id: string }[] = await em.query(
      `WITH inserted AS (
         INSERT INTO notifications (user_id, workspace_id, kind, post_id, actor, data)
         SELECT m.user_id, $1::uuid, $2::text, $3::uuid, $4::jsonb, $5::jsonb
           FROM memberships m
          WHERE m.workspace_id = $1::uuid AND m.user_id = ANY($6::uuid[])
         RETURNING id, user_id
       )
       INSERT INTO notification_emails (notification_id, status, skip_reason)
       SELECT i.id,
              CASE WHEN NOT $8::boolean THEN 'skipped'
                   WHEN NOT coalesce(s.email, $7::boolean) THEN 'skipped'
                   ELSE 'pending' END,
              CASE WHEN NOT $8::boolean THEN 'smtp_not_configured'
                   WHEN NOT coalesce(s.email, $7::boolean) THEN 'disabled_by_user' END
         FROM inserted i
         LEFT JOIN notification_settings s ON s.user_id = i.user_id AND s.kind = $2::text
       RETURNING notification_id AS id`,
      [
        n.workspaceId,
        n.kind,
        n.postId,
        n.actor === null ? null : JSON.stringify(n.actor),
        JSON.stringify(n.data),
        n.userIds,
        n.emailDefault,
        n.smtpConfigured,
      ],
    );
    return rows.length;
  }

  async list(
    userId: string,
    q: { unread: boolean; limit: number; afterId?: string },
  ): Promise<NotificationRow[]> {
    const values: unknown[] = [userId];
    const where = ['n.user_id = $1'];
    if (q.unread) where.push('n.read_at IS NULL');
    if (q.afterId) {
      // Compared in the database: timestamps keep their microseconds there.
      values.push(q.afterId);
      where.push(
        `(n.created_at, n.id) < (SELECT c.created_at, c.id FROM notifications c
                                  WHERE c.user_id = $1 AND c.id = $${values.length}::uuid)`,
      );
    }
    values.push(q.limit);
    return this.db.query(
      `${SELECT_NOTIFICATION} WHERE ${where.join(' AND ')}
        ORDER BY n.created_at DESC, n.id DESC LIMIT $${values.length}`,
      values,
    );
  }

  /**
   * A deleted comment: its excerpt leaves the inbox, and e-mails about it that have not gone
   * out yet never will.
   */
  async forgetComment(em: EntityManager, commentId: string): Promise<void> {
    await em.query(
      `UPDATE notification_emails e
          SET status = 'skipped', skip_reason = 'comment_deleted', updated_at = now()
         FROM notifications n
        WHERE n.data ? 'commentId' AND n.data->>'commentId' = $1 AND e.notification_id = n.id
          AND e.status IN ('pending', 'sending', 'failed')`,
      [commentId],
    );
    await em.query(
      `UPDATE notifications SET data = (data - 'excerpt') || '{"commentDeleted": true}'
        WHERE data ? 'commentId' AND data->>'commentId' = $1`,
      [commentId],
    );
  }

  async unreadCount(userId: string, em?: EntityManager): Promise<number> {
    const rows: { n: number }[] = await (em ?? this.db).query(VISIBLE_UNREAD, [userId]);
    return rows[0]?.n ?? 0;
  }

  /** Which of these ids are the user's visible notifications. */
  async visibleIds(em: EntityManager, userId: string, ids: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await em.query(
      `SELECT n.id FROM notifications n
         JOIN memberships m ON m.workspace_id = n.workspace_id AND m.user_id = n.user_id
        WHERE n.user_id = $1 AND n.id = ANY($2::uuid[])`,
      [userId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  async markRead(em: EntityManager, userId: string, ids: string[] | 'all'): Promise<number> {
    const rows: { n: number }[] = await em.query(
      `WITH changed AS (
         UPDATE notifications SET read_at = now()
          WHERE user_id = $1 AND read_at IS NULL ${ids === 'all' ? '' : 'AND id = ANY($2::uuid[])'}
          RETURNING 1
       )
       SELECT count(*)::int AS n FROM changed`,
      ids === 'all' ? [userId] : [userId, ids],
    );
    return rows[0]?.n ?? 0;
  }

  async emailSettings(userId: string): Promise<Map<NotificationKind, boolean>> {
    const rows: { kind: NotificationKind; email: boolean }[] = await this.db.query(
      `SELECT kind, email FROM notification_settings WHERE user_id = $1`,
      [userId],
    );
    return new Map(rows.map((r) => [r.kind, r.email]));
  }

  async saveEmailSettings(
    userId: string,
    settings: { kind: NotificationKind; email: boolean }[],
  ): Promise<void> {
    if (settings.length === 0) return;
    await this.db.query(
      `INSERT INTO notification_settings (user_id, kind, email)
       SELECT $1, s.kind, s.email FROM unnest($2::text[], $3::boolean[]) AS s(kind, email)
       ON CONFLICT (user_id, kind) DO UPDATE SET email = excluded.email, updated_at = now()`,
      [userId, settings.map((s) => s.kind), settings.map((s) => s.email)],
    );
  }

  /**
   * Claims due e-mails: pending ones whose time has come, and ones whose sender died mid-send
   * (lease over). The claim and the lease are one statement over rows locked with SKIP LOCKED,
   * so two processes never hold the same e-mail.
   */
  async claimDue(limit: number, leaseMs: number): Promise<ClaimedEmail[]> {
    return this.db.query(
      `WITH claimed AS (
         UPDATE notification_emails e
            SET status = 'sending', attempts = e.attempts + 1,
                next_attempt_at = now() + ($2::int * interval '1 millisecond'), updated_at = now()
          WHERE e.notification_id IN (
                  SELECT notification_id FROM notification_emails
                   WHERE status IN ('pending', 'sending') AND next_attempt_at <= now()
                   ORDER BY next_attempt_at
                   LIMIT $1
                   FOR UPDATE SKIP LOCKED)
          RETURNING e.notification_id, e.attempts
       )
       SELECT c.notification_id, c.attempts, n.kind, u.email AS to_address, u.name AS to_name,
              coalesce(u.locale, w.locale) AS locale, w.slug AS workspace_slug,
              w.name AS workspace_name, n.post_id, p.title AS post_title, n.actor,
              au.name AS actor_name, n.data,
              EXISTS (SELECT 1 FROM memberships m
                       WHERE m.workspace_id = n.workspace_id AND m.user_id = n.user_id) AS still_member
         FROM claimed c
         JOIN notifications n ON n.id = c.notification_id
         JOIN users u ON u.id = n.user_id
         JOIN workspaces w ON w.id = n.workspace_id
         LEFT JOIN posts p ON p.id = n.post_id
         LEFT JOIN users au ON n.actor->>'type' = 'user' AND au.id = (n.actor->>'userId')::uuid`,
      [limit, leaseMs],
    );
  }

  async settle(notificationId: string, outcome: EmailOutcome): Promise<void> {
    switch (outcome.status) {
      case 'sent':
        await this.db.query(
          `UPDATE notification_emails SET status = 'sent', sent_at = now(), last_error = NULL,
                  updated_at = now()
            WHERE notification_id = $1`,
          [notificationId],
        );
        return;
      case 'retry':
        await this.db.query(
          `UPDATE notification_emails SET status = 'pending', next_attempt_at = $2, last_error = $3,
                  updated_at = now()
            WHERE notification_id = $1`,
          [notificationId, outcome.at, outcome.error],
        );
        return;
      case 'failed':
        await this.db.query(
          `UPDATE notification_emails SET status = 'failed', last_error = $2, updated_at = now()
            WHERE notification_id = $1`,
          [notificationId, outcome.error],
        );
        return;
      case 'skipped':
        await this.db.query(
          `UPDATE notification_emails SET status = 'skipped', skip_reason = $2, updated_at = now()
            WHERE notification_id = $1`,
          [notificationId, outcome.reason],
        );
        return;
    }
  }

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }
}
