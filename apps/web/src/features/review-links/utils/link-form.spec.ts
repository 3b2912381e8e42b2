import { describe, expect, it } from '@jest/globals';
import {
  addDays,
  emptyLinkForm,
  inclusiveEnd,
  todayIn,
  toCreateRequest,
  toggle,
} from './link-form';

const today = '2026-11-20';

describe('the review link form', () => {
  it('turns an inclusive period into the exclusive range the API reads, and ends on the last day', () => {
    const form = {
      ...emptyLinkForm(today),
      label: '  Kunde Nord ',
      from: '2026-12-01',
      to: '2026-12-31',
    };
    expect(toCreateRequest(form, today)).toEqual({
      ok: true,
      request: {
        label: 'Kunde Nord',
        permission: 'approve',
        scope: { from: '2026-12-01', to: '2027-01-01' },
        expiresAt: '2026-12-20T23:59',
      },
    });
  });

  it('sends only the scope parts that are switched on, and the password only when given', () => {
    const form = {
      ...emptyLinkForm(today),
      label: 'Nur Instagram',
      permission: 'view' as const,
      usePeriod: false,
      useChannels: true,
      channelIds: ['c1'],
      usePosts: true,
      postIds: ['p1', 'p2'],
      password: 'geheim-genug',
    };
    const result = toCreateRequest(form, today);
    expect(result.ok && result.request).toMatchObject({
      scope: { channelIds: ['c1'], postIds: ['p1', 'p2'] },
      password: 'geheim-genug',
    });
    expect(result.ok && result.request.scope).not.toHaveProperty('from');
  });

  it('says what to fix instead of sending a link that shows everything or lives too long', () => {
    const result = toCreateRequest(
      {
        ...emptyLinkForm(today),
        label: ' ',
        usePeriod: false,
        expiresOn: addDays(today, 180),
        password: 'kurz',
      },
      today,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        label: 'reviewLinks.error.label',
        scope: 'reviewLinks.error.scope',
        expiresOn: 'reviewLinks.error.expiry',
        password: 'reviewLinks.error.password',
      },
    });
  });

  it('allows a period of 92 days at most, and every channel only together with a period or posts', () => {
    const base = { ...emptyLinkForm(today), label: 'Quartal' };
    expect(toCreateRequest({ ...base, from: '2027-01-01', to: '2027-04-02' }, today).ok).toBe(true);
    expect(toCreateRequest({ ...base, from: '2027-01-01', to: '2027-04-03' }, today)).toEqual({
      ok: false,
      errors: { period: 'reviewLinks.error.period' },
    });
    const everyChannel = {
      ...base,
      usePeriod: false,
      useChannels: true,
      channelIds: ['c1', 'c2'],
    };
    expect(toCreateRequest(everyChannel, today, 2)).toEqual({
      ok: false,
      errors: { channels: 'reviewLinks.error.allChannels' },
    });
    expect(toCreateRequest({ ...everyChannel, channelIds: ['c1'] }, today, 2).ok).toBe(true);
    expect(toCreateRequest({ ...everyChannel, usePeriod: true }, today, 2).ok).toBe(true);
  });

  it('refuses an empty channel or post choice and a period that ends before it starts', () => {
    const result = toCreateRequest(
      {
        ...emptyLinkForm(today),
        label: 'X',
        from: '2026-12-10',
        to: '2026-12-09',
        useChannels: true,
        usePosts: true,
      },
      today,
    );
    expect(result.ok ? {} : result.errors).toEqual({
      period: 'reviewLinks.error.period',
      channels: 'reviewLinks.error.channels',
      posts: 'reviewLinks.error.posts',
    });
    expect(
      toCreateRequest({ ...emptyLinkForm(today), label: 'X', expiresOn: addDays(today, -1) }, today)
        .ok,
    ).toBe(false);
    expect(
      toCreateRequest(
        { ...emptyLinkForm(today), label: 'X', expiresOn: addDays(today, 179) },
        today,
      ).ok,
    ).toBe(true);
  });
});

describe('days', () => {
  it('counts calendar days across months, years and the clock change', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(inclusiveEnd('2027-01-01T00:00:00+01:00')).toBe('2026-12-31');
  });

  it('knows today in the workspace zone, not the browser’s', () => {
    const lateInNewYork = new Date('2026-11-20T23:30:00Z');
    expect(todayIn('Europe/Berlin', lateInNewYork)).toBe('2026-11-21');
    expect(todayIn('America/New_York', lateInNewYork)).toBe('2026-11-20');
  });

  it('toggles ids without duplicates', () => {
    expect(toggle(['a'], 'a', true)).toEqual(['a']);
    expect(toggle(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});
