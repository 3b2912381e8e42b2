import { describe, expect, it } from '@jest/globals';
import { findingKey, type UiFinding } from './findings';
import { applyFix, editRegion, mapFindings } from './text-edit';

function finding(text: string, word: string, over: Partial<UiFinding> = {}): UiFinding {
  const start = text.indexOf(word);
  const base = {
    rule: 'spelling.unknown-word',
    severity: 'warning' as const,
    message: { de: `${word}?`, en: `${word}?` },
    start,
    end: start + word.length,
  };
  return { ...base, key: findingKey(base), fixes: [], source: 'server', channelIds: [], ...over };
}

describe('editRegion', () => {
  it('finds the one changed region of a keystroke, a paste and a deletion', () => {
    expect(editRegion('Hallo Welt', 'Hallo, Welt')).toEqual({ from: 5, oldEnd: 5, newEnd: 6 });
    expect(editRegion('ab', 'aXYZb')).toEqual({ from: 1, oldEnd: 1, newEnd: 4 });
    expect(editRegion('abc', 'ac')).toEqual({ from: 1, oldEnd: 2, newEnd: 1 });
    expect(editRegion('same', 'same')).toBeNull();
  });

  it('never splits an emoji’s surrogate pair', () => {
    // 😀 and 😁 share their high surrogate.
    const region = editRegion('a😀b', 'a😁b')!;
    expect(region.from).toBe(1);
  });
});

describe('mapFindings', () => {
  const before = 'Wir feiern das Sommerfst im Park';
  const typo = finding(before, 'Sommerfst');

  it('moves a finding after an edit before it', () => {
    const after = `Heute: ${before}`;
    const [moved] = mapFindings([typo], before, after);
    expect(after.slice(moved!.start, moved!.end)).toBe('Sommerfst');
  });

  it('keeps a finding unchanged by an edit after it', () => {
    const after = `${before}, kommt vorbei!`;
    expect(mapFindings([typo], before, after)).toEqual([typo]);
  });

  it('drops a finding whose word was edited, or which grew into a longer word', () => {
    expect(mapFindings([typo], before, before.replace('Sommerfst', 'Sommerfest'))).toEqual([]);
    expect(mapFindings([typo], before, before.replace('Sommerfst ', 'Sommerfstx '))).toEqual([]);
  });

  it('keeps a finding when a space is typed right after its word', () => {
    const after = before.replace('Sommerfst', 'Sommerfst ');
    const [kept] = mapFindings([typo], before, after);
    expect(after.slice(kept!.start, kept!.end)).toBe('Sommerfst');
  });

  it('stretches a sentence-long finding when typing inside it', () => {
    const sentence = finding(before, before, { rule: 'readability.long-sentence' });
    const after = before.replace('im Park', 'im großen Park');
    const [stretched] = mapFindings([sentence], before, after);
    expect(after.slice(stretched!.start, stretched!.end)).toBe(after);
  });

  it('moves fixes with their finding and drops fixes the edit touched', () => {
    const withFix = {
      ...typo,
      fixes: [
        {
          start: typo.start,
          end: typo.end,
          replacement: 'Sommerfest',
          label: { de: 'Sommerfest', en: 'Sommerfest' },
        },
      ],
    };
    const after = `Ja! ${before}`;
    const [moved] = mapFindings([withFix], before, after);
    expect(applyFix(after, moved!.fixes[0]!).text).toBe('Ja! Wir feiern das Sommerfest im Park');
  });
});

describe('applyFix', () => {
  it('replaces the range and puts the cursor after the replacement', () => {
    expect(
      applyFix('Liebe Kunden', {
        start: 6,
        end: 12,
        replacement: 'Kund:innen',
        label: { de: '', en: '' },
      }),
    ).toEqual({ text: 'Liebe Kund:innen', cursor: 16 });
  });
});
