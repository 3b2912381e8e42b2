import { type ApprovalPolicy, type ReviewRound } from '@postplan/domain';
import { type PostRow } from '../posts/posts.repository';
import { linkVisitorName, toPostReview } from './review.mapper';

const AUTHOR = 'u-anna';
const EDITOR = 'u-ben';
const LEGAL = 'u-dieter';
const LINK = 'l-1';

const row = (over: Partial<PostRow> = {}): PostRow => ({
  id: 'p-1',
  version: 3,
  status: 'in_review',
  title: 'Sommerfest',
  text: 'Am Samstag feiern wir.',
  planned_at: new Date('2031-06-10T07:00:00Z'),
  tags: [],
  author_id: AUTHOR,
  campaign_id: null,
  campaign_utm: null,
  channel_platforms: {},
  created_at: new Date('2031-05-01T10:00:00Z'),
  updated_at: new Date('2031-05-02T10:00:00Z'),
  deleted_at: null,
  variants: [],
  media: [],
  content_hash: 'h1',
  approval: null,
  status_reason: 'submitted',
  ...over,
});

const level = (name: string, userIds: string[], client = false) => ({
  name,
  mode: 'any' as const,
  client,
  roles: [],
  userIds,
  resolvedApproverIds: userIds,
});

const round = (decisions: ReviewRound['decisions'] = []): ReviewRound => ({
  number: 2,
  startedAt: '2031-05-02T10:00:00Z',
  authorId: AUTHOR,
  authorMaySelfApprove: false,
  contentHash: 'h1',
  policy: { kind: 'levels', levels: [], selfApprovalRoles: [] } as unknown as ApprovalPolicy,
  levels: [level('Redaktion', [EDITOR]), level('Kunde', [], true), level('Recht', [LEGAL])],
  decisions,
});

const names = new Map([[EDITOR, 'Ben Editor']]);
const linkLabels = new Map([[LINK, 'Kunde Stadtwerke']]);

describe('the review read model', () => {
  it('names member decisions by the member and link decisions by visitor and link', () => {
    const review = toPostReview(
      row(),
      {
        round: round([
          {
            userId: EDITOR,
            role: 'editor',
            level: 0,
            decision: 'approve',
            at: '2031-05-03T09:00:00Z',
          },
          {
            userId: `link:${LINK}:Frau Müller`,
            role: 'guest',
            level: 1,
            decision: 'approve',
            at: '2031-05-03T10:00:00Z',
            viaLink: { linkId: LINK },
            note: 'Passt so.',
          },
        ]),
        names,
        linkLabels,
      },
      { userId: LEGAL, role: 'viewer' },
    );
    expect(review.round?.decisions).toEqual([
      expect.objectContaining({ name: 'Ben Editor', level: 0 }),
      expect.objectContaining({
        name: "Frau Müller (via link 'Kunde Stadtwerke')",
        viaLinkId: LINK,
        viaLink: { visitorName: 'Frau Müller', label: 'Kunde Stadtwerke' },
        note: 'Passt so.',
      }),
    ]);
    expect(review.round?.currentLevel).toBe(2);
  });

  it('lets the approver of the open level decide, and nobody else', () => {
    const state = { round: round(), names, linkLabels };
    expect(toPostReview(row(), state, { userId: EDITOR, role: 'editor' }).can).toMatchObject({
      approve: true,
      requestChanges: true,
    });
    // Legal's level is not open yet; the author never approves their own post.
    expect(toPostReview(row(), state, { userId: LEGAL, role: 'viewer' }).can.approve).toBe(false);
    expect(toPostReview(row(), state, { userId: AUTHOR, role: 'author' }).can.approve).toBe(false);
    // A link visitor reads the review but decides only through the link's own endpoints.
    expect(toPostReview(row(), state, { userId: EDITOR, role: 'guest' }).can.approve).toBe(false);
  });

  it('offers the author and editors what the status allows, viewers nothing', () => {
    const none = { round: null, names, linkLabels };
    const draft = row({ status: 'draft' });
    expect(toPostReview(draft, none, { userId: AUTHOR, role: 'author' }).can).toEqual({
      promote: false,
      submit: true,
      approve: false,
      requestChanges: false,
      withdraw: false,
      reopen: false,
    });
    expect(toPostReview(draft, none, { userId: EDITOR, role: 'editor' }).can.submit).toBe(true);
    expect(toPostReview(draft, none, { userId: 'u-other', role: 'author' }).can.submit).toBe(false);
    expect(Object.values(toPostReview(draft, none, { userId: LEGAL, role: 'viewer' }).can)).toEqual(
      Array(6).fill(false),
    );
    const expired = row({ status: 'approval_expired' });
    expect(toPostReview(expired, none, { userId: AUTHOR, role: 'author' }).can.reopen).toBe(true);
  });

  it('shows the approval only while the post is approved', () => {
    const approval = {
      contentHash: 'h1',
      at: '2031-05-04T08:00:00Z',
      kind: 'reviewed' as const,
      round: 2,
      approverIds: [EDITOR, LEGAL],
    };
    const none = { round: null, names, linkLabels };
    const reader = { userId: AUTHOR, role: 'author' as const };
    expect(toPostReview(row({ status: 'approved', approval }), none, reader).approval).toEqual(
      approval,
    );
    expect(toPostReview(row({ status: 'draft', approval }), none, reader).approval).toBeNull();
  });

  it('reads the visitor name back from a link decision id', () => {
    expect(linkVisitorName('link:l-1:Frau Müller: Presse')).toBe('Frau Müller: Presse');
    expect(linkVisitorName(EDITOR)).toBeNull();
  });
});
