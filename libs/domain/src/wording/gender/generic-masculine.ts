/**
 * A curated list of generic masculine plurals that come up in community posts, with the stem
 * for gendered forms and a neutral alternative where one reads naturally. Sources: the
 * Duden guide "Richtig gendern" and geschicktgendern.de (see docs/wording.md).
 */

const ENTRIES: [masculine: string[], stem: string, neutral: string | undefined][] = [
  [['Kunden'], 'Kund', 'Kundschaft'],
  [['Mitarbeiter', 'Mitarbeitern'], 'Mitarbeiter', 'Mitarbeitende'],
  [['Nutzer', 'Nutzern'], 'Nutzer', 'Nutzende'],
  [['Benutzer', 'Benutzern'], 'Benutzer', 'Benutzende'],
  [['Teilnehmer', 'Teilnehmern'], 'Teilnehmer', 'Teilnehmende'],
  [['Follower', 'Followern'], 'Follower', 'Community'],
  [['Leser', 'Lesern'], 'Leser', 'Lesende'],
  [['Zuschauer', 'Zuschauern'], 'Zuschauer', 'Publikum'],
  [['Zuhörer', 'Zuhörern'], 'Zuhörer', 'Publikum'],
  [['Besucher', 'Besuchern'], 'Besucher', 'Besuchende'],
  [['Studenten'], 'Student', 'Studierende'],
  [['Lehrer', 'Lehrern'], 'Lehrer', 'Lehrkräfte'],
  [['Kollegen'], 'Kolleg', 'Kollegium'],
  [['Experten'], 'Expert', 'Fachleute'],
  [['Autoren'], 'Autor', 'Schreibende'],
  [['Abonnenten'], 'Abonnent', 'Abonnierende'],
  [['Spender', 'Spendern'], 'Spender', 'Spendende'],
  [['Einwohner', 'Einwohnern'], 'Einwohner', 'Bevölkerung'],
  [['Verbraucher', 'Verbrauchern'], 'Verbraucher', 'Verbrauchende'],
  [['Interessenten'], 'Interessent', 'Interessierte'],
  [['Bewerber', 'Bewerbern'], 'Bewerber', 'Bewerbende'],
  [['Entwickler', 'Entwicklern'], 'Entwickler', 'Entwickelnde'],
  [['Bürger', 'Bürgern'], 'Bürger', 'Bürgerschaft'],
  [['Gewinner', 'Gewinnern'], 'Gewinner', undefined],
  [['Partner', 'Partnern'], 'Partner', undefined],
  [['Händler', 'Händlern'], 'Händler', undefined],
  [['Influencer', 'Influencern'], 'Influencer', undefined],
  [['Ärzte', 'Ärzten'], 'Ärzt', 'Ärzteschaft'],
];

/**
 * How a neutral word fits where a masculine plural stood. Participles decline like adjectives
 * ("Mitarbeitende", "unsere Mitarbeitenden"); plural nouns only take the dative -n; a collective
 * is singular ("das Kollegium ist"), so it never slots into a plural phrase by itself.
 */
export type NeutralKind = 'participle' | 'plural' | 'collective';
export type MasculineEntry = {
  stem: string;
  /** The neutral word in its nominative plural (or, for a collective, singular) form. */
  neutral?: string;
  neutralKind?: NeutralKind;
  pairMasculine: string;
  /** The masculine form is the dative plural (Mitarbeitern). */
  dative: boolean;
};

const COLLECTIVES = new Set([
  'Kundschaft',
  'Kollegium',
  'Community',
  'Publikum',
  'Bevölkerung',
  'Bürgerschaft',
  'Ärzteschaft',
]);

export function neutralKindOf(neutral: string): NeutralKind {
  if (COLLECTIVES.has(neutral)) return 'collective';
  if (/(?:ende|ierte)$/u.test(neutral)) return 'participle';
  return 'plural';
}

export const GENERIC_MASCULINE = new Map<string, MasculineEntry>();
for (const [forms, stem, neutral] of ENTRIES) {
  for (const form of forms) {
    GENERIC_MASCULINE.set(form, {
      stem,
      pairMasculine: forms[0]!,
      dative: form.endsWith('n') && forms[0] !== form,
      ...(neutral ? { neutral, neutralKind: neutralKindOf(neutral) } : {}),
    });
  }
}

/** Neutral alternative for a gendered plural ("Kund:innen" -> "Kundschaft"), by its stem. */
export function neutralForStem(stem: string): string | undefined {
  for (const [form, entry] of GENERIC_MASCULINE)
    if (entry.stem === stem && form === entry.pairMasculine) return entry.neutral;
  return undefined;
}
