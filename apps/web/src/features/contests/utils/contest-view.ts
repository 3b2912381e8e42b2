import {
  hasRole,
  type Contest,
  type Entrant,
  type Entry,
  type Exclusion,
  type Role,
} from '@postplan/contracts';

/** What a person sees as where the contest stands: the status, and while open the period. */
export type ContestStage = 'upcoming' | 'running' | 'ended' | 'committed' | 'drawn';

export function contestStage(contest: Pick<Contest, 'status' | 'phase'>): ContestStage {
  switch (contest.status) {
    case 'open':
      return contest.phase;
    case 'committed':
      return 'committed';
    case 'drawn':
      return 'drawn';
  }
}

/** As for posts: authors and up set contests up and collect entries. */
export function canEditContests(role: Role): boolean {
  return hasRole(role, 'author');
}

/** Editors and up decide: exclude by hand, commit, draw, redraw. */
export function canDecideContests(role: Role): boolean {
  return hasRole(role, 'editor');
}

export type EntryStatus = 'eligible' | 'excluded' | 'merged';

export type EntryRow = {
  entry: Entry;
  status: EntryStatus;
  /** Why it does not count: the entry's own exclusion, or the person's (age, staff, by hand). */
  exclusion: Exclusion | null;
  /** How many entries the person has in all (merged into one when more than one). */
  personEntries: number;
  entrant: Entrant | null;
};

/**
 * One row per entry, with what became of it: counted and eligible, excluded (with the rule and
 * the reason, the entry's or the person's), or merged into the same person's counted entry.
 */
export function entryRows(entries: Entry[], entrants: Entrant[]): EntryRow[] {
  const people = new Map(entrants.map((e) => [e.id, e]));
  return entries.map((entry) => {
    const entrant = people.get(entry.entrantId) ?? null;
    const personEntries = entrant?.entries ?? 1;
    if (entry.exclusion) {
      return { entry, status: 'excluded', exclusion: entry.exclusion, personEntries, entrant };
    }
    if (!entry.counted) {
      return { entry, status: 'merged', exclusion: null, personEntries, entrant };
    }
    const personal = entrant?.eligible === false ? (entrant.exclusions[0] ?? null) : null;
    return personal
      ? { entry, status: 'excluded', exclusion: personal, personEntries, entrant }
      : { entry, status: 'eligible', exclusion: null, personEntries, entrant };
  });
}

export type EntryFilter = { status: EntryStatus | 'all'; search: string };

export function filterRows(rows: EntryRow[], filter: EntryFilter): EntryRow[] {
  const needle = filter.search.trim().toLocaleLowerCase();
  return rows.filter(
    (row) =>
      (filter.status === 'all' || row.status === filter.status) &&
      (!needle ||
        (row.entry.handle ?? '').toLocaleLowerCase().includes(needle) ||
        (row.entry.text ?? '').toLocaleLowerCase().includes(needle) ||
        row.entry.entrantId.toLocaleLowerCase().includes(needle)),
  );
}

export function countByStatus(rows: EntryRow[]): Record<EntryStatus, number> {
  const counts: Record<EntryStatus, number> = { eligible: 0, excluded: 0, merged: 0 };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/** An instant as date and time in the given zone, in the app's language. */
export function formatWhen(iso: string, intlLocale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale, {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** An instant in UTC, as the certificate states times. */
export function formatUtc(iso: string, intlLocale: string): string {
  return `${formatWhen(iso, intlLocale, 'UTC')} UTC`;
}
