import { WORDING_RULES, type WordingRuleId } from '../core/rule-catalog';
import { type Language, type Severity } from '../core/types';
import {
  type BrandRule,
  type ChannelWordingSettings,
  type GenderStyle,
  type RuleSetting,
  type WorkspaceWordingSettings,
} from './settings.schema';

export type ResolvedWordingSettings = {
  maxSentenceWords: Record<Language, number>;
  maxWordLetters: number;
  minReadingEase: Record<Language, number>;
  engagementEnabled: boolean;
  ctaPhrases: Record<Language, string[]>;
  duplicateWindowDays: number;
  duplicateMinSimilarity: number;
  brandRules: BrandRule[];
  genderStyle: GenderStyle;
  wordList: string[];
  maxEmoji: number;
  maxEmojiRun: number;
  minShoutingWords: number;
  characterLimit: number | undefined;
  telegramCaptionMode: 'auto' | 'caption' | 'message';
  recommendedHashtags: number | undefined;
  /** The severity a rule reports with after workspace and channel overrides, or `off`. */
  severityOf(rule: WordingRuleId, own?: Severity): Severity | 'off';
};

/**
 * The defaults follow the sources named in docs/wording.md: 20 words per sentence for German
 * (the dpa and Reiners' "leicht verständlich" band), 25 for English (Flesch's "fairly easy").
 */
export const DEFAULT_WORDING_SETTINGS = {
  maxSentenceWords: { de: 20, en: 25 },
  maxWordLetters: 20,
  // Amstad and Flesch both call 30-50 "schwer / difficult": below 30 a social post loses people.
  minReadingEase: { de: 30, en: 30 },
  duplicateWindowDays: 30,
  // Estimated Jaccard of word pairs: 0.7 still catches a 25-word post with three words changed.
  duplicateMinSimilarity: 0.7,
  maxEmoji: 8,
  maxEmojiRun: 3,
  minShoutingWords: 3,
} as const;

export function resolveWordingSettings(
  workspace: WorkspaceWordingSettings | undefined,
  channel: ChannelWordingSettings | undefined,
): ResolvedWordingSettings {
  const ws = workspace ?? {};
  const ch = channel ?? {};
  const wsRules: Partial<Record<string, RuleSetting>> = ws.rules ?? {};
  const chRules: Partial<Record<string, RuleSetting>> = ch.rules ?? {};
  const minScore = ch.readability?.minScore ?? ws.readability?.minScore;
  return {
    maxSentenceWords: {
      de:
        ch.readability?.maxSentenceWords?.de ??
        ws.readability?.maxSentenceWords?.de ??
        DEFAULT_WORDING_SETTINGS.maxSentenceWords.de,
      en:
        ch.readability?.maxSentenceWords?.en ??
        ws.readability?.maxSentenceWords?.en ??
        DEFAULT_WORDING_SETTINGS.maxSentenceWords.en,
    },
    maxWordLetters:
      ch.readability?.maxWordLetters ??
      ws.readability?.maxWordLetters ??
      DEFAULT_WORDING_SETTINGS.maxWordLetters,
    minReadingEase:
      minScore === undefined
        ? { ...DEFAULT_WORDING_SETTINGS.minReadingEase }
        : { de: minScore, en: minScore },
    engagementEnabled: ch.engagement?.enabled ?? true,
    ctaPhrases: {
      de: [...(ws.engagement?.ctaPhrases?.de ?? []), ...(ch.engagement?.ctaPhrases?.de ?? [])],
      en: [...(ws.engagement?.ctaPhrases?.en ?? []), ...(ch.engagement?.ctaPhrases?.en ?? [])],
    },
    duplicateWindowDays: ws.duplicates?.windowDays ?? DEFAULT_WORDING_SETTINGS.duplicateWindowDays,
    duplicateMinSimilarity:
      ws.duplicates?.minSimilarity ?? DEFAULT_WORDING_SETTINGS.duplicateMinSimilarity,
    brandRules: ws.brandRules ?? [],
    genderStyle: ws.genderStyle ?? 'off',
    wordList: ws.wordList ?? [],
    maxEmoji: ws.style?.maxEmoji ?? DEFAULT_WORDING_SETTINGS.maxEmoji,
    maxEmojiRun: ws.style?.maxEmojiRun ?? DEFAULT_WORDING_SETTINGS.maxEmojiRun,
    minShoutingWords: ws.style?.minShoutingWords ?? DEFAULT_WORDING_SETTINGS.minShoutingWords,
    characterLimit: ch.characterLimit,
    telegramCaptionMode: ch.telegramCaptionMode ?? 'auto',
    recommendedHashtags: ch.recommendedHashtags,
    severityOf(rule, own) {
      const entry = WORDING_RULES[rule];
      if (entry.locked) return entry.severity;
      const channelSetting = chRules[rule];
      const workspaceSetting = wsRules[rule];
      // "off" anywhere wins; a channel tunes its own feed; a brand rule's own severity is more
      // specific than the workspace-wide setting of its rule id.
      if (channelSetting === 'off' || workspaceSetting === 'off') return 'off';
      return channelSetting ?? own ?? workspaceSetting ?? entry.severity;
    },
  };
}
