import { measureText } from './text-length';

/**
 * Cases written after twitter-text's published conformance data (conformance/validate.yml,
 * "WeightedTweetsWithDiscountedEmojiCounterTest"), which does not ship in the npm package.
 * Each states what X's composer shows: the weighted count and where the red overflow starts.
 */
describe('X weighted length (twitter-text v3 rules)', () => {
  const x = (text: string) => measureText(text, 'x');
  const filler = (n: number) => Array.from({ length: n }, (_, i) => 'xxxxxxxxx-'[i % 10]).join('');

  it('counts plain Latin text one per character', () => {
    expect(x('This is a test.')).toMatchObject({
      used: 15,
      limit: 280,
      unit: 'weighted',
      overflowStart: null,
    });
  });

  it('counts every URL as 23, with or without protocol', () => {
    expect(x('http://test.com').used).toBe(23);
    expect(x('https://test.com').used).toBe(23);
    expect(x('test.com').used).toBe(23);
    expect(x('Test https://test.com test https://test.com test.com test').used).toBe(86);
    expect(x(`https://example.com/${'a'.repeat(500)}`).used).toBe(23);
  });

  it('accepts ten URLs (240) but flags 285 characters from character 281 on', () => {
    expect(x('https://www.twitter.com/aloha '.repeat(10)).used).toBe(240);
    const text = `285 chars-${filler(275)}`;
    expect(text).toHaveLength(285);
    expect(x(text)).toMatchObject({ used: 285, overflowStart: 280 });
  });

  it('starts the overflow after a URL in the middle counted as 23', () => {
    const text = `285 chars- http://www.twitter.com/jack ${filler(250)}`;
    const m = x(text);
    expect(m.used).toBe(10 + 1 + 23 + 1 + 250);
    expect(m.overflowStart).toBe(284);
  });

  it('counts CJK and emoji as 2: 160 of them overflow at the 141st', () => {
    const cjk = '故人西辞黄鹤楼烟花三月下扬州'.repeat(12).slice(0, 160);
    expect(x(cjk)).toMatchObject({ used: 320, overflowStart: 140 });
    const emoji = '😷'.repeat(160);
    expect(x(emoji)).toMatchObject({ used: 320, overflowStart: 280 }); // 140 emoji = 280 UTF-16 units
    expect(x(`the${cjk}`)).toMatchObject({ used: 323, overflowStart: 141 });
  });

  it('counts an emoji ZWJ sequence and a skin-tone emoji as 2 each', () => {
    expect(x('👨‍👩‍👧‍👦').used).toBe(2);
    expect(x('🙋🏽').used).toBe(2);
    expect(x('🙋🏽👨‍🎤').used).toBe(4);
    expect(x('H🐱☺').used).toBe(5);
  });

  it('normalises to NFC before counting: Á typed as A + accent counts once', () => {
    expect(x('ÁB').used).toBe(2);
    expect(x('A\u0301B').used).toBe(2);
  });

  it('maps the overflow back to the editor text when it was typed decomposed', () => {
    const decomposed = `${'e\u0301'.repeat(279)}xyz`;
    const m = x(decomposed);
    expect(m.used).toBe(282);
    // 279 "é" of two code units each, then "x" fits, "y" is the first character over the limit.
    expect(m.overflowStart).toBe(279 * 2 + 1);
    expect(decomposed.slice(m.overflowStart!)).toBe('yz');
  });

  it('counts general punctuation in the light ranges as 1 and other symbols as 2', () => {
    expect(x('a\u2013b\u2014c\u201Cd\u201D').used).toBe(8);
    expect(x('5 €').used).toBe(4);
  });

  it('honours an X Premium channel limit', () => {
    expect(measureText('a'.repeat(1000), 'x', { characterLimit: 25_000 })).toMatchObject({
      used: 1000,
      limit: 25_000,
      overflowStart: null,
    });
  });
});
