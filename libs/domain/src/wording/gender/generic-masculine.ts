/**
 * A curated list of generic masculine plurals that come up in community posts, with the stem
 * for gendered forms and a neutral alternative where one reads naturally. Sources: the
 * Duden guide "Richtig gendern" and geschicktgendern.de (see docs/wording.md).
 */
export type MasculineEntry = { stem: string; neutral?: string; pairMasculine: string };

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

export const GENERIC_MASCULINE = new Map<string, MasculineEntry>();
for (const [forms, stem, neutral] of ENTRIES) {
  for (const form of forms) {
    // Dative plural forms take the dative of the neutral participle: Mitarbeitern -> Mitarbeitenden.
    const dative =
      form.endsWith('n') && forms[0] !== form && neutral?.endsWith('ende')
        ? `${neutral}n`
        : neutral;
    GENERIC_MASCULINE.set(form, {
      stem,
      pairMasculine: forms[0]!,
      ...(dative ? { neutral: dative } : {}),
    });
  }
}

/** Neutral alternative for a gendered plural ("Kund:innen" -> "Kundschaft"), by its stem. */
export function neutralForStem(stem: string): string | undefined {
  for (const [form, entry] of GENERIC_MASCULINE)
    if (entry.stem === stem && form === entry.pairMasculine) return entry.neutral;
  return undefined;
}
