/**
 * Who takes part in a contest's draw, decided from the entries and the contest's rules. Pure: the
 * API feeds it the entries, the staff list and previous winners, and stores what it answers.
 */

export type ExclusionRuleId =
  | 'outside_period'
  | 'missing_keyword'
  | 'too_few_mentions'
  | 'staff'
  | 'previous_winner'
  | 'under_age'
  | 'country'
  | 'manual';

export type Localised = { de: string; en: string };

export type EligibilityRules = {
  entriesFrom: Date;
  entriesUntil: Date;
  minimumAge: number | null;
  countries: readonly string[];
  onePerPerson: boolean;
  excludeStaff: boolean;
  requiredMentions: number;
  keyword: string | null;
};

export type EntryFacts = {
  id: string;
  personKey: string;
  source: 'comment' | 'csv';
  text: string | null;
  enteredAt: Date;
  email: string | null;
  /** Age on the last day of the period, when the entry says (CSV birth date or age). */
  age: number | null;
  country: string | null;
  handle: string;
};

export type EntryVerdict = {
  entryId: string;
  counted: boolean;
  exclusion: { rule: ExclusionRuleId; reasons: Localised } | null;
};

export type PersonVerdict = {
  personKey: string;
  entryIds: string[];
  /** How many tickets the person holds in the draw: 0 when excluded. */
  tickets: number;
  exclusions: { rule: ExclusionRuleId; reasons: Localised; entryId: string | null }[];
};

export type EligibilityContext = {
  /** Normalised handles and emails of staff (see normaliseHandle). */
  staff: ReadonlySet<string>;
  /** Person keys of winners of the recent contests the rules look back on. */
  previousWinners: ReadonlySet<string>;
  /** Manual exclusions by person key, with the reason a person gave. */
  manual: ReadonlyMap<string, string>;
};

/** "@Anna.M " -> "anna.m"; emails lower-cased. The same person writes the same key. */
export function normaliseHandle(handle: string): string {
  return handle.trim().replace(/^@+/, '').normalize('NFC').toLowerCase();
}

/** One person per platform and handle; a CSV row without a platform is "any". */
export function personKey(platform: string | null, handle: string): string {
  return `${platform ?? 'any'}:${normaliseHandle(handle)}`;
}

/** "@anna_mueller" -> "@an…er": enough for the winner to recognise, not enough to look up. */
export function maskHandle(handle: string | null): string {
  if (!handle) return '—';
  const chars = [...normaliseHandle(handle)];
  if (chars.length <= 2) return `@${chars[0] ?? ''}…`;
  if (chars.length <= 5) return `@${chars[0]}…${chars[chars.length - 1]}`;
  return `@${chars.slice(0, 2).join('')}…${chars.slice(-2).join('')}`;
}

/** @mentions of other accounts in an entry's text, each counted once. */
export function countMentions(text: string | null, ownHandle: string): number {
  if (!text) return 0;
  const own = normaliseHandle(ownHandle).split('@')[0];
  const names = new Set<string>();
  for (const m of text.matchAll(/(^|[^\p{L}\p{N}_.@])@([\p{L}\p{N}_.]+(?:@[\p{L}\p{N}_.-]+)?)/gu)) {
    const name = (m[2] as string).replace(/\.+$/, '').toLowerCase();
    if (name && name.split('@')[0] !== own) names.add(name);
  }
  return names.size;
}

function containsKeyword(text: string | null, keyword: string): boolean {
  if (!text) return false;
  const k = keyword.trim().normalize('NFC').toLocaleLowerCase('de');
  return text.normalize('NFC').toLocaleLowerCase('de').includes(k);
}

const plural = (n: number, de: [string, string], en: [string, string]): Localised => ({
  de: n === 1 ? de[0] : de[1],
  en: n === 1 ? en[0] : en[1],
});

function entryVerdict(rules: EligibilityRules, entry: EntryFacts): EntryVerdict {
  const t = entry.enteredAt.getTime();
  if (t < rules.entriesFrom.getTime() || t >= rules.entriesUntil.getTime()) {
    return {
      entryId: entry.id,
      counted: false,
      exclusion: {
        rule: 'outside_period',
        reasons: {
          de: 'Die Teilnahme kam außerhalb des Teilnahmezeitraums.',
          en: 'The entry came outside the entry period.',
        },
      },
    };
  }
  if (rules.keyword && !containsKeyword(entry.text, rules.keyword)) {
    return {
      entryId: entry.id,
      counted: false,
      exclusion: {
        rule: 'missing_keyword',
        reasons: {
          de: `Das Stichwort „${rules.keyword}“ fehlt.`,
          en: `The keyword “${rules.keyword}” is missing.`,
        },
      },
    };
  }
  if (rules.requiredMentions > 0) {
    const found = countMentions(entry.text, entry.handle);
    if (found < rules.requiredMentions) {
      const n = rules.requiredMentions;
      const words = plural(n, ['Person', 'Personen'], ['person', 'people']);
      return {
        entryId: entry.id,
        counted: false,
        exclusion: {
          rule: 'too_few_mentions',
          reasons: {
            de: `Markiert ${found} statt ${n} ${words.de}.`,
            en: `Mentions ${found} instead of ${n} ${words.en}.`,
          },
        },
      };
    }
  }
  return { entryId: entry.id, counted: true, exclusion: null };
}

/**
 * Entries grouped per person (duplicates merged); entry rules first, then the person's. A person
 * takes part with one ticket, or with one per counted entry when several entries are allowed.
 */
export function decideEligibility(
  rules: EligibilityRules,
  entries: readonly EntryFacts[],
  ctx: EligibilityContext,
): { entries: EntryVerdict[]; people: PersonVerdict[] } {
  const byPerson = new Map<string, EntryFacts[]>();
  for (const e of [...entries].sort((a, b) => a.enteredAt.getTime() - b.enteredAt.getTime())) {
    const list = byPerson.get(e.personKey) ?? [];
    list.push(e);
    byPerson.set(e.personKey, list);
  }
  const entryVerdicts: EntryVerdict[] = [];
  const people: PersonVerdict[] = [];
  for (const [key, list] of byPerson) {
    const verdicts = list.map((e) => entryVerdict(rules, e));
    const exclusions: PersonVerdict['exclusions'] = [];
    const counted = verdicts.filter((v) => v.counted);
    if (counted.length === 0) {
      const first = verdicts[0] as EntryVerdict;
      if (first.exclusion) exclusions.push({ ...first.exclusion, entryId: first.entryId });
    }
    const handles = new Set(list.map((e) => normaliseHandle(e.handle)));
    const emails = new Set(list.flatMap((e) => (e.email ? [e.email.toLowerCase()] : [])));
    if (rules.excludeStaff && [...handles, ...emails].some((h) => ctx.staff.has(h))) {
      exclusions.push({
        rule: 'staff',
        entryId: null,
        reasons: {
          de: 'Gehört zum Team des Veranstalters.',
          en: 'Belongs to the organiser’s team.',
        },
      });
    }
    if (ctx.previousWinners.has(key)) {
      exclusions.push({
        rule: 'previous_winner',
        entryId: null,
        reasons: {
          de: 'Hat bei einem der letzten Gewinnspiele gewonnen.',
          en: 'Won one of the recent contests.',
        },
      });
    }
    if (rules.minimumAge !== null) {
      const young = list.find((e) => e.age !== null && e.age < (rules.minimumAge as number));
      if (young) {
        exclusions.push({
          rule: 'under_age',
          entryId: young.id,
          reasons: {
            de: `Jünger als ${rules.minimumAge} Jahre.`,
            en: `Younger than ${rules.minimumAge}.`,
          },
        });
      }
    }
    if (rules.countries.length > 0) {
      const abroad = list.find((e) => e.country !== null && !rules.countries.includes(e.country));
      if (abroad) {
        exclusions.push({
          rule: 'country',
          entryId: abroad.id,
          reasons: {
            de: `Wohnsitz ${abroad.country} ist nicht zugelassen (${rules.countries.join(', ')}).`,
            en: `Residence ${abroad.country} is not allowed (${rules.countries.join(', ')}).`,
          },
        });
      }
    }
    const manual = ctx.manual.get(key);
    if (manual !== undefined) {
      exclusions.push({
        rule: 'manual',
        entryId: null,
        reasons: { de: `Von Hand ausgeschlossen: ${manual}`, en: `Excluded by hand: ${manual}` },
      });
    }
    // With one entry per person only the first counted entry is a ticket; the rest are merged.
    let seenCounted = false;
    for (const v of verdicts) {
      const merged = rules.onePerPerson && v.counted && seenCounted;
      if (v.counted) seenCounted = true;
      entryVerdicts.push({ ...v, counted: v.counted && !merged && exclusions.length === 0 });
    }
    people.push({
      personKey: key,
      entryIds: list.map((e) => e.id),
      tickets: exclusions.length > 0 ? 0 : rules.onePerPerson ? 1 : counted.length,
      exclusions,
    });
  }
  return { entries: entryVerdicts, people };
}

/** The tickets of the draw: "E-…" per person, or "E-…/1", "E-…/2" when entries count singly. */
export function ticketsFor(
  people: readonly { pseudonym: string; tickets: number }[],
  onePerPerson: boolean,
): string[] {
  return people.flatMap((p) =>
    p.tickets === 0
      ? []
      : onePerPerson
        ? [p.pseudonym]
        : Array.from({ length: p.tickets }, (_, i) => `${p.pseudonym}/${i + 1}`),
  );
}
