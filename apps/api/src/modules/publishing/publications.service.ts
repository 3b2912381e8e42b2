import { Inject, Injectable } from '@nestjs/common';
import {
  type ConfirmPublicationRequestSchema,
  hasRole,
  IdSchema,
  type Publication,
  type PublicationList,
  type PublicationLog,
  type PublicationLogQuerySchema,
  type PublicationStatus,
  type Role,
} from '@postplan/contracts';
import { parseRangeBound } from '@postplan/domain';
import { type EntityManager } from 'typeorm';
import { type z } from 'zod';
import { Clock } from '../../common/clock/clock';
import { staleVersion } from '../../common/errors/app-error';
import { withTimeErrors } from '../../common/errors/time-errors';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PostRecordsService } from '../posts/post-records.service';
import { type PostRow } from '../posts/posts.repository';
import { PublicationsOutbox } from '../posts/publications-outbox';
import { PublicationError, publicationNotFound } from './publication.errors';
import { toLogEntry, toPublication } from './publication.mapper';
import {
  type AlertRow,
  type PublicationRow,
  PublicationsRepository,
} from './publications.repository';

type Caller = { userId: string; workspace: { id: string; timeZone: string; role: Role } };
type ConfirmInput = z.output<typeof ConfirmPublicationRequestSchema>;
type LogQuery = z.output<typeof PublicationLogQuerySchema>;

/** What a person may do with a publication, and from which statuses. */
const ACTIONS = {
  confirm: ['unconfirmed', 'failed', 'missed'],
  publish_again: ['unconfirmed', 'failed', 'missed'],
  retry: ['failed'],
  skip: ['missed', 'failed'],
} as const satisfies Record<string, readonly PublicationStatus[]>;
export type PublicationAction = keyof typeof ACTIONS;

/** Why a person hears about a publication. */
export type AlertOutcome = 'failed' | 'unconfirmed' | 'missed' | 'manual_due';

/**
 * The outbox's rules: which rows a post's state asks for (kept in the transaction of every
 * change to the post), what people may do with a row, and who is told when something goes
 * wrong. The worker's side is PublishingEngine.
 */
@Injectable()
export class PublicationsService extends PublicationsOutbox {
  constructor(
    private readonly repo: PublicationsRepository,
    private readonly posts: PostRecordsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    super();
  }

  /**
   * Makes the post's publication rows match its state. Idempotent: called after every change
   * to a post (approve, edit, move, withdraw, delete, restore, a pause decision), inside that
   * change's transaction, with the post row locked by the caller.
   *
   * - approved, planned, not deleted: a pending row per target channel at the planned time;
   *   a moved time moves pending (and failed or missed) rows, an approval is kept.
   * - otherwise: pending, failed and missed rows are cancelled; nothing goes out.
   * - rows that are sending, unconfirmed or published are facts about the platform and stay.
   */
  async syncPost(em: EntityManager, postId: string): Promise<void> {
    const want = await this.repo.desired(em, postId);
    if (!want) return;
    const live = await this.repo.liveRows(em, postId);
    const wanted = new Map(want.channels.map((c) => [c.id, c]));
    const cancel: string[] = [];
    const replan: string[] = [];
    for (const row of live) {
      const keep = wanted.has(row.channel_id) && want.dueAt !== null && want.hash !== null;
      const moved = want.dueAt !== null && row.planned_at.getTime() !== want.dueAt.getTime();
      switch (row.status) {
        case 'pending':
          if (!keep) cancel.push(row.id);
          else if (moved || row.content_hash !== want.hash) replan.push(row.id);
          break;
        case 'failed':
        case 'missed':
          if (!keep) cancel.push(row.id);
          else if (moved) replan.push(row.id);
          break;
        case 'sending':
        case 'unconfirmed':
        case 'published':
        case 'cancelled':
          break;
      }
      if (!cancel.includes(row.id)) wanted.delete(row.channel_id);
    }
    await this.repo.cancel(em, cancel, 'POST_CHANGED');
    if (want.dueAt && want.hash) {
      await this.repo.replan(em, replan, want.dueAt, want.hash);
      const fresh = [...wanted.values()];
      await this.repo.insertPending(
        em,
        fresh.map((c) => ({
          workspaceId: want.workspaceId,
          postId,
          channelId: c.id,
          platform: c.platform,
        })),
        want.dueAt,
        want.hash,
      );
      if (replan.length > 0 || fresh.length > 0) await this.repo.notifyDue(em, want.dueAt);
    }
  }

  async version(workspaceId: string): Promise<string> {
    return this.repo.version(workspaceId);
  }

  // ---- reading ----

  async forPost(workspaceId: string, postId: string): Promise<PublicationList> {
    if (!(await this.posts.find(workspaceId, postId))) {
      throw new PublicationError('POST_NOT_FOUND', 'There is no such post.');
    }
    return { items: (await this.repo.forPost(workspaceId, postId)).map(toPublication) };
  }

  async log(ws: { id: string; timeZone: string }, q: LogQuery): Promise<PublicationLog> {
    const from = q.from ? withTimeErrors(() => parseRangeBound(q.from!, ws.timeZone)) : undefined;
    const to = q.to ? withTimeErrors(() => parseRangeBound(q.to!, ws.timeZone)) : undefined;
    if (from && to && to <= from) {
      throw new PublicationError('INVALID_DATE_RANGE', '"to" must be later than "from".');
    }
    let after: { dueAt: Date; id: string } | undefined;
    if (q.cursor !== undefined) {
      const [at, id] = q.cursor.split('_');
      const dueAt = new Date(Number(at));
      if (!id || !IdSchema.safeParse(id).success || Number.isNaN(dueAt.getTime())) {
        throw new PublicationError(
          'VALIDATION_FAILED',
          'cursor: use the nextCursor of the previous page.',
        );
      }
      after = { dueAt, id };
    }
    const rows = await this.repo.log({
      workspaceId: ws.id,
      statuses: q.status,
      from,
      to,
      channelId: q.channel,
      limit: q.limit + 1,
      after,
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toLogEntry),
      nextCursor: rows.length > q.limit && last ? `${last.due_at.getTime()}_${last.id}` : null,
    };
  }

  // ---- what people do ----

  /** "It is online, here is the link": published by hand, or an unconfirmed one found. */
  async confirm(caller: Caller, id: string, input: ConfirmInput): Promise<Publication> {
    return this.act(caller, id, 'confirm', input.note, async (em, row) => {
      await this.repo.setByPerson(
        em,
        row.id,
        { status: 'published', url: input.url, platformPostId: input.platformPostId ?? null },
        caller.userId,
      );
      return { url: input.url };
    });
  }

  /** Due now again: for unconfirmed (the person checked: it is not online), failed, missed. */
  async again(
    caller: Caller,
    id: string,
    action: 'publish_again' | 'retry',
    note: string | undefined,
  ): Promise<Publication> {
    return this.act(caller, id, action, note, async (em, row) => {
      await this.assertStillApproved(em, row);
      const now = this.clock.now();
      await this.repo.setByPerson(em, row.id, { status: 'pending', at: now }, caller.userId);
      await this.repo.notifyDue(em, now);
      return { dueAt: now.toISOString() };
    });
  }

  async skip(caller: Caller, id: string, note: string | undefined): Promise<Publication> {
    return this.act(caller, id, 'skip', note, async (em, row) => {
      await this.repo.setByPerson(em, row.id, { status: 'cancelled' }, caller.userId);
      return {};
    });
  }

  /**
   * "Publish now" for an approved post: its planned time becomes now (a time move keeps the
   * approval), so every channel still waiting goes out at once.
   */
  async publishNow(
    caller: Caller,
    postId: string,
    version: number | undefined,
  ): Promise<PublicationList> {
    const ws = caller.workspace;
    await this.repo.transaction(async (em) => {
      const post = await this.posts.lock(em, ws.id, postId);
      if (!post || post.deleted_at) {
        throw new PublicationError('POST_NOT_FOUND', 'There is no such post.');
      }
      this.assertMayAct(caller, post.author_id);
      if (version !== undefined && version !== post.version) {
        throw staleVersion(
          'post',
          post.version,
          'Someone else changed this post in the meantime. Look at the new version first.',
        );
      }
      if (!approvedAsItStands(post)) {
        throw new PublicationError(
          'POST_NOT_APPROVED',
          'Only an approved post can be published; this one is not approved (any more).',
          { status: post.status },
        );
      }
      const now = this.clock.now();
      await this.posts.movePlannedTime(em, ws.id, postId, now);
      await this.syncPost(em, postId);
      if (!(await this.repo.hasPending(em, postId))) {
        throw new PublicationError(
          'NOTHING_TO_PUBLISH',
          'No channel of this post waits to be published (each one is published, sending or waits for a decision).',
        );
      }
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor: { type: 'user', userId: caller.userId },
        action: 'post.moved',
        postId,
        before: { plannedAt: post.planned_at?.toISOString() ?? null },
        after: { plannedAt: now.toISOString() },
        reason: 'publish_now',
      });
    });
    return { items: (await this.repo.forPost(ws.id, postId)).map(toPublication) };
  }

  // ---- alerts ----

  /** Tells the post's author and the workspace's admins, in the transaction of the change. */
  async alert(em: EntityManager, rows: AlertRow[], outcome?: AlertOutcome): Promise<void> {
    for (const row of rows) {
      const kind: AlertOutcome =
        outcome ??
        (row.last_error_code === 'MANUAL_ACTION_REQUIRED'
          ? 'manual_due'
          : row.status === 'failed' || row.status === 'missed'
            ? row.status
            : 'unconfirmed');
      await this.notifications.notify(em, {
        workspaceId: row.workspace_id,
        userIds: await this.repo.alertRecipients(em, row.workspace_id, row.post_id),
        kind: 'publication_alert',
        postId: row.post_id,
        actor: { type: 'system' },
        data: {
          outcome: kind,
          publicationId: row.id,
          channelId: row.channel_id,
          channelName: (await this.repo.channelName(em, row.channel_id)) ?? '',
          ...(row.last_error_message ? { reason: row.last_error_message } : {}),
        },
      });
    }
  }

  // ---- the core of every person's action ----

  private async act(
    caller: Caller,
    id: string,
    action: PublicationAction,
    note: string | undefined,
    change: (em: EntityManager, row: PublicationRow) => Promise<Record<string, unknown>>,
  ): Promise<Publication> {
    const ws = caller.workspace;
    await this.repo.transaction(async (em) => {
      const row = await this.repo.find(ws.id, id, em, true);
      if (!row) throw publicationNotFound();
      const post = await this.posts.find(ws.id, row.post_id, em);
      this.assertMayAct(caller, post?.author_id ?? null);
      const allowed: readonly PublicationStatus[] = ACTIONS[action];
      if (!allowed.includes(row.status)) {
        throw new PublicationError(
          'PUBLICATION_STATE_CONFLICT',
          `This publication is ${row.status}; that is possible only when it is ${allowed.join(' or ')}.`,
          { status: row.status, allowed: [...allowed] },
        );
      }
      const after = await change(em, row);
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor: { type: 'user', userId: caller.userId },
        action: `publication.${action}`,
        postId: row.post_id,
        subject: { type: 'publication', id: row.id },
        before: { status: row.status, url: row.url },
        after: { ...after, channelId: row.channel_id },
        reason: note ?? null,
      });
    });
    return toPublication((await this.repo.find(ws.id, id))!);
  }

  /** Editors and up act on every post; authors on their own. */
  private assertMayAct(caller: Caller, authorId: string | null): void {
    const role = caller.workspace.role;
    if (hasRole(role, 'editor') || (hasRole(role, 'author') && authorId === caller.userId)) return;
    throw new PublicationError(
      'FORBIDDEN_ROLE',
      'Only editors, admins, owners and the post’s author decide about its publications.',
      { required: 'editor' },
    );
  }

  /** Sending again makes sense only for what is still approved as it stands. */
  private async assertStillApproved(em: EntityManager, row: PublicationRow): Promise<void> {
    const post = await this.posts.find(row.workspace_id, row.post_id, em);
    if (
      !post ||
      post.deleted_at ||
      post.content_hash !== row.content_hash ||
      !approvedAsItStands(post)
    ) {
      throw new PublicationError(
        'POST_NOT_APPROVED',
        'The post changed or is no longer approved since this publication was planned; approve it again instead.',
      );
    }
  }
}

/** Approved, and the approval covers the content as it is now. */
function approvedAsItStands(post: PostRow): boolean {
  return post.status === 'approved' && post.approval?.contentHash === post.content_hash;
}
