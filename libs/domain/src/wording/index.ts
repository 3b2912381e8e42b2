// Public API of the wording engine. Browser-safe: the Node dictionary loader lives in
// ./spelling/node-dictionaries and is imported from there by Node callers only.
export * from './core/types';
export * from './core/rule-catalog';
export * from './settings/settings.schema';
export {
  DEFAULT_WORDING_SETTINGS,
  resolveWordingSettings,
  type ResolvedWordingSettings,
} from './settings/resolve-settings';
export { checkWording, type WordingCheckInput, type WordingCheckResult } from './check-wording';
export { type SiblingVariant } from './rules/duplicate.rule';
export { measureText, type Measurement, type LengthOptions } from './platforms/text-length';
export {
  PLATFORM_PROFILES,
  type PlatformProfile,
  type MediaRules,
} from './platforms/platform-profiles';
export { readingEase, type Readability } from './readability/reading-ease';
export {
  countGermanSyllables,
  countEnglishSyllables,
  countSyllables,
} from './readability/syllables';
export { detectLanguage, type LanguageGuess } from './readability/language-detection';
export {
  DuplicateIndex,
  type DuplicateDocument,
  type DuplicateMatch,
  type DuplicateQueryOptions,
  type StoredSignature,
} from './duplicates/duplicate-index';
export {
  SIGNATURE_VERSION,
  encodeSignature,
  decodeSignature,
  estimateSimilarity,
  type TextSignature,
} from './duplicates/minhash';
export { normalizeForDuplicates } from './duplicates/normalize';
export {
  parseBrandRulesCsv,
  serializeBrandRulesCsv,
  type BrandCsvError,
  type BrandCsvResult,
} from './brand/brand-rules-csv';
export { germanNounForms, type InflectedForm } from './brand/german-inflection';
export { DEFAULT_CTA_PHRASES } from './engagement/cta-phrases';
export { type SpellChecker, type SpellCheckers } from './spelling/spell-checker';
export { hunspellChecker, type HunspellFiles } from './spelling/hunspell-checker';
export { splitCompound } from './spelling/compounds';
