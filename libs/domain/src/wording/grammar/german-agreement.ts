/**
 * German noun-phrase agreement, just enough to tell whether swapping one noun for another keeps a
 * sentence grammatical: "die leere Kiste" -> "der leere Kasten" re-inflects the article and the
 * adjective; "Unsere Mitarbeiter" -> "Unsere Mitarbeitenden" takes the weak ending after a
 * determiner. Where the case cannot be read from the words (a feminine "die" is nominative or
 * accusative), the caller gets no single rewrite and must not offer a one-click fix.
 */
export type Gender = 'm' | 'f' | 'n';
export type GrammaticalCase = 'nom' | 'acc' | 'dat' | 'gen';
export type GrammaticalNumber = 'sg' | 'pl';
export type Reading = { gender: Gender | null; kase: GrammaticalCase; num: GrammaticalNumber };

const CASES: readonly GrammaticalCase[] = ['nom', 'acc', 'dat', 'gen'];
const GENDERS: readonly Gender[] = ['m', 'f', 'n'];

/** Endings of der-words (der, dieser, jeder, jener, welcher) by gender (or plural) and case. */
const DER_ENDINGS: Record<Gender | 'pl', Record<GrammaticalCase, string>> = {
  m: { nom: 'er', acc: 'en', dat: 'em', gen: 'es' },
  f: { nom: 'e', acc: 'e', dat: 'er', gen: 'er' },
  n: { nom: 'es', acc: 'es', dat: 'em', gen: 'es' },
  pl: { nom: 'e', acc: 'e', dat: 'en', gen: 'er' },
};
const DEFINITE: Record<Gender | 'pl', Record<GrammaticalCase, string>> = {
  m: { nom: 'der', acc: 'den', dat: 'dem', gen: 'des' },
  f: { nom: 'die', acc: 'die', dat: 'der', gen: 'der' },
  n: { nom: 'das', acc: 'das', dat: 'dem', gen: 'des' },
  pl: { nom: 'die', acc: 'die', dat: 'den', gen: 'der' },
};
/** Endings of ein-words (ein, kein, mein, dein, sein, ihr, unser, euer). */
const EIN_ENDINGS: Record<Gender | 'pl', Record<GrammaticalCase, string>> = {
  m: { nom: '', acc: 'en', dat: 'em', gen: 'es' },
  f: { nom: 'e', acc: 'e', dat: 'er', gen: 'er' },
  n: { nom: '', acc: '', dat: 'em', gen: 'es' },
  pl: { nom: 'e', acc: 'e', dat: 'en', gen: 'er' },
};
const DER_STEMS = ['dies', 'jed', 'jen', 'welch', 'manch', 'solch'];
const EIN_STEMS = ['ein', 'kein', 'mein', 'dein', 'sein', 'ihr', 'unser', 'euer', 'eur'];
/** Plural quantifiers after which an adjective (or participle noun) is weak, like after "die". */
const WEAK_PLURAL_QUANTIFIERS = new Set([
  'alle',
  'allen',
  'aller',
  'sämtliche',
  'sämtlichen',
  'beide',
  'beiden',
  'beider',
]);
/** Plural quantifiers and numerals that leave the adjective strong: "viele neue Mitarbeitende". */
const STRONG_PLURAL_QUANTIFIERS = new Set([
  'viele',
  'vielen',
  'einige',
  'einigen',
  'mehrere',
  'mehreren',
  'wenige',
  'wenigen',
  'zwei',
  'drei',
  'vier',
  'fünf',
  'sechs',
  'sieben',
  'acht',
  'neun',
  'zehn',
  'zwölf',
  'hundert',
  'tausend',
]);

const DATIVE_PREPOSITIONS = new Set([
  'mit',
  'aus',
  'bei',
  'nach',
  'von',
  'zu',
  'seit',
  'gegenüber',
  'vom',
  'zum',
  'zur',
  'beim',
]);
const ACCUSATIVE_PREPOSITIONS = new Set(['für', 'durch', 'gegen', 'ohne', 'um', 'bis']);
const TWO_WAY_PREPOSITIONS = new Set([
  'in',
  'an',
  'auf',
  'über',
  'unter',
  'vor',
  'hinter',
  'neben',
  'zwischen',
]);
const GENITIVE_PREPOSITIONS = new Set([
  'wegen',
  'trotz',
  'während',
  'statt',
  'anstatt',
  'innerhalb',
  'außerhalb',
]);

export type DeterminerKind = 'der' | 'ein' | 'weak-quantifier' | 'strong-quantifier';
export type Determiner = { kind: DeterminerKind; stem: string; word: string };

/** Reads a determiner: "dem" -> der-word, "unseren" -> ein-word with stem "unser". */
export function parseDeterminer(word: string): Determiner | null {
  const lower = word.toLowerCase();
  if (['der', 'die', 'das', 'den', 'dem', 'des'].includes(lower))
    return { kind: 'der', stem: 'd', word };
  if (WEAK_PLURAL_QUANTIFIERS.has(lower)) return { kind: 'weak-quantifier', stem: lower, word };
  if (STRONG_PLURAL_QUANTIFIERS.has(lower)) return { kind: 'strong-quantifier', stem: lower, word };
  for (const stem of DER_STEMS) {
    const ending = lower.slice(stem.length);
    if (lower.startsWith(stem) && ['e', 'er', 'es', 'en', 'em'].includes(ending))
      return { kind: 'der', stem, word };
  }
  for (const stem of EIN_STEMS) {
    const ending = lower.slice(stem.length);
    if (lower.startsWith(stem) && ['', 'e', 'er', 'es', 'en', 'em'].includes(ending))
      return { kind: 'ein', stem, word };
  }
  return null;
}

/** Every gender, case and number a determiner can stand for. */
export function determinerReadings(det: Determiner): Reading[] {
  const lower = det.word.toLowerCase();
  const readings: Reading[] = [];
  if (det.kind === 'weak-quantifier' || det.kind === 'strong-quantifier') {
    for (const kase of CASES) readings.push({ gender: null, kase, num: 'pl' });
    return readings;
  }
  for (const key of [...GENDERS, 'pl'] as const) {
    for (const kase of CASES) {
      const form =
        det.kind === 'der'
          ? det.stem === 'd'
            ? DEFINITE[key][kase]
            : det.stem + DER_ENDINGS[key][kase]
          : ownEinStem(det.stem, EIN_ENDINGS[key][kase]) + EIN_ENDINGS[key][kase];
      if (form === lower)
        readings.push({ gender: key === 'pl' ? null : key, kase, num: key === 'pl' ? 'pl' : 'sg' });
    }
  }
  // "ein" has no plural; "kein" and the possessives do.
  return det.stem === 'ein' ? readings.filter((r) => r.num === 'sg') : readings;
}

/** "euer" drops its e before an ending: eure, euren. */
function ownEinStem(stem: string, ending: string): string {
  if (stem === 'euer' || stem === 'eur') return ending === '' ? 'euer' : 'eur';
  return stem;
}

export function determinerFor(det: Determiner, reading: Reading): string {
  const key = reading.num === 'pl' ? 'pl' : reading.gender!;
  if (det.kind === 'weak-quantifier' || det.kind === 'strong-quantifier') return det.word;
  if (det.kind === 'der') {
    return det.stem === 'd'
      ? DEFINITE[key][reading.kase]
      : det.stem + DER_ENDINGS[key][reading.kase];
  }
  const ending = EIN_ENDINGS[key][reading.kase];
  return ownEinStem(det.stem, ending) + ending;
}

/** The ending an attributive adjective takes after this determiner (or none: strong). */
export function adjectiveEnding(det: Determiner | null, reading: Reading): string {
  const key = reading.num === 'pl' ? 'pl' : reading.gender!;
  if (det === null || det.kind === 'strong-quantifier') {
    // Strong declension: the der-word endings, except genitive masculine and neuter take -en.
    if (reading.kase === 'gen' && (key === 'm' || key === 'n')) return 'en';
    return DER_ENDINGS[key][reading.kase];
  }
  if (det.kind === 'der' || det.kind === 'weak-quantifier') {
    if (reading.num === 'pl') return 'en';
    if (reading.kase === 'nom') return 'e';
    if (reading.kase === 'acc') return key === 'm' ? 'en' : 'e';
    return 'en';
  }
  // ein-words: mixed declension. Where the ein-word shows no ending, the adjective shows it.
  if (reading.num === 'pl') return 'en';
  if (reading.kase === 'nom') return key === 'm' ? 'er' : key === 'n' ? 'es' : 'e';
  if (reading.kase === 'acc') return key === 'm' ? 'en' : key === 'n' ? 'es' : 'e';
  return 'en';
}

const ADJECTIVE_ENDING = /^(\p{Ll}[\p{Ll}\p{M}]*?)(e|en|er|es|em)$/u;

/** An inflected attributive adjective as it stands before a noun: "leere", "neuen". */
export function adjectiveStem(word: string): string | null {
  const m = ADJECTIVE_ENDING.exec(word);
  if (!m || m[1]!.length < 2) return null;
  return m[1]!;
}

export function casesAfterPreposition(preposition: string | undefined): GrammaticalCase[] | null {
  if (!preposition) return null;
  const lower = preposition.toLowerCase();
  if (DATIVE_PREPOSITIONS.has(lower)) return ['dat'];
  if (ACCUSATIVE_PREPOSITIONS.has(lower)) return ['acc'];
  if (TWO_WAY_PREPOSITIONS.has(lower)) return ['dat', 'acc'];
  if (GENITIVE_PREPOSITIONS.has(lower)) return ['gen', 'dat'];
  return null;
}

/**
 * The grammatical gender where the ending says it for certain (Duden's suffix rules without
 * exceptions worth worrying about in brand wording). Null: ask the rule's author.
 */
export function genderFromSuffix(noun: string): Gender | null {
  const lower = noun.toLowerCase();
  if (/(?:ung|heit|keit|schaft|ion|tät|ik|ei|enz|anz|ur)$/u.test(lower)) return 'f';
  if (/(?:chen|lein|ment|tum|um)$/u.test(lower)) return 'n';
  if (/(?:ling|ismus|ist|eur|ör)$/u.test(lower)) return 'm';
  return null;
}

export type PhraseWord = { start: number; end: number; text: string };

/**
 * The words in front of a noun that agree with it: at most one determiner and the inflected
 * adjectives between it and the noun, plus the preposition before them. Only lower-case
 * inflected words count as adjectives, and only when a determiner precedes them, so "Wir
 * kaufen Kisten" does not take "kaufen" for an adjective.
 */
export type NounPhrase = {
  determiner: (PhraseWord & { parsed: Determiner }) | null;
  adjectives: PhraseWord[];
  /** An inflected word right before the noun that might be an adjective (no determiner seen). */
  unsureAdjective: boolean;
  preposition: string | undefined;
  /** The phrase opens its sentence (a likely subject). */
  sentenceInitial: boolean;
};

export function nounPhraseBefore(text: string, nounStart: number): NounPhrase {
  const words: PhraseWord[] = [];
  let cursor = nounStart;
  for (let i = 0; i < 5; i++) {
    const before = text.slice(0, cursor);
    const m = /([\p{L}\p{M}]+)([ \t\u00a0]+)$/u.exec(before);
    if (!m) break;
    const start = cursor - m[0].length;
    words.unshift({ start, end: start + m[1]!.length, text: m[1]! });
    cursor = start;
  }
  const sentenceStartAt = (index: number) => /(?:^|[.!?:\n]\s*)$/u.test(text.slice(0, index));
  // Walk back from the noun: adjectives, then one determiner.
  let i = words.length - 1;
  const adjectives: PhraseWord[] = [];
  while (
    i >= 0 &&
    adjectiveStem(words[i]!.text) !== null &&
    parseDeterminer(words[i]!.text) === null
  ) {
    adjectives.unshift(words[i]!);
    i--;
  }
  const candidate = i >= 0 ? words[i] : undefined;
  const parsed = candidate ? parseDeterminer(candidate.text) : null;
  if (candidate && parsed) {
    const preposition = i > 0 ? words[i - 1]!.text : undefined;
    return {
      determiner: { ...candidate, parsed },
      adjectives,
      unsureAdjective: false,
      preposition,
      sentenceInitial: sentenceStartAt(candidate.start),
    };
  }
  const first = adjectives[0];
  // A capitalised sentence start like "Leere Kisten" is an adjective the loop above skipped.
  const capitalisedAdjective =
    candidate !== undefined &&
    sentenceStartAt(candidate.start) &&
    /^\p{Lu}[\p{Ll}\p{M}]+(?:e|en|er|es|em)$/u.test(candidate.text);
  return {
    determiner: null,
    adjectives: [],
    unsureAdjective: adjectives.length > 0 || capitalisedAdjective,
    preposition: first ? words[words.indexOf(first) - 1]?.text : words[words.length - 1]?.text,
    sentenceInitial: sentenceStartAt(first?.start ?? nounStart),
  };
}

export type NounSwap = {
  /** The replacement noun for a reading (gender, case, number of the phrase); null: unknown. */
  nounFor(reading: Reading): string | null;
  /** Grammatical gender of the new noun; null when unknown. */
  gender: Gender | null;
};

export type PhraseRewrite =
  | { kind: 'rewrite'; start: number; replacement: string }
  | { kind: 'ambiguous'; options: string[] }
  | { kind: 'unknown' };

/**
 * Rewrites "determiner adjectives noun" for a new noun. `readings` are those the old noun allows
 * (its gender and number). Returns one rewrite when all plausible readings agree on it.
 */
export function rewriteNounPhrase(
  text: string,
  phrase: NounPhrase,
  nounStart: number,
  nounReadings: Reading[],
  swap: NounSwap,
): PhraseRewrite {
  let readings = nounReadings;
  const det = phrase.determiner;
  if (det) {
    readings = determinerReadings(det.parsed).filter((d) =>
      nounReadings.some(
        (r) =>
          r.num === d.num &&
          r.kase === d.kase &&
          (r.gender === null || d.gender === null || r.gender === d.gender),
      ),
    );
  }
  // The adjectives' own endings narrow it down further: "den leeren" is not a nominative.
  readings = readings.filter((r) =>
    phrase.adjectives.every((adj) => {
      if (r.num === 'sg' && r.gender === null) return true;
      return (
        adj.text.endsWith(adjectiveEnding(det?.parsed ?? null, r)) &&
        adjectiveStem(adj.text) !== null
      );
    }),
  );
  const allowed = casesAfterPreposition(phrase.preposition);
  if (allowed) readings = readings.filter((r) => allowed.includes(r.kase));
  else if (phrase.sentenceInitial && readings.some((r) => r.kase === 'nom'))
    readings = readings.filter((r) => r.kase === 'nom');
  else if (!phrase.determiner) {
    // Without a determiner or preposition a genitive or dative singular is unlikely.
    readings = readings.filter((r) => r.kase === 'nom' || r.kase === 'acc' || r.num === 'pl');
  }
  if (readings.length === 0) return { kind: 'unknown' };
  const needsGender = readings.some((r) => r.num === 'sg');
  if (needsGender && swap.gender === null && (phrase.determiner || phrase.unsureAdjective)) {
    return { kind: 'unknown' };
  }
  if (phrase.unsureAdjective && needsGender) return { kind: 'unknown' };

  const start = phrase.determiner?.start ?? nounStart;
  const outputs = new Set<string>();
  for (const reading of readings) {
    const target: Reading = { ...reading, gender: reading.num === 'sg' ? swap.gender : null };
    const parts: string[] = [];
    if (phrase.determiner) {
      parts.push(
        matchCase(phrase.determiner.text, determinerFor(phrase.determiner.parsed, target)),
      );
      parts.push(text.slice(phrase.determiner.end, phrase.adjectives[0]?.start ?? nounStart));
    }
    phrase.adjectives.forEach((adj, k) => {
      const stem = adjectiveStem(adj.text)!;
      parts.push(stem + adjectiveEnding(phrase.determiner?.parsed ?? null, target));
      parts.push(text.slice(adj.end, phrase.adjectives[k + 1]?.start ?? nounStart));
    });
    const noun = swap.nounFor(target);
    if (noun === null) return { kind: 'unknown' };
    parts.push(noun);
    outputs.add(parts.join(''));
  }
  if (outputs.size === 1) return { kind: 'rewrite', start, replacement: [...outputs][0]! };
  return { kind: 'ambiguous', options: [...outputs] };
}

function matchCase(original: string, form: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return form.toUpperCase();
  if (original[0] && original[0] !== original[0].toLowerCase())
    return form[0]!.toUpperCase() + form.slice(1);
  return form;
}

export function readingsFor(gender: Gender | null, num: GrammaticalNumber | null): Reading[] {
  const out: Reading[] = [];
  for (const n of num ? [num] : (['sg', 'pl'] as const)) {
    for (const kase of CASES) {
      if (n === 'pl') out.push({ gender: null, kase, num: 'pl' });
      else for (const g of gender ? [gender] : GENDERS) out.push({ gender: g, kase, num: 'sg' });
    }
  }
  return out;
}

/**
 * A word after the noun that would have to agree with the new gender: a relative pronoun after a
 * comma ("die Kiste, die …") or a personal or possessive pronoun opening the next sentence.
 */
export function pronounFollows(text: string, nounEnd: number): boolean {
  const after = text.slice(nounEnd, nounEnd + 80);
  if (/^\s*,\s*(?:der|die|das|dem|den|deren|dessen|welche[rsnm]?)\b/iu.test(after)) return true;
  return /^[^.!?]*[.!?]\s+(?:Sie|Er|Es|Ihr|Ihre|Ihren|Ihrem|Sein|Seine|Seinen|Seinem)\b/u.test(
    after,
  );
}
