import { type ReviewRound } from '@postplan/domain';
import { type VisitorView, toReviewPost } from './review-link.mapper';
import { type VisitorPostRow } from './review-links.repository';

const insta = '00000000-0000-4000-8000-0000000000a1';
const linkedin = '00000000-0000-4000-8000-0000000000a2';
const editor = '00000000-0000-4000-8000-0000000000e1';

const round = (decisions: ReviewRound['decisions']): ReviewRound => ({
  number: 1,
  startedAt: '2030-11-20T09:00:00.000Z',
  authorId: '00000000-0000-4000-8000-0000000000f1',
  authorMaySelfApprove: false,
  contentHash: 'h1',
  policy: {
    kind: 'levels',
    levels: [
      {
        name: 'Redaktion',
        approvers: { roles: ['editor'], userIds: [] },
        mode: 'any',
        client: false,
      },
      { name: 'Kunde', approvers: { roles: [], userIds: [] }, mode: 'any', client: true },
    ],
    selfApprovalRoles: [],
  },
  levels: [
    {
      name: 'Redaktion',
      mode: 'any',
      client: false,
      roles: ['editor'],
      userIds: [],
      resolvedApproverIds: [editor],
    },
    { name: 'Kunde', mode: 'any', client: true, roles: [], userIds: [], resolvedApproverIds: [] },
  ],
  decisions,
});

const row = (over: Partial<VisitorPostRow> = {}): VisitorPostRow => ({
  id: '00000000-0000-4000-8000-000000000001',
  workspace_id: 'w',
  status: 'in_review',
  title: 'Advent',
  text: 'Basistext',
  planned_at: new Date('2030-12-01T08:00:00Z'),
  content_hash: 'h1',
  variants: [
    { channelId: insta, text: null, name: 'Instagram', platform: 'instagram' },
    { channelId: linkedin, text: 'Liebe Community', name: 'LinkedIn', platform: 'linkedin' },
  ],
  campaign_utm: null,
  round: round([]),
  ...over,
});

const view = (over: Partial<VisitorView> = {}): VisitorView => ({
  timeZone: 'Europe/Berlin',
  visibleChannelIds: [insta, linkedin],
  canComment: true,
  mayDecide: true,
  mayApprove: true,
  memberNames: new Map([[editor, 'Erik Editor']]),
  ...over,
});

describe('a post as a link visitor sees it', () => {
  it('shows what each visible channel publishes, in the workspace zone', () => {
    const post = toReviewPost(row(), view({ visibleChannelIds: [linkedin] }));
    expect(post.plannedAt).toBe('2030-12-01T09:00:00+01:00');
    expect(post.texts).toEqual([
      {
        channel: { id: linkedin, name: 'LinkedIn', platform: 'linkedin' },
        text: 'Liebe Community',
      },
    ]);
    expect(JSON.stringify(post)).not.toContain('Instagram');
  });

  it('inherits the base text where a channel has none, and shows it alone without channels', () => {
    expect(toReviewPost(row(), view()).texts[0]).toMatchObject({ text: 'Basistext' });
    expect(toReviewPost(row({ variants: [] }), view()).texts).toEqual([
      { channel: null, text: 'Basistext' },
    ]);
  });

  it("shows the links as the post's campaign tags them: what the client approves", () => {
    const post = toReviewPost(
      row({
        text: 'Mehr: https://shop.example/advent',
        campaign_utm: {
          sources: { instagram: 'ig' },
          medium: 'social',
          campaign: 'advent',
          content: null,
          term: null,
        },
      }),
      view(),
    );
    expect(post.texts[0]!.text).toBe(
      'Mehr: https://shop.example/advent?utm_source=ig&utm_medium=social&utm_campaign=advent',
    );
    expect(post.texts[1]!.text).toBe('Liebe Community');
  });

  it('offers approving only when the round waits for the client level', () => {
    const waitingForTeam = toReviewPost(row(), view());
    expect(waitingForTeam.clientLevels).toEqual([
      { index: 1, name: 'Kunde', satisfied: false, current: false, approvedBy: [] },
    ]);
    expect(waitingForTeam.can).toEqual({ comment: true, approve: false, requestChanges: true });

    const teamDone = toReviewPost(
      row({
        round: round([
          {
            userId: editor,
            role: 'editor',
            level: 0,
            decision: 'approve',
            at: '2030-11-20T10:00:00Z',
          },
        ]),
      }),
      view(),
    );
    expect(teamDone.clientLevels[0]).toMatchObject({ current: true });
    expect(teamDone.can.approve).toBe(true);
    // A link that may not decide on this post (say, it hides one of its channels) offers neither.
    expect(toReviewPost(row(), view({ mayDecide: false })).can).toEqual({
      comment: true,
      approve: false,
      requestChanges: false,
    });
  });

  it('names visitors by the name they gave and keeps team decisions out of the list', () => {
    const post = toReviewPost(
      row({
        status: 'approved',
        round: round([
          {
            userId: editor,
            role: 'editor',
            level: 0,
            decision: 'approve',
            at: '2030-11-20T10:00:00Z',
          },
          {
            userId: 'link:l1:Clara Client',
            role: 'guest',
            level: 1,
            decision: 'approve',
            at: '2030-11-20T11:00:00Z',
            viaLink: { linkId: 'l1' },
            note: 'Passt.',
          },
        ]),
      }),
      view(),
    );
    expect(post.clientLevels[0]).toMatchObject({ satisfied: true, approvedBy: ['Clara Client'] });
    expect(post.decisions).toEqual([
      { name: 'Clara Client', decision: 'approve', at: '2030-11-20T11:00:00Z', note: 'Passt.' },
    ]);
    expect(post.can).toEqual({ comment: true, approve: false, requestChanges: false });
  });
});
