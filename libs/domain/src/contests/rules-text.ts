import { toLocal } from '../time/zoned-time';

/**
 * The contest rules (Teilnahmebedingungen) written from the contest's fields, in German and in
 * English. A starting point a person edits and saves as a version; nothing here is legal advice,
 * but every section the issue names is present so nothing is forgotten.
 */

export type RulesLanguage = 'de' | 'en';

export type RulesInput = {
  title: string;
  description: string;
  organiser: { name: string; address: string; email: string | null };
  entriesFrom: Date;
  entriesUntil: Date;
  timeZone: string;
  prizes: readonly { name: string; quantity: number; value: string | null }[];
  alternatesCount: number;
  entryMethods: readonly ('comment' | 'keyword' | 'csv')[];
  eligibility: {
    minimumAge: number | null;
    countries: readonly string[];
    onePerPerson: boolean;
    excludeStaff: boolean;
    excludePreviousWinnersOfLast: number;
    requiredMentions: number;
    keyword: string | null;
  };
  retentionDays: number;
  /** Platforms the contest runs on (from its posts' channels). */
  platforms: readonly string[];
  verificationUrl: string;
};

const PLATFORM_NAMES: Record<string, string> = {
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  threads: 'Threads',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  facebook: 'Facebook',
  telegram: 'Telegram',
  pinterest: 'Pinterest',
  discord: 'Discord',
  slack: 'Slack',
  sandbox: 'Sandbox',
};

const MONTHS: Record<RulesLanguage, string[]> = {
  de: [
    'Januar',
    'Februar',
    'März',
    'April',
    'Mai',
    'Juni',
    'Juli',
    'August',
    'September',
    'Oktober',
    'November',
    'Dezember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

const COUNTRY_NAMES: Record<RulesLanguage, Record<string, string>> = {
  de: {
    DE: 'Deutschland',
    AT: 'Österreich',
    CH: 'der Schweiz',
    LI: 'Liechtenstein',
    LU: 'Luxemburg',
  },
  en: { DE: 'Germany', AT: 'Austria', CH: 'Switzerland', LI: 'Liechtenstein', LU: 'Luxembourg' },
};

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "24. Dezember 2026, 18:00 Uhr" / "24 December 2026, 18:00", in the contest's zone. */
export function formatRulesDate(instant: Date, timeZone: string, lang: RulesLanguage): string {
  const l = toLocal(instant, timeZone);
  const month = MONTHS[lang][l.month - 1];
  const time = `${pad2(l.hour)}:${pad2(l.minute)}`;
  return lang === 'de'
    ? `${l.day}. ${month} ${l.year}, ${time} Uhr`
    : `${l.day} ${month} ${l.year}, ${time}`;
}

function listJoin(items: readonly string[], lang: RulesLanguage): string {
  if (items.length <= 1) return items.join('');
  const and = lang === 'de' ? 'und' : 'and';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

function countries(codes: readonly string[], lang: RulesLanguage): string {
  return listJoin(
    codes.map((c) => COUNTRY_NAMES[lang][c] ?? c),
    lang,
  );
}

const platformName = (p: string): string => PLATFORM_NAMES[p] ?? p;

function prizeLines(input: RulesInput, lang: RulesLanguage): string[] {
  return input.prizes.map((p) => {
    const value = p.value ? ` (${lang === 'de' ? 'Wert' : 'value'}: ${p.value})` : '';
    return `- ${p.quantity} × ${p.name}${value}`;
  });
}

function howToEnter(input: RulesInput, lang: RulesLanguage): string[] {
  const e = input.eligibility;
  const where = listJoin([...new Set(input.platforms)].map(platformName), lang);
  const lines: string[] = [];
  const de = lang === 'de';
  for (const method of input.entryMethods) {
    if (method === 'comment') {
      lines.push(
        de
          ? `- Kommentieren Sie den Gewinnspiel-Beitrag${where ? ` auf ${where}` : ''}.`
          : `- Comment on the contest post${where ? ` on ${where}` : ''}.`,
      );
    } else if (method === 'keyword') {
      lines.push(
        de
          ? `- Schreiben Sie das Stichwort „${e.keyword ?? ''}“ in Ihren Beitrag oder Kommentar.`
          : `- Write the keyword “${e.keyword ?? ''}” in your post or comment.`,
      );
    } else {
      lines.push(
        de
          ? '- Oder nehmen Sie über das vom Veranstalter bereitgestellte Formular teil.'
          : '- Or enter through the form the organiser provides.',
      );
    }
  }
  if (e.keyword && !input.entryMethods.includes('keyword')) {
    lines.push(
      de
        ? `- Ihr Kommentar muss das Stichwort „${e.keyword}“ enthalten.`
        : `- Your comment must contain the keyword “${e.keyword}”.`,
    );
  }
  if (e.requiredMentions > 0) {
    const n = e.requiredMentions;
    lines.push(
      de
        ? `- Markieren Sie ${n === 1 ? 'eine weitere Person' : `${n} weitere Personen`} (@Name) in Ihrem Kommentar.`
        : `- Mention ${n === 1 ? 'one other person' : `${n} other people`} (@name) in your comment.`,
    );
  }
  lines.push(
    e.onePerPerson
      ? de
        ? '- Jede Person nimmt einmal teil; mehrere Kommentare erhöhen die Gewinnchance nicht.'
        : '- Each person takes part once; several comments do not raise the chance of winning.'
      : de
        ? '- Jeder gültige Kommentar zählt als ein Los; eine Person kann aber nur einmal gewinnen.'
        : '- Every valid comment counts as one ticket; a person can still win only once.',
  );
  return lines;
}

function eligibilityLines(input: RulesInput, lang: RulesLanguage): string[] {
  const e = input.eligibility;
  const de = lang === 'de';
  const lines: string[] = [];
  const age = e.minimumAge;
  lines.push(
    age !== null && age > 0
      ? de
        ? `- Teilnehmen dürfen natürliche Personen ab ${age} Jahren.`
        : `- Natural persons aged ${age} or over may take part.`
      : de
        ? '- Teilnehmen dürfen natürliche Personen; Minderjährige brauchen die Zustimmung ihrer Erziehungsberechtigten.'
        : '- Natural persons may take part; minors need the consent of their parents or guardians.',
  );
  if (e.countries.length > 0) {
    lines.push(
      de
        ? `- Teilnehmende müssen ihren Wohnsitz in ${countries(e.countries, lang)} haben.`
        : `- Entrants must live in ${countries(e.countries, lang)}.`,
    );
  }
  if (e.excludeStaff) {
    lines.push(
      de
        ? `- Ausgeschlossen sind Mitarbeitende von ${input.organiser.name} und alle, die an der Durchführung des Gewinnspiels beteiligt sind.`
        : `- Employees of ${input.organiser.name} and everyone involved in running the contest are excluded.`,
    );
  }
  if (e.excludePreviousWinnersOfLast > 0) {
    const n = e.excludePreviousWinnersOfLast;
    lines.push(
      de
        ? `- Ausgeschlossen ist, wer bei ${n === 1 ? 'dem letzten Gewinnspiel' : `einem der letzten ${n} Gewinnspiele`} von ${input.organiser.name} gewonnen hat.`
        : `- Winners of ${n === 1 ? 'the last contest' : `any of the last ${n} contests`} by ${input.organiser.name} are excluded.`,
    );
  }
  lines.push(
    de
      ? '- Wer falsche Angaben macht, automatisierte Mittel nutzt oder das Gewinnspiel manipuliert, wird ausgeschlossen; ein bereits zugesprochener Gewinn kann zurückgefordert werden.'
      : '- Anyone who gives false details, uses automated means or manipulates the contest is excluded; a prize already awarded may be reclaimed.',
  );
  return lines;
}

function releaseLines(input: RulesInput, lang: RulesLanguage): string[] {
  const de = lang === 'de';
  const platforms = [...new Set(input.platforms)].filter((p) => p !== 'sandbox');
  const lines: string[] = [];
  const meta = platforms.filter((p) => p === 'instagram' || p === 'facebook');
  if (meta.length > 0) {
    const names = listJoin(meta.map(platformName), lang);
    lines.push(
      de
        ? `Dieses Gewinnspiel steht in keiner Verbindung zu ${names} und wird in keiner Weise von ${names} gesponsert, unterstützt, organisiert oder durchgeführt. Ansprechpartner für alle Fragen zum Gewinnspiel ist ausschließlich ${input.organiser.name}. Die Teilnehmenden stellen Meta Platforms, Inc. und Meta Platforms Ireland Ltd. von jeglicher Haftung im Zusammenhang mit dem Gewinnspiel frei.`
        : `This contest is in no way sponsored, endorsed, administered by or associated with ${names}. Questions about the contest go to ${input.organiser.name} only. Entrants release Meta Platforms, Inc. and Meta Platforms Ireland Ltd. from all liability in connection with the contest.`,
    );
  }
  for (const p of platforms.filter((x) => x !== 'instagram' && x !== 'facebook')) {
    lines.push(
      de
        ? `${platformName(p)} ist nicht Veranstalter dieses Gewinnspiels, sponsert, unterstützt oder organisiert es nicht und ist nicht dafür verantwortlich.`
        : `${platformName(p)} is not the organiser of this contest, does not sponsor, endorse or administer it and is not responsible for it.`,
    );
  }
  if (lines.length === 0) {
    lines.push(
      de
        ? 'Die Plattformen, auf denen das Gewinnspiel stattfindet, sind nicht Veranstalter, sponsern, unterstützen oder organisieren es nicht.'
        : 'The platforms the contest runs on are not its organiser and do not sponsor, endorse or administer it.',
    );
  }
  return lines;
}

/** The rules in one language, as plain text with numbered sections (rendered as Markdown). */
export function generateRules(input: RulesInput, lang: RulesLanguage): string {
  const de = lang === 'de';
  const o = input.organiser;
  const from = formatRulesDate(input.entriesFrom, input.timeZone, lang);
  const until = formatRulesDate(input.entriesUntil, input.timeZone, lang);
  const winners = input.prizes.reduce((n, p) => n + p.quantity, 0);
  const contact = o.email ?? o.name;
  const sections: [string, string[]][] = [
    [
      de ? 'Veranstalter' : 'Organiser',
      [
        de
          ? `Veranstalter des Gewinnspiels „${input.title}“ ist:`
          : `The organiser of the contest “${input.title}” is:`,
        '',
        o.name,
        ...o.address.split('\n'),
        ...(o.email ? [o.email] : []),
      ],
    ],
    [
      de ? 'Teilnahmezeitraum' : 'Entry period',
      [
        de
          ? `Das Gewinnspiel beginnt am ${from} und endet am ${until} (Zeitzone ${input.timeZone}). Teilnahmen danach werden nicht berücksichtigt.`
          : `The contest starts on ${from} and ends on ${until} (time zone ${input.timeZone}). Entries after that are not counted.`,
      ],
    ],
    [de ? 'Teilnahme' : 'How to enter', howToEnter(input, lang)],
    [de ? 'Teilnahmeberechtigung' : 'Eligibility', eligibilityLines(input, lang)],
    [
      de ? 'Gewinne' : 'Prizes',
      [
        de
          ? `Es ${winners === 1 ? 'wird ein Gewinn' : `werden ${winners} Gewinne`} verlost:`
          : `${winners === 1 ? 'One prize is' : `${winners} prizes are`} drawn:`,
        ...prizeLines(input, lang),
        de
          ? 'Eine Barauszahlung oder ein Tausch der Gewinne ist nicht möglich. Gewinne sind nicht übertragbar.'
          : 'Prizes cannot be paid out in cash or exchanged, and are not transferable.',
      ],
    ],
    [
      de ? 'Auslosung' : 'The draw',
      [
        de
          ? `Nach dem Ende des Teilnahmezeitraums wird die Liste der Teilnahmeberechtigten festgeschrieben und ihr SHA-256-Fingerabdruck veröffentlicht, bevor gelost wird. Gelost wird mit einem dokumentierten, öffentlich nachprüfbaren Verfahren (fisher-yates-sha256-v1) aus einem geheimen Zufallswert des Veranstalters und einem erst danach festgelegten öffentlichen Wert. Neben ${winners === 1 ? 'dem Gewinner' : `den ${winners} Gewinnern`} ${input.alternatesCount === 1 ? 'wird ein Nachrücker' : `werden ${input.alternatesCount} Nachrücker`} gezogen.`
          : `When the entry period ends, the list of eligible entrants is frozen and its SHA-256 fingerprint published before the draw. The draw uses a documented, publicly verifiable method (fisher-yates-sha256-v1) combining a secret random value of the organiser with a public value fixed only afterwards. Besides the ${winners === 1 ? 'winner' : `${winners} winners`}, ${input.alternatesCount === 1 ? 'one alternate is' : `${input.alternatesCount} alternates are`} drawn.`,
        de
          ? `Jede und jeder kann die Auslosung hier nachprüfen: ${input.verificationUrl}`
          : `Anyone can verify the draw here: ${input.verificationUrl}`,
      ],
    ],
    [
      de ? 'Benachrichtigung' : 'Notification',
      [
        de
          ? 'Die Gewinner werden nach der Auslosung per Antwort auf ihren Kommentar oder per Direktnachricht auf der Plattform benachrichtigt, auf der sie teilgenommen haben, und um ihre Versandadresse gebeten. Meldet sich ein Gewinner nicht innerhalb der in der Benachrichtigung genannten Frist oder erfüllt er die Bedingungen nicht, rückt der nächste Nachrücker nach; das wird mit Grund festgehalten.'
          : 'After the draw, winners are notified by a reply to their comment or a direct message on the platform they entered on, and asked for a postal address. If a winner does not answer within the period named in the notification, or does not meet the conditions, the next alternate moves up; this is recorded with its reason.',
      ],
    ],
    [
      de ? 'Datenschutz' : 'Data protection',
      [
        de
          ? `Verantwortlich im Sinne der DSGVO ist ${o.name}. Wir verarbeiten Ihren Namen auf der Plattform, Ihren Kommentar und seinen Zeitpunkt sowie, falls Sie gewinnen, Ihre Kontakt- und Versanddaten ausschließlich zur Durchführung des Gewinnspiels: Auslosung, Benachrichtigung und Versand des Gewinns (Art. 6 Abs. 1 lit. b DSGVO).`
          : `The controller under the GDPR is ${o.name}. We process your name on the platform, your comment and its time and, if you win, your contact and delivery details only to run the contest: the draw, the notification and sending the prize (Art. 6(1)(b) GDPR).`,
        de
          ? `Die Daten der Teilnehmenden werden ${input.retentionDays} Tage nach der Auslosung gelöscht. Das Protokoll der Auslosung bleibt nur mit pseudonymisierten Kennungen erhalten, damit sie nachprüfbar bleibt. Daten werden nicht an Dritte weitergegeben, außer an ein Versandunternehmen zur Zustellung des Gewinns.`
          : `Entrants’ data is deleted ${input.retentionDays} days after the draw. The record of the draw is kept with pseudonymised identifiers only, so that it stays verifiable. Data is not passed on to third parties except to a carrier to deliver the prize.`,
        de
          ? `Sie haben das Recht auf Auskunft (Art. 15), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch (Art. 21 DSGVO) sowie auf Beschwerde bei einer Aufsichtsbehörde (Art. 77 DSGVO). Sie können Ihre Teilnahme jederzeit bis zur Auslosung zurückziehen und die Löschung Ihrer Daten verlangen: ${contact}.`
          : `You have the right of access (Art. 15), rectification (Art. 16), erasure (Art. 17), restriction of processing (Art. 18), data portability (Art. 20) and to object (Art. 21 GDPR), and to lodge a complaint with a supervisory authority (Art. 77 GDPR). You may withdraw your entry at any time before the draw and ask for your data to be deleted: ${contact}.`,
      ],
    ],
    [de ? 'Freistellung der Plattformen' : 'Platform release', releaseLines(input, lang)],
    [
      de ? 'Schlussbestimmungen' : 'Final provisions',
      [
        de
          ? `${o.name} kann das Gewinnspiel aus wichtigem Grund (etwa bei Manipulation oder technischen Störungen) vorzeitig beenden oder ändern. Es gilt das Recht der Bundesrepublik Deutschland. Sollte eine Bestimmung unwirksam sein, bleiben die übrigen wirksam.`
          : `${o.name} may end or change the contest early for good cause (such as manipulation or technical faults). German law applies. Should a provision be invalid, the others remain in force.`,
      ],
    ],
  ];
  const head = de
    ? `# Teilnahmebedingungen: ${input.title}`
    : `# Terms and conditions: ${input.title}`;
  const intro = input.description.trim() ? [input.description.trim(), ''] : [];
  const body = sections.map(
    ([heading, lines], i) => `## ${i + 1}. ${heading}\n\n${lines.join('\n')}`,
  );
  return [head, '', ...intro, body.join('\n\n')].join('\n') + '\n';
}

export function generateRulesBoth(input: RulesInput): { de: string; en: string } {
  return { de: generateRules(input, 'de'), en: generateRules(input, 'en') };
}
