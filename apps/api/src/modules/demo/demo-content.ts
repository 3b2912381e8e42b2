import { type Platform, type Role } from '@postplan/contracts';

/** A made-up German mineral-water brand, so a newcomer sees a living calendar at once. */
export const DEMO_WORKSPACE = {
  name: 'Bergquell Getränke',
  slug: 'bergquell',
  timeZone: 'Europe/Berlin',
  locale: 'de' as const,
  holidayCountry: 'DE',
  holidayRegion: 'BY',
};

export const DEMO_PASSWORD = 'postplan-demo';

export const DEMO_PEOPLE: { email: string; name: string; role: Role }[] = [
  { email: 'demo@postplan.example', name: 'Jana Berger', role: 'owner' },
  { email: 'lukas@postplan.example', name: 'Lukas Hofmann', role: 'editor' },
  { email: 'aylin@postplan.example', name: 'Aylin Demir', role: 'author' },
  { email: 'kunde@postplan.example', name: 'Dr. Petra Kunz', role: 'viewer' },
];

export const DEMO_CHANNELS: { name: string; platform: Platform }[] = [
  { name: 'Instagram @bergquell', platform: 'instagram' },
  { name: 'LinkedIn Bergquell GmbH', platform: 'linkedin' },
  { name: 'Facebook Bergquell', platform: 'facebook' },
  { name: 'Mastodon @bergquell@social.example', platform: 'mastodon' },
  { name: 'Bluesky bergquell.example', platform: 'bluesky' },
  { name: 'WhatsApp-Kanal', platform: 'manual' },
];

/**
 * The built-in sandbox platform, and a post that goes out to it a couple of minutes after the
 * demo starts, so a newcomer watches a post publish and can open it.
 */
export const DEMO_SANDBOX_CHANNEL = {
  name: 'Sandbox (Testplattform)',
  platform: 'sandbox' as const,
};
export const DEMO_SANDBOX_POST = {
  title: 'Willkommen in der Sandbox',
  text: 'Dieser Beitrag ist freigegeben und geht kurz nach dem Start in die Sandbox. Schaut im Kalender zu, wie er veröffentlicht wird, und öffnet dann den Link!',
  tags: ['demo'],
  minutesAfterStart: 2,
};

export const DEMO_POSTS: { title: string; text: string; tags: string[] }[] = [
  {
    title: 'Quellwasser-Fakt der Woche',
    text: 'Wusstet ihr, dass unser Wasser 12 Jahre durch den Fels wandert? Was glaubt ihr: Wie schmeckt Zeit?',
    tags: ['wissen'],
  },
  {
    title: 'Gewinnspiel: Sommerkiste',
    text: 'Wir verlosen drei Sommerkisten! Verratet uns euren Lieblingsort zum Wandern – wo füllt ihr eure Flasche auf?',
    tags: ['gewinnspiel', 'sommer'],
  },
  {
    title: 'Hinter den Kulissen: Abfüllung',
    text: 'Ein Blick in unsere Abfüllung in Oberau. Welche Frage wolltet ihr unserem Team schon immer stellen?',
    tags: ['behind-the-scenes'],
  },
  {
    title: 'Rezept: Gurken-Minz-Schorle',
    text: 'Gurke, Minze, ein Spritzer Limette und Bergquell Spritzig. Probiert es aus und zeigt uns euer Glas!',
    tags: ['rezept'],
  },
  {
    title: 'Team-Vorstellung: Lukas',
    text: 'Lukas kümmert sich um unsere Quellen. Sein Tipp für heiße Tage: früh los, viel trinken. Was ist eurer?',
    tags: ['team'],
  },
  {
    title: 'Nachhaltigkeit: Mehrweg',
    text: 'Unsere Glasflasche wird bis zu 50-mal befüllt. Wie oft bringt ihr eure Kiste zurück?',
    tags: ['nachhaltigkeit'],
  },
  {
    title: 'Umfrage: Lieblingssorte',
    text: 'Still, medium oder spritzig? Stimmt ab und erzählt uns, warum!',
    tags: ['umfrage'],
  },
  {
    title: 'Event: Quellfest',
    text: 'Am Samstag feiern wir das Quellfest in Oberau – mit Führungen und Musik. Kommt ihr vorbei?',
    tags: ['event'],
  },
  {
    title: 'Wandertipp: Quellenweg',
    text: 'Der Quellenweg führt in 2 Stunden zu drei Quellen. Wer von euch ist ihn schon gelaufen?',
    tags: ['wandern'],
  },
  {
    title: 'Stellenanzeige: Verkauf',
    text: 'Wir suchen Verstärkung im Außendienst (m/w/d). Kennt ihr jemanden, der zu uns passt?',
    tags: ['karriere'],
  },
];

export const DEMO_IDEAS: { title: string; text: string }[] = [
  {
    title: 'Idee: Quiz zur Wasserhärte',
    text: 'Ein kleines Quiz in den Stories: Wie hart ist euer Leitungswasser?',
  },
  { title: 'Idee: Kooperation mit Alpenverein', text: 'Gemeinsame Aktion zum Tag der Berge?' },
  { title: 'Idee: Kundenfragen-Freitag', text: 'Jeden Freitag beantworten wir eure Fragen live.' },
];

/**
 * A campaign running around today: two weeks behind, two ahead. Every third post in its period
 * belongs to it and links to the campaign's page, so the tagging shows in the editor's preview
 * and in what the sandbox receives.
 */
export const DEMO_CAMPAIGN = {
  name: 'Sommerkiste',
  color: '#ea580c',
  daysBefore: 14,
  daysAfter: 14,
  goal: 'Mehr Bestellungen der Sommerkiste im Webshop',
  goalTarget: 500,
  goalUnit: 'Bestellungen',
  brief:
    'Ton: sonnig, locker, draußen. Botschaft: Die Sommerkiste bringt zwölf Flaschen Quellwasser bis an den Badesee.\nImmer mit Link zum Shop; keine Preise im Text.',
  link: 'https://bergquell.example/sommerkiste',
  utm: {
    sources: { instagram: 'instagram', facebook: 'facebook', linkedin: 'linkedin' },
    medium: 'social',
    campaign: 'sommerkiste',
    content: null,
    term: null,
  },
};
