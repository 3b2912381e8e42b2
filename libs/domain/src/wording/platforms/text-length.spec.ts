import { measureText } from './text-length';

describe('platform text length', () => {
  it('Bluesky counts graphemes: a family emoji, a flag and a skin-tone wave are one each', () => {
    const m = measureText('Hi 👨‍👩‍👧‍👦🇩🇪👋🏽', 'bluesky');
    expect(m).toMatchObject({ used: 6, limit: 300, unit: 'graphemes', overflowStart: null });
  });

  it('Bluesky flags the 301st grapheme, even when it is an emoji sequence', () => {
    const text = `${'a'.repeat(300)}👩‍💻 rest`;
    const m = measureText(text, 'bluesky');
    expect(m.used).toBe(306);
    expect(m.overflowStart).toBe(300);
  });

  it('Bluesky also caps UTF-8 bytes at 3,000: 300 family emoji fit by graphemes but not by bytes', () => {
    const family = '👨‍👩‍👧‍👦'; // 25 bytes in UTF-8
    const m = measureText(family.repeat(130), 'bluesky');
    expect(m.used).toBe(130);
    expect(m.overflowStart).toBeNull();
    expect(m.bytes).toEqual({ used: 3250, limit: 3000, overflowStart: 120 * family.length });
  });

  it('Mastodon counts a URL of any length as 23 and a remote mention without its domain', () => {
    for (const length of [5, 23, 24, 400]) {
      expect(measureText(`Schau: https://ex.de/${'p'.repeat(length)}`, 'mastodon').used).toBe(
        7 + 23,
      );
    }
    expect(measureText('@anna@chaos.social hallo', 'mastodon').used).toBe('@anna hallo'.length);
  });

  it('Mastodon uses the instance limit from the channel', () => {
    const text = 'a'.repeat(600);
    expect(measureText(text, 'mastodon').overflowStart).toBe(500);
    expect(measureText(text, 'mastodon', { characterLimit: 5000 })).toMatchObject({
      limit: 5000,
      overflowStart: null,
    });
  });

  it('Threads counts an emoji as its UTF-8 bytes', () => {
    expect(measureText('Hallo 😀', 'threads').used).toBe(6 + 4);
    expect(measureText('Grüße', 'threads').used).toBe(5);
  });

  it('Telegram allows 4,096 characters, but 1,024 as a media caption', () => {
    const text = 'x'.repeat(2000);
    expect(measureText(text, 'telegram')).toMatchObject({ limit: 4096, overflowStart: null });
    expect(measureText(text, 'telegram', { asCaption: true })).toMatchObject({
      limit: 1024,
      overflowStart: 1024,
    });
  });

  it.each([
    ['linkedin', 3000],
    ['instagram', 2200],
    ['facebook', 63206],
    ['pinterest', 500],
    ['threads', 500],
  ] as const)(
    '%s flags text past %i characters from the first character over',
    (platform, limit) => {
      const m = measureText(`${'ä'.repeat(limit)}!!`, platform);
      expect(m).toMatchObject({ used: limit + 2, limit, overflowStart: limit });
    },
  );

  it('webhook, manual and sandbox have no limit', () => {
    for (const platform of ['webhook', 'manual', 'sandbox'] as const) {
      expect(measureText('x'.repeat(100_000), platform)).toMatchObject({
        limit: null,
        overflowStart: null,
      });
    }
  });

  it('counts the same for composed (NFC) and decomposed (NFD) umlauts on every platform', () => {
    const composed = 'Grüße aus Köln, schöne Straße! 👋🏽';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    for (const platform of [
      'x',
      'bluesky',
      'mastodon',
      'threads',
      'linkedin',
      'telegram',
    ] as const) {
      expect(measureText(decomposed, platform).used).toBe(measureText(composed, platform).used);
    }
    expect(measureText(decomposed, 'bluesky').bytes!.used).toBe(
      measureText(composed, 'bluesky').bytes!.used,
    );
  });

  it('keeps a combining mark with its letter when the overflow starts there', () => {
    const text = `${'a'.repeat(299)}e\u0301z`;
    const m = measureText(text, 'bluesky');
    expect(m.used).toBe(301);
    expect(text.slice(m.overflowStart!)).toBe('z');
  });
});
