import {
  type ReviewLink as ReviewLinkResponse,
  type ReviewLinkState,
  type ReviewPost,
} from '@postplan/contracts';
import {
  evaluateRound,
  formatInZone,
  type LinkedPost,
  publishedText,
  type ReviewLink,
} from '@postplan/domain';
import { linkVisitorName } from '../review/review.mapper';
import { type ReviewLinkRow, type VisitorPostRow } from './review-links.repository';

export function linkState(row: ReviewLinkRow, now: Date): ReviewLinkState {
  if (row.revoked_at) return 'revoked';
  return row.expires_at.getTime() <= now.getTime() ? 'expired' : 'active';
}

/** A link as owners and admins see it; times of the scope and the expiry in the workspace zone. */
export function toReviewLink(row: ReviewLinkRow, timeZone: string, now: Date): ReviewLinkResponse {
  const zoned = (d: Date | null) => (d ? formatInZone(d, timeZone) : null);
  return {
    id: row.id,
    label: row.label,
    permission: row.permission,
    scope: {
      from: zoned(row.scope_from),
      to: zoned(row.scope_to),
      channelIds: row.channel_ids,
      postIds: row.post_ids,
    },
    expiresAt: formatInZone(row.expires_at, timeZone),
    passwordProtected: row.password_hash !== null,
    state: linkState(row, now),
    createdAt: row.created_at.toISOString(),
    createdBy:
      row.created_by && row.created_by_name
        ? { id: row.created_by, name: row.created_by_name }
        : null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

/** The link as the domain's rules read it. */
export function toDomainLink(row: ReviewLinkRow): ReviewLink {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    permission: row.permission,
    scope: {
      from: row.scope_from?.toISOString() ?? null,
      to: row.scope_to?.toISOString() ?? null,
      channelIds: row.channel_ids,
      postIds: row.post_ids,
    },
    expiresAt: row.expires_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

export function toLinkedPost(row: VisitorPostRow): LinkedPost {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    status: row.status,
    plannedAt: row.planned_at?.toISOString() ?? null,
    channelIds: row.variants.map((v) => v.channelId),
  };
}

export type VisitorView = {
  timeZone: string;
  /** The channels of this post the link shows. */
  visibleChannelIds: readonly string[];
  canComment: boolean;
  /** The link may decide on this post (permission and full view of it). */
  mayDecide: boolean;
  /** Four eyes allow an approval through this link (see linkFourEyesProblem). */
  mayApprove: boolean;
  /** Display names of members who decided, by user id. */
  memberNames: ReadonlyMap<string, string>;
};

/**
 * A post as a link visitor sees it: the text each visible channel publishes (its links tagged
 * as the campaign tags them: the approval covers that text), the planned time
 * in the workspace zone, and of the review only what concerns clients.
 */
export function toReviewPost(row: VisitorPostRow, view: VisitorView): ReviewPost {
  const texts: ReviewPost['texts'] =
    row.variants.length === 0
      ? [{ channel: null, text: row.text }]
      : row.variants
          .filter((v) => view.visibleChannelIds.includes(v.channelId))
          .map((v) => ({
            channel: { id: v.channelId, name: v.name, platform: v.platform },
            text: publishedText(v.text ?? row.text, row.campaign_utm, v.platform),
          }));
  const round = row.round;
  const evaluation = round ? evaluateRound(round) : null;
  const inReview = row.status === 'in_review' && evaluation !== null;
  const nameOf = (userId: string) => linkVisitorName(userId) ?? view.memberNames.get(userId) ?? '?';
  const clientLevels = (evaluation?.levels ?? [])
    .filter((level) => level.client)
    .map((level) => ({
      index: level.index,
      name: level.name,
      satisfied: level.satisfied,
      current: inReview && evaluation.currentLevel === level.index,
      approvedBy: level.approvedBy.map(nameOf),
    }));
  const currentIsClient = clientLevels.some((level) => level.current);
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    plannedAt: row.planned_at ? formatInZone(row.planned_at, view.timeZone) : null,
    contentHash: row.content_hash,
    texts,
    clientLevels,
    decisions: (round?.decisions ?? [])
      .filter((d) => d.viaLink)
      .map((d) => ({
        name: nameOf(d.userId),
        decision: d.decision,
        at: d.at,
        note: d.note ?? null,
      })),
    can: {
      comment: view.canComment,
      approve: view.mayDecide && view.mayApprove && currentIsClient,
      requestChanges: view.mayDecide && inReview && clientLevels.length > 0,
    },
  };
}
