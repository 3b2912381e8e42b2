import { describe, expect, it } from '@jest/globals';
import { CONNECT_FORMS } from '@postplan/contracts';
import { daysUntil, fieldOfIssue, toConnectRequest } from './connect-form';

describe('the connect form', () => {
  it('sends the token as a secret and the chat as a setting, and leaves out empty fields', () => {
    expect(
      toConnectRequest(CONNECT_FORMS.telegram!, { botToken: ' 1:abc ', chatId: '@news' }),
    ).toEqual({ settings: { chatId: '@news' }, credentials: { botToken: '1:abc' } });
    expect(
      toConnectRequest(CONNECT_FORMS.bluesky!, {
        identifier: 'brand.bsky.social',
        appPassword: 'abcd-efgh-ijkl-mnop',
        service: '',
      }),
    ).toEqual({
      settings: { identifier: 'brand.bsky.social' },
      credentials: { appPassword: 'abcd-efgh-ijkl-mnop' },
    });
  });

  it('finds the field an error names', () => {
    expect(fieldOfIssue('settings.chatId')).toBe('chatId');
    expect(fieldOfIssue('credentials.botToken')).toBe('botToken');
    expect(fieldOfIssue('name')).toBeNull();
  });

  it('counts whole days left', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(daysUntil('2030-01-08T12:00:00Z', now)).toBe(7);
    expect(daysUntil('2029-12-31T00:00:00Z', now)).toBe(-1);
  });
});
