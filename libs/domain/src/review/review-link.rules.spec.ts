import { describe, expect, it } from '@jest/globals';
import {
  type LinkedPost,
  type ReviewLink,
  ReviewLinkInputSchema,
  linkAllows,
  linkExpiryProblem,
  visibleChannelIds,
} from './review-link.rules';

const NOW = new Date('2026-06-01T08:00:00Z');

const link: ReviewLink = {
  id: 'link-1',
  workspaceId: 'ws-1',
  permission: 'approve',
  scope: {
    from: '2026-06-01T00:00:00+02:00',
    to: '2026-07-01T00:00:00+02:00',
    channelIds: ['insta', 'fb'],
  },
  expiresAt: '2026-06-30T00:00:00Z',
  revokedAt: null,
};

const post: LinkedPost = {
  id: 'p-1',
  workspaceId: 'ws-1',
  status: 'in_review',
  plannedAt: '2026-06-12T10:00:00Z',
  channelIds: ['insta'],
};

const codes = (decision: ReturnType<typeof linkAllows>): string[] =>
  decision.ok ? [] : decision.reasons.map((r) => r.code);

describe('linkAllows', () => {
  it('allows what the permission includes, within scope and time', () => {
    for (const action of ['view', 'comment', 'approve'] as const) {
      expect(linkAllows(link, post, action, NOW)).toEqual({
        ok: true,
        visibleChannelIds: ['insta'],
      });
    }
  });

  it('orders permissions: a comment link cannot approve, a view link cannot comment', () => {
    expect(codes(linkAllows({ ...link, permission: 'comment' }, post, 'approve', NOW))).toEqual([
      'LINK_PERMISSION_MISSING',
    ]);
    expect(codes(linkAllows({ ...link, permission: 'view' }, post, 'comment', NOW))).toEqual([
      'LINK_PERMISSION_MISSING',
    ]);
    expect(linkAllows({ ...link, permission: 'view' }, post, 'view', NOW).ok).toBe(true);
  });

  it('refuses expired and revoked links, from the exact instant on', () => {
    expect(codes(linkAllows(link, post, 'view', new Date('2026-06-30T00:00:00Z')))).toEqual([
      'LINK_EXPIRED',
    ]);
    const revoked = { ...link, revokedAt: '2026-05-31T12:00:00Z' };
    expect(linkAllows(revoked, post, 'view', NOW)).toMatchObject({
      ok: false,
      code: 'LINK_REVOKED',
    });
  });

  it('keeps to the period: start inclusive, end exclusive, unplanned posts outside', () => {
    const at = (plannedAt: string | null) => linkAllows(link, { ...post, plannedAt }, 'view', NOW);
    expect(at('2026-05-31T22:00:00Z').ok).toBe(true);
    expect(codes(at('2026-05-31T21:59:59Z'))).toEqual(['LINK_OUT_OF_SCOPE']);
    expect(codes(at('2026-06-30T22:00:00Z'))).toEqual(['LINK_OUT_OF_SCOPE']);
    expect(codes(at(null))).toEqual(['LINK_OUT_OF_SCOPE']);
  });

  it('keeps to channels, posts and the workspace', () => {
    expect(codes(linkAllows(link, { ...post, channelIds: ['linkedin'] }, 'view', NOW))).toContain(
      'LINK_OUT_OF_SCOPE',
    );
    const onePost = { ...link, scope: { postIds: ['p-2'] } };
    expect(codes(linkAllows(onePost, post, 'view', NOW))).toEqual(['LINK_OUT_OF_SCOPE']);
    expect(codes(linkAllows(link, { ...post, workspaceId: 'ws-2' }, 'view', NOW))).toEqual([
      'LINK_OUT_OF_SCOPE',
    ]);
  });

  it('shows only the channels in scope, and refuses an approval covering channels the client cannot see', () => {
    const crossPosted = { ...post, channelIds: ['insta', 'linkedin'] };
    expect(linkAllows(link, crossPosted, 'comment', NOW)).toEqual({
      ok: true,
      visibleChannelIds: ['insta'],
    });
    expect(codes(linkAllows(link, crossPosted, 'approve', NOW))).toEqual(['LINK_SCOPE_PARTIAL']);
  });

  it('hides ideas and drafts', () => {
    expect(codes(linkAllows(link, { ...post, status: 'draft' }, 'view', NOW))).toEqual([
      'POST_NOT_SHARED',
    ]);
    expect(codes(linkAllows(link, { ...post, status: 'idea' }, 'view', NOW))).toEqual([
      'POST_NOT_SHARED',
    ]);
  });

  it('lists every reason, the first one as the code', () => {
    const decision = linkAllows(
      { ...link, revokedAt: NOW.toISOString(), permission: 'view' },
      { ...post, status: 'draft' },
      'approve',
      new Date('2026-07-05'),
    );
    expect(decision).toMatchObject({ ok: false, code: 'LINK_REVOKED' });
    expect(codes(decision)).toEqual([
      'LINK_REVOKED',
      'LINK_EXPIRED',
      'POST_NOT_SHARED',
      'LINK_PERMISSION_MISSING',
    ]);
  });

  it('shows every channel when the link is not limited to channels', () => {
    expect(
      visibleChannelIds(
        { ...link, scope: { postIds: ['p-1'] } },
        { ...post, channelIds: ['a', 'b'] },
      ),
    ).toEqual(['a', 'b']);
  });
});

describe('ReviewLinkInputSchema', () => {
  const input = {
    permission: 'comment',
    scope: { channelIds: ['insta'] },
    expiresAt: '2026-06-30T00:00:00+02:00',
  };

  it('accepts a limited link', () => {
    expect(ReviewLinkInputSchema.parse(input)).toMatchObject({ permission: 'comment' });
  });

  it('refuses a link to the whole workspace and a period that ends before it starts', () => {
    const messages = (scope: object) => {
      const r = ReviewLinkInputSchema.safeParse({ ...input, scope });
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(messages({})).toEqual(['Limit the link to a period, to channels or to posts']);
    expect(messages({ from: '2026-07-01T00:00:00Z', to: '2026-06-01T00:00:00Z' })).toEqual([
      'The period ends before it starts',
    ]);
  });

  it('wants an expiry ahead, at most 180 days away', () => {
    expect(linkExpiryProblem('2026-06-01T08:00:00Z', NOW)).toMatch(/already be expired/);
    expect(linkExpiryProblem('2027-06-01T08:00:00Z', NOW)).toMatch(/at most 180 days/);
    expect(linkExpiryProblem('2026-09-01T08:00:00Z', NOW)).toBeNull();
  });
});
