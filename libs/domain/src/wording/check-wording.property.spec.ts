import fc from 'fast-check';
import { checkWording } from './check-wording';
import { fixesOf, PLATFORMS, type WordingFinding } from './core/types';
import { measureText } from './platforms/text-length';
import { nodeSpellCheckers } from './spelling/node-dictionaries';

const spellChecker = nodeSpellCheckers();

const TOKENS = [
  'Kunden',
  'Kundin',
  'billig',
  'BILLIG',
  'Kund*innen',
  'KundInnen',
  'Mitarbeiter',
  'Tich',
  'Haus',
  'Straße',
  'Grüße',
  'schön',
  'Kundenzufriedenheitsbefragungsergebnis',
  'JETZT',
  'SOFORT',
  'KAUFEN',
  'the',
  'recieve',
  'community',
  'Café',
  'e\u0301te',
  'Gru\u0308ße',
  '👨‍👩‍👧‍👦',
  '👋🏽',
  '🇩🇪',
  '🎉',
  '1️⃣',
  '故人',
  'http://example.com',
  'https://ex.de/pfad?x=1',
  'htps://oops.de',
  'www.beispiel.de',
  '#sommerschlussverkauf',
  '#Straße',
  '#Sale',
  '#sale',
  '@anna',
  '@anna@chaos.social',
  'info@beispiel.de',
  'z. B.',
  'Was meint ihr?',
  '?',
  '!',
  '.',
];
const SEPARATORS = [' ', ' ', ' ', '\n', ', ', '. ', '! ', '  '];

const post = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })),
      fc.constantFrom(...SEPARATORS),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.map(([token, separator]) => token + separator).join(''));

const LETTER = /[\p{L}\p{M}\p{N}]/u;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function assertRangeInside(text: string, range: { start: number; end: number }): void {
  expect(Number.isInteger(range.start) && Number.isInteger(range.end)).toBe(true);
  expect(range.start).toBeGreaterThanOrEqual(0);
  expect(range.end).toBeGreaterThanOrEqual(range.start);
  expect(range.end).toBeLessThanOrEqual(text.length);
  // Never inside a surrogate pair: the editor could not highlight half an emoji.
  if (range.start < text.length) expect(isLowSurrogate(text.charCodeAt(range.start))).toBe(false);
  if (range.end < text.length) expect(isLowSurrogate(text.charCodeAt(range.end))).toBe(false);
}

// Rules that flag words must cover whole words: no letter of the word left outside the range.
const WORD_RULES = new Set([
  'spelling.unknown-word',
  'brand.banned',
  'brand.preferred',
  'gender.generic-masculine',
  'gender.style',
  'readability.long-word',
]);

function assertCoversWord(text: string, finding: WordingFinding): void {
  if (!WORD_RULES.has(finding.rule)) return;
  expect(finding.end).toBeGreaterThan(finding.start);
  const before = text[finding.start - 1] ?? ' ';
  const after = text[finding.end] ?? ' ';
  // A hyphenated part ("Kundenzufriedenheits-Befragung") or a hashtag body may touch - or #.
  expect(LETTER.test(before) && finding.rule !== 'readability.long-word').toBe(false);
  expect(LETTER.test(after) && finding.rule !== 'readability.long-word').toBe(false);
}

describe('checkWording properties', () => {
  it('keeps every finding and fix inside the text, covering whole words', () => {
    fc.assert(
      fc.property(
        post,
        fc.constantFrom(...PLATFORMS),
        fc.constantFrom('colon', 'neutral', 'off'),
        (text, platform, genderStyle) => {
          const result = checkWording({
            text,
            platform,
            language: 'de',
            spellChecker,
            workspace: {
              genderStyle,
              brandRules: [
                { kind: 'banned', term: 'billig', replacement: 'günstig' },
                { kind: 'preferred', term: 'Kunde', replacement: 'Kundschaft' },
              ],
            },
          });
          for (const finding of result.findings) {
            assertRangeInside(text, finding);
            assertCoversWord(text, finding);
            for (const fix of fixesOf(finding)) assertRangeInside(text, fix);
          }
          const starts = result.findings.map((f) => f.start);
          expect(starts).toEqual([...starts].sort((a, b) => a - b));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('counts the same under NFC and NFD on every platform, and the overflow starts on a grapheme', () => {
    fc.assert(
      fc.property(post, fc.constantFrom(...PLATFORMS), (text, platform) => {
        const nfc = text.normalize('NFC');
        const nfd = text.normalize('NFD');
        const a = measureText(nfc, platform, { characterLimit: 40 });
        const b = measureText(nfd, platform, { characterLimit: 40 });
        expect(b.used).toBe(a.used);
        expect(b.bytes?.used).toBe(a.bytes?.used);
        for (const [source, m] of [
          [nfc, a],
          [nfd, b],
        ] as const) {
          if (m.overflowStart === null) continue;
          assertRangeInside(source, { start: m.overflowStart, end: source.length });
          // What stays before the overflow fits the limit.
          expect(
            measureText(source.slice(0, m.overflowStart), platform, { characterLimit: 40 }).used,
          ).toBeLessThanOrEqual(40);
        }
      }),
      { numRuns: 200 },
    );
  });
});
