import {
  type Entrant,
  type Entry,
  type Exclusion,
  type ExclusionRule,
  type Locale,
  type Platform,
} from '@postplan/contracts';
import {
  decideEligibility,
  formatInZone,
  maskHandle,
  normaliseHandle,
  sortTickets,
  ticketsFor,
} from '@postplan/domain';
import {
  type ContestRow,
  type EntryRow,
  type ManualExclusionRow,
  type StoredExclusionRow,
} from './contests.repository';
import { countMentions } from '@postplan/domain';

export type Counts = { entries: number; entrants: number; eligible: number; excluded: number };

export type Evaluation = {
  entries: Entry[];
  entrants: Entrant[];
  counts: Counts;
  /** Sorted tickets of the eligible people (what the commitment covers). */
  tickets: string[];
  /** Exclusions to freeze at the commit. */
  exclusions: {
    pseudonym: string;
    rule: ExclusionRule;
    de: string;
    en: string;
    entryId: string | null;
    by: string | null;
  }[];
};

export type EvaluationInput = {
  contest: ContestRow;
  timeZone: string;
  locale: Locale;
  entries: readonly EntryRow[];
  manual: readonly ManualExclusionRow[];
  staff: ReadonlySet<string>;
  /** Person keys whose winner hash appears among the recent contests' winners. */
  previousWinners: ReadonlySet<string>;
};

const byPseudonym = <T extends { pseudonym: string }>(rows: readonly T[]): Map<string, T[]> => {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(r.pseudonym, [...(m.get(r.pseudonym) ?? []), r]);
  return m;
};

/** The live verdict while the contest is open: the domain rules over the stored entries. */
export function evaluateOpen(input: EvaluationInput): Evaluation {
  const { contest: c, locale } = input;
  const e = c.eligibility;
  const pseudonymByKey = new Map<string, string>();
  for (const row of input.entries)
    if (row.person_key) pseudonymByKey.set(row.person_key, row.pseudonym);
  const manualByKey = new Map<string, string>();
  const manualBy = new Map<string, ManualExclusionRow>();
  for (const m of input.manual) manualBy.set(m.pseudonym, m);
  for (const [key, pseudonym] of pseudonymByKey) {
    const m = manualBy.get(pseudonym);
    if (m) manualByKey.set(key, m.reason);
  }
  const decided = decideEligibility(
    {
      entriesFrom: c.entries_from,
      entriesUntil: c.entries_until,
      minimumAge: e.minimumAge,
      countries: e.countries,
      onePerPerson: e.onePerPerson,
      excludeStaff: e.excludeStaff,
      requiredMentions: e.requiredMentions,
      keyword: e.keyword,
    },
    input.entries
      .filter((r) => r.person_key !== null)
      .map((r) => ({
        id: r.id,
        personKey: r.person_key as string,
        source: r.source,
        text: r.text,
        enteredAt: r.entered_at,
        email: r.email,
        age: r.age,
        country: r.country,
        handle: r.handle ?? '',
      })),
    { staff: input.staff, previousWinners: input.previousWinners, manual: manualByKey },
  );
  const verdictOf = new Map(decided.entries.map((v) => [v.entryId, v]));
  const exclusions: Evaluation['exclusions'] = [];
  const people = decided.people.map((p) => {
    const pseudonym = pseudonymByKey.get(p.personKey) as string;
    const list: Exclusion[] = p.exclusions.map((x) => {
      const by = x.rule === 'manual' ? manualBy.get(pseudonym) : undefined;
      exclusions.push({
        pseudonym,
        rule: x.rule,
        de: x.reasons.de,
        en: x.reasons.en,
        entryId: x.entryId,
        by: by?.excluded_by ?? null,
      });
      return {
        rule: x.rule,
        reason: x.reasons[locale],
        reasons: x.reasons,
        entryId: x.entryId,
        by: by?.excluded_by ? { id: by.excluded_by, name: by.excluded_by_name ?? '' } : null,
      };
    });
    return { pseudonym, tickets: p.tickets, exclusions: list };
  });
  const exclusionsBy = new Map(people.map((p) => [p.pseudonym, p.exclusions]));
  const rows = byPseudonym(input.entries);
  const entrants: Entrant[] = people.map((p) => {
    const first = (rows.get(p.pseudonym) ?? [])[0];
    return {
      id: p.pseudonym,
      platform: (first?.platform ?? null) as Platform | null,
      handle: first?.handle ?? null,
      maskedHandle: maskHandle(first?.handle ?? null),
      entries: rows.get(p.pseudonym)?.length ?? 0,
      eligible: p.tickets > 0,
      exclusions: p.exclusions,
    };
  });
  const entries = input.entries.map((r) => {
    const v = verdictOf.get(r.id);
    const own = exclusionsBy.get(r.pseudonym) ?? [];
    const exclusion: Exclusion | null = v?.exclusion
      ? {
          rule: v.exclusion.rule,
          reason: v.exclusion.reasons[locale],
          reasons: v.exclusion.reasons,
          entryId: r.id,
          by: null,
        }
      : (own[0] ?? null);
    return toEntry(r, input.timeZone, v?.counted ?? false, exclusion);
  });
  const tickets = sortTickets(ticketsFor(people, e.onePerPerson));
  const eligible = people.filter((p) => p.tickets > 0).length;
  return {
    entries,
    entrants,
    counts: {
      entries: input.entries.length,
      entrants: people.length,
      eligible,
      excluded: people.length - eligible,
    },
    tickets,
    exclusions,
  };
}

/** After the commit: the frozen verdicts, as stored. */
export function evaluateFrozen(input: {
  timeZone: string;
  locale: Locale;
  entries: readonly EntryRow[];
  stored: readonly StoredExclusionRow[];
  tickets: readonly string[];
}): Omit<Evaluation, 'exclusions'> {
  const { locale } = input;
  const excl = byPseudonym(input.stored);
  const rows = byPseudonym(input.entries);
  const holders = new Set(input.tickets.map((t) => t.split('/')[0] as string));
  const toExclusion = (x: StoredExclusionRow): Exclusion => ({
    rule: x.rule as ExclusionRule,
    reason: locale === 'de' ? x.reason_de : x.reason_en,
    reasons: { de: x.reason_de, en: x.reason_en },
    entryId: x.entry_id,
    by: x.excluded_by ? { id: x.excluded_by, name: x.excluded_by_name ?? '' } : null,
  });
  const entrants: Entrant[] = [...rows].map(([pseudonym, list]) => ({
    id: pseudonym,
    platform: (list[0]?.platform ?? null) as Platform | null,
    handle: list[0]?.handle ?? null,
    maskedHandle: maskHandle(list[0]?.handle ?? null),
    entries: list.length,
    eligible: holders.has(pseudonym),
    exclusions: (excl.get(pseudonym) ?? []).map(toExclusion),
  }));
  const counted = new Set<string>();
  const entries = input.entries.map((r) => {
    const own = (excl.get(r.pseudonym) ?? []).map(toExclusion);
    const hit = own.find((x) => x.entryId === r.id) ?? (holders.has(r.pseudonym) ? null : own[0]);
    // With the verdicts frozen, the first entry of each eligible person is the one that counted.
    const isCounted = holders.has(r.pseudonym) && !counted.has(r.pseudonym) && !hit;
    if (isCounted) counted.add(r.pseudonym);
    return toEntry(r, input.timeZone, isCounted, hit ?? null);
  });
  const eligible = entrants.filter((x) => x.eligible).length;
  return {
    entries,
    entrants,
    counts: {
      entries: input.entries.length,
      entrants: entrants.length,
      eligible,
      excluded: entrants.length - eligible,
    },
    tickets: [...input.tickets],
  };
}

function toEntry(
  r: EntryRow,
  timeZone: string,
  counted: boolean,
  exclusion: Exclusion | null,
): Entry {
  return {
    id: r.id,
    entrantId: r.pseudonym,
    source: r.source,
    platform: (r.platform ?? null) as Platform | null,
    handle: r.handle,
    commentId: r.comment_id,
    text: r.text,
    enteredAt: formatInZone(r.entered_at, timeZone),
    mentions: r.handle ? countMentions(r.text, r.handle) : 0,
    counted,
    exclusion,
    collectedAt: formatInZone(r.collected_at, timeZone),
  };
}

/** Staff as the rules compare them: members' emails and the contest's own list. */
export function staffSet(memberEmails: readonly string[], listed: readonly string[]): Set<string> {
  return new Set([...memberEmails.map((m) => m.toLowerCase()), ...listed.map(normaliseHandle)]);
}
