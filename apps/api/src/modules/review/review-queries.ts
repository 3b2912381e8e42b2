import { Injectable } from '@nestjs/common';
import {
  type ApprovalPolicy,
  type AuditEntry,
  type DiffResponse,
  type ReviewQueue,
  type Revision,
} from '@postplan/contracts';
import {
  type ApprovableContent,
  type ContentRevision,
  changesSince,
  diffContent,
  evaluateRound,
  lastApprovedContentHash,
  lastSeenContentHash,
  previousRoundContentHash,
  whoMayDecideNow,
} from '@postplan/domain';
import { type EntityManager } from 'typeorm';
import { type z } from 'zod';
import { type DiffQuerySchema } from '@postplan/contracts';
import { AppError, staleVersion } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { postNotFound } from '../posts/post.errors';
import { toPost } from '../posts/post.mapper';
import { PostRecordsService } from '../posts/post-records.service';
import { ReviewRepository } from './review.repository';

type DiffQuery = z.output<typeof DiffQuerySchema>;

// Media and options are part of what a revision holds: without them a diff could not name a
// picture dropped from one channel, though the approval hash (rightly) changed.
const asContent = (r: Revision): ApprovableContent => ({
  title: r.content.title ?? null,
  text: r.content.text,
  ...(r.content.media ? { media: r.content.media } : {}),
  channelIds: r.content.channelIds ?? [],
  variants: (r.content.variants ?? []) as ApprovableContent['variants'],
  ...(r.content.options ? { options: r.content.options as ApprovableContent['options'] } : {}),
});

const toContentRevision = (r: Revision): ContentRevision => ({
  id: r.id,
  number: r.number,
  createdAt: r.createdAt,
  contentHash: r.contentHash,
  content: asContent(r),
});

/** Reads around review: revisions and diffs, history, the queue, the policy. */
@Injectable()
export class ReviewQueries {
  constructor(
    private readonly posts: PostRecordsService,
    private readonly repo: ReviewRepository,
    private readonly audit: AuditService,
  ) {}

  private async assertPost(workspaceId: string, postId: string): Promise<void> {
    if (!(await this.posts.find(workspaceId, postId))) throw postNotFound();
  }

  async revisions(workspaceId: string, postId: string): Promise<Revision[]> {
    await this.assertPost(workspaceId, postId);
    return this.repo.revisions(postId);
  }

  async diff(
    workspaceId: string,
    postId: string,
    userId: string,
    q: DiffQuery,
  ): Promise<DiffResponse> {
    const revisions = await this.revisions(workspaceId, postId);
    const byNumber = (n: number) => {
      const r = revisions.find((x) => x.number === n);
      if (!r)
        throw new AppError('REVISION_NOT_FOUND', `This post has no revision ${n}.`, { number: n });
      return r;
    };
    const to = q.to !== undefined ? byNumber(q.to) : revisions.at(-1);
    if (!to) throw postNotFound();
    if (q.since) {
      const rounds = await this.repo.rounds(postId);
      const baselineHash =
        q.since === 'last_approval'
          ? lastApprovedContentHash(rounds)
          : q.since === 'last_round'
            ? previousRoundContentHash(rounds)
            : lastSeenContentHash(rounds, userId);
      const upTo = revisions.filter((r) => r.number <= to.number).map(toContentRevision);
      const result = changesSince(upTo, baselineHash)!;
      const from = result.baseline ? byNumber(result.baseline.number) : null;
      return { from, to, diff: result.diff };
    }
    const from = q.from ? byNumber(q.from) : null;
    return { from, to, diff: diffContent(from ? asContent(from) : { text: '' }, asContent(to)) };
  }

  async history(workspaceId: string, postId: string): Promise<AuditEntry[]> {
    await this.assertPost(workspaceId, postId);
    return this.audit.list({ workspaceId, postId, limit: 1000, order: 'oldest' });
  }

  async queue(ws: { id: string; timeZone: string }, userId: string): Promise<ReviewQueue> {
    const rows = await this.posts.list({
      workspaceId: ws.id,
      statuses: ['in_review'],
      limit: 500,
    });
    const items = [];
    for (const row of rows) {
      const round = await this.repo.latestRound(row.id);
      if (!round) continue;
      const evaluation = evaluateRound(round);
      const now = whoMayDecideNow(round);
      const level = evaluation.currentLevel === null ? null : round.levels[evaluation.currentLevel];
      const lastApproval = round.decisions.filter((d) => d.decision === 'approve').at(-1)?.at;
      items.push({
        post: toPost(row, ws.timeZone),
        contentHash: row.content_hash,
        round: round.number,
        level: level
          ? { index: evaluation.currentLevel!, name: level.name, client: level.client }
          : null,
        waitingSince: lastApproval ?? round.startedAt,
        mine: now.userIds.includes(userId),
      });
    }
    items.sort((a, b) => (a.waitingSince < b.waitingSince ? -1 : 1));
    return { items };
  }

  async policy(workspaceId: string) {
    const [{ policy, version }, changed] = await Promise.all([
      this.repo.policy(workspaceId),
      this.audit.list({
        workspaceId,
        action: 'workspace.approval_policy_changed',
        limit: 1,
        order: 'newest',
      }),
    ]);
    return { policy, version, updatedAt: changed[0]?.at ?? null };
  }

  /**
   * Replaces the policy. With `expectedVersion` (If-Match), a policy saved by someone else
   * since it was read is not overwritten: 409 STALE_VERSION, and nothing changes.
   */
  async setPolicy(
    workspaceId: string,
    userId: string,
    policy: ApprovalPolicy,
    expectedVersion?: number,
  ) {
    await this.posts.transaction(async (em) => {
      const version = await this.repo.lockPolicy(em, workspaceId);
      if (expectedVersion !== undefined && version !== expectedVersion) {
        throw staleVersion(
          'approval_policy',
          version,
          'Someone else changed the approval policy in the meantime. Load their version, then apply your change again.',
        );
      }
      await this.assertApproversAreMembers(workspaceId, policy, em);
      const before = await this.repo.policy(workspaceId, em);
      await this.repo.setPolicy(em, workspaceId, policy);
      await this.audit.record(em, {
        workspaceId,
        actor: { type: 'user', userId },
        action: 'workspace.approval_policy_changed',
        subject: { type: 'workspace', id: workspaceId },
        before: before.policy,
        after: policy,
      });
    });
    return this.policy(workspaceId);
  }

  private async assertApproversAreMembers(
    workspaceId: string,
    policy: ApprovalPolicy,
    em: EntityManager,
  ): Promise<void> {
    const byRole = await this.repo.membersByRole(workspaceId, em);
    const members = new Set([...byRole.values()].flat());
    const named =
      policy.kind === 'levels'
        ? policy.levels.flatMap((l) => l.approvers.userIds)
        : policy.kind === 'none'
          ? []
          : policy.approvers.userIds;
    const strangers = named.filter((id) => !members.has(id));
    if (strangers.length > 0) {
      throw new AppError('VALIDATION_FAILED', 'Approvers must be members of this workspace.', {
        issues: [{ path: 'approvers.userIds', message: 'Not a member', userIds: strangers }],
      });
    }
  }
}
