/**
 * A small generator of German noun forms, so a brand rule written once ("Kunde") also catches
 * "Kunden", "Kundin" and "Kundinnen". It works from the word's ending, like the suffix classes of a
 * Hunspell affix file, and over-generates rather than misses: a form that is not a real word never
 * occurs in a text, so it costs nothing.
 *
 * Each form carries a slot (which ending it adds) so a replacement can be inflected the same way
 * when it belongs to the same class: Nutzern -> Anwendern.
 */
export type InflectedForm = { form: string; slot: string };
export type InflectionClass =
  'e' | 'er-el-en' | 'feminine-suffix' | 'um' | 'vowel' | 'in' | 'consonant';

const FEMININE_SUFFIXES = [
  'ung',
  'heit',
  'keit',
  'schaft',
  'ion',
  'tät',
  'ik',
  'ei',
  'ur',
  'enz',
  'anz',
];
const UMLAUT: Record<string, string> = { a: 'ä', o: 'ö', u: 'ü', A: 'Ä', O: 'Ö', U: 'Ü' };

export function inflectionClassOf(lemma: string): InflectionClass {
  const lower = lemma.toLowerCase();
  if (FEMININE_SUFFIXES.some((suffix) => lower.endsWith(suffix))) return 'feminine-suffix';
  if (lower.endsWith('in') && lower.length > 5) return 'in';
  if (lower.endsWith('e')) return 'e';
  if (/(?:er|el|en)$/u.test(lower)) return 'er-el-en';
  if (lower.endsWith('um') && lower.length > 4) return 'um';
  if (/[aiouy]$/u.test(lower)) return 'vowel';
  return 'consonant';
}

/** The lemma itself comes first, with slot "base". */
export function germanNounForms(lemma: string): InflectedForm[] {
  const forms: InflectedForm[] = [{ form: lemma, slot: 'base' }];
  const add = (form: string, slot: string) => {
    if (form !== lemma && !forms.some((f) => f.form === form)) forms.push({ form, slot });
  };
  const stemOfE = lemma.slice(0, -1);
  switch (inflectionClassOf(lemma)) {
    case 'feminine-suffix':
      add(`${lemma}en`, 'plural');
      break;
    case 'in':
      add(`${lemma}nen`, 'plural');
      add(`${lemma}s`, 'genitive');
      add(`${lemma}e`, 'plural-e');
      add(`${lemma}en`, 'plural-en');
      break;
    case 'e':
      add(`${lemma}n`, 'plural');
      add(`${lemma}s`, 'genitive');
      add(`${stemOfE}in`, 'feminine');
      add(`${stemOfE}innen`, 'feminine-plural');
      break;
    case 'er-el-en':
      add(`${lemma}s`, 'genitive');
      if (!lemma.endsWith('n')) add(`${lemma}n`, 'dative-plural');
      add(`${lemma}in`, 'feminine');
      add(`${lemma}innen`, 'feminine-plural');
      add(umlautLastVowel(lemma), 'umlaut-plural');
      if (!lemma.endsWith('n')) add(`${umlautLastVowel(lemma)}n`, 'umlaut-dative-plural');
      break;
    case 'um':
      add(`${lemma.slice(0, -2)}en`, 'plural');
      add(`${lemma}s`, 'genitive');
      break;
    case 'vowel':
      add(`${lemma}s`, 'plural');
      break;
    case 'consonant': {
      const umlauted = umlautLastVowel(lemma);
      for (const [suffix, slot] of [
        ['s', 'genitive'],
        ['es', 'genitive-es'],
        ['e', 'plural-e'],
        ['en', 'plural-en'],
        ['er', 'plural-er'],
        ['ern', 'dative-plural-er'],
        ['in', 'feminine'],
        ['innen', 'feminine-plural'],
      ] as const) {
        add(`${lemma}${suffix}`, slot);
      }
      if (umlauted !== lemma) {
        for (const [suffix, slot] of [
          ['e', 'umlaut-plural-e'],
          ['en', 'umlaut-dative-plural-e'],
          ['er', 'umlaut-plural-er'],
          ['ern', 'umlaut-dative-plural-er'],
          ['in', 'umlaut-feminine'],
          ['innen', 'umlaut-feminine-plural'],
        ] as const) {
          add(`${umlauted}${suffix}`, slot);
        }
      }
      // Weak nouns ending in a vowel and r take only -n: Nachbar -> Nachbarn, Ungar -> Ungarn.
      if (/[aeiouäöü]r$/u.test(lemma)) add(`${lemma}n`, 'weak-n');
      // English loanwords: company -> companies.
      if (/[^aeiou]y$/u.test(lemma)) add(`${lemma.slice(0, -1)}ies`, 'english-plural');
      break;
    }
  }
  return forms;
}

/** Vertrag -> Verträg, Haus -> Häus (for Häuser), Koch -> Köch. "au" umlauts to "äu". */
export function umlautLastVowel(word: string): string {
  for (let i = word.length - 1; i >= 0; i--) {
    const ch = word[i]!;
    if (/[aouAOU]/u.test(ch)) {
      const before = word[i - 1];
      if ((ch === 'u' || ch === 'U') && (before === 'a' || before === 'A')) {
        return `${word.slice(0, i - 1)}${before === 'a' ? 'ä' : 'Ä'}u${word.slice(i + 1)}`;
      }
      if ((ch === 'u' || ch === 'U') && (before === 'e' || before === 'ä')) return word; // eu, äu
      return word.slice(0, i) + UMLAUT[ch]! + word.slice(i + 1);
    }
    if (/[eiäöüEIÄÖÜ]/u.test(ch) && i < word.length - 1) return word; // last vowel cannot umlaut
  }
  return word;
}

/** Inflects a replacement like the matched form when both words belong to the same class. */
export function inflectLike(replacement: string, lemma: string, slot: string): string {
  if (slot === 'base' || inflectionClassOf(replacement) !== inflectionClassOf(lemma))
    return replacement;
  return germanNounForms(replacement).find((f) => f.slot === slot)?.form ?? replacement;
}
