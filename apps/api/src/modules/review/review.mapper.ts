import { type PostReview, type Role, hasRole } from '@postplan/contracts';
import {
  type EditorialStatus,
  type ReviewActor,
  type ReviewRound,
  decisionTarget,
  evaluateRound,
} from '@postplan/domain';
import { type PostRow } from '../posts/posts.repository';

export type LinkActor = { type: 'link'; linkId: string; label: string; visitorName: string };

/** Link visitors appear in rounds under an id that keeps the link and the name they gave. */
export const linkUserId = (a: LinkActor) => `link:${a.linkId}:${a.visitorName}`;
export function linkVisitorName(userId: string): string | null {
  const m = /^link:[^:]+:(.*)$/s.exec(userId);
  return m ? m[1]! : null;
}

/** What the read model needs besides the post: its latest round and the names it shows. */
export type ReviewReadState = {
  round: ReviewRound | null;
  /** Members' names by user id, for the decisions members made. */
  names: ReadonlyMap<string, string>;
  /** Review links' labels by link id, for the decisions made through a link. */
  linkLabels: ReadonlyMap<string, string>;
};

/** Who reads the post: their `can` flags say what they may do with it now. */
export type ReviewReader = { userId: string; role: Role | 'guest' };

/** The post's review as the API answers it: the approval, the round and what the reader may do. */
export function toPostReview(
  row: PostRow,
  { round, names, linkLabels }: ReviewReadState,
  { userId, role }: ReviewReader,
): PostReview {
  const evaluation = round ? evaluateRound(round) : null;
  const isAuthor = row.author_id === userId;
  const member = role !== 'guest';
  const mayEdit = member && hasRole(role, 'author') && (isAuthor || hasRole(role, 'editor'));
  const actor: ReviewActor = { userId, role, isAuthor };
  const mayDecide = (kind: 'approve' | 'request_changes') =>
    row.status === 'in_review' && round !== null && member && decisionTarget(round, actor, kind).ok;
  const status: EditorialStatus = row.status;
  const label = (linkId: string) => linkLabels.get(linkId) ?? '?';
  return {
    contentHash: row.content_hash,
    statusReason: (row.status_reason as PostReview['statusReason']) ?? null,
    approval:
      row.status === 'approved' && row.approval
        ? { ...row.approval, approverIds: [...row.approval.approverIds] }
        : null,
    round:
      round && evaluation
        ? {
            number: round.number,
            startedAt: round.startedAt,
            contentHash: round.contentHash,
            policyKind: round.policy.kind,
            levels: evaluation.levels,
            currentLevel: evaluation.currentLevel,
            decisions: round.decisions.map((d) => ({
              userId: d.userId,
              name: d.viaLink
                ? `${linkVisitorName(d.userId) ?? '?'} (via link '${label(d.viaLink.linkId)}')`
                : (names.get(d.userId) ?? d.userId),
              level: d.level,
              decision: d.decision,
              at: d.at,
              ...(d.note ? { note: d.note } : {}),
              ...(d.viaLink ? { viaLinkId: d.viaLink.linkId } : {}),
              ...(d.viaLink
                ? {
                    viaLink: {
                      visitorName: linkVisitorName(d.userId) ?? '?',
                      label: label(d.viaLink.linkId),
                    },
                  }
                : {}),
            })),
          }
        : null,
    can: {
      promote: mayEdit && status === 'idea',
      submit: mayEdit && (status === 'draft' || status === 'changes_requested'),
      approve: mayDecide('approve'),
      requestChanges: mayDecide('request_changes'),
      withdraw: mayEdit && (status === 'in_review' || status === 'approved'),
      reopen: mayEdit && (status === 'approval_expired' || status === 'changes_requested'),
    },
  };
}
