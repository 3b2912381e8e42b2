import { staleVersion } from '../../common/errors/app-error';
import { Injectable, Optional } from '@nestjs/common';
import {
  type BulkApproveRequestSchema,
  type BulkApproveResultSchema,
  type PostDetail,
  type PostReview,
  type Role,
  hasRole,
  type TransitionRequest,
} from '@postplan/contracts';
import {
  type ApprovableContent,
  type ApprovalPolicy,
  type ReviewAction,
  type ReviewActor,
  type ReviewState,
  type TransitionContext,
  type TransitionSuccess,
  policyLevels,
  transition,
} from '@postplan/domain';
import { type EntityManager } from 'typeorm';
import { type z } from 'zod';
import { AppError } from '../../common/errors/app-error';
import { type AuditActor, AuditService } from '../audit/audit.service';
import { PostError, postNotFound } from '../posts/post.errors';
import { toPost } from '../posts/post.mapper';
import { PostRecordsService } from '../posts/post-records.service';
import { type PostRow } from '../posts/posts.repository';
import { ReviewPort } from '../posts/review-port';
import { approvableContent, hashContent } from './review-content';
import { MediaGate } from '../media/media-gate';
import { ReviewError, reviewError } from './review.errors';
import { ReviewRepository } from './review.repository';
import { ReviewNotifier } from './review-notifier';
import { reviewAuditEntry } from './review-audit.mapper';
import { type LinkActor, linkUserId, toPostReview } from './review.mapper';
import { PublicationsOutbox } from '../posts/publications-outbox';
import { WordingGate } from './wording-gate';
import { Clock } from '../../common/clock/clock';

/** The transitions people trigger through the API; expiry is the clock's. */
export type UserAction =
  'promote' | 'submit' | 'approve' | 'request_changes' | 'withdraw' | 'reopen';

export type DecisionInput = {
  workspaceId: string;
  postId: string;
  actor: { type: 'user'; userId: string } | LinkActor;
  decision: 'approve' | 'request_changes';
  note?: string;
  seenContentHash?: string;
  version?: number;
  /** For link decisions: who created the link and who the browser is signed in as (four eyes). */
  linkContext?: { createdBy: string | null; signedInAs: string | null };
};

type Workspace = { id: string; timeZone: string };
type MemberCaller = { userId: string; workspace: Workspace & { role: Role } };

const AUTHOR_ACTIONS: readonly UserAction[] = ['promote', 'submit', 'withdraw', 'reopen'];

/** A refusal with a code (any feature's), as opposed to a failure. */
const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/**
 * The post's editorial life on top of the pure rules in @postplan/domain: loads the state,
 * asks the rules, stores what they decided, audits every effect and tells the people concerned.
 * Every change runs in the caller's transaction with the post row locked.
 */
@Injectable()
export class ReviewService implements ReviewPort {
  constructor(
    private readonly posts: PostRecordsService,
    private readonly repo: ReviewRepository,
    private readonly audit: AuditService,
    private readonly notifier: ReviewNotifier,
    private readonly clock: Clock,
    private readonly wording: WordingGate,
    private readonly mediaGate: MediaGate,
    @Optional() private readonly outbox?: PublicationsOutbox,
  ) {}

  // ---- transitions people trigger ----

  async act(
    caller: MemberCaller,
    postId: string,
    action: UserAction,
    req: TransitionRequest,
    ifMatch?: number,
  ): Promise<PostDetail> {
    const ws = caller.workspace;
    try {
      await this.posts.transaction((em) => this.actIn(em, caller, postId, action, req, ifMatch));
    } catch (e) {
      await this.auditRefusal(e, ws.id, postId, action, { type: 'user', userId: caller.userId });
      throw e;
    }
    return this.detail(ws, postId, caller.userId, ws.role);
  }

  /**
   * Approves several posts, each in its own transaction, so one refusal (a stale version, a
   * wording error) does not hold back the rest; each refusal is answered with its code.
   */
  async approveEach(
    caller: MemberCaller,
    input: z.output<typeof BulkApproveRequestSchema>,
  ): Promise<z.infer<typeof BulkApproveResultSchema>> {
    const results: z.infer<typeof BulkApproveResultSchema>['results'] = [];
    for (const p of input.posts) {
      try {
        await this.act(caller, p.id, 'approve', {
          version: p.version,
          contentHash: p.contentHash,
          note: input.note,
        });
        results.push({ id: p.id, ok: true });
      } catch (e) {
        if (!isAppError(e)) throw e;
        const refusal = e;
        results.push({
          id: p.id,
          ok: false,
          error: { code: refusal.code, message: refusal.message },
        });
      }
    }
    return { results };
  }

  /** The same, inside a transaction the caller holds. */
  async actIn(
    em: EntityManager,
    caller: MemberCaller,
    postId: string,
    action: UserAction,
    req: TransitionRequest,
    ifMatch?: number,
  ): Promise<void> {
    const ws = caller.workspace;
    const row = await this.lockLive(em, ws.id, postId, ifMatch ?? req.version);
    const isAuthor = row.author_id === caller.userId;
    if (AUTHOR_ACTIONS.includes(action) && !isAuthor && !hasRole(ws.role, 'editor')) {
      throw new PostError('FORBIDDEN_ROLE', 'Authors can change only their own posts.', {
        required: 'editor',
      });
    }
    const reviewActor: ReviewActor = { userId: caller.userId, role: ws.role, isAuthor };
    await this.apply(
      em,
      ws.id,
      row,
      action,
      reviewActor,
      { type: 'user', userId: caller.userId },
      {
        note: req.note,
        seenContentHash: req.contentHash,
        requestReview: req.requestReview,
        level: req.level,
      },
    );
  }

  /** A reviewer's decision, by a member or through a review link (client levels only). */
  async decide(input: DecisionInput): Promise<PostDetail> {
    const ws = await this.repo.workspace(input.workspaceId);
    if (!ws) throw postNotFound();
    const a = input.actor;
    const auditActor: AuditActor = a;
    let role: Role | 'guest' = 'guest';
    await this.posts
      .transaction(async (em) => {
        const row = await this.lockLive(em, ws.id, input.postId, input.version);
        let reviewActor: ReviewActor;
        if (a.type === 'user') {
          const memberRole = await this.repo.memberRole(ws.id, a.userId, em);
          if (!memberRole) throw postNotFound();
          role = memberRole;
          reviewActor = { userId: a.userId, role, isAuthor: row.author_id === a.userId };
        } else {
          reviewActor = {
            userId: linkUserId(a),
            role: 'guest',
            isAuthor: false,
            viaLink: { linkId: a.linkId, ...input.linkContext },
          };
        }
        await this.apply(em, ws.id, row, input.decision, reviewActor, auditActor, {
          note: input.note,
          seenContentHash: input.seenContentHash,
        });
      })
      .catch(async (e: unknown) => {
        await this.auditRefusal(e, ws.id, input.postId, input.decision, auditActor);
        throw e;
      });
    return this.detail(ws, input.postId, a.type === 'user' ? a.userId : linkUserId(a), role);
  }

  // ---- hooks the posts service calls inside its transactions ----

  /** A new post: its first revision. */
  async onCreated(
    em: EntityManager,
    workspaceId: string,
    row: PostRow,
    userId: string,
  ): Promise<void> {
    await this.repo.addRevision(em, row.id, approvableContent(row), row.content_hash, userId, null);
    await this.audit.record(em, {
      workspaceId,
      actor: { type: 'user', userId },
      action: 'post.created',
      postId: row.id,
      after: this.snapshot(row),
    });
  }

  /** Imported posts: their first revisions and their creation, in bulk, by the import job. */
  async onImported(
    em: EntityManager,
    workspaceId: string,
    userId: string,
    jobId: string,
    posts: { id: string; contentHash: string; content: ApprovableContent }[],
  ): Promise<void> {
    await this.repo.addFirstRevisions(
      em,
      userId,
      posts.map((p) => ({ postId: p.id, contentHash: p.contentHash, content: p.content })),
    );
    await this.audit.recordMany(
      em,
      posts.map((p) => ({
        workspaceId,
        actor: { type: 'user', userId },
        action: 'post.created',
        postId: p.id,
        subject: { type: 'import', id: jobId },
        after: p.content,
      })),
    );
  }

  /**
   * A saved change. New content is a revision and voids the approval (or restarts the round);
   * a moved planned time keeps the approval (posts records the move itself).
   */
  async onSaved(
    em: EntityManager,
    workspaceId: string,
    before: PostRow,
    after: PostRow,
    userId: string,
    role: Role,
  ): Promise<void> {
    const actor: AuditActor = { type: 'user', userId };
    const contentChanged = hashContent(before) !== after.content_hash;
    if (contentChanged) {
      await this.repo.addRevision(
        em,
        after.id,
        approvableContent(after),
        after.content_hash,
        userId,
        null,
      );
      await this.audit.record(em, {
        workspaceId,
        actor,
        action: 'post.content_changed',
        postId: after.id,
        before: this.snapshot(before),
        after: this.snapshot(after),
      });
      const reviewActor: ReviewActor = { userId, role, isAuthor: after.author_id === userId };
      await this.apply(em, workspaceId, after, 'edit_content', reviewActor, actor, {}, false);
    }
  }

  // ---- the clock ----

  /** Unapproved posts whose planned time has come become approval_expired; nothing goes out. */
  async expireDue(now = this.clock.now(), batch = 100): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.posts.transaction(async (em) => {
        const due = await this.repo.lockDueForExpiry(em, now, batch);
        for (const { id, workspace_id } of due) {
          const row = await this.posts.find(workspace_id, id, em);
          if (!row) continue;
          await this.apply(
            em,
            workspace_id,
            row,
            'expire',
            { userId: 'system', role: 'system', isAuthor: false },
            { type: 'system' },
            { now },
          );
        }
        return due.length;
      });
      total += n;
      if (n < batch) return total;
    }
  }

  // ---- reading ----

  async detail(
    ws: Workspace,
    postId: string,
    userId: string,
    role: Role | 'guest',
  ): Promise<PostDetail> {
    const row = await this.posts.find(ws.id, postId);
    if (!row) throw postNotFound();
    const post = toPost(row, ws.timeZone);
    const [review, wording] = await Promise.all([
      this.reviewOf(row, userId, role),
      this.wording.checkPost(ws.id, post),
    ]);
    return { ...post, review, wording };
  }

  async reviewOf(row: PostRow, userId: string, role: Role | 'guest'): Promise<PostReview> {
    const round = await this.repo.latestRound(row.id);
    const decisions = round?.decisions ?? [];
    const [names, linkLabels] = await Promise.all([
      this.repo.userNames([...new Set(decisions.filter((d) => !d.viaLink).map((d) => d.userId))]),
      this.repo.linkLabels([
        ...new Set(decisions.flatMap((d) => (d.viaLink ? [d.viaLink.linkId] : []))),
      ]),
    ]);
    return toPostReview(row, { round, names, linkLabels }, { userId, role });
  }

  // ---- the core ----

  private async lockLive(
    em: EntityManager,
    workspaceId: string,
    postId: string,
    expectedVersion: number | undefined,
  ): Promise<PostRow> {
    const row = await this.posts.lock(em, workspaceId, postId);
    if (!row || row.deleted_at) throw postNotFound();
    if (expectedVersion !== undefined && row.version !== expectedVersion) {
      throw staleVersion(
        'post',
        row.version,
        'Someone else changed this post in the meantime. Look at the new version first.',
      );
    }
    return row;
  }

  /**
   * Runs one transition against the stored state and stores its outcome. `bumpVersion` is
   * false when the caller's save already moved the version.
   */
  private async apply(
    em: EntityManager,
    workspaceId: string,
    row: PostRow,
    action: ReviewAction,
    actor: ReviewActor,
    auditActor: AuditActor,
    extra: Partial<TransitionContext>,
    bumpVersion = true,
  ): Promise<TransitionSuccess> {
    const { policy } = await this.repo.policy(workspaceId, em);
    const round = await this.repo.latestRound(row.id, em);
    const state: ReviewState = {
      status: row.status,
      authorId: row.author_id,
      plannedAt: row.planned_at?.toISOString() ?? null,
      round,
      approval: row.approval,
    };
    const ctx: TransitionContext = {
      now: this.clock.now(),
      contentHash: row.content_hash,
      authorRole: (await this.repo.memberRole(workspaceId, row.author_id, em)) ?? undefined,
      ...extra,
    };
    if (action === 'submit' || action === 'edit_content') {
      ctx.resolvedApprovers = await this.resolveApprovers(em, workspaceId, policy);
    }
    if (action === 'submit' || action === 'approve' || action === 'edit_content') {
      const mediaProblems = await this.mediaGate.problems(em, workspaceId, row);
      if ((action === 'submit' || action === 'approve') && mediaProblems.length > 0) {
        throw new ReviewError(
          'MEDIA_PLATFORM_REJECTED',
          `The media do not fit every channel: ${mediaProblems.map((p) => p.message).join(' ')}`,
          { problems: mediaProblems },
        );
      }
      const findings = [
        ...(await this.blockingFindings(workspaceId, row)),
        // A content change that breaks a platform's media rules blocks like a wording error.
        ...mediaProblems.map((p) => ({
          channelId: p.channelId,
          rule: `media.${p.rule}`,
          message: p.message,
          messages: p.messages,
          start: 0,
          end: 0,
        })),
      ];
      ctx.blockingFindings = findings;
      // Errors block asking for a review too, not only approving: nobody reviews text that
      // cannot be published as it stands.
      if (action === 'submit' && findings.length > 0) {
        throw new ReviewError(
          'WORDING_BLOCKED',
          `The wording check found ${findings.length} error(s); fix them before submitting: ${findings
            .map((f) => f.message)
            .join('; ')}`,
          { findings },
        );
      }
    }
    const result = transition(state, action, actor, policy, ctx);
    if (!result.ok) throw reviewError(result);
    await this.store(em, workspaceId, row, state, result, auditActor, bumpVersion, extra.note);
    return result;
  }

  private async store(
    em: EntityManager,
    workspaceId: string,
    row: PostRow,
    before: ReviewState,
    result: TransitionSuccess,
    actor: AuditActor,
    bumpVersion: boolean,
    note: string | undefined,
  ): Promise<void> {
    const next = result.next;
    if (result.effects.length === 0) return;
    if (next.round && next.round !== before.round)
      await this.repo.saveRound(em, row.id, next.round);
    const statusChange = result.effects.find((e) => e.type === 'status_changed');
    await this.posts.setReviewState(
      em,
      row.id,
      {
        status: next.status,
        reason: statusChange?.type === 'status_changed' ? statusChange.reason : row.status_reason,
        approval: next.approval,
      },
      bumpVersion,
    );
    await this.outbox?.syncPost(em, row.id);
    for (const effect of result.effects) {
      await this.audit.record(em, {
        workspaceId,
        actor,
        postId: row.id,
        ...reviewAuditEntry(effect, next.round),
        reason: note ?? null,
      });
    }
    await this.notifier.afterTransition(em, {
      workspaceId,
      postId: row.id,
      authorId: row.author_id,
      actor,
      round: next.round,
      effects: result.effects,
    });
  }

  /** Members matching each level of the policy right now, one list per level. */
  private async resolveApprovers(
    em: EntityManager,
    workspaceId: string,
    policy: ApprovalPolicy,
  ): Promise<string[][]> {
    const byRole = await this.repo.membersByRole(workspaceId, em);
    const members = new Set([...byRole.values()].flat());
    return policyLevels(policy).map((level) => [
      ...new Set([
        ...level.approvers.roles.flatMap((r) => byRole.get(r) ?? []),
        ...level.approvers.userIds.filter((id) => members.has(id)),
      ]),
    ]);
  }

  private async blockingFindings(workspaceId: string, row: PostRow) {
    return this.wording.blockingFindings(workspaceId, toPost(row, 'UTC'));
  }

  /** A refused self-approval is a fact worth keeping, although the request changes nothing. */
  private async auditRefusal(
    e: unknown,
    workspaceId: string,
    postId: string,
    action: string,
    actor: AuditActor,
  ): Promise<void> {
    if (!(e instanceof ReviewError) && !(e instanceof PostError)) return;
    const err = e as AppError;
    if (
      ![
        'SELF_APPROVAL_FORBIDDEN',
        'NOT_AN_APPROVER',
        'FORBIDDEN_ROLE',
        'NOT_ALLOWED_VIA_LINK',
      ].includes(err.code)
    )
      return;
    await this.audit.recordNow({
      workspaceId,
      actor,
      action: 'access.denied',
      postId,
      after: { attempted: action, code: err.code },
      reason: err.message,
    });
  }

  private snapshot(row: PostRow) {
    return { title: row.title, text: row.text, variants: row.variants };
  }
}
