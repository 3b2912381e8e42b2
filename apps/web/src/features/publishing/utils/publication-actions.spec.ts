import type { PublicationStatus, Role } from '@postplan/contracts';
import { describe, expect, it } from '@jest/globals';
import { actionsFor, byAttention, canPublishNow, refreshInterval } from './publication-actions';

const ME = '00000000-0000-4000-8000-0000000000b1';
const OTHER = '00000000-0000-4000-8000-0000000000b2';
const as = (role: Role, authorId = OTHER) => ({ role, userId: ME, authorId });
const NOW = Date.parse('2026-11-21T09:00:00Z');
const pending = (minutes: number) => ({
  status: 'pending' as const,
  dueAt: new Date(NOW + minutes * 60_000).toISOString(),
});

describe('actionsFor', () => {
  it('offers each status its decisions', () => {
    const table: Record<PublicationStatus, string[]> = {
      pending: [],
      sending: [],
      published: [],
      failed: ['retry'],
      unconfirmed: ['confirm', 'publishAgain'],
      missed: ['publishMissed', 'skip'],
      cancelled: [],
    };
    for (const [status, actions] of Object.entries(table)) {
      expect([status, actionsFor(status as PublicationStatus, as('editor'))]).toEqual([
        status,
        actions,
      ]);
    }
  });

  it('offers them to editors and up, and to the author of the post, as the server does', () => {
    const roles: Role[] = ['owner', 'admin', 'editor', 'author', 'viewer'];
    expect(roles.map((role) => actionsFor('failed', as(role)).length > 0)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(actionsFor('failed', as('author', ME))).toEqual(['retry']);
    expect(actionsFor('failed', as('viewer', ME))).toEqual([]);
  });
});

describe('canPublishNow', () => {
  it('brings an approved post forward while a channel still waits for its time', () => {
    expect(canPublishNow({ status: 'approved' }, [pending(30)], as('editor'), NOW)).toBe(true);
    expect(canPublishNow({ status: 'approved' }, [pending(30)], as('author'), NOW)).toBe(false);
    expect(canPublishNow({ status: 'approved' }, [pending(30)], as('author', ME), NOW)).toBe(true);
    expect(canPublishNow({ status: 'in_review' }, [pending(30)], as('owner'), NOW)).toBe(false);
    expect(canPublishNow({ status: 'approved' }, [pending(-1)], as('owner'), NOW)).toBe(false);
    expect(
      canPublishNow(
        { status: 'approved' },
        [{ ...pending(30), status: 'published' }],
        as('owner'),
        NOW,
      ),
    ).toBe(false);
  });
});

describe('refreshInterval', () => {
  it('asks every second while sending or about to start, rarely when far off, never when settled', () => {
    expect(refreshInterval([{ ...pending(0), status: 'sending' }], NOW)).toBe(1000);
    expect(refreshInterval([pending(1)], NOW)).toBe(1000);
    expect(refreshInterval([pending(-1)], NOW)).toBe(1000);
    expect(refreshInterval([pending(120)], NOW)).toBe(30_000);
    expect(refreshInterval([{ ...pending(0), status: 'published' }], NOW)).toBe(false);
    expect(refreshInterval([], NOW)).toBe(false);
  });
});

describe('byAttention', () => {
  it('puts what needs a person first', () => {
    const order = byAttention(
      (['published', 'pending', 'missed', 'failed', 'unconfirmed'] as const).map((status) => ({
        status,
      })),
    ).map((p) => p.status);
    expect(order).toEqual(['failed', 'unconfirmed', 'missed', 'pending', 'published']);
  });
});
