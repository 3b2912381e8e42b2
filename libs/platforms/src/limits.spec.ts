import { PLATFORMS, PLATFORM_PROFILES } from '@postplan/domain';
import { ADAPTER_EXTRA_LIMITS, ADAPTER_LIMITS, VARIANT_OPTION_SCHEMAS } from './limits';
import { adapterFor, hasAdapter } from './registry';

describe('adapter limits agree with the wording engine', () => {
  const withAdapter = PLATFORMS.filter(hasAdapter);

  it.each(withAdapter)('%s: text limit and unit', (platform) => {
    const adapter = adapterFor(platform);
    const profile = PLATFORM_PROFILES[platform];
    if (profile.textLimit === null) {
      expect(adapter.limits.text).toBeNull();
    } else {
      expect(adapter.limits.text).toEqual({ max: profile.textLimit, unit: profile.unit });
    }
  });

  it.each(withAdapter.filter((p) => PLATFORM_PROFILES[p].media !== null))(
    '%s: media count and whether media are required',
    (platform) => {
      const media = adapterFor(platform).limits.media;
      const rules = PLATFORM_PROFILES[platform].media!;
      expect(media).not.toBeNull();
      expect(media!.maxCount).toBe(rules.max);
      expect(media!.required).toBe(rules.required);
    },
  );

  it('the extra limits agree: Bluesky bytes, Telegram captions', () => {
    expect(ADAPTER_EXTRA_LIMITS.bluesky.textBytes).toBe(PLATFORM_PROFILES.bluesky.byteLimit);
    expect(ADAPTER_EXTRA_LIMITS.telegram.captionLimit).toBe(
      PLATFORM_PROFILES.telegram.captionLimit,
    );
  });

  it('every registered platform with an API adapter has its limits and options schema listed as data', () => {
    const listed = Object.keys(ADAPTER_LIMITS).sort();
    expect(Object.keys(VARIANT_OPTION_SCHEMAS).sort()).toEqual(listed);
    // Postplan's own targets (webhook, manual, the sandbox) have no platform options to list.
    const own = new Set(['webhook', 'manual', 'sandbox']);
    expect(withAdapter.filter((p) => !own.has(p)).sort()).toEqual(listed);
    for (const platform of listed as (keyof typeof ADAPTER_LIMITS)[]) {
      expect(adapterFor(platform).limits).toBe(ADAPTER_LIMITS[platform]);
    }
  });

  it('the options the editor stores are validated: known ones pass, unknown keys fail', () => {
    expect(VARIANT_OPTION_SCHEMAS.telegram.safeParse({ silent: true }).success).toBe(true);
    expect(
      VARIANT_OPTION_SCHEMAS.linkedin.safeParse({
        visibility: 'PUBLIC',
        firstComment: 'Mehr im Blog',
      }).success,
    ).toBe(true);
    expect(VARIANT_OPTION_SCHEMAS.linkedin.safeParse({ visibility: 'FRIENDS' }).success).toBe(
      false,
    );
    expect(VARIANT_OPTION_SCHEMAS.mastodon.safeParse({ silent: true }).success).toBe(false);
    for (const format of ['post', 'reel', 'story'])
      expect(
        VARIANT_OPTION_SCHEMAS.instagram.safeParse({ format, firstComment: '#jazz #köln' }).success,
      ).toBe(true);
    expect(VARIANT_OPTION_SCHEMAS.instagram.safeParse({ format: 'igtv' }).success).toBe(false);
    expect(
      VARIANT_OPTION_SCHEMAS.threads.safeParse({ replyControl: 'mentioned_only' }).success,
    ).toBe(true);
  });
});
