import {
  type BrandRule,
  type BrandRuleInput,
  type Locale,
  type WordingFinding,
  type WordingFix,
} from '@postplan/contracts';
import {
  fixesOf,
  type BrandRule as EngineBrandRule,
  type WordingFinding as EngineFinding,
} from '@postplan/domain';

/** A finding as the API answers it: the message in the caller's language, both kept. */
export function toFinding(f: EngineFinding, locale: Locale): WordingFinding {
  const fixes: WordingFix[] = fixesOf(f).map((fix) => ({
    start: fix.start,
    end: fix.end,
    replacement: fix.replacement,
    label: fix.label[locale],
    labels: fix.label,
  }));
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message[locale],
    messages: f.message,
    start: f.start,
    end: f.end,
    ...(fixes[0] ? { fix: fixes[0] } : {}),
    ...(fixes.length > 1 ? { fixes } : {}),
    ...(f.mediaIndex !== undefined ? { mediaIndex: f.mediaIndex } : {}),
  };
}

export type BrandRuleRow = {
  id: string;
  kind: 'banned' | 'preferred';
  term: string;
  replacement: string | null;
  severity: 'error' | 'warning' | 'hint' | null;
  message_de: string | null;
  message_en: string | null;
  inflect: boolean;
  term_gender: 'm' | 'f' | 'n' | null;
  replacement_gender: 'm' | 'f' | 'n' | null;
};

/** Stored rule -> the API's and the engine's shape (empty fields left out). */
export function toBrandRule(row: BrandRuleRow): BrandRule & EngineBrandRule {
  const message = {
    ...(row.message_de ? { de: row.message_de } : {}),
    ...(row.message_en ? { en: row.message_en } : {}),
  };
  return {
    id: row.id,
    kind: row.kind,
    term: row.term,
    ...(row.replacement ? { replacement: row.replacement } : {}),
    ...(row.severity ? { severity: row.severity } : {}),
    ...(row.message_de || row.message_en ? { message } : {}),
    inflect: row.inflect,
    ...(row.term_gender ? { termGender: row.term_gender } : {}),
    ...(row.replacement_gender ? { replacementGender: row.replacement_gender } : {}),
  };
}

/** A rule to store, from a validated request or CSV row. */
export function toBrandRuleRow(rule: BrandRuleInput | EngineBrandRule, id: string): BrandRuleRow {
  return {
    id,
    kind: rule.kind,
    term: rule.term.trim(),
    replacement: rule.replacement?.trim() || null,
    severity: rule.severity ?? null,
    message_de: rule.message?.de?.trim() || null,
    message_en: rule.message?.en?.trim() || null,
    inflect: rule.inflect ?? true,
    term_gender: rule.termGender ?? null,
    replacement_gender: rule.replacementGender ?? null,
  };
}
