import { describe, expect, it } from '@jest/globals';
import {
  buildRoundLevels,
  evaluateRound,
  decisionTarget,
  isEligible,
  linkFourEyesProblem,
  whoMayDecideNow,
} from './approval-round.evaluator';
import { type ReviewDecision, type ReviewRound, type RoundLevel } from './review.model';
import { AUTHOR, CHIEF, EDITOR, client, editor, policy } from './review.fixtures';

const allAdmins = policy({
  kind: 'levels',
  levels: [
    { name: 'Alle Admins', approvers: { roles: ['admin'], userIds: ['u-legal'] }, mode: 'all' },
  ],
});

const roundOf = (levels: RoundLevel[], decisions: ReviewDecision[] = []): ReviewRound => ({
  number: 1,
  startedAt: '2026-06-01T08:00:00Z',
  authorId: AUTHOR,
  authorMaySelfApprove: false,
  contentHash: 'hash-1',
  policy: allAdmins,
  levels,
  decisions,
});

const approval = (userId: string, level = 0): ReviewDecision => ({
  userId,
  role: 'admin',
  level,
  decision: 'approve',
  at: '2026-06-01T09:00:00Z',
});

describe('buildRoundLevels', () => {
  it('freezes who held the role at submit time, plus the people the policy names', () => {
    const levels = buildRoundLevels(allAdmins, [[CHIEF, 'u-other-admin']]);
    expect(levels).toEqual([
      {
        name: 'Alle Admins',
        mode: 'all',
        client: false,
        roles: ['admin'],
        userIds: ['u-legal'],
        resolvedApproverIds: [CHIEF, 'u-other-admin', 'u-legal'],
      },
    ]);
  });

  it('refuses a resolution that does not match the levels', () => {
    expect(buildRoundLevels(allAdmins, [])).toMatchObject({
      ok: false,
      code: 'APPROVERS_NOT_RESOLVED',
    });
  });
});

describe('evaluateRound with mode all', () => {
  const levels = buildRoundLevels(allAdmins, [[CHIEF, 'u-other-admin']]) as RoundLevel[];

  it('waits for everyone frozen at submit', () => {
    const evaluation = evaluateRound(roundOf(levels, [approval(CHIEF)]));
    expect(evaluation).toMatchObject({ currentLevel: 0, fullyApproved: false });
    expect(evaluation.levels[0]?.waitingFor).toEqual(['u-other-admin', 'u-legal']);
  });

  it('does not count an admin who joined after submit towards "all", nor let them block it', () => {
    const decisions = [
      approval(CHIEF),
      approval('u-new-admin'),
      approval('u-other-admin'),
      approval('u-legal'),
    ];
    expect(evaluateRound(roundOf(levels, decisions.slice(0, 2))).fullyApproved).toBe(false);
    expect(evaluateRound(roundOf(levels, decisions)).fullyApproved).toBe(true);
  });

  it('notices a request for changes in the round', () => {
    const asked: ReviewDecision = { ...approval(CHIEF), decision: 'request_changes' };
    expect(evaluateRound(roundOf(levels, [asked])).changesRequested).toBe(true);
  });
});

describe('whoMayDecideNow', () => {
  it('names the members of the current level who have not approved yet', () => {
    const levels = buildRoundLevels(allAdmins, [[CHIEF, AUTHOR]]) as RoundLevel[];
    expect(whoMayDecideNow(roundOf(levels))).toEqual({
      level: 0,
      userIds: [CHIEF, 'u-legal'],
      client: false,
    });
  });

  it('names nobody once the round is approved', () => {
    const levels = buildRoundLevels(allAdmins, [[]]) as RoundLevel[];
    expect(whoMayDecideNow(roundOf(levels, [approval('u-legal')]))).toEqual({
      level: null,
      userIds: [],
      client: false,
    });
  });
});

describe('isEligible', () => {
  const clientLevel: RoundLevel = {
    name: 'Kunde',
    mode: 'any',
    client: true,
    roles: [],
    userIds: [EDITOR],
    resolvedApproverIds: [EDITOR],
  };
  it('lets link visitors decide only on client levels and listed members on any', () => {
    expect(isEligible(clientLevel, client)).toBe(true);
    expect(isEligible(clientLevel, editor)).toBe(true);
    expect(isEligible({ ...clientLevel, client: false, userIds: [] }, client)).toBe(false);
  });
});

describe('four eyes through a client link', () => {
  const clientOnly = (authorMaySelfApprove = false): ReviewRound => ({
    ...roundOf([
      {
        name: 'Kunde',
        mode: 'any',
        client: true,
        roles: [],
        userIds: [],
        resolvedApproverIds: [],
      },
    ]),
    authorMaySelfApprove,
  });
  const via = (extra: { createdBy?: string | null; signedInAs?: string | null }) => ({
    ...client,
    viaLink: { linkId: 'link-7', ...extra },
  });

  it('refuses an approval through a link the author created, or used signed in as the author', () => {
    expect(decisionTarget(clientOnly(), via({ createdBy: AUTHOR }), 'approve')).toMatchObject({
      ok: false,
      code: 'SELF_APPROVAL_FORBIDDEN',
      details: { reason: 'LINK_CREATED_BY_AUTHOR' },
    });
    expect(
      decisionTarget(clientOnly(), via({ createdBy: CHIEF, signedInAs: AUTHOR }), 'approve'),
    ).toMatchObject({ ok: false, details: { reason: 'SIGNED_IN_AS_AUTHOR' } });
  });

  it('lets the client approve through a colleague’s link, and anyone ask for changes', () => {
    expect(decisionTarget(clientOnly(), via({ createdBy: CHIEF }), 'approve')).toEqual({
      ok: true,
      level: 0,
    });
    expect(decisionTarget(clientOnly(), via({ createdBy: null }), 'approve')).toMatchObject({
      ok: true,
    });
    expect(
      decisionTarget(clientOnly(), via({ createdBy: AUTHOR }), 'request_changes'),
    ).toMatchObject({ ok: true });
  });

  it('is waived where the policy lets the author approve their own posts', () => {
    expect(linkFourEyesProblem(clientOnly(true), { linkId: 'l', createdBy: AUTHOR })).toBeNull();
    expect(
      linkFourEyesProblem(clientOnly(false), { linkId: 'l', createdBy: AUTHOR }),
    ).not.toBeNull();
  });
});
