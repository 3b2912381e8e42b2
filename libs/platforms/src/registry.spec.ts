import { type Platform } from '@postplan/domain';
import { PLATFORMS } from '@postplan/domain';
import { ADAPTER_FACTORIES, adapterFor, hasAdapter } from './registry';

describe('adapter registry', () => {
  it('gives each registered platform an adapter that says it is that platform', () => {
    for (const platform of PLATFORMS.filter(hasAdapter)) {
      expect(adapterFor(platform).platform).toBe(platform);
    }
    expect(Object.keys(ADAPTER_FACTORIES)).toEqual(expect.arrayContaining(['webhook', 'manual']));
  });

  it('refuses a platform without an adapter as permanent', () => {
    // Every platform has an adapter today; a name from a newer database or a typo must not crash.
    expect(() => adapterFor('myspace' as Platform)).toThrow(
      expect.objectContaining({ errorClass: 'permanent', code: 'PLATFORM_NOT_SUPPORTED' }),
    );
  });

  it('passes the webhook options through', async () => {
    const lookups: string[] = [];
    const adapter = adapterFor('webhook', {
      webhook: {
        resolve: (host) => {
          lookups.push(host);
          return Promise.resolve([{ address: '10.0.0.1', family: 4 }]);
        },
      },
    });
    const channel = {
      id: 'c',
      name: 'Hook',
      platform: 'webhook' as const,
      settings: { url: 'https://hooks.example.com/' },
      credentials: { signingSecret: '0123456789abcdef' },
    };
    await expect(adapter.verify!(channel, new AbortController().signal)).resolves.toMatchObject({
      ok: false,
      error: { code: 'WEBHOOK_ADDRESS_REFUSED' },
    });
    expect(lookups).toEqual(['hooks.example.com']);
  });
});
