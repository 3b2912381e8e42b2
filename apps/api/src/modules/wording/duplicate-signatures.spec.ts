import { bandKeys, LSH_BANDS, signForIndex } from './duplicate-signatures';

const post =
  'Am Samstag öffnet unser Hofladen wieder: frisches Gemüse, Eier von glücklichen Hühnern und Kuchen von Oma Erna. Kommt vorbei!';

describe('signing a variant for the duplicate index', () => {
  it('gives one key per band, each carrying its band number, the same for the same text', () => {
    const a = signForIndex(post);
    expect(a.bandKeys).toHaveLength(LSH_BANDS);
    expect(a.bandKeys.map((k) => Number(BigInt(k) >> 32n))).toEqual(
      Array.from({ length: LSH_BANDS }, (_, i) => i),
    );
    expect(a.signature).toHaveLength(512);
    expect(signForIndex(post)).toEqual(a);
  });

  it('lets a near-duplicate share bands and an unrelated text share none', () => {
    const keys = new Set(signForIndex(post).bandKeys);
    const near = signForIndex(post.replace('Samstag', 'Sonntag'));
    const other = signForIndex(
      'Unsere Bäckerei sucht ab sofort Verstärkung im Verkauf, Teilzeit oder Vollzeit, gern auch Quereinsteiger.',
    );
    expect(near.bandKeys.filter((k) => keys.has(k)).length).toBeGreaterThan(0);
    expect(other.bandKeys.filter((k) => keys.has(k))).toEqual([]);
  });

  it('stores a text of only emoji and punctuation without signature or keys', () => {
    expect(signForIndex('🎉🎉 … !!!')).toMatchObject({
      signature: null,
      fingerprint: null,
      bandKeys: [],
    });
  });

  it('refuses a signature whose slots do not split into the bands', () => {
    expect(() => bandKeys(new Uint32Array(100))).toThrow(/bands/);
  });
});
