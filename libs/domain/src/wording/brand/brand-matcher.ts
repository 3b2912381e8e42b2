import { type BrandRule } from '../settings/settings.schema';
import { type Word } from '../text/words';
import { germanNounForms } from './german-inflection';

export type BrandMatch = {
  start: number;
  end: number;
  ruleIndex: number;
  slot: string;
  matched: string;
};

type Pattern = { tokens: string[]; ruleIndex: number; slot: string };

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * Case-insensitive and tolerant of ß/ss (Swiss spelling, or an all-caps "STRASSE"). NFC so an
 * "ü" typed as u + combining diaeresis still matches.
 */
export function foldWord(word: string): string {
  // German has no locale-specific case mapping (unlike Turkish), and the plain methods are
  // several times faster than toLocaleLowerCase; most words are ASCII and skip the rest.
  const lower = word.toLowerCase();
  if (isAscii(lower)) return lower;
  return lower.normalize('NFC').replace(/ß/gu, 'ss');
}

function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Compiles a workspace's brand rules into a lookup by first word, so matching costs one map
 * lookup per word of the post however many rules there are.
 */
export class BrandMatcher {
  private readonly byFirstToken = new Map<string, Pattern[]>();

  constructor(readonly rules: readonly BrandRule[]) {
    rules.forEach((rule, ruleIndex) => {
      const tokens = rule.term.match(WORD) ?? [];
      if (tokens.length === 0) return;
      const head = tokens.slice(0, -1).map(foldWord);
      const last = tokens[tokens.length - 1]!;
      const forms = rule.inflect === false ? [{ form: last, slot: 'base' }] : germanNounForms(last);
      for (const { form, slot } of forms)
        this.addPattern({ tokens: [...head, foldWord(form)], ruleIndex, slot });
    });
  }

  private addPattern(pattern: Pattern): void {
    const key = pattern.tokens[0]!;
    const list = this.byFirstToken.get(key);
    if (list) {
      if (
        !list.some(
          (p) =>
            p.ruleIndex === pattern.ruleIndex && p.tokens.join(' ') === pattern.tokens.join(' '),
        )
      )
        list.push(pattern);
    } else this.byFirstToken.set(key, [pattern]);
  }

  /** Longest match wins; matches never overlap. Words must be in text order. */
  match(text: string, words: readonly Word[]): BrandMatch[] {
    const matches: BrandMatch[] = [];
    for (let i = 0; i < words.length; i++) {
      const candidates = this.byFirstToken.get(foldWord(words[i]!.text));
      if (!candidates) continue;
      let best: { pattern: Pattern; lastIndex: number } | undefined;
      for (const pattern of candidates) {
        const lastIndex = i + pattern.tokens.length - 1;
        if (lastIndex >= words.length) continue;
        if (best && pattern.tokens.length <= best.pattern.tokens.length) continue;
        if (this.matchesAt(text, words, i, pattern.tokens)) best = { pattern, lastIndex };
      }
      if (!best) continue;
      const start = words[i]!.start;
      const end = words[best.lastIndex]!.end;
      matches.push({
        start,
        end,
        ruleIndex: best.pattern.ruleIndex,
        slot: best.pattern.slot,
        matched: text.slice(start, end),
      });
      i = best.lastIndex;
    }
    return matches;
  }

  private matchesAt(
    text: string,
    words: readonly Word[],
    at: number,
    tokens: readonly string[],
  ): boolean {
    for (let k = 1; k < tokens.length; k++) {
      const previous = words[at + k - 1]!;
      const word = words[at + k]!;
      if (foldWord(word.text) !== tokens[k]) return false;
      if (!/^\s+$/u.test(text.slice(previous.end, word.start))) return false;
    }
    return true;
  }
}

const compiled = new WeakMap<readonly BrandRule[], BrandMatcher>();

/** The API passes the same rules array for every check of a workspace; compile it once. */
export function brandMatcherFor(rules: readonly BrandRule[]): BrandMatcher {
  let matcher = compiled.get(rules);
  if (!matcher) {
    matcher = new BrandMatcher(rules);
    compiled.set(rules, matcher);
  }
  return matcher;
}
