import type { PostDetail, PostReview, WorkspaceMembership } from '@postplan/contracts';

export const AUTHOR = '00000000-0000-4000-8000-0000000000a1';
export const EDITOR = '00000000-0000-4000-8000-0000000000b2';
export const LEGAL = '00000000-0000-4000-8000-0000000000c3';
export const POST_ID = '00000000-0000-4000-8000-000000000001';
export const HASH = 'a'.repeat(64);

export const members = [
  {
    userId: AUTHOR,
    name: 'Anna Autorin',
    email: 'anna@example.com',
    role: 'author' as const,
    joinedAt: '',
  },
  {
    userId: EDITOR,
    name: 'Ben Redakteur',
    email: 'ben@example.com',
    role: 'editor' as const,
    joinedAt: '',
  },
  {
    userId: LEGAL,
    name: 'Lena Recht',
    email: 'lena@example.com',
    role: 'viewer' as const,
    joinedAt: '',
  },
];

export const workspace = (role: WorkspaceMembership['role'] = 'editor'): WorkspaceMembership => ({
  id: '00000000-0000-4000-8000-00000000000f',
  slug: 'team',
  name: 'Team',
  timeZone: 'Europe/Berlin',
  locale: 'de',
  holidayCountry: 'DE',
  holidayRegion: null,
  role,
});

const NO_ACTIONS: PostReview['can'] = {
  promote: false,
  submit: false,
  approve: false,
  requestChanges: false,
  withdraw: false,
  reopen: false,
};

/** A post in review under two levels: Redaktion (any) and Recht (all). */
export function detail(
  over: Partial<Omit<PostDetail, 'review'>> & { review?: Partial<PostReview> } = {},
): PostDetail {
  const { review, ...post } = over;
  return {
    id: POST_ID,
    version: 4,
    status: 'in_review',
    title: 'Sommerfest',
    text: 'Am Samstag feiern wir.',
    plannedAt: '2031-06-10T09:00:00+02:00',
    tags: [],
    variants: [],
    authorId: AUTHOR,
    campaignId: null,
    createdAt: '2031-05-01T10:00:00Z',
    updatedAt: '2031-05-02T10:00:00Z',
    deletedAt: null,
    wording: { variants: [], blocking: [] },
    ...post,
    review: {
      contentHash: HASH,
      statusReason: 'submitted',
      approval: null,
      round: {
        number: 2,
        startedAt: '2031-05-02T10:00:00Z',
        contentHash: HASH,
        policyKind: 'levels',
        levels: [
          {
            index: 0,
            name: 'Redaktion',
            mode: 'any',
            client: false,
            satisfied: true,
            approvedBy: [EDITOR],
            waitingFor: [],
          },
          {
            index: 1,
            name: 'Recht',
            mode: 'all',
            client: false,
            satisfied: false,
            approvedBy: [],
            waitingFor: [LEGAL],
          },
        ],
        currentLevel: 1,
        decisions: [
          {
            userId: EDITOR,
            name: 'Ben Redakteur',
            level: 0,
            decision: 'approve',
            at: '2031-05-02T11:00:00Z',
            note: 'Passt so.',
          },
        ],
      },
      can: { ...NO_ACTIONS },
      ...review,
    },
  };
}

export const can = (over: Partial<PostReview['can']>): PostReview['can'] => ({
  ...NO_ACTIONS,
  ...over,
});
