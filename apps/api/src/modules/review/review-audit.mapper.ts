import { type ReviewEffect, type ReviewRound } from '@postplan/domain';

const AUDIT_ACTION: Record<ReviewEffect['type'], string> = {
  status_changed: 'post.status_changed',
  round_started: 'post.review_round_started',
  decisions_voided: 'post.decisions_voided',
  decision_recorded: 'post.decision_recorded',
  reviewers_requested: 'post.reviewers_requested',
  approval_granted: 'post.approval_granted',
  approval_voided: 'post.approval_voided',
  planned_time_changed: 'post.moved',
};

export type ReviewAuditEntry = { action: string; before?: unknown; after?: unknown };

/**
 * What one effect of a transition writes to the audit log. Decisions carry their level's name
 * as the round froze it, so the history names it even after the policy or a later round renamed
 * levels.
 */
export function reviewAuditEntry(
  effect: ReviewEffect,
  round: ReviewRound | null,
): ReviewAuditEntry {
  const action = AUDIT_ACTION[effect.type];
  const levelName = (roundNumber: number, index: number) =>
    round?.number === roundNumber && round.policy.kind === 'levels'
      ? round.levels[index]?.name
      : undefined;
  switch (effect.type) {
    case 'status_changed':
      return {
        action,
        before: { status: effect.from },
        after: { status: effect.to, reason: effect.reason },
      };
    case 'round_started':
      return { action, after: { round: effect.round, contentHash: effect.contentHash } };
    case 'decisions_voided':
      return { action, before: { round: effect.round }, after: { reason: effect.reason } };
    case 'decision_recorded':
      return {
        action,
        after: {
          round: effect.round,
          ...effect.decision,
          levelName: levelName(effect.round, effect.decision.level),
        },
      };
    case 'reviewers_requested':
      return {
        action,
        after: {
          round: effect.round,
          level: effect.level,
          levelName: levelName(effect.round, effect.level),
          userIds: effect.userIds,
          client: effect.client,
        },
      };
    case 'approval_granted':
      return { action, after: effect.approval };
    case 'approval_voided':
      return { action, after: { reason: effect.reason } };
    case 'planned_time_changed':
      return { action, before: { plannedAt: effect.from }, after: { plannedAt: effect.to } };
  }
}
