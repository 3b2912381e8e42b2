import { redactPathSecrets } from '../../logging';

describe('request logs', () => {
  const token = 'AdV0T1VYrcTuTzAHZ6f4MKRxhGU2OHr0T8ZHRd3wwWE';

  it('never show share-link or feed tokens, nor a feed key', () => {
    expect(redactPathSecrets(`/s/${token}`)).toBe('/s/[redacted]');
    expect(redactPathSecrets(`/api/v1/shared/${token}/posts`)).toBe(
      '/api/v1/shared/[redacted]/posts',
    );
    expect(redactPathSecrets(`/api/v1/feeds/${token}/calendar.ics`)).toBe(
      '/api/v1/feeds/[redacted]/calendar.ics',
    );
    expect(redactPathSecrets(`/api/v1/shared/${token}/calendar.ics?key=${token}&x=1`)).toBe(
      '/api/v1/shared/[redacted]/calendar.ics?key=[redacted]&x=1',
    );
  });
});
