import { z } from 'zod';
import { TUNABLE_WORDING_RULE_IDS, type TunableWordingRuleId } from '../core/rule-catalog';

/**
 * Settings as the API stores them and the settings screens edit them. Every field is optional:
 * what is missing falls back to the channel, then the workspace, then `DEFAULT_WORDING_SETTINGS`.
 */

export const WordingLanguageSchema = z.enum(['de', 'en']);
export const RuleSettingSchema = z.enum(['error', 'warning', 'hint', 'off']);
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

export const RuleOverridesSchema = z.partialRecord(
  z.enum(TUNABLE_WORDING_RULE_IDS as [TunableWordingRuleId, ...TunableWordingRuleId[]]),
  RuleSettingSchema,
);
export type RuleOverrides = z.infer<typeof RuleOverridesSchema>;

export const GenderStyleSchema = z.enum([
  'colon',
  'asterisk',
  'underscore',
  'capital-i',
  'neutral',
  'off',
]);
export type GenderStyle = z.infer<typeof GenderStyleSchema>;

const PhraseSchema = z.string().trim().min(2).max(80);
const PhraseListSchema = z.object({
  de: z.array(PhraseSchema).max(300).optional(),
  en: z.array(PhraseSchema).max(300).optional(),
});

export const BrandRuleSchema = z
  .object({
    id: z.string().max(100).optional(),
    kind: z.enum(['banned', 'preferred']),
    term: z.string().trim().min(1).max(120),
    replacement: z.string().trim().min(1).max(120).optional(),
    severity: z.enum(['error', 'warning', 'hint']).optional(),
    message: z
      .object({
        de: z.string().trim().max(500).optional(),
        en: z.string().trim().max(500).optional(),
      })
      .optional(),
    /** Also match inflected German forms (Kunde -> Kunden, Kundin, Kundinnen). Default true. */
    inflect: z.boolean().optional(),
    /**
     * Grammatical gender of the term and of the replacement (German nouns), so a fix can
     * re-inflect the article and adjectives: "die Kiste" -> "der Kasten". Without them the
     * gender is read from a reliable suffix (-ung, -chen …) or the fix is only a hint.
     */
    termGender: z.enum(['m', 'f', 'n']).optional(),
    replacementGender: z.enum(['m', 'f', 'n']).optional(),
  })
  .refine((rule) => rule.kind !== 'preferred' || rule.replacement !== undefined, {
    message: 'A preferred term needs a replacement',
    path: ['replacement'],
  });
export type BrandRule = z.input<typeof BrandRuleSchema>;

const SentenceLimitSchema = z.number().int().min(5).max(100);
export const ReadabilitySettingsSchema = z.object({
  maxSentenceWords: z
    .object({ de: SentenceLimitSchema.optional(), en: SentenceLimitSchema.optional() })
    .optional(),
  maxWordLetters: z.number().int().min(8).max(80).optional(),
  /** Below this reading-ease score a longer post gets a hint. */
  minScore: z.number().min(0).max(100).optional(),
});

export const WorkspaceWordingSettingsSchema = z.object({
  language: WordingLanguageSchema.optional(),
  rules: RuleOverridesSchema.optional(),
  readability: ReadabilitySettingsSchema.optional(),
  engagement: z.object({ ctaPhrases: PhraseListSchema.optional() }).optional(),
  duplicates: z
    .object({
      windowDays: z.number().int().min(1).max(365).optional(),
      minSimilarity: z.number().min(0.3).max(1).optional(),
    })
    .optional(),
  brandRules: z.array(BrandRuleSchema).max(5000).optional(),
  genderStyle: GenderStyleSchema.optional(),
  /** Words the spell checker accepts (product names, local terms). Hashtag splitting uses them too. */
  wordList: z.array(z.string().trim().min(1).max(80)).max(20000).optional(),
  style: z
    .object({
      maxEmoji: z.number().int().min(1).max(100).optional(),
      maxEmojiRun: z.number().int().min(1).max(20).optional(),
      minShoutingWords: z.number().int().min(2).max(20).optional(),
    })
    .optional(),
});
export type WorkspaceWordingSettings = z.input<typeof WorkspaceWordingSettingsSchema>;

export const ChannelWordingSettingsSchema = z.object({
  channelId: z.string().max(100).optional(),
  language: WordingLanguageSchema.optional(),
  rules: RuleOverridesSchema.optional(),
  readability: ReadabilitySettingsSchema.optional(),
  engagement: z
    .object({ enabled: z.boolean().optional(), ctaPhrases: PhraseListSchema.optional() })
    .optional(),
  /** The instance's limit on Mastodon (often 500, some allow thousands); any platform's custom limit. */
  characterLimit: z.number().int().min(1).max(1_000_000).optional(),
  /** Telegram: `auto` uses the 1,024-character caption limit when media is attached. */
  telegramCaptionMode: z.enum(['auto', 'caption', 'message']).optional(),
  /** How many hashtags this channel's audience tolerates before the hint appears. */
  recommendedHashtags: z.number().int().min(0).max(60).optional(),
});
export type ChannelWordingSettings = z.input<typeof ChannelWordingSettingsSchema>;

export function parseWorkspaceWordingSettings(input: unknown): WorkspaceWordingSettings {
  return WorkspaceWordingSettingsSchema.parse(input);
}

export function parseChannelWordingSettings(input: unknown): ChannelWordingSettings {
  return ChannelWordingSettingsSchema.parse(input);
}
