import { type ApprovalPolicy } from './approval-policy.schema';
import { buildRoundLevels, levelApprovers, maySelfApprove } from './approval-round.evaluator';
import { type ReviewFailure, reviewFailure } from './review-error.model';
import {
  type Approval,
  type ReviewActor,
  type ReviewEffect,
  type ReviewRound,
  type ReviewState,
  type StatusReason,
  type TransitionContext,
  type TransitionSuccess,
} from './review.model';

export function blockedByFindings(ctx: TransitionContext): ReviewFailure | null {
  const findings = ctx.blockingFindings ?? [];
  if (findings.length === 0) return null;
  const rules = [...new Set(findings.map((f) => f.rule))];
  return reviewFailure(
    'BLOCKED_BY_FINDINGS',
    `The wording check found ${findings.length} error(s) (${rules.join(', ')}); fix them before approving`,
    { findings },
  );
}

/** Under 'none', and under 'optional' unless a review is asked for, nobody has to approve. */
export function reviewNeeded(policy: ApprovalPolicy, requestReview: boolean): boolean {
  switch (policy.kind) {
    case 'none':
      return false;
    case 'optional':
      return requestReview;
    case 'required':
    case 'levels':
      return true;
  }
}

export function releaseWithoutReview(
  state: ReviewState,
  ctx: TransitionContext,
  reason: StatusReason,
  leading: readonly ReviewEffect[] = [],
): TransitionSuccess {
  const approval: Approval = {
    contentHash: ctx.contentHash,
    at: ctx.now.toISOString(),
    kind: 'not_required',
    round: null,
    approverIds: [],
  };
  const effects: ReviewEffect[] = [...leading];
  if (state.status !== 'approved')
    effects.push({ type: 'status_changed', from: state.status, to: 'approved', reason });
  effects.push({ type: 'approval_granted', approval });
  return { ok: true, next: { ...state, status: 'approved', approval }, effects };
}

/**
 * Opens a new round under the workspace's current policy, with its approvers resolved now.
 * Levels (other than client levels) that nobody but the author could approve are refused at
 * this point, because such a round could never end.
 */
export function startRound(
  state: ReviewState,
  policy: ApprovalPolicy,
  actor: ReviewActor,
  ctx: TransitionContext,
  reason: StatusReason,
  leading: readonly ReviewEffect[] = [],
): TransitionSuccess | ReviewFailure {
  if (!ctx.resolvedApprovers) {
    return reviewFailure(
      'APPROVERS_NOT_RESOLVED',
      'Starting a review round needs the approvers of each level',
    );
  }
  const levels = buildRoundLevels(policy, ctx.resolvedApprovers);
  if (!Array.isArray(levels)) return levels;
  const authorRole = ctx.authorRole ?? (actor.isAuthor ? actor.role : undefined);
  const authorMaySelfApprove = maySelfApprove(policy, authorRole);
  const empty = levels.find(
    (l) => !l.client && levelApprovers(l, state.authorId, authorMaySelfApprove).length === 0,
  );
  if (empty) {
    return reviewFailure(
      'NO_ELIGIBLE_APPROVER',
      `Nobody but the author can approve the level "${empty.name}"; ask an admin to add approvers`,
      { level: empty.name },
    );
  }
  const round: ReviewRound = {
    number: (state.round?.number ?? 0) + 1,
    startedAt: ctx.now.toISOString(),
    authorId: state.authorId,
    authorMaySelfApprove,
    contentHash: ctx.contentHash,
    policy,
    levels,
    decisions: [],
  };
  const first = levels[0];
  const effects: ReviewEffect[] = [...leading];
  if (state.status !== 'in_review')
    effects.push({ type: 'status_changed', from: state.status, to: 'in_review', reason });
  effects.push({ type: 'round_started', round: round.number, contentHash: round.contentHash });
  if (first) {
    effects.push({
      type: 'reviewers_requested',
      round: round.number,
      level: 0,
      userIds: first.client ? [] : levelApprovers(first, state.authorId, authorMaySelfApprove),
      client: first.client,
    });
  }
  return { ok: true, next: { ...state, status: 'in_review', round, approval: null }, effects };
}

export function submit(
  state: ReviewState,
  policy: ApprovalPolicy,
  actor: ReviewActor,
  ctx: TransitionContext,
): TransitionSuccess | ReviewFailure {
  if (!reviewNeeded(policy, ctx.requestReview ?? false)) {
    return blockedByFindings(ctx) ?? releaseWithoutReview(state, ctx, 'released_without_review');
  }
  return startRound(state, policy, actor, ctx, 'submitted');
}

/**
 * Content changed. The approval (or the round's decisions) covered the old content, so they are
 * void; a post that needs no review is released again at once, unless its new content has
 * blocking findings, in which case it falls back to draft rather than being published.
 */
export function editContent(
  state: ReviewState,
  policy: ApprovalPolicy,
  actor: ReviewActor,
  ctx: TransitionContext,
): TransitionSuccess | ReviewFailure {
  const unchanged: TransitionSuccess = { ok: true, next: state, effects: [] };
  if (state.status === 'approved') {
    if (state.approval?.contentHash === ctx.contentHash) return unchanged;
    const voided: ReviewEffect = { type: 'approval_voided', reason: 'content_changed' };
    if (reviewNeeded(policy, false))
      return startRound(state, policy, actor, ctx, 'content_changed', [voided]);
    if (blockedByFindings(ctx)) {
      return {
        ok: true,
        next: { ...state, status: 'draft', approval: null },
        effects: [
          voided,
          { type: 'status_changed', from: 'approved', to: 'draft', reason: 'content_changed' },
        ],
      };
    }
    return releaseWithoutReview(state, ctx, 'content_changed', [voided]);
  }
  if (state.status === 'in_review') {
    if (!state.round)
      return reviewFailure('REVIEW_ROUND_MISSING', 'The post is in review but has no review round');
    if (state.round.contentHash === ctx.contentHash) return unchanged;
    const voided: ReviewEffect = {
      type: 'decisions_voided',
      round: state.round.number,
      reason: 'content_changed',
    };
    // The author asked for a review, so under 'optional' the review goes on.
    if (reviewNeeded(policy, true))
      return startRound(state, policy, actor, ctx, 'content_changed', [voided]);
    if (blockedByFindings(ctx)) {
      return {
        ok: true,
        next: { ...state, status: 'draft' },
        effects: [
          voided,
          { type: 'status_changed', from: 'in_review', to: 'draft', reason: 'content_changed' },
        ],
      };
    }
    return releaseWithoutReview(state, ctx, 'content_changed', [voided]);
  }
  return unchanged;
}
