import type { Post } from '@postplan/contracts';
import { describe, expect, it } from '@jest/globals';
import {
  checkPlannedTime,
  createRequest,
  emptyForm,
  parseTags,
  postToForm,
  updateRequest,
} from './post-form';

const berlin = 'Europe/Berlin';

const post = (over: Partial<Post> = {}): Post => ({
  id: '00000000-0000-4000-8000-000000000001',
  version: 2,
  status: 'draft',
  title: 'Teaser',
  text: 'Body',
  plannedAt: '2026-11-24T11:30:00Z',
  tags: ['launch'],
  variants: [{ channelId: 'c1', text: null }],
  authorId: '00000000-0000-4000-8000-0000000000aa',
  campaignId: null,
  createdAt: '',
  updatedAt: '',
  deletedAt: null,
  ...over,
});

describe('planned time in the workspace zone', () => {
  it('shows an instant as wall-clock time of the workspace, whatever the browser zone', () => {
    const form = postToForm(post(), berlin);
    expect(form.date).toBe('2026-11-24');
    expect(form.time).toBe('12:30');
    expect(postToForm(post(), 'America/New_York').time).toBe('06:30');
  });

  it('spots a time that does not exist when the clocks spring forward', () => {
    const check = checkPlannedTime({ date: '2026-03-29', time: '02:30' }, berlin);
    expect(check).toEqual({
      kind: 'nonexistent',
      local: '2026-03-29T02:30',
      next: '2026-03-29T03:30:00+02:00',
    });
  });

  it('offers both instants of a time that happens twice when the clocks fall back', () => {
    expect(checkPlannedTime({ date: '2026-10-25', time: '02:30' }, berlin)).toEqual({
      kind: 'ambiguous',
      local: '2026-10-25T02:30',
      candidates: ['2026-10-25T02:30:00+02:00', '2026-10-25T02:30:00+01:00'],
    });
  });

  it('accepts an ordinary time and knows its offset; asks for both date and time', () => {
    expect(checkPlannedTime({ date: '2026-07-01', time: '09:00' }, berlin)).toEqual({
      kind: 'exact',
      local: '2026-07-01T09:00',
      instant: '2026-07-01T09:00:00+02:00',
    });
    expect(checkPlannedTime({ date: '2026-07-01', time: '' }, berlin)).toEqual({
      kind: 'incomplete',
    });
    expect(checkPlannedTime({ date: '', time: '' }, berlin)).toEqual({ kind: 'unscheduled' });
  });
});

describe('requests from the form', () => {
  it('creates with wall-clock time, or the chosen instant when the time is ambiguous', () => {
    const values = {
      ...emptyForm({ date: '2026-10-25', time: '02:30' }, 'draft'),
      text: 'Hallo',
      tags: 'a, #b, a',
    };
    expect(createRequest(values, null)).toEqual({
      title: '',
      text: 'Hallo',
      status: 'draft',
      plannedAt: '2026-10-25T02:30',
      tags: ['a', 'b'],
      variants: [],
      campaignId: null,
    });
    expect(createRequest(values, '2026-10-25T02:30:00+01:00').plannedAt).toBe(
      '2026-10-25T02:30:00+01:00',
    );
    expect(createRequest({ ...values, date: '', time: '' }, null).plannedAt).toBeNull();
  });

  it('sends the campaign only when it changed, and none as null', () => {
    const original = emptyForm(null, 'draft');
    expect(updateRequest({ ...original, campaignId: 'k1' }, original, null, null)).toEqual({
      campaignId: 'k1',
    });
    const inCampaign = { ...original, campaignId: 'k1' };
    expect(updateRequest({ ...inCampaign, campaignId: '' }, inCampaign, null, null)).toEqual({
      campaignId: null,
    });
    expect(updateRequest(inCampaign, inCampaign, null, null)).toEqual({});
  });

  it('sends only what changed, and not an unchanged planned time', () => {
    const original = postToForm(post(), berlin);
    expect(
      updateRequest({ ...original, title: 'New title' }, original, null, post().plannedAt),
    ).toEqual({ title: 'New title' });
    expect(updateRequest(original, original, null, post().plannedAt)).toEqual({});
    expect(updateRequest({ ...original, time: '14:00' }, original, null, post().plannedAt)).toEqual(
      { plannedAt: '2026-11-24T14:00' },
    );
  });

  it('sends a channel override as text and an empty one as null (the base text)', () => {
    const original = postToForm(post(), berlin);
    const changed = {
      ...original,
      channels: [
        { channelId: 'c1', text: 'Own' },
        { channelId: 'c2', text: '  ' },
      ],
    };
    expect(updateRequest(changed, original, null, null)).toEqual({
      variants: [
        { channelId: 'c1', text: 'Own' },
        { channelId: 'c2', text: null },
      ],
    });
  });

  it('reads tags from a comma list without duplicates or hashes', () => {
    expect(parseTags(' #launch, sommer ,, launch ')).toEqual(['launch', 'sommer']);
  });
});
