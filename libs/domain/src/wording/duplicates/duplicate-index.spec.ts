import { checkWording } from '../check-wording';
import { DuplicateIndex } from './duplicate-index';
import { decodeSignature, encodeSignature, signText, signTextRecent } from './minhash';
import { normalizeForDuplicates } from './normalize';

const base =
  'Am Samstag öffnen wir die Türen unserer neuen Werkstatt in Köln. Es gibt Kaffee, Kuchen und Führungen durch die Räume, und alle Nachbarn sind herzlich eingeladen.';

describe('duplicate normalisation', () => {
  it('ignores case, spacing, punctuation, emoji and the exact link', () => {
    expect(normalizeForDuplicates('Neu!!  Jetzt   https://a.de/x?utm=1 🎉 #Sale')).toBe(
      normalizeForDuplicates('neu jetzt https://b.de sale'),
    );
  });
});

describe('signTextRecent', () => {
  it('gives the same signature as signText, signing a text seen again only once', () => {
    const first = signTextRecent(base);
    expect(first.fingerprint).toBe(signText(base).fingerprint);
    expect(Array.from(first.minhash)).toEqual(Array.from(signText(base).minhash));
    expect(signTextRecent(base)).toBe(first);
  });

  it('forgets the oldest texts beyond its limit', () => {
    const first = signTextRecent(`${base} eins`);
    for (let i = 0; i < 64; i++) signTextRecent(`${base} ${i}`);
    expect(signTextRecent(`${base} eins`)).not.toBe(first);
  });
});

describe('DuplicateIndex', () => {
  const now = new Date('2025-06-30T12:00:00Z');
  const index = new DuplicateIndex();
  index.add({ id: 'same', channelId: 'insta', at: '2025-06-20T10:00:00Z', text: base });
  index.add({
    id: 'edited',
    channelId: 'insta',
    at: '2025-06-25T10:00:00Z',
    text: base.replace('Köln', 'Bonn'),
  });
  index.add({ id: 'old', channelId: 'insta', at: '2025-04-01T10:00:00Z', text: base });
  index.add({ id: 'other-channel', channelId: 'fb', at: '2025-06-28T10:00:00Z', text: base });
  index.add({
    id: 'unrelated',
    channelId: 'insta',
    at: '2025-06-29T10:00:00Z',
    text: 'Heute kein Bier vor vier, aber morgen gibt es Limonade für alle.',
  });

  it('finds identical and near-identical posts on the channel within the window, most similar first', () => {
    const since = new Date(now.getTime() - 30 * 86_400_000);
    const matches = index.query(`${base.toUpperCase()} 🎉`, 'insta', since);
    expect(matches.map((m) => m.id)).toEqual(['same', 'edited']);
    expect(matches[0]).toMatchObject({ identical: true, similarity: 1, channelId: 'insta' });
    expect(matches[1]!.identical).toBe(false);
    expect(matches[1]!.similarity).toBeGreaterThan(0.7);
    expect(matches[1]!.similarity).toBeLessThan(1);
  });

  it('searches all channels and times when not narrowed', () => {
    expect(
      index
        .query(base)
        .map((m) => m.id)
        .sort(),
    ).toEqual(['edited', 'old', 'other-channel', 'same']);
  });

  it('does not report unrelated posts or the post being edited', () => {
    expect(
      index.query(
        'Heute ist ein völlig anderer Text über Fahrräder und Regenjacken im Herbst.',
        'insta',
      ),
    ).toEqual([]);
    expect(
      index.query(base, 'insta', undefined, { excludeId: 'same' }).map((m) => m.id),
    ).not.toContain('same');
  });

  it('forgets removed and pruned posts', () => {
    const local = new DuplicateIndex();
    local.add({ id: 'a', channelId: 'c', at: 1_000, text: base });
    local.add({ id: 'b', channelId: 'c', at: 5_000, text: base });
    expect(local.remove('a')).toBe(true);
    expect(local.query(base).map((m) => m.id)).toEqual(['b']);
    expect(local.pruneBefore(10_000)).toBe(1);
    expect(local.size).toBe(0);
    expect(local.query(base)).toEqual([]);
  });

  it('rebuilds from stored signatures with the same answers', () => {
    const stored = DuplicateIndex.toStored({ id: 'p1', channelId: 'c', at: now, text: base });
    const json = JSON.parse(JSON.stringify(stored)) as typeof stored;
    const rebuilt = new DuplicateIndex();
    rebuilt.addStored(json);
    expect(rebuilt.query(base, 'c')).toMatchObject([{ id: 'p1', identical: true }]);
    expect(decodeSignature(encodeSignature(signText(base)))).toEqual(signText(base).minhash);
    expect(() => rebuilt.addStored({ ...json, version: 99 })).toThrow(/version 99/u);
  });

  it('estimates similarity close to the true Jaccard of word 3-grams', () => {
    const words = Array.from({ length: 60 }, (_, i) => `wort${i}`);
    const a = words.join(' ');
    const b = [...words.slice(0, 45), ...Array.from({ length: 15 }, (_, i) => `anders${i}`)].join(
      ' ',
    );
    // 59 word pairs each; 44 shared -> Jaccard 44 / 74 = 0.59
    const local = new DuplicateIndex();
    local.add({ id: 'a', channelId: 'c', at: 0, text: a });
    const [match] = local.query(b, 'c', undefined, { minSimilarity: 0.3 });
    expect(match!.similarity).toBeGreaterThan(0.59 - 0.12);
    expect(match!.similarity).toBeLessThan(0.59 + 0.12);
  });
});

describe('duplicate findings in checkWording', () => {
  const now = new Date('2025-06-30T12:00:00Z');
  const index = new DuplicateIndex();
  index.add({ id: 'earlier', channelId: 'ch-x', at: '2025-06-20T10:00:00Z', text: base });
  index.add({
    id: 'earlier-li',
    channelId: 'ch-li',
    at: '2025-06-20T10:00:00Z',
    text: base.replace('Köln', 'Bonn'),
  });

  it('warns about a near-duplicate on the same channel', () => {
    const result = checkWording({
      text: base.replace('Köln', 'Bonn'),
      platform: 'linkedin',
      channel: { channelId: 'ch-li' },
      context: { duplicateIndex: index, now },
    });
    const finding = result.findings.find((f) => f.rule === 'duplicate.recent');
    expect(finding).toMatchObject({
      severity: 'warning',
      start: 0,
      end: base.replace('Köln', 'Bonn').length,
    });
    expect(finding!.message.de).toMatch(
      /100 % gleich wie ein Post auf diesem Kanal vom 2025-06-20/u,
    );
  });

  it('is an error on X, which rejects an identical post', () => {
    const result = checkWording({
      text: base,
      platform: 'x',
      channel: { channelId: 'ch-x' },
      context: { duplicateIndex: index, now },
    });
    expect(result.findings.find((f) => f.rule === 'duplicate.x-identical')).toMatchObject({
      severity: 'error',
    });
  });

  it('respects the window: 30 days by default, configurable', () => {
    const later = new Date('2025-08-01T00:00:00Z');
    const check = (windowDays?: number) =>
      checkWording({
        text: base,
        platform: 'x',
        channel: { channelId: 'ch-x' },
        workspace: windowDays ? { duplicates: { windowDays } } : {},
        context: { duplicateIndex: index, now: later },
      });
    expect(check().findings.some((f) => f.rule.startsWith('duplicate.'))).toBe(false);
    expect(check(60).findings.some((f) => f.rule === 'duplicate.x-identical')).toBe(true);
  });

  it('hints to adapt the same text going to several platforms, and errors for two X accounts', () => {
    const siblings = [
      { channelId: 'ch-li', platform: 'linkedin' as const, text: base },
      { channelId: 'ch-x2', platform: 'x' as const, text: `${base} ` },
    ];
    const onX = checkWording({
      text: base,
      platform: 'x',
      channel: { channelId: 'ch-x1' },
      context: { siblingVariants: siblings, now },
    });
    expect(
      onX.findings.filter((f) => f.rule.startsWith('duplicate.')).map((f) => [f.rule, f.severity]),
    ).toEqual([
      ['duplicate.x-identical', 'error'],
      ['duplicate.cross-channel', 'hint'],
    ]);
    const onBluesky = checkWording({
      text: base,
      platform: 'bluesky',
      channel: { channelId: 'ch-bs' },
      context: { siblingVariants: siblings, now },
    });
    const hint = onBluesky.findings.find((f) => f.rule === 'duplicate.cross-channel');
    expect(hint!.message.en).toBe(
      'The same text also goes to LinkedIn, X. Adapt it to each platform: length, hashtags, tone.',
    );
    const adapted = checkWording({
      text: 'Ganz anderer Text nur für Bluesky, kurz und knapp mit Frage?',
      platform: 'bluesky',
      context: { siblingVariants: siblings, now },
    });
    expect(adapted.findings.some((f) => f.rule.startsWith('duplicate.'))).toBe(false);
  });
});
