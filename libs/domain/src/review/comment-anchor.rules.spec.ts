import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type TextAnchor, applySuggestion, createAnchor, reanchor } from './comment-anchor.rules';

function anchorOf(text: string, quote: string, nth = 0): TextAnchor {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  const anchor = createAnchor(text, start, start + quote.length);
  if ('ok' in anchor) throw new Error(anchor.message);
  return anchor;
}

const text = 'Kommt am Samstag zum Sommerfest! Am Samstag gibt es Musik und am Sonntag Kuchen.';

describe('createAnchor', () => {
  it('keeps the quote with context either side', () => {
    expect(createAnchor('Wir feiern am Samstag im Garten', 14, 21, 5)).toEqual({
      quote: 'Samstag',
      prefix: 'n am ',
      suffix: ' im G',
      start: 14,
      end: 21,
    });
  });

  it('refuses empty, reversed, out-of-range and emoji-splitting ranges', () => {
    for (const [s, e] of [
      [3, 3],
      [5, 2],
      [-1, 2],
      [0, 99],
    ] as const) {
      expect(createAnchor('Hallo Welt', s, e)).toMatchObject({
        ok: false,
        code: 'ANCHOR_RANGE_INVALID',
      });
    }
    expect(createAnchor('Party 🎉 heute', 7, 10)).toMatchObject({ code: 'ANCHOR_RANGE_INVALID' });
  });

  it('never cuts an emoji in half at the edge of the context', () => {
    const anchor = createAnchor('🎉🎉 Samstag', 5, 12, 4) as TextAnchor;
    expect(anchor.prefix).toBe('🎉 ');
  });
});

describe('reanchor', () => {
  it('finds the quote where it was in unchanged text', () => {
    const anchor = anchorOf(text, 'Samstag', 1);
    expect(reanchor(anchor, text)).toEqual({ start: anchor.start, end: anchor.end });
  });

  it('follows the quote when text is inserted before it', () => {
    const anchor = anchorOf(text, 'Sommerfest');
    const edited = 'Neu: ' + text;
    expect(reanchor(anchor, edited)).toEqual({ start: anchor.start + 5, end: anchor.end + 5 });
  });

  it('uses the context to tell the second "Samstag" from the first after the text moved', () => {
    const anchor = anchorOf(text, 'Samstag', 1);
    const edited = 'Liebe Nachbarschaft, es ist wieder so weit. ' + text;
    const found = reanchor(anchor, edited);
    expect(found).toEqual({
      start: edited.lastIndexOf('Samstag'),
      end: edited.lastIndexOf('Samstag') + 7,
    });
  });

  it('tolerates small edits right next to the quote', () => {
    const anchor = anchorOf(text, 'Sommerfest');
    const edited = text.replace('zum Sommerfest!', 'zu unserem Sommerfest!!');
    expect(reanchor(anchor, edited)).toEqual({
      start: edited.indexOf('Sommerfest'),
      end: edited.indexOf('Sommerfest') + 10,
    });
  });

  it('is outdated when the quoted words were rewritten', () => {
    const anchor = anchorOf(text, 'Sommerfest');
    expect(reanchor(anchor, text.replace('Sommerfest', 'Herbstfest'))).toEqual({ outdated: true });
  });

  it('does not jump to the same short word in an unrelated sentence', () => {
    const anchor = anchorOf('Musik und Tanz im Hof.', 'und');
    expect(reanchor(anchor, 'Kuchen und Kaffee gibt es auch.')).toEqual({ outdated: true });
  });

  it('does jump with a long, telling quote whose surroundings were all rewritten', () => {
    const anchor = anchorOf('Achtung: Einlass erst ab 18 Uhr, bitte', 'Einlass erst ab 18 Uhr');
    expect(reanchor(anchor, 'Einlass erst ab 18 Uhr')).toEqual({ start: 0, end: 22 });
  });
});

describe('applySuggestion', () => {
  it('replaces the quoted words and says where the new ones are', () => {
    const anchor = anchorOf(text, 'Kuchen');
    const result = applySuggestion(text, anchor, 'Torte');
    expect(result).toEqual({
      ok: true,
      text: text.replace('Kuchen', 'Torte'),
      range: { start: anchor.start, end: anchor.start + 5 },
    });
  });

  it('refuses with SUGGESTION_OUTDATED when the words are gone', () => {
    const anchor = anchorOf(text, 'Kuchen');
    expect(applySuggestion(text.replace('Kuchen', 'Brezeln'), anchor, 'Torte')).toMatchObject({
      ok: false,
      code: 'SUGGESTION_OUTDATED',
    });
  });
});

/** Text and a non-empty range in it that does not split a surrogate pair. */
const textWithRange = fc
  .tuple(
    fc.string({
      unit: fc.constantFrom('a', 'b', ' ', 'ä', '🎉', '\n'),
      minLength: 1,
      maxLength: 80,
    }),
    fc.nat(),
    fc.nat(),
  )
  .map(([t, x, y]) => {
    const points = [...t];
    const i = x % points.length;
    const j = i + 1 + (y % (points.length - i));
    const start = points.slice(0, i).join('').length;
    const end = points.slice(0, j).join('').length;
    return { text: t, start, end };
  });

describe('anchor properties', () => {
  it('re-finds the exact range in unchanged text', () => {
    fc.assert(
      fc.property(textWithRange, ({ text: t, start, end }) => {
        const anchor = createAnchor(t, start, end) as TextAnchor;
        expect(reanchor(anchor, t)).toEqual({ start, end });
      }),
    );
  });

  it('after any edit, a re-found range lies inside the text and holds exactly the quote', () => {
    fc.assert(
      fc.property(
        textWithRange,
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 10 }),
        ({ text: t, start, end }, at, cut, insert) => {
          const anchor = createAnchor(t, start, end) as TextAnchor;
          const from = at % (t.length + 1);
          const to = Math.min(t.length, from + (cut % 6));
          const edited = t.slice(0, from) + insert + t.slice(to);
          const found = reanchor(anchor, edited);
          if ('outdated' in found) return;
          expect(found.start).toBeGreaterThanOrEqual(0);
          expect(found.end).toBeLessThanOrEqual(edited.length);
          expect(edited.slice(found.start, found.end)).toBe(anchor.quote);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('follows a unique quote past an edit far away from it', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 20 }),
        (before, after, insert) => {
          const quote = '«Zitat»';
          fc.pre(
            !(before + after + insert).includes('«') && !(before + after + insert).includes('»'),
          );
          const padding = 'x'.repeat(40);
          const original = before + padding + quote + padding + after;
          const anchor = anchorOf(original, quote);
          const edited = insert + original;
          expect(reanchor(anchor, edited)).toEqual({
            start: anchor.start + insert.length,
            end: anchor.end + insert.length,
          });
        },
      ),
    );
  });

  it('applying a suggestion to unchanged text replaces exactly the anchored range', () => {
    fc.assert(
      fc.property(
        textWithRange,
        fc.string({ maxLength: 12 }),
        ({ text: t, start, end }, replacement) => {
          const anchor = createAnchor(t, start, end) as TextAnchor;
          expect(applySuggestion(t, anchor, replacement)).toEqual({
            ok: true,
            text: t.slice(0, start) + replacement + t.slice(end),
            range: { start, end: start + replacement.length },
          });
        },
      ),
    );
  });
});
