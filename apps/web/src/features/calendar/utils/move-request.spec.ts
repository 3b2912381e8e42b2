import { describe, expect, it } from '@jest/globals';
import { moveRequest } from './move-request';

describe('moveRequest (drag and drop -> PATCH)', () => {
  it('sends the new start as an instant with offset, based on the version the user saw', () => {
    expect(moveRequest({ startStr: '2026-11-24T12:30:00+01:00', allDay: false }, 4)).toEqual({
      ok: true,
      version: 4,
      body: { plannedAt: '2026-11-24T12:30:00+01:00' },
    });
  });

  it('keeps which of the two 02:30 on the night the clocks go back was meant', () => {
    const second = moveRequest({ startStr: '2026-10-25T02:30:00+01:00', allDay: false }, 1);
    expect(second.ok && second.body.plannedAt).toBe('2026-10-25T02:30:00+01:00');
  });

  it('refuses a drop into an all-day slot, which has no time of day', () => {
    expect(moveRequest({ startStr: '2026-11-24', allDay: true }, 1)).toEqual({
      ok: false,
      reason: 'all-day',
    });
  });

  it('refuses a start without offset rather than let the server guess', () => {
    expect(moveRequest({ startStr: '2026-11-24T12:30:00', allDay: false }, 1)).toEqual({
      ok: false,
      reason: 'no-start',
    });
  });
});
