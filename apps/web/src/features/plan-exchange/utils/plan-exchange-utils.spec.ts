import { describe, expect, it } from '@jest/globals';
import {
  assignColumn,
  groupByDay,
  issuesByRow,
  runIssues,
  lastDay,
  nextDay,
  sameMapping,
} from './plan-exchange-utils';

describe('column mapping', () => {
  it('gives a column to one field only', () => {
    const m = assignColumn({ columns: { text: 2, title: 1 }, dateOrder: 'dmy' }, 'channel', 2);
    expect(m.columns).toEqual({ title: 1, channel: 2 });
    expect(assignColumn(m, 'title', null).columns).toEqual({ channel: 2 });
  });

  it('compares mappings', () => {
    const a = { columns: { text: 1 }, dateOrder: 'dmy' as const };
    expect(sameMapping(a, { columns: { text: 1 }, dateOrder: 'dmy' })).toBe(true);
    expect(sameMapping(a, { columns: { text: 1 }, dateOrder: 'mdy' })).toBe(false);
  });

  it('groups issues by row', () => {
    const issue = {
      row: 3,
      column: 'Date',
      code: 'INVALID_DATE' as const,
      severity: 'error' as const,
      message: 'x',
    };
    expect(issuesByRow([issue, { ...issue, code: 'UNKNOWN_CHANNEL' }]).get(3)).toHaveLength(2);
  });
});

describe('days', () => {
  it('turns an inclusive last day into an exclusive end and back', () => {
    expect(nextDay('2026-10-31')).toBe('2026-11-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(lastDay('2026-11-01T00:00:00+01:00', 'Europe/Berlin')).toBe('2026-10-31');
  });

  it('groups posts by their day in the workspace zone', () => {
    const groups = groupByDay(
      [
        { plannedAt: '2026-10-25T23:30:00+01:00' },
        { plannedAt: '2026-10-25T23:30:00Z' },
        { plannedAt: '2026-10-26T09:00:00+01:00' },
      ],
      'Europe/Berlin',
    );
    expect(groups.map((g) => [g.day, g.items.length])).toEqual([
      ['2026-10-25', 1],
      ['2026-10-26', 2],
    ]);
  });
});

describe('runIssues', () => {
  const issue = {
    row: 3,
    column: 'Image URL',
    code: 'IMAGE_FETCH_FAILED' as const,
    severity: 'error' as const,
    message: '127.0.0.1 answered 404.',
  };
  it('reads the rows an image failure names, and nothing from details off the contract', () => {
    expect(runIssues('IMAGE_FETCH_FAILED', { issues: [issue] })).toEqual([issue]);
    expect(
      runIssues('IMAGE_REJECTED', { issues: [{ ...issue, code: 'IMAGE_REJECTED' }] }),
    ).toHaveLength(1);
    expect(runIssues('IMAGE_FETCH_FAILED', { issues: 'nope' })).toEqual([]);
    expect(runIssues('IMPORT_ALREADY_RUN', undefined)).toEqual([]);
  });
});
