/**
 * Node-only: reads the Hunspell files of dictionary-de and dictionary-en from node_modules.
 * Not exported from the package barrel, so browser bundles never see `node:fs`.
 *
 * Those packages are ESM and load their files through import.meta.url at import time, which
 * CommonJS builds (Nest, Jest) cannot use; we resolve the package folder and read the files.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Language } from '../core/types';
import { hunspellChecker, type HunspellFiles } from './hunspell-checker';
import { type SpellCheckers, type SpellChecker } from './spell-checker';

const PACKAGES: Record<Language, string> = { de: 'dictionary-de', en: 'dictionary-en' };

/** `from`: a directory whose node_modules holds the dictionaries; defaults to the working directory. */
export function readHunspellFiles(language: Language, from: string = process.cwd()): HunspellFiles {
  const require = createRequire(join(from, 'noop.js'));
  const folder = dirname(require.resolve(PACKAGES[language]));
  return {
    aff: readFileSync(join(folder, 'index.aff')),
    dic: readFileSync(join(folder, 'index.dic')),
  };
}

export function nodeSpellChecker(language: Language, from?: string): SpellChecker {
  return hunspellChecker(`node:${language}`, () => readHunspellFiles(language, from));
}

export function nodeSpellCheckers(from?: string): Required<SpellCheckers> {
  return { de: nodeSpellChecker('de', from), en: nodeSpellChecker('en', from) };
}
