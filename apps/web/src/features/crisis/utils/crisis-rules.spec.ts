import { describe, expect, it } from '@jest/globals';
import { buildDecisions, canDecideDuePosts, canPause, reasonProblem } from './crisis-rules';

const NOW = new Date('2026-11-21T09:00:00Z');
const TZ = 'Europe/Berlin';

describe('crisis rules', () => {
  it('lets owners and admins pause, and editors decide about due posts', () => {
    expect(
      ['owner', 'admin', 'editor', 'author', 'viewer'].map((r) => canPause(r as never)),
    ).toEqual([true, true, false, false, false]);
    expect(canDecideDuePosts('editor')).toBe(true);
    expect(canDecideDuePosts('author')).toBe(false);
  });

  it('wants a reason of at most 500 characters once trimmed', () => {
    expect(reasonProblem('   ')).toBe('required');
    expect(reasonProblem(` ${'x'.repeat(500)} `)).toBeNull();
    expect(reasonProblem('x'.repeat(501))).toBe('tooLong');
  });

  it('sends each chosen decision, with the new time and its offset', () => {
    const { decisions, problems } = buildDecisions(
      {
        a: { action: 'publish_now', date: '', time: '' },
        b: { action: 'reschedule', date: '2026-11-24', time: '10:30' },
        c: { action: 'skip', date: '', time: '' },
        d: { action: null, date: '', time: '' },
      },
      TZ,
      NOW,
    );
    expect(problems).toEqual({});
    expect(decisions).toEqual([
      { postId: 'a', action: 'publish_now' },
      { postId: 'b', action: 'reschedule', plannedAt: '2026-11-24T10:30+01:00' },
      { postId: 'c', action: 'skip' },
    ]);
  });

  it('catches a skipped hour, a doubled hour, a past time and a missing time', () => {
    const { decisions, problems } = buildDecisions(
      {
        spring: { action: 'reschedule', date: '2027-03-28', time: '02:30' },
        fall: { action: 'reschedule', date: '2027-10-31', time: '02:30' },
        past: { action: 'reschedule', date: '2026-11-20', time: '10:00' },
        empty: { action: 'reschedule', date: '2026-11-24', time: '' },
      },
      TZ,
      NOW,
    );
    expect(decisions).toEqual([]);
    expect(problems.spring).toEqual({
      kind: 'nonexistent',
      nextValid: new Date('2027-03-28T01:30:00Z'),
    });
    expect(problems.fall?.kind).toBe('ambiguous');
    expect(problems.past).toEqual({ kind: 'past' });
    expect(problems.empty).toEqual({ kind: 'incomplete' });
  });

  it('takes the chosen one of a doubled hour', () => {
    const { decisions } = buildDecisions(
      { fall: { action: 'reschedule', date: '2027-10-31', time: '02:30', offset: '+01:00' } },
      TZ,
      NOW,
    );
    expect(decisions).toEqual([
      { postId: 'fall', action: 'reschedule', plannedAt: '2027-10-31T02:30+01:00' },
    ]);
  });
});
