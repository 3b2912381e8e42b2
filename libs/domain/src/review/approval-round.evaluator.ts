import { type ApprovalPolicy, policyLevels } from './approval-policy.schema';
import { type ReviewFailure, reviewFailure } from './review-error.model';
import {
  type DecisionKind,
  type LinkVia,
  type ReviewActor,
  type ReviewRound,
  type RoundLevel,
} from './review.model';

export type LevelStatus = {
  index: number;
  name: string;
  mode: 'any' | 'all';
  client: boolean;
  satisfied: boolean;
  approvedBy: string[];
  /** 'all': who still has to approve. 'any': who could approve (empty for client levels). */
  waitingFor: string[];
};

export type RoundEvaluation = {
  levels: LevelStatus[];
  /** The first level that is not yet satisfied; null when the round is fully approved. */
  currentLevel: number | null;
  fullyApproved: boolean;
  /** Someone asked for changes in this round. */
  changesRequested: boolean;
};

/**
 * Freezes the policy's levels with the approvers resolved at this moment. `resolved` has one
 * list per level, in level order (members holding a listed role, plus listed people).
 */
export function buildRoundLevels(
  policy: ApprovalPolicy,
  resolved: readonly (readonly string[])[],
): RoundLevel[] | ReviewFailure {
  const levels = policyLevels(policy);
  if (resolved.length !== levels.length) {
    return reviewFailure(
      'APPROVERS_NOT_RESOLVED',
      `The policy has ${levels.length} level(s) but approvers were resolved for ${resolved.length}`,
    );
  }
  return levels.map((level, i) => ({
    name: level.name,
    mode: level.mode,
    client: level.client,
    roles: level.approvers.roles,
    userIds: level.approvers.userIds,
    resolvedApproverIds: [...new Set([...(resolved[i] ?? []), ...level.approvers.userIds])],
  }));
}

export function maySelfApprove(
  policy: ApprovalPolicy,
  role: ReviewActor['role'] | undefined,
): boolean {
  return role !== undefined && (policy.selfApprovalRoles as readonly string[]).includes(role);
}

/**
 * Who must (mode 'all') or can (mode 'any') approve a level. The author is left out unless the
 * policy lets their role approve their own posts: nobody can be required to approve themselves.
 */
export function levelApprovers(
  level: RoundLevel,
  authorId: string,
  authorMaySelfApprove: boolean,
): string[] {
  return level.resolvedApproverIds.filter((id) => id !== authorId || authorMaySelfApprove);
}

export function evaluateRound(round: ReviewRound): RoundEvaluation {
  let currentLevel: number | null = null;
  const levels = round.levels.map((level, index): LevelStatus => {
    const approvedBy = [
      ...new Set(
        round.decisions
          .filter((d) => d.level === index && d.decision === 'approve')
          .map((d) => d.userId),
      ),
    ];
    const candidates = levelApprovers(level, round.authorId, round.authorMaySelfApprove);
    const satisfied =
      level.mode === 'all'
        ? candidates.length > 0 && candidates.every((id) => approvedBy.includes(id))
        : approvedBy.length > 0;
    if (!satisfied && currentLevel === null) currentLevel = index;
    const waitingFor = satisfied
      ? []
      : level.client
        ? []
        : candidates.filter((id) => !approvedBy.includes(id));
    return {
      index,
      name: level.name,
      mode: level.mode,
      client: level.client,
      satisfied,
      approvedBy,
      waitingFor,
    };
  });
  return {
    levels,
    currentLevel,
    fullyApproved: currentLevel === null && levels.length > 0,
    changesRequested: round.decisions.some((d) => d.decision === 'request_changes'),
  };
}

/**
 * May this actor decide on this level at all? Membership is checked against the actor's
 * current role, so taking the role away takes the right to approve away at once. Review-link
 * visitors decide only on client levels; members listed on a client level may record the
 * client's answer themselves (the client said yes on the phone).
 */
export function isEligible(level: RoundLevel, actor: ReviewActor): boolean {
  if (actor.viaLink) return level.client;
  if (actor.role === 'guest' || actor.role === 'system') return false;
  return level.roles.includes(actor.role) || level.userIds.includes(actor.userId);
}

/** Members who may decide right now (for notifications); client levels are reached by link. */
export function whoMayDecideNow(round: ReviewRound): {
  level: number | null;
  userIds: string[];
  client: boolean;
} {
  const evaluation = evaluateRound(round);
  if (evaluation.currentLevel === null) return { level: null, userIds: [], client: false };
  const status = evaluation.levels[evaluation.currentLevel];
  const level = round.levels[evaluation.currentLevel];
  if (!status || !level) return { level: null, userIds: [], client: false };
  return {
    level: evaluation.currentLevel,
    userIds: levelApprovers(level, round.authorId, round.authorMaySelfApprove).filter(
      (id) => !status.approvedBy.includes(id),
    ),
    client: level.client,
  };
}

export type DecisionTarget = { ok: true; level: number };

/**
 * Finds the level a decision applies to, or why it is refused. Approvals go strictly in level
 * order; a request for changes is a stop sign anyone eligible on any level of the round may raise.
 */
export function decisionTarget(
  round: ReviewRound,
  actor: ReviewActor,
  decision: DecisionKind,
  requestedLevel?: number,
): DecisionTarget | ReviewFailure {
  if (actor.isAuthor && !maySelfApprove(round.policy, actor.role)) {
    return reviewFailure(
      'SELF_APPROVAL_FORBIDDEN',
      'Authors do not review their own posts: someone else has to decide',
    );
  }
  if (actor.viaLink && decision === 'approve') {
    const problem = linkFourEyesProblem(round, actor.viaLink);
    if (problem) return problem;
  }
  const eligible = round.levels.flatMap((level, i) => (isEligible(level, actor) ? [i] : []));
  if (eligible.length === 0) {
    return reviewFailure('NOT_AN_APPROVER', 'You are not an approver of this post');
  }
  if (requestedLevel !== undefined && !eligible.includes(requestedLevel)) {
    const name = round.levels[requestedLevel]?.name ?? String(requestedLevel);
    return reviewFailure('NOT_AN_APPROVER', `You are not an approver of the level "${name}"`);
  }
  const evaluation = evaluateRound(round);
  const current = evaluation.currentLevel;
  if (decision === 'request_changes') {
    const level =
      requestedLevel ?? (current !== null && eligible.includes(current) ? current : eligible[0]);
    return { ok: true, level: level ?? 0 };
  }
  if (current === null) {
    return reviewFailure('ALREADY_DECIDED', 'Every level of this round is already approved');
  }
  const level =
    requestedLevel ?? (eligible.includes(current) ? current : eligible.find((i) => i > current));
  if (level === undefined) {
    return reviewFailure(
      'ALREADY_DECIDED',
      'The levels you approve are already approved in this round',
    );
  }
  if (level > current) {
    const waiting = round.levels[current]?.name ?? String(current);
    return reviewFailure('LEVEL_NOT_REACHED', `The level "${waiting}" has to approve first`, {
      currentLevel: current,
      requestedLevel: level,
    });
  }
  const status = evaluation.levels[level];
  if (level < current || status?.approvedBy.includes(actor.userId)) {
    return reviewFailure(
      'ALREADY_DECIDED',
      'You have already approved this, or the level is already approved',
    );
  }
  return { ok: true, level };
}

/**
 * Four eyes through a client link: an approval through a link counts only when the post's author
 * is not behind it. Refused when the link was created by the post's author (they would be
 * approving their own post under a client's name), and when the browser using the link is
 * signed in as the author. A policy that lets the author's role approve their own posts
 * (`selfApprovalRoles`) waives both, as it waives the rule for members.
 */
export function linkFourEyesProblem(round: ReviewRound, via: LinkVia): ReviewFailure | null {
  if (round.authorMaySelfApprove) return null;
  if (via.signedInAs != null && via.signedInAs === round.authorId) {
    return reviewFailure(
      'SELF_APPROVAL_FORBIDDEN',
      'This browser is signed in as the author of the post: an author does not approve their own post, not through a review link either',
      { reason: 'SIGNED_IN_AS_AUTHOR' },
    );
  }
  if (via.createdBy != null && via.createdBy === round.authorId) {
    return reviewFailure(
      'SELF_APPROVAL_FORBIDDEN',
      'This review link was created by the author of the post, so it cannot approve it; ask the team for a link from someone else',
      { reason: 'LINK_CREATED_BY_AUTHOR' },
    );
  }
  return null;
}
