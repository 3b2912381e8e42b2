import { describe, expect, it } from '@jest/globals';
import { CanonicalJsonError, canonicalJson } from './canonical-json.util';

describe('canonicalJson', () => {
  it('sorts keys at every depth, so writing order does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":1,"z":0}]},"b":1}',
    );
  });

  it('writes NFD and NFC spellings of "Müller" identically', () => {
    const nfd = 'Mu\u0308ller';
    expect(nfd).not.toBe('Müller');
    expect(canonicalJson({ [nfd]: nfd })).toBe(canonicalJson({ Müller: 'Müller' }));
  });

  it('leaves array order alone (a carousel is ordered)', () => {
    expect(canonicalJson([2, 1])).toBe('[2,1]');
  });

  it('drops undefined members and folds -0 into 0', () => {
    expect(canonicalJson({ a: undefined, b: -0 })).toBe('{"b":0}');
  });

  it('refuses numbers JSON cannot carry and keys that collide after normalisation', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ 'Mu\u0308ller': 1, Müller: 2 })).toThrow(/normalisation/);
  });
});
