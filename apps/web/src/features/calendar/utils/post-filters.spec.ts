import { describe, expect, it } from '@jest/globals';
import {
  countActiveFilters,
  EMPTY_FILTERS,
  filtersFromSearchParams,
  ideasQuery,
  rangeQuery,
  withFilters,
} from './post-filters';

describe('filters in the URL', () => {
  it('reads comma lists and drops unknown statuses', () => {
    const filters = filtersFromSearchParams(
      new URLSearchParams('channel=a,b&status=idea,bogus&tag=launch&author=u1&view=week'),
    );
    expect(filters).toEqual({
      channel: ['a', 'b'],
      status: ['idea'],
      tag: ['launch'],
      author: ['u1'],
      campaign: [],
      q: '',
    });
    expect(countActiveFilters(filters)).toBe(4);
  });

  it('keeps a search in the URL and sends it as q only when it has a letter or digit', () => {
    const filters = filtersFromSearchParams(new URLSearchParams('q=%20Kisten%20'));
    expect(filters.q).toBe('Kisten');
    expect(countActiveFilters(filters)).toBe(1);
    expect(rangeQuery({ start: 'a', end: 'b' }, filters)).toMatchObject({ q: 'Kisten' });
    expect(rangeQuery({ start: 'a', end: 'b' }, { ...filters, q: '#' })).not.toHaveProperty('q');
    expect(withFilters(new URLSearchParams('q=alt'), { ...filters, q: '' }).has('q')).toBe(false);
  });

  it('writes filters without touching other parameters, and removes cleared ones', () => {
    const params = withFilters(new URLSearchParams('view=week&date=2026-11-16&tag=old'), {
      ...EMPTY_FILTERS,
      channel: ['c1', 'c2'],
    });
    expect(params.get('view')).toBe('week');
    expect(params.get('date')).toBe('2026-11-16');
    expect(params.get('channel')).toBe('c1,c2');
    expect(params.has('tag')).toBe(false);
    expect(filtersFromSearchParams(params).channel).toEqual(['c1', 'c2']);
  });

  it('filters by campaign like by channel, and counts it as a filter', () => {
    const filters = filtersFromSearchParams(new URLSearchParams('campaign=k1'));
    expect(filters.campaign).toEqual(['k1']);
    expect(countActiveFilters(filters)).toBe(1);
    expect(rangeQuery({ start: 'a', end: 'b' }, filters)).toMatchObject({ campaign: ['k1'] });
  });
});

describe('rangeQuery', () => {
  it("passes FullCalendar's exclusive range through unchanged, offsets included", () => {
    const query = rangeQuery(
      { start: '2026-10-26T00:00:00+01:00', end: '2026-12-07T00:00:00+01:00' },
      { ...EMPTY_FILTERS, status: ['draft'] },
    );
    expect(query).toEqual({
      from: '2026-10-26T00:00:00+01:00',
      to: '2026-12-07T00:00:00+01:00',
      channel: [],
      status: ['draft'],
      tag: [],
      author: [],
      campaign: [],
    });
  });

  it('asks for unscheduled posts in the ideas list, under the same filters', () => {
    expect(ideasQuery({ ...EMPTY_FILTERS, tag: ['x'] })).toEqual({
      unscheduled: 'true',
      channel: [],
      status: [],
      tag: ['x'],
      author: [],
      campaign: [],
    });
  });
});
