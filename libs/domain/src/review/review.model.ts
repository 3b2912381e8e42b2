import { type ApprovalPolicy } from './approval-policy.schema';

/**
 * Editorial statuses only. Publishing is tracked per (post, channel) in publication rows, so
 * "scheduled" and "published" are not editorial statuses: an approved post with a planned time
 * is what the scheduler publishes. A new status added here makes every Record<EditorialStatus>
 * below fail to compile until it is handled.
 */
export const EDITORIAL_STATUSES = [
  'idea',
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'approval_expired',
] as const;
export type EditorialStatus = (typeof EDITORIAL_STATUSES)[number];

export const REVIEW_ACTIONS = [
  'promote',
  'submit',
  'approve',
  'request_changes',
  'withdraw',
  'reopen',
  'edit_content',
  'move_time',
  'expire',
] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/**
 * Mirrors the workspace roles of @postplan/contracts (ROLES). The domain lib may not import
 * contracts (module boundaries), so the list is repeated here and must stay in sync.
 */
export const MEMBER_ROLES = ['owner', 'admin', 'editor', 'author', 'viewer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/**
 * Who acts. `role` is the member's role at the moment of acting (a demoted editor loses the
 * right to approve at once); a visitor of a review link who is no member has role 'guest'; the
 * scheduler's clock acts as 'system'.
 */
export type ReviewActor = {
  userId: string;
  role: MemberRole | 'guest' | 'system';
  isAuthor: boolean;
  /** Set when acting through a review link; the link id is kept in the decision. */
  viaLink?: LinkVia;
};

/**
 * A review link as the four-eyes rule sees it: who created it, and which member (if any) the
 * browser using it is signed in as. Neither is stored with the decision.
 */
export type LinkVia = {
  linkId: string;
  /** The member who created the link; null when that account no longer exists. */
  createdBy?: string | null;
  /** The member whose session (or token) came along with the visitor's request. */
  signedInAs?: string | null;
};

export type DecisionKind = 'approve' | 'request_changes';

export type ReviewDecision = {
  userId: string;
  role: ReviewActor['role'];
  /** Index into the round's levels (0-based). */
  level: number;
  decision: DecisionKind;
  /** ISO 8601 instant in UTC. */
  at: string;
  viaLink?: { linkId: string };
  note?: string;
};

/** A level as frozen at submit: the policy's level plus the approvers resolved at that time. */
export type RoundLevel = {
  name: string;
  mode: 'any' | 'all';
  client: boolean;
  /** The policy's approver definition, checked against the actor's role when they decide. */
  roles: readonly MemberRole[];
  userIds: readonly string[];
  /** Members who matched the level at submit time (roles resolved by the caller). */
  resolvedApproverIds: readonly string[];
};

/**
 * One review round: starts at submit (or at a content edit during review) and keeps the policy
 * it started with, so changing the workspace's policy never rewrites decisions already made.
 */
export type ReviewRound = {
  number: number;
  startedAt: string;
  authorId: string;
  /** Frozen at the start, like the levels: may the author approve their own post? */
  authorMaySelfApprove: boolean;
  contentHash: string;
  policy: ApprovalPolicy;
  levels: readonly RoundLevel[];
  decisions: readonly ReviewDecision[];
};

/** 'reviewed': people approved the round; 'not_required': the policy let it through unreviewed. */
export type Approval = {
  contentHash: string;
  at: string;
  kind: 'reviewed' | 'not_required';
  round: number | null;
  approverIds: readonly string[];
};

export type ReviewState = {
  status: EditorialStatus;
  authorId: string;
  /** ISO 8601 instant or null (the ideas backlog). */
  plannedAt: string | null;
  /** The round under way (in_review) or the last one (kept for history and "changed since"). */
  round: ReviewRound | null;
  /** Present exactly when status is 'approved'. */
  approval: Approval | null;
};

export type BlockingFinding = { rule: string; message?: string };

/** Everything a transition needs from the outside world, passed in so the rules stay pure. */
export type TransitionContext = {
  now: Date;
  /** Hash of the post's content as it is stored now (see content-hash). */
  contentHash: string;
  /** The hash the deciding reviewer was shown; a mismatch means they reviewed stale content. */
  seenContentHash?: string;
  /**
   * For actions that start a round (submit, edit_content during review): the members matching
   * each level of the current policy at this moment, one list per level, in level order.
   */
  resolvedApprovers?: readonly (readonly string[])[];
  /** The author's current role, when someone else acts; decides whether the author may self-approve. */
  authorRole?: MemberRole;
  /** Wording findings of severity error; they block every approving step. */
  blockingFindings?: readonly BlockingFinding[];
  /** move_time: the new planned instant (ISO) or null. */
  plannedAt?: string | null;
  /** optional policy only: submit asks for a review instead of releasing at once. */
  requestReview?: boolean;
  /** approve / request_changes: the level the actor means; defaults to the current level. */
  level?: number;
  note?: string;
};

export type ReviewEffect =
  | { type: 'status_changed'; from: EditorialStatus; to: EditorialStatus; reason: StatusReason }
  | { type: 'round_started'; round: number; contentHash: string }
  | { type: 'decisions_voided'; round: number; reason: 'content_changed' }
  | { type: 'decision_recorded'; round: number; decision: ReviewDecision }
  | {
      type: 'reviewers_requested';
      round: number;
      level: number;
      userIds: readonly string[];
      client: boolean;
    }
  | { type: 'approval_granted'; approval: Approval }
  | { type: 'approval_voided'; reason: 'content_changed' | 'withdrawn' }
  | { type: 'planned_time_changed'; from: string | null; to: string | null };

export type StatusReason =
  | 'promoted'
  | 'submitted'
  | 'approved'
  | 'released_without_review'
  | 'changes_requested'
  | 'withdrawn'
  | 'reopened'
  | 'content_changed'
  | 'planned_time_reached';

export type TransitionSuccess = { ok: true; next: ReviewState; effects: readonly ReviewEffect[] };
