import type { AuditEntry } from '@postplan/contracts';
import { describe, expect, it } from '@jest/globals';
import { createTranslate } from '../../../lib/i18n/translate';
import { auditQuery, rangeIsValid } from './audit-filters';
import { describeEntry, groupEntries, type DescribeContext } from './describe-entry';

const BEN = '00000000-0000-4000-8000-0000000000b2';
const LENA = '00000000-0000-4000-8000-0000000000c3';
let id = 0;
const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: String(++id),
  at: '2031-05-02T10:00:00.000Z',
  workspaceId: 'w',
  actor: { type: 'user', userId: BEN, linkId: null, name: 'Ben' },
  action: 'post.created',
  postId: 'p',
  subject: null,
  before: null,
  after: null,
  reason: null,
  ...over,
});

const ctx = (locale: 'de' | 'en' = 'en'): DescribeContext => ({
  t: createTranslate(locale),
  nameOf: (userId) => (userId === LENA ? 'Lena' : null),
  levelName: (round, index) => (round === 2 ? (['Redaktion', 'Recht'][index] ?? null) : null),
  when: (iso) =>
    new Intl.DateTimeFormat('en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Berlin',
    }).format(new Date(iso)),
});

describe('describeEntry', () => {
  it('names an approval with its level, and keeps the note', () => {
    const described = describeEntry(
      entry({
        action: 'post.decision_recorded',
        after: { round: 2, level: 0, decision: 'approve', userId: BEN },
        reason: 'Passt.',
      }),
      ctx(),
    );
    expect(described).toEqual({ text: 'Approved by Ben (level Redaktion)', note: 'Passt.' });
  });

  it('names the level as the decision’s round froze it, even when the current round differs', () => {
    const described = describeEntry(
      entry({
        action: 'post.decision_recorded',
        after: {
          round: 1,
          level: 1,
          levelName: 'Geschäftsführung',
          decision: 'approve',
          userId: BEN,
        },
      }),
      ctx(),
    );
    // Round 1 is not the current round: without the stored name it would read "Approved by Ben".
    expect(described.text).toBe('Approved by Ben (level Geschäftsführung)');
  });

  it('says who acted through a review link', () => {
    const text = describeEntry(
      entry({
        action: 'post.decision_recorded',
        actor: { type: 'link', userId: null, linkId: 'l', name: "Kim (via link 'Dezember')" },
        after: { round: 7, level: 2, decision: 'request_changes' },
      }),
      ctx(),
    ).text;
    expect(text).toBe("Changes requested by Kim (via link 'Dezember')");
  });

  it('tells submitting from falling back into review after an edit', () => {
    const submitted = entry({
      action: 'post.status_changed',
      before: { status: 'draft' },
      after: { status: 'in_review', reason: 'submitted' },
    });
    const back = entry({
      action: 'post.status_changed',
      before: { status: 'approved' },
      after: { status: 'in_review', reason: 'content_changed' },
    });
    expect(describeEntry(submitted, ctx()).text).toBe('Ben submitted it for review');
    expect(describeEntry(back, ctx('de')).text).toBe('Wieder in Prüfung: Der Text wurde geändert');
  });

  it('shows a move in the workspace zone and names the reviewers asked', () => {
    expect(
      describeEntry(
        entry({ action: 'post.moved', after: { plannedAt: '2031-06-10T07:00:00.000Z' } }),
        ctx(),
      ).text,
    ).toBe('Ben moved it to 10 Jun 2031, 09:00');
    expect(
      describeEntry(
        entry({ action: 'post.reviewers_requested', after: { level: 0, userIds: [LENA] } }),
        ctx(),
      ).text,
    ).toBe('Review requested from Lena');
  });

  it('explains a refused self-approval with the translated reason', () => {
    const text = describeEntry(
      entry({
        action: 'access.denied',
        after: { attempted: 'approve', code: 'SELF_APPROVAL_FORBIDDEN' },
      }),
      ctx(),
    ).text;
    expect(text).toBe(
      'Ben was refused: You cannot approve your own post: somebody else has to (four-eyes principle).',
    );
  });

  it('names the clock as the system, and unknown actions by their code', () => {
    expect(
      describeEntry(
        entry({
          action: 'post.status_changed',
          actor: { type: 'system', userId: null, linkId: null, name: null },
          after: { status: 'approval_expired', reason: 'planned_time_reached' },
        }),
        ctx(),
      ).text,
    ).toBe('Approval expired: the planned time came first; nothing was published');
    expect(describeEntry(entry({ action: 'post.archived' }), ctx()).text).toBe(
      'Ben did “post.archived”',
    );
  });
});

describe('groupEntries', () => {
  it('puts what one request caused under the entry a person would name', () => {
    const at = (s: number) => `2031-05-02T10:00:0${s}.000Z`;
    const groups = groupEntries([
      entry({ action: 'post.status_changed', at: at(0), after: { reason: 'submitted' } }),
      entry({ action: 'post.review_round_started', at: at(0) }),
      entry({ action: 'post.reviewers_requested', at: at(1) }),
      entry({
        action: 'post.decision_recorded',
        at: at(5),
        actor: { type: 'user', userId: LENA, linkId: null, name: 'Lena' },
      }),
      entry({
        action: 'post.status_changed',
        at: at(5),
        actor: { type: 'user', userId: LENA, linkId: null, name: 'Lena' },
      }),
      entry({ action: 'post.content_changed', at: at(9) }),
    ]);
    expect(groups.map((g) => [g.main.action, g.details.map((d) => d.action)])).toEqual([
      ['post.status_changed', ['post.review_round_started', 'post.reviewers_requested']],
      ['post.decision_recorded', ['post.status_changed']],
      ['post.content_changed', []],
    ]);
  });

  it('does not merge entries of different people', () => {
    const groups = groupEntries([
      entry({ action: 'post.content_changed' }),
      entry({
        action: 'post.approval_voided',
        actor: { type: 'user', userId: LENA, linkId: null, name: 'Lena' },
      }),
    ]);
    expect(groups).toHaveLength(2);
  });
});

describe('auditQuery', () => {
  it('turns local days into instants at midnight in the zone, the end day included', () => {
    expect(
      auditQuery(
        { action: 'post.*', actor: BEN, from: '2031-03-29', to: '2031-03-30' },
        'Europe/Berlin',
      ),
    ).toEqual({
      action: 'post.*',
      actor: BEN,
      from: '2031-03-29T00:00:00+01:00',
      // The clocks went forward on the 30th: the next midnight has the summer offset.
      to: '2031-03-31T00:00:00+02:00',
    });
  });

  it('leaves out empty filters and refuses a range that ends before it starts', () => {
    expect(auditQuery({ action: '', actor: '', from: '', to: '' }, 'Europe/Berlin')).toEqual({});
    expect(rangeIsValid({ action: '', actor: '', from: '2031-05-02', to: '2031-05-01' })).toBe(
      false,
    );
  });
});

describe('describeEntry for the workspace log', () => {
  it('names logins, refused role checks and failed logins', () => {
    expect(describeEntry(entry({ action: 'auth.login' }), ctx()).text).toBe('Ben logged in');
    expect(
      describeEntry(
        entry({ action: 'access.denied', after: { request: 'PUT /x', required: 'admin' } }),
        ctx('de'),
      ).text,
    ).toBe('Ben wurde abgewiesen: Dafür braucht es mindestens die Rolle Admin');
    expect(
      describeEntry(
        entry({
          action: 'auth.login_failed',
          actor: { type: 'anonymous', userId: null, linkId: null, name: 'x@example.com' },
        }),
        ctx(),
      ).text,
    ).toBe('Failed login as x@example.com');
  });
});

describe('publishing in the history', () => {
  const SANDBOX = '00000000-0000-4000-8000-0000000000d1';
  const system = { type: 'system' as const, userId: null, linkId: null, name: null };
  const withChannels = (locale: 'de' | 'en' = 'en'): DescribeContext => ({
    ...ctx(locale),
    channelName: (channelId) => (channelId === SANDBOX ? 'Sandbox' : null),
  });
  const attempt = (after: Record<string, unknown>) =>
    describeEntry(
      entry({
        actor: system,
        action: 'publication.attempted',
        after: { channelId: SANDBOX, attempt: 1, ...after },
      }),
      withChannels(),
    ).text;

  it('tells each attempt with its channel and how it ended', () => {
    expect(attempt({ outcome: 'published', url: 'https://sandbox.example/p/1' })).toBe(
      'Attempt 1 on Sandbox: published',
    );
    expect(
      attempt({
        attempt: 2,
        outcome: 'failed',
        error: { code: 'NO_ADAPTER', message: 'No adapter for instagram', class: 'permanent' },
      }),
    ).toBe('Attempt 2 on Sandbox failed: No adapter for instagram');
    expect(attempt({ outcome: 'unconfirmed' })).toBe(
      'Attempt 1 on Sandbox: no clear answer from the platform, unconfirmed',
    );
    expect(
      attempt({ outcome: 'pending', error: { code: 'RATE_LIMITED', message: 'Slow down' } }),
    ).toBe('Attempt 1 on Sandbox did not get through, another one follows: Slow down');
  });

  it('names the person behind each decision, and a channel it no longer knows', () => {
    const decided = (action: string, channelId = SANDBOX) =>
      describeEntry(entry({ action, after: { channelId } }), withChannels('de')).text;
    expect(decided('publication.confirm')).toBe(
      'Ben hat bestätigt, dass er auf Sandbox online ist',
    );
    expect(decided('publication.retry')).toBe(
      'Ben hat die Veröffentlichung auf Sandbox erneut versucht',
    );
    expect(decided('publication.skip', LENA)).toBe(
      'Ben hat die Veröffentlichung auf einem Kanal ausgelassen',
    );
    expect(
      describeEntry(
        entry({
          action: 'post.moved',
          after: { plannedAt: '2031-05-02T10:00:00Z' },
          reason: 'publish_now',
        }),
        ctx(),
      ).text,
    ).toBe('Ben published it now instead of at the planned time');
  });
});
