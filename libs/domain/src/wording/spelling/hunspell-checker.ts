// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the untyped packages' declarations must travel with this file into the web and API builds, which do not include libs/domain's .d.ts files
/// <reference path="../platforms/vendor-modules.d.ts" />
import nspell from 'nspell';
import { type SpellChecker } from './spell-checker';

export type HunspellFiles = { aff: string | Uint8Array; dic: string | Uint8Array };

const cache = new Map<string, SpellChecker>();

/**
 * Builds a checker from Hunspell .aff/.dic contents. Pure: the browser fetches the files as static
 * assets, Node reads them with node-dictionaries.ts. Building the German dictionary takes about a
 * second, so instances are cached under the caller's key (e.g. "de").
 */
export function hunspellChecker(key: string, files: () => HunspellFiles): SpellChecker {
  let checker = cache.get(key);
  if (!checker) {
    const { aff, dic } = files();
    const affText = asText(aff);
    const spell = nspell({
      aff: affText,
      dic: withoutCompoundOnlyDuplicates(affText, asText(dic)),
    });
    checker = { correct: (word) => spell.correct(word), suggest: (word) => spell.suggest(word) };
    cache.set(key, checker);
  }
  return checker;
}

function asText(data: string | Uint8Array): string {
  return typeof data === 'string' ? data : new TextDecoder('utf-8').decode(data);
}

/**
 * The German dictionary lists many words twice: once as a word ("erhalten/ADI") and once as a
 * compound part only ("erhalten/SJozm", o = ONLYINCOMPOUND). nspell merges the flags of both
 * entries, so the word inherits "only in compounds" and "erhalten" is reported as misspelt.
 * nspell does not build compounds from these flags anyway, so the compound-only twins are dropped.
 */
export function withoutCompoundOnlyDuplicates(aff: string, dic: string): string {
  const flag = /^ONLYINCOMPOUND\s+(\S)\s*$/mu.exec(aff)?.[1];
  const needAffix = /^NEEDAFFIX\s+(\S)\s*$/mu.exec(aff)?.[1];
  if (!flag || /^FLAG\s+/mu.test(aff)) return dic;
  const lines = dic.split('\n');
  // A twin counts as a word of its own only if it needs neither a compound nor an affix.
  const standalone = new Set<string>();
  for (const line of lines) {
    const slash = line.indexOf('/');
    if (slash < 0) standalone.add(line.trim());
    else {
      const flags = line.slice(slash + 1);
      if (!flags.includes(flag) && !(needAffix && flags.includes(needAffix)))
        standalone.add(line.slice(0, slash));
    }
  }
  return lines
    .filter((line) => {
      const slash = line.indexOf('/');
      return (
        slash < 0 || !line.slice(slash + 1).includes(flag) || !standalone.has(line.slice(0, slash))
      );
    })
    .join('\n');
}
