import { decisionTarget, evaluateRound, levelApprovers } from './approval-round.evaluator';
import { type ReviewFailure, reviewFailure } from './review-error.model';
import {
  type Approval,
  type DecisionKind,
  type ReviewActor,
  type ReviewDecision,
  type ReviewEffect,
  type ReviewRound,
  type ReviewState,
  type TransitionContext,
  type TransitionSuccess,
} from './review.model';
import { blockedByFindings } from './review-round.rules';

/**
 * A reviewer decides about the content of the round. If the stored content no longer matches
 * the round, or the reviewer was shown another version than the round's, the decision would
 * cover text nobody reviewed, so it is refused.
 */
function staleContent(round: ReviewRound, ctx: TransitionContext): ReviewFailure | null {
  const seen = ctx.seenContentHash ?? ctx.contentHash;
  if (ctx.contentHash === round.contentHash && seen === round.contentHash) return null;
  return reviewFailure(
    'CONTENT_CHANGED',
    'The post changed while you were reviewing it; look at the new version first',
    {
      roundContentHash: round.contentHash,
      currentContentHash: ctx.contentHash,
    },
  );
}

function recordDecision(
  round: ReviewRound,
  actor: ReviewActor,
  kind: DecisionKind,
  level: number,
  ctx: TransitionContext,
): ReviewDecision {
  return {
    userId: actor.userId,
    role: actor.role,
    level,
    decision: kind,
    at: ctx.now.toISOString(),
    ...(actor.viaLink ? { viaLink: { linkId: actor.viaLink.linkId } } : {}),
    ...(ctx.note !== undefined ? { note: ctx.note } : {}),
  };
}

export function decide(
  state: ReviewState,
  kind: DecisionKind,
  actor: ReviewActor,
  ctx: TransitionContext,
): TransitionSuccess | ReviewFailure {
  const round = state.round;
  if (!round)
    return reviewFailure('REVIEW_ROUND_MISSING', 'The post is in review but has no review round');
  const target = decisionTarget(round, actor, kind, ctx.level);
  if (!target.ok) return target;
  const stale = staleContent(round, ctx);
  if (stale) return stale;
  if (kind === 'approve') {
    const blocked = blockedByFindings(ctx);
    if (blocked) return blocked;
  }

  const decision = recordDecision(round, actor, kind, target.level, ctx);
  const nextRound: ReviewRound = { ...round, decisions: [...round.decisions, decision] };
  const effects: ReviewEffect[] = [{ type: 'decision_recorded', round: round.number, decision }];

  if (kind === 'request_changes') {
    effects.push({
      type: 'status_changed',
      from: 'in_review',
      to: 'changes_requested',
      reason: 'changes_requested',
    });
    return { ok: true, next: { ...state, status: 'changes_requested', round: nextRound }, effects };
  }

  const before = evaluateRound(round);
  const after = evaluateRound(nextRound);
  if (after.fullyApproved) {
    const approval: Approval = {
      contentHash: round.contentHash,
      at: decision.at,
      kind: 'reviewed',
      round: round.number,
      approverIds: [...new Set(after.levels.flatMap((l) => l.approvedBy))],
    };
    effects.push(
      { type: 'status_changed', from: 'in_review', to: 'approved', reason: 'approved' },
      { type: 'approval_granted', approval },
    );
    return {
      ok: true,
      next: { ...state, status: 'approved', round: nextRound, approval },
      effects,
    };
  }
  const nextLevel = after.currentLevel;
  const level = nextLevel === null ? undefined : nextRound.levels[nextLevel];
  if (nextLevel !== null && nextLevel !== before.currentLevel && level) {
    effects.push({
      type: 'reviewers_requested',
      round: round.number,
      level: nextLevel,
      userIds: level.client
        ? []
        : levelApprovers(level, round.authorId, round.authorMaySelfApprove),
      client: level.client,
    });
  }
  return { ok: true, next: { ...state, round: nextRound }, effects };
}
