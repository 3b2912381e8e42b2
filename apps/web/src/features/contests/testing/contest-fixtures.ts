import type {
  Contest,
  ContestDraw,
  Entrant,
  Entry,
  WorkspaceMembership,
} from '@postplan/contracts';

export const workspace: WorkspaceMembership = {
  id: '00000000-0000-4000-8000-0000000000a1',
  slug: 'hafen',
  name: 'Stadtwerke Social',
  role: 'editor',
  timeZone: 'Europe/Berlin',
  locale: 'de',
} as unknown as WorkspaceMembership;

export const CONTEST_ID = '00000000-0000-4000-8000-0000000000c1';
export const POST_ID = '00000000-0000-4000-8000-0000000000b1';

export function contest(overrides: Partial<Contest> = {}): Contest {
  return {
    id: CONTEST_ID,
    version: 3,
    campaignId: null,
    title: 'Adventsgewinnspiel',
    description: '',
    status: 'open',
    phase: 'ended',
    prizes: [{ name: 'Jahresabo', quantity: 1, value: null }],
    winnersCount: 1,
    alternatesCount: 1,
    entriesFrom: '2031-12-01T09:00:00+01:00',
    entriesUntil: '2031-12-24T23:59:00+01:00',
    timeZone: 'Europe/Berlin',
    entryMethods: ['comment', 'csv'],
    eligibility: {
      minimumAge: 18,
      countries: ['DE'],
      onePerPerson: true,
      excludeStaff: true,
      staffHandles: [],
      excludePreviousWinnersOfLast: 0,
      requiredMentions: 0,
      keyword: null,
    },
    organiser: { name: 'Stadtwerke Hafen GmbH', address: 'Hafenstraße 1', email: null },
    retentionDays: 90,
    postIds: [POST_ID],
    rulesVersion: 1,
    publicToken: 'tok_abc',
    rulesUrl: '/c/tok_abc/rules',
    verificationUrl: '/c/tok_abc/verify',
    counts: { entries: 4, entrants: 3, eligible: 2, excluded: 1 },
    entrantDataDeletedAt: null,
    createdAt: '2031-11-20T10:00:00Z',
    updatedAt: '2031-11-20T10:00:00Z',
    ...overrides,
  };
}

const exclusionStaff = {
  rule: 'staff' as const,
  reason: 'Mitglied des Arbeitsbereichs',
  reasons: { de: 'Mitglied des Arbeitsbereichs', en: 'Member of the workspace' },
  entryId: null,
  by: null,
};

function entry(id: string, entrantId: string, handle: string, over: Partial<Entry> = {}): Entry {
  return {
    id: `00000000-0000-4000-8000-00000000e${id}`,
    entrantId,
    source: 'comment',
    platform: 'sandbox',
    handle,
    commentId: `c${id}`,
    text: `Ich will gewinnen ${id}`,
    enteredAt: '2031-12-02T10:00:00Z',
    mentions: 0,
    counted: true,
    exclusion: null,
    collectedAt: '2031-12-25T10:00:00Z',
    ...over,
  };
}

export const entries: Entry[] = [
  entry('001', 'E-aaaaaaaaaaaaaaaa', '@mara'),
  entry('002', 'E-aaaaaaaaaaaaaaaa', '@mara', { counted: false, text: 'Nochmal ich' }),
  entry('003', 'E-bbbbbbbbbbbbbbbb', '@jonas'),
  entry('004', 'E-cccccccccccccccc', '@hafen_team'),
  entry('005', 'E-dddddddddddddddd', '@spaet', {
    counted: false,
    enteredAt: '2031-12-25T10:00:00Z',
    exclusion: {
      rule: 'outside_period',
      reason: 'Nach dem Ende des Teilnahmezeitraums',
      reasons: { de: 'Nach dem Ende des Teilnahmezeitraums', en: 'After the entry period' },
      entryId: '00000000-0000-4000-8000-00000000e005',
      by: null,
    },
  }),
];

export const entrants: Entrant[] = [
  {
    id: 'E-aaaaaaaaaaaaaaaa',
    platform: 'sandbox',
    handle: '@mara',
    maskedHandle: '@ma…ra',
    entries: 2,
    eligible: true,
    exclusions: [],
  },
  {
    id: 'E-bbbbbbbbbbbbbbbb',
    platform: 'sandbox',
    handle: '@jonas',
    maskedHandle: '@jo…as',
    entries: 1,
    eligible: true,
    exclusions: [],
  },
  {
    id: 'E-cccccccccccccccc',
    platform: 'sandbox',
    handle: '@hafen_team',
    maskedHandle: '@ha…am',
    entries: 1,
    eligible: false,
    exclusions: [exclusionStaff],
  },
  {
    id: 'E-dddddddddddddddd',
    platform: 'sandbox',
    handle: '@spaet',
    maskedHandle: '@sp…et',
    entries: 1,
    eligible: false,
    exclusions: [],
  },
];

export const committed: ContestDraw = {
  commitment: {
    committedAt: '2031-12-25T09:00:00Z',
    committedBy: { id: '00000000-0000-4000-8000-0000000000d1', name: 'Ben' },
    algorithm: 'fisher-yates-sha256-v1',
    rulesVersion: 1,
    rulesHash: 'b'.repeat(64),
    eligibleCount: 2,
    entrantCount: 4,
    excludedCount: 2,
    entryCount: 5,
    listHash: '4f'.repeat(32),
    secretHash: '5e'.repeat(32),
  },
  result: null,
};

const mara = {
  entrantId: 'E-aaaaaaaaaaaaaaaa',
  maskedHandle: '@ma…ra',
  platform: 'sandbox' as const,
};
const jonas = {
  entrantId: 'E-bbbbbbbbbbbbbbbb',
  maskedHandle: '@jo…as',
  platform: 'sandbox' as const,
};

export const drawn: ContestDraw = {
  commitment: committed.commitment,
  result: {
    drawnAt: '2031-12-25T10:00:00Z',
    drawnBy: { id: '00000000-0000-4000-8000-0000000000d1', name: 'Ben' },
    algorithm: 'fisher-yates-sha256-v1',
    secret: '9a'.repeat(32),
    publicValue: 'Lotto 7 12 19',
    publicValueBy: 'Notarin Weber',
    seed: '6d'.repeat(32),
    order: [mara.entrantId, jonas.entrantId],
    winners: [{ rank: 1, ...mara, prize: 'Jahresabo' }],
    alternates: [{ rank: 2, ...jonas, prize: null }],
    currentWinners: [{ rank: 1, ...mara, prize: 'Jahresabo' }],
    replacements: [],
  },
};

export const redrawn: ContestDraw = {
  commitment: committed.commitment,
  result: {
    ...drawn.result!,
    currentWinners: [{ rank: 2, ...jonas, prize: 'Jahresabo' }],
    replacements: [
      {
        at: '2031-12-30T10:00:00Z',
        replacedEntrantId: mara.entrantId,
        byEntrantId: jonas.entrantId,
        reason: 'Keine Antwort binnen 7 Tagen',
        recordedBy: { id: '00000000-0000-4000-8000-0000000000d1', name: 'Ben' },
      },
    ],
  },
};
