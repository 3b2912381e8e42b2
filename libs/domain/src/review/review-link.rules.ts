import { z } from 'zod';
import { type EditorialStatus } from './review.model';

/**
 * Review links let people outside the workspace (a client, a works council) see, comment on or
 * approve posts without an account. This is the pure part: what a link allows. The token itself
 * is the API's: at least 128 bits from a CSPRNG, shown once, stored only as its SHA-256.
 */

/** Each permission includes the ones before it: approving needs seeing. */
export const LINK_PERMISSIONS = ['view', 'comment', 'approve'] as const;
export type LinkPermission = (typeof LINK_PERMISSIONS)[number];

export const LINK_MAX_LIFETIME_DAYS = 180;
/**
 * The longest period a link may cover: a quarter. A link for "everything from 1970 on" is the
 * whole workspace in disguise; a period needs both ends and at most this many days between them
 * (plus the hour a change to or from summer time adds).
 */
export const LINK_MAX_PERIOD_DAYS = 92;
const MAX_PERIOD_MS = LINK_MAX_PERIOD_DAYS * 86_400_000 + 3_600_000;

const instant = z.iso.datetime({ offset: true, error: 'Expected an ISO 8601 instant with offset' });
const idList = z.array(z.string().trim().min(1)).min(1).max(500);

export const ReviewLinkScopeSchema = z
  .strictObject({
    from: instant.nullable().optional(),
    to: instant.nullable().optional(),
    channelIds: idList.nullable().optional(),
    postIds: idList.nullable().optional(),
  })
  .superRefine((scope, ctx) => {
    if (scope.from && scope.to && Date.parse(scope.from) >= Date.parse(scope.to)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period ends before it starts' });
    }
    if (!!scope.from !== !!scope.to) {
      ctx.addIssue({
        code: 'custom',
        path: [scope.from ? 'to' : 'from'],
        message: 'A period needs a start and an end',
      });
    }
    if (scope.from && scope.to && Date.parse(scope.to) - Date.parse(scope.from) > MAX_PERIOD_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `A period covers at most ${LINK_MAX_PERIOD_DAYS} days`,
      });
    }
    // A link that shows the whole workspace is one forwarded e-mail away from a leak.
    if (!scope.from && !scope.to && !scope.channelIds && !scope.postIds) {
      ctx.addIssue({
        code: 'custom',
        message: 'Limit the link to a period, to channels or to posts',
      });
    }
  });
export type ReviewLinkScope = z.output<typeof ReviewLinkScopeSchema>;

export const ReviewLinkInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(80).optional(),
  permission: z.enum(LINK_PERMISSIONS, { error: "permission is 'view', 'comment' or 'approve'" }),
  scope: ReviewLinkScopeSchema,
  expiresAt: instant,
});
export type ReviewLinkInput = z.input<typeof ReviewLinkInputSchema>;

/** An expiry must lie ahead, and not so far ahead that a forgotten link stays open for years. */
export function linkExpiryProblem(expiresAt: string, now: Date): string | null {
  const at = Date.parse(expiresAt);
  if (at <= now.getTime()) return 'The link would already be expired';
  if (at - now.getTime() > LINK_MAX_LIFETIME_DAYS * 86_400_000) {
    return `A review link lives at most ${LINK_MAX_LIFETIME_DAYS} days`;
  }
  return null;
}

export type ReviewLink = {
  id: string;
  workspaceId: string;
  permission: LinkPermission;
  scope: ReviewLinkScope;
  expiresAt: string;
  revokedAt: string | null;
};

export type LinkedPost = {
  id: string;
  workspaceId: string;
  status: EditorialStatus;
  plannedAt: string | null;
  channelIds: readonly string[];
};

export const LINK_DENIAL_CODES = [
  'LINK_REVOKED',
  'LINK_EXPIRED',
  'LINK_OUT_OF_SCOPE',
  'POST_NOT_SHARED',
  'LINK_PERMISSION_MISSING',
  'LINK_SCOPE_PARTIAL',
] as const;
export type LinkDenialCode = (typeof LINK_DENIAL_CODES)[number];
export type LinkDenial = { code: LinkDenialCode; message: string };

export type LinkDecision =
  | { ok: true; visibleChannelIds: string[] }
  | { ok: false; code: LinkDenialCode; message: string; reasons: LinkDenial[] };

/** Ideas and drafts are the team's workshop; outsiders see posts from the review on. */
const SHARED_STATUSES: readonly EditorialStatus[] = [
  'in_review',
  'changes_requested',
  'approved',
  'approval_expired',
];

/** The channels of the post the link holder may see: the link's channels, or all of them. */
export function visibleChannelIds(link: ReviewLink, post: LinkedPost): string[] {
  const allowed = link.scope.channelIds;
  return allowed ? post.channelIds.filter((id) => allowed.includes(id)) : [...post.channelIds];
}

function inScope(link: ReviewLink, post: LinkedPost): boolean {
  const { from, to, channelIds, postIds } = link.scope;
  if (link.workspaceId !== post.workspaceId) return false;
  if (postIds && !postIds.includes(post.id)) return false;
  if (from || to) {
    if (post.plannedAt === null) return false;
    const at = Date.parse(post.plannedAt);
    if (from && at < Date.parse(from)) return false;
    if (to && at >= Date.parse(to)) return false;
  }
  return !channelIds || visibleChannelIds(link, post).length > 0;
}

/**
 * May this link do this to this post now? All reasons are listed (the admin's link page shows
 * them); `code` is the first. The API should answer every denial except a missing permission
 * like an unknown link, so a link holder learns nothing about posts outside the link.
 */
export function linkAllows(
  link: ReviewLink,
  post: LinkedPost,
  action: LinkPermission,
  now: Date,
): LinkDecision {
  const reasons: LinkDenial[] = [];
  const deny = (code: LinkDenialCode, message: string): void =>
    void reasons.push({ code, message });
  if (link.revokedAt !== null && Date.parse(link.revokedAt) <= now.getTime()) {
    deny('LINK_REVOKED', 'This review link has been revoked');
  }
  if (Date.parse(link.expiresAt) <= now.getTime())
    deny('LINK_EXPIRED', 'This review link has expired');
  if (!inScope(link, post)) deny('LINK_OUT_OF_SCOPE', 'This post is not part of the review link');
  if (!SHARED_STATUSES.includes(post.status))
    deny('POST_NOT_SHARED', 'This post is not ready for review yet');
  if (LINK_PERMISSIONS.indexOf(action) > LINK_PERMISSIONS.indexOf(link.permission)) {
    deny('LINK_PERMISSION_MISSING', `This review link does not allow to ${action}`);
  }
  // An approval covers the whole post; a holder who cannot see every channel cannot give it.
  if (action === 'approve' && visibleChannelIds(link, post).length < post.channelIds.length) {
    deny(
      'LINK_SCOPE_PARTIAL',
      'The post also goes to channels this link does not show, so it cannot be approved here',
    );
  }
  const [first] = reasons;
  if (first) return { ok: false, code: first.code, message: first.message, reasons };
  return { ok: true, visibleChannelIds: visibleChannelIds(link, post) };
}
