import { publishedTextWithInsertions, type UtmDefaults, writtenOffset } from '../campaigns';
import { type FindingDraft, type RuleContext } from './core/rule-context';
import { WORDING_RULES, type WordingRuleId } from './core/rule-catalog';
import {
  type Language,
  type LengthSummary,
  type MediaItem,
  type Platform,
  type WordingFinding,
} from './core/types';
import { type DuplicateIndex } from './duplicates/duplicate-index';
import { type Measurement, measureText } from './platforms/text-length';
import { detectLanguage } from './readability/language-detection';
import { readingEase, type Readability } from './readability/reading-ease';
import { brandRule } from './rules/brand.rule';
import { contestRule } from './rules/contest.rule';
import { duplicateRule, type SiblingVariant } from './rules/duplicate.rule';
import { engagementRule } from './rules/engagement.rule';
import { genderRule } from './rules/gender.rule';
import { hashtagRule } from './rules/hashtag.rule';
import { linkRule } from './rules/link.rule';
import { lengthRule, mediaRule } from './rules/platform.rule';
import { readabilityRule } from './rules/readability.rule';
import { spellingRule } from './rules/spelling.rule';
import { styleRule } from './rules/style.rule';
import { resolveWordingSettings } from './settings/resolve-settings';
import {
  type BrandRule,
  type ChannelWordingSettings,
  type WorkspaceWordingSettings,
} from './settings/settings.schema';
import { type SpellCheckers } from './spelling/spell-checker';
import { spellingContext } from './spelling/spelling-context';
import { analyzeText } from './text/text-analysis';

export type WordingCheckInput = {
  text: string;
  platform: Platform;
  media?: readonly MediaItem[];
  channel?: ChannelWordingSettings;
  workspace?: WorkspaceWordingSettings;
  /** Forces the language; otherwise channel setting, then detection, then workspace setting. */
  language?: Language;
  context?: {
    duplicateIndex?: DuplicateIndex;
    /** The post's variants for its other channels, checked for identical text. */
    siblingVariants?: readonly SiblingVariant[];
    now?: Date;
    /** The post being edited, left out of its own duplicate search. */
    postId?: string;
    /** A contest post: the paths of its contests' public rules, one of which it must link. */
    contestRulesPaths?: readonly string[];
  };
  spellChecker?: SpellCheckers;
  /**
   * Names the workspace knows (members, channels): the spell checker accepts their words. Brand
   * terms and replacements are known words too; they come with the settings.
   */
  knownNames?: readonly string[];
  /** Leave out spelling (and the dictionary-based hashtag split), e.g. for a quick count. */
  skipSpelling?: boolean;
  /**
   * The UTM defaults of the post's campaign: its links go out tagged, longer than written, and
   * the length is measured as they go out. Every other rule reads the text as written.
   */
  campaignUtm?: UtmDefaults | null;
};

export type WordingCheckResult = {
  findings: WordingFinding[];
  length: LengthSummary;
  language: Language;
  readability?: Readability;
};

/**
 * The one entry point: every rule over one text for one platform. Pure and synchronous; the same
 * call runs in the editor on each keystroke and in the API before submitting and approving.
 */
export function checkWording(input: WordingCheckInput): WordingCheckResult {
  const { text, platform } = input;
  const media = input.media ?? [];
  const settings = resolveWordingSettings(input.workspace, input.channel);
  const analysis = analyzeText(text);
  const language =
    input.language ??
    input.channel?.language ??
    languageOf(analysis.words, input.workspace?.language);
  const spelling = input.skipSpelling
    ? { checker: undefined, knownWord: undefined }
    : spellingContext(
        language,
        input.spellChecker,
        settings.wordList,
        knownNamesOf(settings.brandRules, input.knownNames),
      );

  const findings: WordingFinding[] = [];
  const context: RuleContext = {
    text,
    platform,
    media,
    language,
    analysis,
    settings,
    spelling: spelling.checker,
    knownWord: spelling.knownWord,
    report(rule: WordingRuleId, draft: FindingDraft) {
      const severity = settings.severityOf(rule, draft.severity);
      if (severity === 'off') return;
      const { severity: _own, ...rest } = draft;
      findings.push({ rule, ...rest, severity });
    },
  };

  const hasMedia = media.length > 0;
  const asCaption =
    platform === 'telegram' &&
    (settings.telegramCaptionMode === 'caption' ||
      (settings.telegramCaptionMode === 'auto' && hasMedia));
  const limit =
    settings.characterLimit !== undefined ? { characterLimit: settings.characterLimit } : {};
  const published = publishedTextWithInsertions(text, input.campaignUtm ?? null, platform);
  const tagged = published.insertions.length > 0;
  const measurement = tagged
    ? inWrittenOffsets(measureText(published.text, platform, { asCaption, ...limit }), (o) =>
        writtenOffset(published.insertions, o),
      )
    : measureText(text, platform, {
        entities: analysis.entities,
        graphemes: analysis.graphemes,
        asCaption,
        ...limit,
      });

  lengthRule(context, measurement, tagged);
  mediaRule(context);
  hashtagRule(context);
  linkRule(context);
  readabilityRule(context);
  engagementRule(context);
  brandRule(context);
  genderRule(context);
  styleRule(context);
  spellingRule(context);
  contestRule(context, input.context?.contestRulesPaths ?? []);
  duplicateRule(context, {
    now: input.context?.now ?? new Date(),
    ...(input.context?.duplicateIndex ? { index: input.context.duplicateIndex } : {}),
    ...(input.context?.siblingVariants ? { siblings: input.context.siblingVariants } : {}),
    ...(input.channel?.channelId ? { channelId: input.channel.channelId } : {}),
    ...(input.context?.postId ? { postId: input.context.postId } : {}),
  });

  findings.sort(byPosition);
  const readability = readingEase(analysis.sentences, language);
  return {
    findings,
    length: { used: measurement.used, limit: measurement.limit, unit: measurement.unit },
    language,
    ...(readability ? { readability } : {}),
  };
}

function languageOf(
  words: Parameters<typeof detectLanguage>[0],
  configured: Language | undefined,
): Language {
  const guess = detectLanguage(words, configured ?? 'de');
  return guess.confident ? guess.language : (configured ?? guess.language);
}

const SEVERITY_ORDER = { error: 0, warning: 1, hint: 2 } as const;
const RULE_ORDER = new Map(Object.keys(WORDING_RULES).map((id, i) => [id, i]));

/** By start; at the same start errors first, then by rule order, so the list is stable. */
function byPosition(a: WordingFinding, b: WordingFinding): number {
  return (
    a.start - b.start ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0) ||
    a.end - b.end
  );
}

const brandNames = new WeakMap<readonly BrandRule[], string[]>();

function knownNamesOf(rules: readonly BrandRule[], names: readonly string[] | undefined): string[] {
  let fromRules = brandNames.get(rules);
  if (!fromRules) {
    fromRules = rules.flatMap((r) => (r.replacement ? [r.term, r.replacement] : [r.term]));
    brandNames.set(rules, fromRules);
  }
  return names && names.length > 0 ? [...fromRules, ...names] : fromRules;
}

/** A measurement of the tagged text, its overflow points moved to the text as written. */
function inWrittenOffsets(m: Measurement, toWritten: (offset: number) => number): Measurement {
  return {
    ...m,
    overflowStart: m.overflowStart === null ? null : toWritten(m.overflowStart),
    ...(m.bytes
      ? {
          bytes: {
            ...m.bytes,
            overflowStart: m.bytes.overflowStart === null ? null : toWritten(m.bytes.overflowStart),
          },
        }
      : {}),
  };
}
