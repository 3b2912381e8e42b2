import { describe, expect, it } from '@jest/globals';
import { EMPTY_FILTERS } from './post-filters';
import { exportUrl } from './export-links';

const range = { start: '2026-10-26T00:00:00+01:00', end: '2026-12-07T00:00:00+01:00' };

describe('exportUrl', () => {
  it('carries the visible range and the filters', () => {
    const url = new URL(
      exportUrl(
        'agentur',
        'xlsx',
        range,
        { ...EMPTY_FILTERS, status: ['draft', 'approved'] },
        'de',
      ),
      'http://x',
    );
    expect(url.pathname).toBe('/api/v1/workspaces/agentur/exports/posts.xlsx');
    expect(url.searchParams.get('from')).toBe(range.start);
    expect(url.searchParams.get('to')).toBe(range.end);
    expect(url.searchParams.get('status')).toBe('draft,approved');
    expect(url.searchParams.get('lang')).toBe('de');
    expect(url.searchParams.has('channel')).toBe(false);
  });

  it('asks for commas or a month view when chosen', () => {
    expect(exportUrl('a', 'csv-comma', range, EMPTY_FILTERS, 'en')).toContain('delimiter=comma');
    expect(exportUrl('a', 'csv-semicolon', range, EMPTY_FILTERS, 'en')).not.toContain('delimiter');
    expect(exportUrl('a', 'print-month', range, EMPTY_FILTERS, 'en')).toContain('plan.html');
    expect(exportUrl('a', 'pdf-week', range, EMPTY_FILTERS, 'en')).toMatch(/plan\.pdf.*view=week/);
  });
});
