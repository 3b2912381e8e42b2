import { type ResolvedWordingSettings } from '../settings/resolve-settings';
import { type SpellChecker } from '../spelling/spell-checker';
import { type TextAnalysis } from '../text/text-analysis';
import { type WordingRuleId } from './rule-catalog';
import {
  type Language,
  type LocalizedText,
  type MediaItem,
  type Platform,
  type Severity,
  type WordingFinding,
} from './types';

export type FindingDraft = Omit<WordingFinding, 'rule' | 'severity'> & { severity?: Severity };

/** What every rule receives; rules add findings through `report` and never decide severity alone. */
export type RuleContext = {
  text: string;
  platform: Platform;
  media: readonly MediaItem[];
  language: Language;
  analysis: TextAnalysis;
  settings: ResolvedWordingSettings;
  /** The checker for the post's language, with the workspace's word list applied. */
  spelling: SpellChecker | undefined;
  /** Accepts a word in any language a checker was given for: for hashtags and Anglicisms. */
  knownWord: ((word: string) => boolean) | undefined;
  report(rule: WordingRuleId, finding: FindingDraft): void;
};

export type WordingRule = (context: RuleContext) => void;

export function text(de: string, en: string): LocalizedText {
  return { de, en };
}

/** German and English number formatting for messages ("1.024" / "1,024"). */
const numberFormats: Partial<Record<Language, Intl.NumberFormat>> = {};

export function formatNumber(value: number, language: Language): string {
  const format = (numberFormats[language] ??= new Intl.NumberFormat(
    language === 'de' ? 'de-DE' : 'en-GB',
  ));
  return format.format(value);
}

export function quoteDe(value: string): string {
  return `„${value}“`;
}

export function quoteEn(value: string): string {
  return `“${value}”`;
}
