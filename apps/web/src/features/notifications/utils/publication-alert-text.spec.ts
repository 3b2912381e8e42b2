import type { Notification } from '@postplan/contracts';
import { describe, expect, it } from '@jest/globals';
import { createTranslate } from '../../../lib/i18n/translate';
import { describeNotification, notificationHref } from './notification-text';

const alert = (data: Record<string, unknown>): Notification => ({
  id: '00000000-0000-4000-8000-0000000000e1',
  kind: 'publication_alert',
  workspace: { id: '00000000-0000-4000-8000-0000000000ff', slug: 'team', name: 'Team' },
  post: { id: '00000000-0000-4000-8000-000000000001', title: 'Adventsgewinnspiel' },
  actor: { type: 'system' },
  data,
  createdAt: '2026-11-21T09:00:00.000Z',
  readAt: null,
});

describe('publishing alerts in the inbox', () => {
  const en = createTranslate('en');
  const de = createTranslate('de');

  it('say what happened on which channel, with the reason beneath', () => {
    expect(
      describeNotification(
        alert({ outcome: 'failed', channelName: 'Instagram', reason: 'The token was revoked' }),
        en,
      ),
    ).toEqual({
      summary: 'Publishing “Adventsgewinnspiel” on Instagram failed: nothing went out',
      detail: 'The token was revoked',
    });
    expect(
      describeNotification(alert({ outcome: 'unconfirmed', channelName: 'Sandbox' }), en),
    ).toEqual({
      summary: '“Adventsgewinnspiel” on Sandbox is unconfirmed: check whether it went out',
      detail: undefined,
    });
    expect(
      describeNotification(alert({ outcome: 'missed', channelName: 'Sandbox' }), en).summary,
    ).toBe('“Adventsgewinnspiel” was missed on Sandbox: publish it now or skip it');
    expect(
      describeNotification(alert({ outcome: 'manual_due', channelName: 'Forum' }), en).summary,
    ).toBe('“Adventsgewinnspiel” is due on Forum: publish it by hand and give its address');
  });

  it('speak German with the glossary, and cope with an outcome they do not know', () => {
    expect(
      describeNotification(alert({ outcome: 'failed', channelName: 'Instagram' }), de).summary,
    ).toBe(
      'Die Veröffentlichung von „Adventsgewinnspiel“ auf Instagram ist fehlgeschlagen: Nichts ging raus',
    );
    expect(
      describeNotification(alert({ outcome: 'missed', channelName: 'Sandbox' }), de).summary,
    ).toContain('verpasst');
    expect(
      describeNotification(alert({ outcome: 'unconfirmed', channelName: 'Sandbox' }), de).summary,
    ).toContain('unbestätigt');
    expect(describeNotification(alert({ outcome: 'later' }), en).summary).toBe(
      '“Adventsgewinnspiel” on a channel needs a decision about publishing',
    );
  });

  it('lead to the post in its calendar', () => {
    expect(notificationHref(alert({}))).toBe(
      '/w/team/calendar?post=00000000-0000-4000-8000-000000000001',
    );
  });
});
