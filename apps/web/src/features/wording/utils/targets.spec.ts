import { describe, expect, it } from '@jest/globals';
import { BASE_FIELD, checkTargetLocally, wordingTargets, type WordingChannel } from './targets';

const x: WordingChannel = { id: 'x1', name: 'X', platform: 'x' };
const insta: WordingChannel = { id: 'ig', name: 'Instagram', platform: 'instagram' };
const masto: WordingChannel = {
  id: 'ma',
  name: 'Mastodon',
  platform: 'mastodon',
  wording: { characterLimit: 100 },
};
const sky: WordingChannel = { id: 'bs', name: 'Bluesky', platform: 'bluesky' };
const channels = new Map([x, insta, masto, sky].map((c) => [c.id, c]));

describe('wordingTargets', () => {
  it('checks the base text for each channel without its own text, and own texts on their own', () => {
    const targets = wordingTargets(
      'Basis',
      [
        { channelId: 'x1', text: '' },
        { channelId: 'ig', text: 'Eigener Text' },
      ],
      channels,
    );
    expect(targets.map((t) => [t.id, t.field, t.text])).toEqual([
      ['x1', BASE_FIELD, 'Basis'],
      ['ig', 'ig', 'Eigener Text'],
    ]);
  });

  it('checks each text with the media that go out with it: the channel’s own, else the post’s', () => {
    const picture = { kind: 'image' as const, altText: 'Der Hafen' };
    const targets = wordingTargets(
      'Basis',
      [
        { channelId: 'ig', text: '' },
        { channelId: 'x1', text: '', media: [] },
      ],
      channels,
      [picture],
    );
    const rules = (id: string) =>
      checkTargetLocally(
        targets.find((t) => t.id === id)!,
        targets,
        undefined,
        undefined,
      )
        .findings.map((f) => f.rule)
        .filter((r) => r.startsWith('media.'));
    // Instagram gets the post's picture: nothing missing.
    expect(rules('ig')).toEqual([]);
    const bare = wordingTargets('Basis', [{ channelId: 'ig', text: '', media: [] }], channels, [
      picture,
    ]);
    expect(
      checkTargetLocally(bare[0]!, bare, undefined, undefined).findings.map((f) => f.rule),
    ).toContain('media.required');
  });

  it('checks the base text on its own when no channel is chosen', () => {
    const [only] = wordingTargets('Basis', [], channels);
    expect(only).toMatchObject({ id: BASE_FIELD, channel: null, field: BASE_FIELD });
  });
});

describe('checkTargetLocally', () => {
  it("counts a campaign post's links as they go out, tagged, and blocks what would be too long", () => {
    const text = `${'Sonne '.repeat(40)}https://shop.de/fruehling mehr?`;
    const targets = wordingTargets(text, [{ channelId: 'bs', text: '' }], channels);
    const utm = {
      sources: {},
      medium: 'social',
      campaign: 'fruehling-2030',
      content: null,
      term: null,
    };
    const plain = checkTargetLocally(targets[0]!, targets, undefined, undefined);
    expect(plain.findings.map((f) => f.rule)).not.toContain('length.limit');
    const tagged = checkTargetLocally(targets[0]!, targets, undefined, undefined, utm);
    expect(tagged.length.used).toBeGreaterThan(300);
    expect(tagged.findings.find((f) => f.rule === 'length.limit')?.severity).toBe('error');
  });

  it('counts X’s way and reports the part over 280 as an error', () => {
    const text = 'a'.repeat(290);
    const targets = wordingTargets(text, [{ channelId: 'x1', text: '' }], channels);
    const check = checkTargetLocally(targets[0]!, targets, undefined, undefined);
    expect(check.length).toEqual({ used: 290, limit: 280, unit: 'weighted' });
    const limit = check.findings.find((f) => f.rule === 'length.limit')!;
    expect(limit.severity).toBe('error');
    expect([limit.start, limit.end]).toEqual([280, 290]);
  });

  it('uses the channel’s own limit and the workspace’s brand rules', () => {
    const text = `Abonniere unseren Newsletter! ${'x'.repeat(90)}`;
    const targets = wordingTargets(text, [{ channelId: 'ma', text: '' }], channels);
    const check = checkTargetLocally(
      targets[0]!,
      targets,
      {
        brandRules: [
          {
            kind: 'preferred',
            term: 'Newsletter',
            replacement: 'Rundbrief',
            termGender: 'm',
            replacementGender: 'm',
          },
        ],
      },
      undefined,
    );
    expect(check.length.limit).toBe(100);
    const preferred = check.findings.find((f) => f.rule === 'brand.preferred')!;
    expect(text.slice(preferred.start, preferred.end)).toBe('Newsletter');
    expect(preferred.fixes[0]!.replacement).toBe('Rundbrief');
  });

  it('leaves spelling to the server', () => {
    const targets = wordingTargets('Ein Satz mit Tippfelern drin.', [], channels);
    const check = checkTargetLocally(targets[0]!, targets, undefined, undefined);
    expect(check.findings.some((f) => f.rule === 'spelling.unknown-word')).toBe(false);
  });
});
