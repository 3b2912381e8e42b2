import { Injectable, Optional } from '@nestjs/common';
import { invalidInput } from '../../common/errors/app-error';
import {
  type DecideDuePostsRequestSchema,
  type DecideDuePostsResponse,
  type DuePostList,
  IdSchema,
  type PauseHistory,
  type PauseHistoryQuerySchema,
  type PauseState,
  type ResumeResponse,
} from '@postplan/contracts';
import { formatInZone } from '@postplan/domain';
import { type z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PublicationsOutbox } from '../posts/publications-outbox';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { CrisisError } from './crisis.errors';
import { planDecisions } from './due-decisions';
import { toDuePost, toPause } from './pause.mapper';
import { PausesRepository } from './pauses.repository';
import { Clock } from '../../common/clock/clock';
import { PostRecordsService } from '../posts/post-records.service';
import { PostsService } from '../posts/posts.service';

type Caller = { userId: string; workspace: WorkspaceWithRole };
type DecideInput = z.output<typeof DecideDuePostsRequestSchema>;
type HistoryQuery = z.output<typeof PauseHistoryQuerySchema>;
/** The whole workspace (null), or one of its channels. */
type Scope = { channelId: string | null };

@Injectable()
export class CrisisService {
  constructor(
    private readonly pauses: PausesRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly posts: PostsService,
    private readonly postRecords: PostRecordsService,
    private readonly clock: Clock,
    @Optional() private readonly outbox?: PublicationsOutbox,
  ) {}

  async state(workspaceId: string): Promise<PauseState> {
    const [active, duePostCount] = await Promise.all([
      this.pauses.active(workspaceId),
      this.pauses.duePostCount(workspaceId),
    ]);
    const ws = active.find((p) => p.channel_id === null);
    return {
      workspace: ws ? toPause(ws) : null,
      channels: active.filter((p) => p.channel_id !== null).map(toPause),
      duePostCount,
    };
  }

  async history(workspaceId: string, q: HistoryQuery): Promise<PauseHistory> {
    let afterId: string | undefined;
    if (q.cursor !== undefined) {
      const parsed = IdSchema.safeParse(q.cursor);
      if (!parsed.success) throw invalidInput('cursor', 'Use the nextCursor of the previous page.');
      afterId = parsed.data;
    }
    const rows = await this.pauses.history(workspaceId, q.limit + 1, afterId);
    const page = rows.slice(0, q.limit);
    return {
      items: page.map(toPause),
      nextCursor: rows.length > q.limit ? (page[page.length - 1]?.id ?? null) : null,
    };
  }

  /**
   * Stops publishing for the scope at once. The pause, its audit record and the crew's
   * notifications commit together; a scope already paused is refused and nothing changes.
   */
  async pause(caller: Caller, scope: Scope, reason: string): Promise<PauseState> {
    const ws = caller.workspace;
    const channel = await this.assertChannel(ws.id, scope.channelId);
    await this.pauses.transaction(async (em) => {
      const id = await this.pauses.insert(em, {
        workspaceId: ws.id,
        channelId: scope.channelId,
        reason,
        at: this.clock.now(),
        userId: caller.userId,
      });
      if (!id) {
        throw new CrisisError(
          'ALREADY_PAUSED',
          channel
            ? `Publishing to ${channel.name} is paused already.`
            : 'Publishing in this workspace is paused already.',
          { channelId: scope.channelId },
        );
      }
      const row = (await this.pauses.find(ws.id, id, em))!;
      const actor = { type: 'user' as const, userId: caller.userId };
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor,
        action: channel ? 'channel.paused' : 'workspace.paused',
        subject: channel ? { type: 'channel', id: channel.id } : { type: 'workspace', id: ws.id },
        after: { pauseId: id, reason, pausedAt: row.paused_at.toISOString() },
        reason,
      });
      await this.notifications.notify(em, {
        workspaceId: ws.id,
        userIds: await this.pauses.crewIds(em, ws.id),
        kind: 'workspace_paused',
        actor,
        data: {
          pauseId: id,
          scope: channel ? 'channel' : 'workspace',
          reason,
          ...(channel ? { channelId: channel.id, channelName: channel.name } : {}),
        },
      });
    });
    return this.state(ws.id);
  }

  /**
   * Lets publishing go on, and answers with the posts that came due during this pause: they are
   * not sent late on their own, each waits for a decision (see decide).
   */
  async resume(caller: Caller, scope: Scope): Promise<ResumeResponse> {
    const ws = caller.workspace;
    const channel = await this.assertChannel(ws.id, scope.channelId);
    const pauseId = await this.pauses.transaction(async (em) => {
      const id = await this.pauses.end(em, {
        workspaceId: ws.id,
        channelId: scope.channelId,
        userId: caller.userId,
        at: this.clock.now(),
      });
      if (!id) {
        throw new CrisisError(
          'NOT_PAUSED',
          channel
            ? `Publishing to ${channel.name} is not paused.`
            : 'Publishing in this workspace is not paused.',
          { channelId: scope.channelId },
        );
      }
      const row = (await this.pauses.find(ws.id, id, em))!;
      const due = await this.pauses.duePosts(ws.id, { pauseId: id }, em);
      const actor = { type: 'user' as const, userId: caller.userId };
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor,
        action: channel ? 'channel.resumed' : 'workspace.resumed',
        subject: channel ? { type: 'channel', id: channel.id } : { type: 'workspace', id: ws.id },
        before: { pauseId: id, reason: row.reason, pausedAt: row.paused_at.toISOString() },
        after: { resumedAt: row.resumed_at?.toISOString(), duePostIds: due.map((p) => p.id) },
      });
      await this.notifications.notify(em, {
        workspaceId: ws.id,
        userIds: await this.pauses.crewIds(em, ws.id),
        kind: 'workspace_resumed',
        actor,
        data: {
          pauseId: id,
          scope: channel ? 'channel' : 'workspace',
          duePostCount: due.length,
          ...(channel ? { channelId: channel.id, channelName: channel.name } : {}),
        },
      });
      return id;
    });
    const [pause, state, due] = await Promise.all([
      this.pauses.find(ws.id, pauseId),
      this.state(ws.id),
      this.pauses.duePosts(ws.id, { pauseId }),
    ]);
    return {
      pause: toPause(pause!),
      state,
      duePosts: due.map((r) => toDuePost(r, ws.timeZone)),
    };
  }

  async duePosts(ws: WorkspaceWithRole): Promise<DuePostList> {
    const rows = await this.pauses.duePosts(ws.id);
    return { items: rows.map((r) => toDuePost(r, ws.timeZone)), timeZone: ws.timeZone };
  }

  /**
   * Applies a decision to each post that came due during a pause, all or nothing: if one post is
   * no longer due (someone decided or moved it meanwhile) or one time is not valid, nothing is
   * changed. Only the planned time moves; the approval stays, the version moves, each move is
   * audited.
   */
  async decide(caller: Caller, input: DecideInput): Promise<DecideDuePostsResponse> {
    const ws = caller.workspace;
    const now = this.clock.now();
    const planned = planDecisions(input.decisions, ws.timeZone, now);
    const ids = planned.map((d) => d.postId);
    const items = await this.pauses.transaction(async (em) => {
      await this.postRecords.lockAll(em, ws.id, ids);
      const due = new Map(
        (await this.pauses.duePosts(ws.id, { postIds: ids }, em)).map((r) => [r.id, r]),
      );
      const notDue = ids.filter((id) => !due.has(id));
      if (notDue.length > 0) {
        throw new CrisisError(
          'POST_NOT_DUE',
          'Some posts no longer wait for a decision: someone decided or moved them meanwhile.',
          { postIds: notDue },
        );
      }
      const actor = { type: 'user' as const, userId: caller.userId };
      const done: DecideDuePostsResponse['items'] = [];
      for (const d of planned) {
        const before = due.get(d.postId)!;
        const version = await this.posts.movePlannedTime(em, ws.id, d.postId, d.plannedAt);
        await this.outbox?.syncPost(em, d.postId);
        await this.audit.record(em, {
          workspaceId: ws.id,
          actor,
          action: 'post.pause_decision',
          postId: d.postId,
          subject: { type: 'post', id: d.postId },
          before: { plannedAt: before.planned_at.toISOString(), version: before.version },
          after: {
            action: d.action,
            plannedAt: d.plannedAt?.toISOString() ?? null,
            version,
            pauseIds: before.pause_ids,
          },
        });
        done.push({
          postId: d.postId,
          action: d.action,
          plannedAt: d.plannedAt ? formatInZone(d.plannedAt, ws.timeZone) : null,
          version,
        });
      }
      return done;
    });
    const remaining = await this.pauses.duePosts(ws.id);
    return { items, remaining: remaining.map((r) => toDuePost(r, ws.timeZone)) };
  }

  private async assertChannel(
    workspaceId: string,
    channelId: string | null,
  ): Promise<{ id: string; name: string } | null> {
    if (channelId === null) return null;
    const channel = await this.pauses.channel(workspaceId, channelId);
    if (!channel) {
      throw new CrisisError('CHANNEL_NOT_FOUND', 'There is no such channel in this workspace.');
    }
    return channel;
  }
}
