import {
  hasRole,
  type BrandRule,
  type BrandRuleInput,
  type Role,
  type WordingSettings,
} from '@postplan/contracts';
import {
  DEFAULT_WORDING_SETTINGS,
  TUNABLE_WORDING_RULE_IDS,
  type GenderStyle,
  type RuleSetting,
  type TunableWordingRuleId,
} from '@postplan/domain';

/** Owners and admins change the wording settings; every member may read them. */
export function canEditWordingSettings(role: Role): boolean {
  return hasRole(role, 'admin');
}

/**
 * The settings as the form holds them: numbers as typed (empty: the default applies), lists as
 * one entry per line, and rules as '' (the default) or an explicit setting.
 */
export type WordingSettingsForm = {
  language: '' | 'de' | 'en';
  rules: Record<TunableWordingRuleId, '' | RuleSetting>;
  genderStyle: GenderStyle;
  maxSentenceWordsDe: string;
  maxSentenceWordsEn: string;
  maxWordLetters: string;
  minScore: string;
  windowDays: string;
  minSimilarityPercent: string;
  maxEmoji: string;
  maxEmojiRun: string;
  minShoutingWords: string;
  ctaDe: string;
  ctaEn: string;
  wordList: string;
};

export type NumberField =
  | 'maxSentenceWordsDe'
  | 'maxSentenceWordsEn'
  | 'maxWordLetters'
  | 'minScore'
  | 'windowDays'
  | 'minSimilarityPercent'
  | 'maxEmoji'
  | 'maxEmojiRun'
  | 'minShoutingWords';

export type ListField = 'ctaDe' | 'ctaEn' | 'wordList';

/** Ranges as the settings schema accepts them; the form says so before the server has to. */
export const NUMBER_FIELDS: Record<
  NumberField,
  { min: number; max: number; integer: boolean; default: number }
> = {
  maxSentenceWordsDe: {
    min: 5,
    max: 100,
    integer: true,
    default: DEFAULT_WORDING_SETTINGS.maxSentenceWords.de,
  },
  maxSentenceWordsEn: {
    min: 5,
    max: 100,
    integer: true,
    default: DEFAULT_WORDING_SETTINGS.maxSentenceWords.en,
  },
  maxWordLetters: {
    min: 8,
    max: 80,
    integer: true,
    default: DEFAULT_WORDING_SETTINGS.maxWordLetters,
  },
  minScore: {
    min: 0,
    max: 100,
    integer: false,
    default: DEFAULT_WORDING_SETTINGS.minReadingEase.de,
  },
  windowDays: {
    min: 1,
    max: 365,
    integer: true,
    default: DEFAULT_WORDING_SETTINGS.duplicateWindowDays,
  },
  minSimilarityPercent: {
    min: 30,
    max: 100,
    integer: true,
    default: Math.round(DEFAULT_WORDING_SETTINGS.duplicateMinSimilarity * 100),
  },
  maxEmoji: { min: 1, max: 100, integer: true, default: DEFAULT_WORDING_SETTINGS.maxEmoji },
  maxEmojiRun: { min: 1, max: 20, integer: true, default: DEFAULT_WORDING_SETTINGS.maxEmojiRun },
  minShoutingWords: {
    min: 2,
    max: 20,
    integer: true,
    default: DEFAULT_WORDING_SETTINGS.minShoutingWords,
  },
};

export const LIST_FIELDS: Record<ListField, { min: number; max: number; maxItems: number }> = {
  ctaDe: { min: 2, max: 80, maxItems: 300 },
  ctaEn: { min: 2, max: 80, maxItems: 300 },
  wordList: { min: 1, max: 80, maxItems: 20000 },
};

const text = (value: number | undefined) => (value === undefined ? '' : String(value));
const lines = (list: readonly string[] | undefined) => (list ?? []).join('\n');

export function settingsToForm(settings: WordingSettings): WordingSettingsForm {
  const rules = Object.fromEntries(
    TUNABLE_WORDING_RULE_IDS.map((id) => [id, settings.rules?.[id] ?? '']),
  ) as WordingSettingsForm['rules'];
  const similarity = settings.duplicates?.minSimilarity;
  return {
    language: settings.language ?? '',
    rules,
    genderStyle: settings.genderStyle ?? 'off',
    maxSentenceWordsDe: text(settings.readability?.maxSentenceWords?.de),
    maxSentenceWordsEn: text(settings.readability?.maxSentenceWords?.en),
    maxWordLetters: text(settings.readability?.maxWordLetters),
    minScore: text(settings.readability?.minScore),
    windowDays: text(settings.duplicates?.windowDays),
    minSimilarityPercent: similarity === undefined ? '' : String(Math.round(similarity * 100)),
    maxEmoji: text(settings.style?.maxEmoji),
    maxEmojiRun: text(settings.style?.maxEmojiRun),
    minShoutingWords: text(settings.style?.minShoutingWords),
    ctaDe: lines(settings.engagement?.ctaPhrases?.de),
    ctaEn: lines(settings.engagement?.ctaPhrases?.en),
    wordList: lines(settings.wordList),
  };
}

export type FormProblem =
  | { field: NumberField; kind: 'number'; min: number; max: number; integer: boolean }
  | { field: ListField; kind: 'line'; line: number; min: number; max: number }
  | { field: ListField; kind: 'tooMany'; max: number };

/** Non-empty lines, trimmed; duplicates (case-insensitive for the word list) once. */
export function parseLines(value: string, caseInsensitive = false): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of value.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const key = caseInsensitive ? line.toLocaleLowerCase('de') : line;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(line);
  }
  return out;
}

function readNumber(form: WordingSettingsForm, field: NumberField, problems: FormProblem[]) {
  const raw = form[field].trim().replace(',', '.');
  if (raw === '') return undefined;
  const spec = NUMBER_FIELDS[field];
  const value = Number(raw);
  if (
    !Number.isFinite(value) ||
    value < spec.min ||
    value > spec.max ||
    (spec.integer && !Number.isInteger(value))
  ) {
    problems.push({ field, kind: 'number', min: spec.min, max: spec.max, integer: spec.integer });
    return undefined;
  }
  return value;
}

function readList(form: WordingSettingsForm, field: ListField, problems: FormProblem[]) {
  const spec = LIST_FIELDS[field];
  const all = form[field].split(/\r?\n/);
  const bad = all.findIndex((line) => {
    const length = line.trim().length;
    return length > 0 && (length < spec.min || length > spec.max);
  });
  if (bad >= 0) {
    problems.push({ field, kind: 'line', line: bad + 1, min: spec.min, max: spec.max });
    return undefined;
  }
  const list = parseLines(form[field], field === 'wordList');
  if (list.length > spec.maxItems) {
    problems.push({ field, kind: 'tooMany', max: spec.maxItems });
    return undefined;
  }
  return list.length > 0 ? list : undefined;
}

/** Drops empty objects, so a form left at its defaults stores `{}`. */
function compact<T extends Record<string, unknown>>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as T) : undefined;
}

/** The form back into settings for PUT, or what is wrong with it. */
export function formToSettings(
  form: WordingSettingsForm,
): { ok: true; settings: WordingSettings } | { ok: false; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const rules = compact(
    Object.fromEntries(
      TUNABLE_WORDING_RULE_IDS.map((id) => [
        id,
        form.rules[id] === '' ? undefined : form.rules[id],
      ]),
    ),
  );
  const similarity = readNumber(form, 'minSimilarityPercent', problems);
  const settings: WordingSettings = {
    ...(form.language ? { language: form.language } : {}),
    ...(rules ? { rules } : {}),
    genderStyle: form.genderStyle,
  };
  const readability = compact({
    maxSentenceWords: compact({
      de: readNumber(form, 'maxSentenceWordsDe', problems),
      en: readNumber(form, 'maxSentenceWordsEn', problems),
    }),
    maxWordLetters: readNumber(form, 'maxWordLetters', problems),
    minScore: readNumber(form, 'minScore', problems),
  });
  if (readability) settings.readability = readability;
  const duplicates = compact({
    windowDays: readNumber(form, 'windowDays', problems),
    minSimilarity: similarity === undefined ? undefined : similarity / 100,
  });
  if (duplicates) settings.duplicates = duplicates;
  const style = compact({
    maxEmoji: readNumber(form, 'maxEmoji', problems),
    maxEmojiRun: readNumber(form, 'maxEmojiRun', problems),
    minShoutingWords: readNumber(form, 'minShoutingWords', problems),
  });
  if (style) settings.style = style;
  const ctaPhrases = compact({
    de: readList(form, 'ctaDe', problems),
    en: readList(form, 'ctaEn', problems),
  });
  if (ctaPhrases) settings.engagement = { ctaPhrases };
  const wordList = readList(form, 'wordList', problems);
  if (wordList) settings.wordList = wordList;
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings };
}

// ---- Brand rules -------------------------------------------------------------------------------

export type BrandRuleRow = {
  /** Stable for React while the row is edited; new rows get a local key. */
  key: string;
  id?: string;
  kind: 'banned' | 'preferred';
  term: string;
  replacement: string;
  severity: '' | 'error' | 'warning' | 'hint';
  messageDe: string;
  messageEn: string;
  inflect: boolean;
  /** Grammatical gender of term and replacement; '' unknown. Lets fixes re-inflect articles. */
  termGender: '' | 'm' | 'f' | 'n';
  replacementGender: '' | 'm' | 'f' | 'n';
};

export type BrandRowProblem = 'termRequired' | 'replacementRequired' | 'duplicate' | 'tooLong';

export function ruleToRow(rule: BrandRule): BrandRuleRow {
  return {
    key: rule.id,
    id: rule.id,
    kind: rule.kind,
    term: rule.term,
    replacement: rule.replacement ?? '',
    severity: rule.severity ?? '',
    messageDe: rule.message?.de ?? '',
    messageEn: rule.message?.en ?? '',
    inflect: rule.inflect ?? true,
    termGender: rule.termGender ?? '',
    replacementGender: rule.replacementGender ?? '',
  };
}

let nextKey = 1;
export function emptyRow(): BrandRuleRow {
  return {
    key: `new-${nextKey++}`,
    kind: 'banned',
    term: '',
    replacement: '',
    severity: '',
    messageDe: '',
    messageEn: '',
    inflect: true,
    termGender: '',
    replacementGender: '',
  };
}

/**
 * The table back into the PUT body, or the problem of each row that has one. The database allows
 * one rule per term (a term both banned and preferred would contradict itself), so a term listed
 * twice is caught here, in the row, rather than as a server error.
 */
export function rowsToRequest(
  rows: readonly BrandRuleRow[],
): { ok: true; items: BrandRuleInput[] } | { ok: false; problems: Map<string, BrandRowProblem> } {
  const problems = new Map<string, BrandRowProblem>();
  const seen = new Set<string>();
  const items: BrandRuleInput[] = [];
  for (const row of rows) {
    const term = row.term.trim();
    const replacement = row.replacement.trim();
    const messageDe = row.messageDe.trim();
    const messageEn = row.messageEn.trim();
    if (!term) {
      problems.set(row.key, 'termRequired');
      continue;
    }
    if (
      term.length > 120 ||
      replacement.length > 120 ||
      messageDe.length > 500 ||
      messageEn.length > 500
    ) {
      problems.set(row.key, 'tooLong');
      continue;
    }
    if (row.kind === 'preferred' && !replacement) {
      problems.set(row.key, 'replacementRequired');
      continue;
    }
    const folded = term.toLocaleLowerCase('de');
    if (seen.has(folded)) {
      problems.set(row.key, 'duplicate');
      continue;
    }
    seen.add(folded);
    const message = {
      ...(messageDe ? { de: messageDe } : {}),
      ...(messageEn ? { en: messageEn } : {}),
    };
    items.push({
      ...(row.id ? { id: row.id } : {}),
      kind: row.kind,
      term,
      ...(replacement ? { replacement } : {}),
      ...(row.severity ? { severity: row.severity } : {}),
      ...(messageDe || messageEn ? { message } : {}),
      inflect: row.inflect,
      ...(row.termGender ? { termGender: row.termGender } : {}),
      ...(row.replacementGender ? { replacementGender: row.replacementGender } : {}),
    });
  }
  return problems.size > 0 ? { ok: false, problems } : { ok: true, items };
}
