import fc from 'fast-check';
import { graphemesOf } from './graphemes';

/** What Intl.Segmenter makes of the whole text: the reference the shortcut must agree with. */
function reference(text: string): string[] {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return [...segmenter.segment(text)].map((s) => s.segment);
}

// Pieces where the shortcut could go wrong: Latin-1 next to combining marks, ZWJ sequences,
// variation selectors, flags, keycaps, CR LF, the soft hyphen and C1 controls.
const PIECES = [
  'a',
  'Ä',
  'ß',
  'ü',
  'é',
  '\u00AD',
  '\u0085',
  '©',
  '©\uFE0F',
  'e\u0301',
  'u\u0308',
  '\r\n',
  '\r',
  '\n',
  ' ',
  '👩‍👩‍👧‍👦',
  '👋🏽',
  '🇩🇪',
  '1️⃣',
  '\u200D',
  '\u0301',
  '中',
  '한',
];

describe('graphemesOf', () => {
  it('splits German text with umlauts into single characters', () => {
    expect(graphemesOf('Grüße').map((g) => g.segment)).toEqual(['G', 'r', 'ü', 'ß', 'e']);
  });

  it('keeps a letter with a combining mark, an emoji sequence and CR LF together', () => {
    expect(graphemesOf('u\u0308ber 👩‍👩‍👧‍👦\r\n').map((g) => g.segment)).toEqual([
      'u\u0308',
      'b',
      'e',
      'r',
      ' ',
      '👩‍👩‍👧‍👦',
      '\r\n',
    ]);
  });

  it('agrees with Intl.Segmenter on any mix, with ranges that tile the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const graphemes = graphemesOf(text);
        expect(graphemes.map((g) => g.segment)).toEqual(reference(text));
        let at = 0;
        for (const g of graphemes) {
          expect([g.start, text.slice(g.start, g.end)]).toEqual([at, g.segment]);
          at = g.end;
        }
        expect(at).toBe(text.length);
      }),
      { numRuns: 500 },
    );
  });
});
