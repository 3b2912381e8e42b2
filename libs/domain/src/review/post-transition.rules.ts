import { type ApprovalPolicy } from './approval-policy.schema';
import { type ReviewFailure, reviewFailure } from './review-error.model';
import {
  type EditorialStatus,
  type ReviewAction,
  type ReviewActor,
  type ReviewState,
  type StatusReason,
  type TransitionContext,
  type TransitionSuccess,
} from './review.model';
import { decide } from './review-decision.rules';
import { editContent, submit } from './review-round.rules';

export type TransitionResult = TransitionSuccess | ReviewFailure;

/**
 * From which statuses each action may start. An idea is not submitted directly: it is promoted
 * to a draft first, so that only posts somebody has actually worded reach reviewers.
 * Only posts without an approval expire; an approved post whose time comes is published.
 */
export const ALLOWED_FROM: Readonly<Record<ReviewAction, readonly EditorialStatus[]>> = {
  promote: ['idea'],
  submit: ['draft', 'changes_requested'],
  approve: ['in_review'],
  request_changes: ['in_review'],
  withdraw: ['in_review', 'approved'],
  reopen: ['approval_expired', 'changes_requested'],
  edit_content: ['idea', 'draft', 'in_review', 'changes_requested', 'approved', 'approval_expired'],
  move_time: ['idea', 'draft', 'in_review', 'changes_requested', 'approved', 'approval_expired'],
  expire: ['draft', 'in_review', 'changes_requested'],
};

export function isActionAllowedFrom(action: ReviewAction, status: EditorialStatus): boolean {
  return ALLOWED_FROM[action].includes(status);
}

/** The actions the UI should offer for a status (the actor's rights are checked on use). */
export function actionsFrom(status: EditorialStatus): ReviewAction[] {
  return (Object.keys(ALLOWED_FROM) as ReviewAction[]).filter((a) =>
    isActionAllowedFrom(a, status),
  );
}

const EDITING_ROLES: readonly string[] = ['owner', 'admin', 'editor', 'author'];

/**
 * Review-link visitors only decide; viewers, guests and the system clock do not edit. Which
 * posts an author may edit (own ones only, say) is the API's permission rule, not this one.
 */
function actorMayAct(action: ReviewAction, actor: ReviewActor): ReviewFailure | null {
  if (action === 'approve' || action === 'request_changes' || action === 'expire') return null;
  if (actor.viaLink)
    return reviewFailure(
      'NOT_ALLOWED_VIA_LINK',
      'A review link can only approve or request changes',
    );
  if (!EDITING_ROLES.includes(actor.role)) {
    return reviewFailure('FORBIDDEN_ROLE', `The role ${actor.role} cannot change posts`);
  }
  return null;
}

function moveTo(state: ReviewState, to: EditorialStatus, reason: StatusReason): TransitionSuccess {
  return {
    ok: true,
    next: { ...state, status: to, approval: to === 'approved' ? state.approval : null },
    effects: [{ type: 'status_changed', from: state.status, to, reason }],
  };
}

/**
 * The one entry point for every editorial change of a post. `policy` is the workspace's policy
 * now; it matters only where a round starts (submit, content edits). Decisions are judged by the
 * policy the round started with, which travels in `state.round`.
 */
export function transition(
  state: ReviewState,
  action: ReviewAction,
  actor: ReviewActor,
  policy: ApprovalPolicy,
  ctx: TransitionContext,
): TransitionResult {
  if (!isActionAllowedFrom(action, state.status)) {
    return reviewFailure(
      'TRANSITION_NOT_ALLOWED',
      `A post that is ${state.status} cannot ${action.replace('_', ' ')}`,
      {
        from: state.status,
        action,
        allowed: actionsFrom(state.status),
      },
    );
  }
  const forbidden = actorMayAct(action, actor);
  if (forbidden) return forbidden;

  switch (action) {
    case 'promote':
      return moveTo(state, 'draft', 'promoted');
    case 'submit':
      return submit(state, policy, actor, ctx);
    case 'approve':
    case 'request_changes':
      return decide(state, action, actor, ctx);
    case 'withdraw': {
      const moved = moveTo(state, 'draft', 'withdrawn');
      if (state.status !== 'approved') return moved;
      return {
        ...moved,
        effects: [{ type: 'approval_voided', reason: 'withdrawn' }, ...moved.effects],
      };
    }
    case 'reopen':
      return moveTo(state, 'draft', 'reopened');
    case 'edit_content':
      return editContent(state, policy, actor, ctx);
    case 'move_time': {
      if (ctx.plannedAt === undefined) {
        return reviewFailure(
          'TRANSITION_NOT_ALLOWED',
          'Moving a post needs the new planned time (or null)',
        );
      }
      // The approval covers content, not time: a moved post stays approved.
      return {
        ok: true,
        next: { ...state, plannedAt: ctx.plannedAt },
        effects: [{ type: 'planned_time_changed', from: state.plannedAt, to: ctx.plannedAt }],
      };
    }
    case 'expire': {
      const due = state.plannedAt !== null && Date.parse(state.plannedAt) <= ctx.now.getTime();
      if (!due)
        return reviewFailure('NOT_YET_DUE', 'The planned time of this post has not been reached');
      return moveTo(state, 'approval_expired', 'planned_time_reached');
    }
  }
}
