import type { contestsEn } from './messages-contests-en';

/**
 * Die Texte der Gewinnspiele (Deutsch). Die Seiten des Teams duzen (`contests.*`), die
 * öffentlichen Seiten (Teilnahmebedingungen, Zertifikat, Prüfung) siezen (`contestPublic.*`).
 */
export const contestsDe: Record<keyof typeof contestsEn, string> = {
  'nav.contests': 'Gewinnspiele',
  'nav.campaignSections': 'Kampagnen und Gewinnspiele',

  'contests.title': 'Gewinnspiele',
  'contests.intro':
    'Gewinnspiele mit Teilnahmebedingungen, Teilnahmen und einer Auslosung, die jede:r nachprüfen kann. Ein Gewinnspiel gehört zu einer Kampagne oder steht für sich.',
  'contests.new': 'Neues Gewinnspiel',
  'contests.loading': 'Gewinnspiele werden geladen …',
  'contests.loadFailed': 'Die Gewinnspiele konnten nicht geladen werden.',
  'contests.empty': 'Noch keine Gewinnspiele.',
  'contests.untitledPost': 'Beitrag ohne Titel',
  'contests.col.title': 'Gewinnspiel',
  'contests.col.period': 'Teilnahmezeitraum',
  'contests.col.status': 'Stand',
  'contests.col.entries': 'Teilnahmen',
  'contests.entriesCount': '{count, plural, one {# Teilnahme} other {# Teilnahmen}}',
  'contests.period': '{start} bis {end}',
  'contests.readOnly': 'Nur lesen: Deine Rolle darf Gewinnspiele ansehen, aber nicht ändern.',
  'contests.back': 'Alle Gewinnspiele',
  'contests.campaign': 'Kampagne: {name}',
  'contests.status.draft': 'Entwurf',
  'contests.status.open': 'Teilnahme läuft',
  'contests.status.closed': 'Teilnahmezeitraum vorbei',
  'contests.status.frozen': 'Teilnahmen eingefroren',
  'contests.status.committed': 'Festlegung veröffentlicht',
  'contests.status.drawn': 'Ausgelost',

  'contests.tab.details': 'Angaben',
  'contests.tab.rules': 'Teilnahmebedingungen',
  'contests.tab.entries': 'Teilnahmen',
  'contests.tab.draw': 'Auslosung',
  'contests.tabs': 'Teile des Gewinnspiels',
  'contests.created': 'Gewinnspiel „{title}“ angelegt.',
  'contests.saved': 'Gewinnspiel gespeichert.',
  'contests.notFound':
    'Dieses Gewinnspiel gibt es nicht, oder es gehört zu einem anderen Arbeitsbereich.',

  'contests.form.title': 'Titel',
  'contests.form.section.prize': 'Preise und Gewinner:innen',
  'contests.form.section.period': 'Teilnahmezeitraum',
  'contests.form.section.methods': 'So nimmt man teil',
  'contests.form.section.eligibility': 'Wer teilnehmen darf',
  'contests.form.section.organiser': 'Veranstalter',
  'contests.form.prize': 'Preis {number}',
  'contests.form.addPrize': 'Preis hinzufügen',
  'contests.form.removePrize': 'Preis {number} entfernen',
  'contests.form.winners': 'Anzahl Gewinner:innen',
  'contests.form.winnersHint':
    'In dieser Reihenfolge gezogen; der erste Preis geht an die erste Gewinnerin oder den ersten Gewinner.',
  'contests.form.alternates': 'Nachrücker:innen',
  'contests.form.alternatesHint':
    'Werden mit ausgelost, der Reihe nach; sie rücken nach, wenn sich jemand nicht meldet.',
  'contests.form.zoneHint': 'Zeiten in {zone}, der Zeitzone des Arbeitsbereichs.',
  'contests.form.startDate': 'Beginn (Datum)',
  'contests.form.startTime': 'Beginn (Uhrzeit)',
  'contests.form.endDate': 'Ende (Datum)',
  'contests.form.endTime': 'Ende (Uhrzeit)',
  'contests.form.viaPosts': 'Kommentare oder Antworten auf die Gewinnspiel-Beiträge',
  'contests.form.viaPostsHint':
    'Eingesammelt von den Plattformen, deren Schnittstelle es erlaubt (Bluesky, Mastodon, Telegram, Facebook- und Instagram-Unternehmenskonten, die Sandbox).',
  'contests.form.linkedPosts': 'Verknüpfte Gewinnspiel-Beiträge',
  'contests.form.unlinkPost': '„{title}“ lösen',
  'contests.form.findPost': 'Beitrag zum Verknüpfen suchen',
  'contests.form.findPostHint': 'Titel oder Text durchsuchen (mindestens zwei Buchstaben).',
  'contests.form.noPostsFound': 'Kein Beitrag passt.',
  'contests.form.viaKeyword': 'Ein Stichwort oder Hashtag',
  'contests.form.viaKeywordHint': 'Es zählen nur Kommentare, die es enthalten.',
  'contests.form.keyword': 'Stichwort oder Hashtag',
  'contests.form.viaCsv': 'CSV-Datei mit Teilnahmen von anderswo',
  'contests.form.viaCsvHint':
    'Z. B. aus einem Formular oder Newsletter; hochgeladen im Reiter Teilnahmen.',
  'contests.form.minimumAge': 'Mindestalter',
  'contests.form.minimumAgeHint': 'Leer: kein Mindestalter.',
  'contests.form.countries': 'Länder',
  'contests.form.countriesHint': 'Zweibuchstabige Codes, z. B. DE, AT, CH. Leer: überall.',
  'contests.form.onePerPerson': 'Eine Teilnahme pro Person (Doppelte werden zusammengeführt)',
  'contests.form.excludeStaff': 'Mitarbeitende ausschließen (die Mitglieder des Arbeitsbereichs)',
  'contests.form.excludePreviousWinners': 'Gewinner:innen der letzten Gewinnspiele ausschließen',
  'contests.form.excludePreviousWinnersHint': 'Wie viele frühere Gewinnspiele; leer: keine.',
  'contests.form.requiredMentions': 'Nötige Erwähnungen',
  'contests.form.requiredMentionsHint': 'Wie viele andere Konten eine Teilnahme erwähnen muss.',
  'contests.form.organiserName': 'Veranstalter',
  'contests.form.organiserAddress': 'Anschrift',
  'contests.form.organiserEmail': 'Kontakt-E-Mail',
  'contests.form.cancel': 'Abbrechen',
  'contests.form.create': 'Gewinnspiel anlegen',
  'contests.form.save': 'Änderungen speichern',
  'contests.form.saving': 'Wird gespeichert …',
  'contests.form.fixErrors':
    '{count, plural, one {Ein Feld braucht deine Aufmerksamkeit.} other {# Felder brauchen deine Aufmerksamkeit.}}',
  'contests.form.error.title': 'Gib dem Gewinnspiel einen Titel (bis zu 200 Zeichen).',
  'contests.form.error.prizes': 'Nenne mindestens einen Preis.',
  'contests.form.error.winners': 'Gib eine ganze Zahl von 1 bis 1.000 ein.',
  'contests.form.error.alternates': 'Gib eine ganze Zahl von 0 bis 100 ein.',
  'contests.form.error.startMissing': 'Gib Datum und Uhrzeit des Beginns ein.',
  'contests.form.error.endMissing': 'Gib Datum und Uhrzeit des Endes ein.',
  'contests.form.error.timeDoesNotExist':
    'Diese Uhrzeit gibt es in {zone} nicht (die Uhren werden vorgestellt). Wähle eine andere.',
  'contests.form.error.timeAmbiguous':
    'Diese Uhrzeit gibt es in {zone} zweimal (die Uhren werden zurückgestellt). Wähle eine andere.',
  'contests.form.error.endBeforeStart': 'Das Ende muss nach dem Beginn liegen.',
  'contests.form.error.methods': 'Wähle mindestens einen Weg zur Teilnahme.',
  'contests.form.error.postIds':
    'Verknüpfe mindestens einen Gewinnspiel-Beitrag, oder nimm das Häkchen heraus.',
  'contests.form.error.keyword': 'Gib ein Stichwort oder Hashtag mit mindestens zwei Zeichen ein.',
  'contests.form.error.minimumAge': 'Gib ein Alter von 0 bis 99 ein, oder lass das Feld leer.',
  'contests.form.error.countries': 'Nutze zweibuchstabige Ländercodes wie DE, AT, CH.',
  'contests.form.error.excludePreviousWinners':
    'Gib eine Zahl von 1 bis 100 ein, oder lass das Feld leer.',
  'contests.form.error.requiredMentions': 'Gib eine Zahl von 0 bis 10 ein.',
  'contests.form.error.organiserName':
    'Nenne den Veranstalter: Die Teilnahmebedingungen brauchen ihn.',
  'contests.form.error.organiserEmail':
    'Gib eine gültige E-Mail-Adresse ein, z. B. name@example.com.',
};
