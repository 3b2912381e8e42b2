import { staleVersion } from '../../common/errors/app-error';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type BrandCsvError,
  type BrandRuleInput,
  type BrandRuleList,
  type BrandRulesCsvImportResponse,
  type Locale,
  MAX_BRAND_RULES,
  type WordingSettings,
  type WordingSettingsResponse,
} from '@postplan/contracts';
import {
  type BrandRule as EngineBrandRule,
  type LocalizedText,
  parseBrandRulesCsv,
  serializeBrandRulesCsv,
} from '@postplan/domain';
import { type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { findTermLines, foldTerm } from './brand-csv-lines';
import { storedWorkspaceSettings } from './wording-config.store';
import { WordingError } from './wording.errors';
import { type BrandRuleRow, toBrandRule, toBrandRuleRow } from './wording.mapper';
import { type StoredWordingConfig, WordingRepository } from './wording.repository';

/** Who changes the settings; messages are in their language, else the workspace's. */
export type SettingsCaller = { userId: string; workspaceId: string; workspaceLocale: Locale };

export const MAX_WORDS = 20_000;
/** Enough to find every problem row in a spreadsheet of typical size, bounded for the answer. */
const MAX_REPORTED_CSV_ERRORS = 200;
/** The audit keeps what changed, not whole lists of thousands of terms. */
const MAX_AUDITED_TERMS = 100;

/** Reading and writing a workspace's wording settings, brand rules and word list. */
@Injectable()
export class WordingSettingsService {
  constructor(
    private readonly repo: WordingRepository,
    private readonly audit: AuditService,
  ) {}

  async settings(workspaceId: string): Promise<WordingSettingsResponse> {
    return toSettingsResponse(await this.repo.load(workspaceId));
  }

  /**
   * Replaces the settings as a whole, word list included (left out: none). With the version the
   * caller read (If-Match), a change made since, such as a word an editor added, is not
   * overwritten: the answer is 409 STALE_VERSION and nothing changes.
   */
  async replaceSettings(
    caller: SettingsCaller,
    input: WordingSettings,
    expectedVersion?: number,
  ): Promise<WordingSettingsResponse> {
    const { wordList, ...settings } = input;
    const words = uniqueWords(wordList ?? []);
    return this.repo.transaction(async (em) => {
      // The bump locks the settings row, so the version compared below cannot move meanwhile.
      const version = await this.repo.bump(em, caller.workspaceId, caller.userId);
      const before = await this.repo.load(caller.workspaceId, em);
      if (expectedVersion !== undefined && version - 1 !== expectedVersion) {
        throw staleVersion(
          'wording_settings',
          version - 1,
          'Someone else changed the wording settings in the meantime. Load their version, then apply your change again.',
        );
      }
      await this.repo.writeSettings(em, caller.workspaceId, settings);
      await this.repo.replaceWords(em, caller.workspaceId, words);
      await this.audit.record(em, {
        workspaceId: caller.workspaceId,
        actor: { type: 'user', userId: caller.userId },
        action: 'wording.settings_changed',
        subject: { type: 'workspace', id: caller.workspaceId },
        before: before.settings,
        after: { ...settings, words: wordChanges(before.words, words) },
      });
      return toSettingsResponse(await this.repo.load(caller.workspaceId, em));
    });
  }

  /** Adds words to the word list ("add to dictionary" in the editor); known ones are skipped. */
  async addWords(caller: SettingsCaller, input: string[]): Promise<WordingSettingsResponse> {
    return this.repo.transaction(async (em) => {
      await this.repo.bump(em, caller.workspaceId, caller.userId);
      const before = await this.repo.load(caller.workspaceId, em);
      const known = new Set(before.words.map(foldTerm));
      const added = uniqueWords(input).filter((w) => !known.has(foldTerm(w)));
      if (before.words.length + added.length > MAX_WORDS) {
        throw new WordingError(
          'VALIDATION_FAILED',
          `The word list holds at most ${MAX_WORDS} words; it has ${before.words.length}.`,
          { issues: [{ path: 'words', message: `At most ${MAX_WORDS} words`, code: 'too_big' }] },
        );
      }
      await this.repo.addWords(em, caller.workspaceId, added);
      if (added.length > 0) {
        await this.audit.record(em, {
          workspaceId: caller.workspaceId,
          actor: { type: 'user', userId: caller.userId },
          action: 'wording.words_added',
          subject: { type: 'workspace', id: caller.workspaceId },
          after: { words: added.slice(0, MAX_AUDITED_TERMS), count: added.length },
        });
      }
      return toSettingsResponse(await this.repo.load(caller.workspaceId, em));
    });
  }

  async brandRules(workspaceId: string): Promise<BrandRuleList> {
    return { items: (await this.repo.load(workspaceId)).rules.map(toBrandRule) };
  }

  /** Replaces the list; a rule sent with its id keeps it. All or nothing. */
  async replaceBrandRules(caller: SettingsCaller, items: BrandRuleInput[]): Promise<BrandRuleList> {
    const seenIds = new Map<string, number>();
    items.forEach((rule, index) => {
      if (!rule.id) return;
      if (seenIds.has(rule.id)) {
        throw new WordingError('VALIDATION_FAILED', `items.${index}.id: the id is used twice`, {
          issues: [{ path: `items.${index}.id`, message: 'Used twice', code: 'custom' }],
        });
      }
      seenIds.set(rule.id, index);
    });
    const seenTerms = new Map<string, number>();
    items.forEach((rule, index) => {
      const key = foldTerm(rule.term);
      const first = seenTerms.get(key);
      if (first !== undefined) {
        throw new WordingError(
          'BRAND_RULE_DUPLICATE',
          `Rule ${index + 1} repeats the term “${rule.term}” of rule ${first + 1}; each term may have one rule.`,
          { index, duplicateOf: first, term: rule.term },
        );
      }
      seenTerms.set(key, index);
    });
    const rows = items.map((rule) => toBrandRuleRow(rule, rule.id ?? randomUUID()));
    return this.repo.transaction(async (em) => {
      await this.saveRules(em, caller, rows, 'wording.brand_rules_changed');
      return { items: rows.map(toBrandRule) };
    });
  }

  async exportCsv(workspaceId: string): Promise<string> {
    const { rules } = await this.repo.load(workspaceId);
    return serializeBrandRulesCsv(rules.map(toBrandRule));
  }

  /**
   * Reads brand rules from CSV. Any problem in any row rejects the whole file, listing every
   * problem with its line and column, and changes nothing. `replace` makes the file the list
   * (keeping the ids of terms that stay); `merge` updates the rules whose terms the file names
   * and appends the rest.
   */
  async importCsv(
    caller: SettingsCaller,
    csv: string,
    mode: 'replace' | 'merge',
  ): Promise<BrandRulesCsvImportResponse> {
    const parsed = parseBrandRulesCsv(csv);
    const errors = [...parsed.errors];
    if (errors.length === 0)
      errors.push(...duplicateTermErrors(csv, parsed.separator, parsed.rules));
    if (errors.length > 0) throw csvInvalid(errors, await this.localeOf(caller));

    return this.repo.transaction(async (em) => {
      await this.repo.bump(em, caller.workspaceId, caller.userId);
      const current = (await this.repo.load(caller.workspaceId, em)).rules;
      const byTerm = new Map(current.map((r) => [foldTerm(r.term), r]));
      const imported = parsed.rules.map((rule) =>
        toBrandRuleRow(rule, byTerm.get(foldTerm(rule.term))?.id ?? randomUUID()),
      );
      let rows = imported;
      if (mode === 'merge') {
        const fromFile = new Map(imported.map((r) => [foldTerm(r.term), r]));
        rows = [
          ...current.map((r) => fromFile.get(foldTerm(r.term)) ?? r),
          ...imported.filter((r) => !byTerm.has(foldTerm(r.term))),
        ];
      }
      if (rows.length > MAX_BRAND_RULES) {
        throw csvInvalid(
          [
            {
              line: 1,
              column: 1,
              message: {
                de: `Mit dieser Datei wären es ${rows.length} Regeln; erlaubt sind höchstens ${MAX_BRAND_RULES}.`,
                en: `With this file there would be ${rows.length} rules; at most ${MAX_BRAND_RULES} are allowed.`,
              },
            },
          ],
          await this.localeOf(caller),
        );
      }
      await this.saveRules(em, caller, rows, 'wording.brand_rules_imported', current, {
        mode,
        imported: imported.length,
      });
      return { items: rows.map(toBrandRule), imported: imported.length };
    });
  }

  private async localeOf(caller: SettingsCaller): Promise<Locale> {
    return (await this.repo.userLocale(caller.userId)) ?? caller.workspaceLocale;
  }

  private async saveRules(
    em: EntityManager,
    caller: SettingsCaller,
    rows: BrandRuleRow[],
    action: string,
    current?: BrandRuleRow[],
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    if (!current) {
      await this.repo.bump(em, caller.workspaceId, caller.userId);
      current = (await this.repo.load(caller.workspaceId, em)).rules;
    }
    await this.repo.replaceBrandRules(em, caller.workspaceId, rows);
    await this.audit.record(em, {
      workspaceId: caller.workspaceId,
      actor: { type: 'user', userId: caller.userId },
      action,
      subject: { type: 'workspace', id: caller.workspaceId },
      before: { count: current.length },
      after: { count: rows.length, ...extra, ...ruleChanges(current, rows) },
    });
  }
}

function toSettingsResponse(stored: StoredWordingConfig): WordingSettingsResponse {
  const {
    brandRules: _rules,
    wordList: _words,
    ...settings
  } = storedWorkspaceSettings(stored.settings);
  return {
    settings: { ...settings, wordList: stored.words },
    version: stored.version,
    updatedAt: stored.updated_at?.toISOString() ?? null,
  };
}

/** Trimmed, first spelling of each word kept (the checker ignores case anyway). */
function uniqueWords(words: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of words) {
    const word = raw.trim().normalize('NFC');
    const key = foldTerm(word);
    if (!word || seen.has(key)) continue;
    seen.add(key);
    out.push(word);
  }
  return out;
}

function wordChanges(before: string[], after: string[]) {
  const had = new Set(before);
  const has = new Set(after);
  const added = after.filter((w) => !had.has(w));
  const removed = before.filter((w) => !has.has(w));
  return {
    count: after.length,
    added: added.slice(0, MAX_AUDITED_TERMS),
    removed: removed.slice(0, MAX_AUDITED_TERMS),
  };
}

function ruleChanges(before: BrandRuleRow[], after: BrandRuleRow[]) {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Set(after.map((r) => r.id));
  const added = after.filter((r) => !old.has(r.id)).map((r) => r.term);
  const removed = before.filter((r) => !now.has(r.id)).map((r) => r.term);
  const changed = after
    .filter((r) => old.has(r.id) && JSON.stringify(old.get(r.id)) !== JSON.stringify(r))
    .map((r) => r.term);
  const cap = (terms: string[]) => terms.slice(0, MAX_AUDITED_TERMS);
  return { added: cap(added), removed: cap(removed), changed: cap(changed) };
}

/** A term twice in one file: the later line is the problem, pointing at the earlier one. */
function duplicateTermErrors(csv: string, separator: string, rules: EngineBrandRule[]) {
  const seen = new Set<string>();
  const errors: { line: number; column: number; field?: string; message: LocalizedText }[] = [];
  for (const rule of rules) {
    const key = foldTerm(rule.term);
    if (seen.has(key)) {
      const lines = findTermLines(csv, separator, rule.term);
      const [first, second] = lines;
      const where = second ?? { line: 1, column: 1 };
      const letter = columnLetter(where.column);
      errors.push({
        line: where.line,
        column: where.column,
        field: 'term',
        message: {
          de: `Zeile ${where.line}, Spalte ${letter}: „${rule.term}“ steht schon ${first ? `in Zeile ${first.line}` : 'weiter oben'}; jeder Begriff darf nur eine Regel haben`,
          en: `Line ${where.line}, column ${letter}: “${rule.term}” is already ${first ? `in line ${first.line}` : 'listed above'}; each term may have one rule`,
        },
      });
    }
    seen.add(key);
  }
  return errors;
}

function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function csvInvalid(
  errors: { line: number; column: number; field?: string; message: LocalizedText }[],
  locale: Locale,
): WordingError {
  const reported: BrandCsvError[] = errors.slice(0, MAX_REPORTED_CSV_ERRORS).map((e) => ({
    line: e.line,
    column: e.column,
    ...(e.field ? { field: e.field } : {}),
    message: e.message[locale],
    messages: e.message,
  }));
  return new WordingError(
    'BRAND_CSV_INVALID',
    `The file has ${errors.length} problem(s); nothing was imported. ${reported[0]?.messages.en ?? ''}`.trim(),
    { errors: reported, total: errors.length },
  );
}
