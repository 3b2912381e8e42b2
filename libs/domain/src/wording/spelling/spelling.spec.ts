import { checkWording } from '../check-wording';
import { fixesOf } from '../core/types';
import { splitCompound } from './compounds';
import { isCloseToName } from './spelling-context';
import { nodeSpellCheckers } from './node-dictionaries';

// The real Hunspell dictionaries: what users get. Loading takes about a second, once per file.
const spellChecker = nodeSpellCheckers();

const misspelt = (text: string, options: { wordList?: string[]; language?: 'de' | 'en' } = {}) =>
  checkWording({
    text,
    platform: 'linkedin',
    language: options.language ?? 'de',
    spellChecker,
    workspace: { wordList: options.wordList ?? [] },
  })
    .findings.filter((f) => f.rule === 'spelling.unknown-word')
    .map((f) => text.slice(f.start, f.end));

describe('spelling', () => {
  it('flags a German typo with Hunspell suggestions as fixes', () => {
    const text = 'Wir stellen einen neuen Tich auf.';
    const result = checkWording({ text, platform: 'x', language: 'de', spellChecker });
    const finding = result.findings.find((f) => f.rule === 'spelling.unknown-word');
    expect(text.slice(finding!.start, finding!.end)).toBe('Tich');
    expect(fixesOf(finding!).map((f) => f.replacement)).toContain('Tisch');
    expect(finding!.message.de).toMatch(/^„Tich“ steht in keinem Wörterbuch. Meintest du/u);
  });

  it('flags an English typo', () => {
    expect(misspelt('We recieve your messages every day.', { language: 'en' })).toEqual([
      'recieve',
    ]);
  });

  it('accepts German compounds nspell does not list, and inflected verbs', () => {
    expect(
      misspelt('Der Weihnachtsmarkt am Wochenende mit Gewinnspiel: erhalten, entdecken, anmelden!'),
    ).toEqual([]);
    expect(splitCompound('Sommerschlussverkauf', (w) => spellChecker.de.correct(w))).toEqual([
      'Sommer',
      'schluss',
      'verkauf',
    ]);
  });

  it('accepts umlauts, ß and text typed with combining accents', () => {
    expect(misspelt('Schöne Grüße aus der Hauptstraße')).toEqual([]);
    expect(misspelt('Schöne Grüße aus der Hauptstraße'.normalize('NFD'))).toEqual([]);
  });

  it('accepts Anglicisms in German posts, gendered forms and the workspace word list', () => {
    expect(misspelt('Unsere Community liebt den Sale. Liebe Kund:innen und KundInnen!')).toEqual(
      [],
    );
    expect(misspelt('Das Frobnitz-Team grüßt', { wordList: [] })).toEqual(['Frobnitz-Team']);
    expect(misspelt('Das Frobnitz-Team grüßt', { wordList: ['frobnitz'] })).toEqual([]);
  });

  it('never checks URLs, hashtags, mentions, e-mail addresses, acronyms or CamelCase names', () => {
    expect(
      misspelt(
        'Infos: https://xqzt.de/abcdefg #xqztfest @xqztuser info@xqzt.de, die DSGVO und PostPlanner',
      ),
    ).toEqual([]);
  });

  it('flags a German noun written in lower case', () => {
    expect(misspelt('Das haus ist neu.')).toEqual(['haus']);
  });
});

describe('names and capitalised words', () => {
  const findingsFor = (text: string, extra: Partial<Parameters<typeof checkWording>[0]> = {}) =>
    checkWording({
      text,
      platform: 'linkedin',
      language: 'de',
      spellChecker,
      ...extra,
    }).findings.filter((f) => f.rule === 'spelling.unknown-word');

  it('offers no far-off one-click suggestion for a capitalised word that may be a name', () => {
    for (const [text, word, wrong] of [
      ['Wir feiern in Oberau am Samstag.', 'Oberau', 'Obfrau'],
      ['Heute moderiert Lukas den Stream.', 'Lukas', 'Ukas'],
    ] as const) {
      const finding = findingsFor(text).find((f) => text.slice(f.start, f.end) === word);
      if (!finding) continue; // the dictionary knows it: nothing to suggest
      expect(fixesOf(finding).map((f) => f.replacement)).not.toContain(wrong);
      expect(finding.message.de).not.toContain(wrong);
    }
    expect(isCloseToName('Oberau', 'Obfrau')).toBe(false);
    expect(isCloseToName('Lukas', 'Ukas')).toBe(false);
  });

  it('still suggests what a typing slip looks like', () => {
    expect(isCloseToName('Tich', 'Tisch')).toBe(true);
    expect(isCloseToName('Wochenedne', 'Wochenende')).toBe(true);
    expect(isCloseToName('Hsus', 'Haus')).toBe(true); // s is next to a
    expect(isCloseToName('Tissch', 'Tisch')).toBe(true);
  });

  it('knows the names of members, channels and brand terms', () => {
    const text = 'Kübra Yıldırımoğlu und Jördis aus Kleinoberauheim grüßen vom Knusperkorn-Stand.';
    expect(findingsFor(text).length).toBeGreaterThan(0);
    expect(
      findingsFor(text, {
        knownNames: ['Kübra Yıldırımoğlu', 'Jördis Ahlers', 'Café Kleinoberauheim'],
        workspace: {
          brandRules: [{ kind: 'preferred', term: 'Knuspi', replacement: 'Knusperkorn' }],
        },
      }).map((f) => text.slice(f.start, f.end)),
    ).toEqual([]);
  });
});

describe('hashtag CamelCase', () => {
  const camel = (text: string) =>
    checkWording({
      text,
      platform: 'instagram',
      language: 'de',
      spellChecker,
      media: [{ kind: 'image', altText: 'x' }],
    }).findings.filter((f) => f.rule === 'hashtags.camel-case');

  it('splits an all-lowercase German hashtag into known words', () => {
    const [finding] = camel('Jetzt zugreifen #sommerschlussverkauf');
    expect(finding!.fix).toMatchObject({ replacement: '#SommerSchlussVerkauf' });
  });

  it('handles umlauts and ß, and English hashtags', () => {
    expect(camel('#frühlingsgrüße')[0]!.fix).toMatchObject({ replacement: '#FrühlingsGrüße' });
    expect(camel('#summersale')[0]!.fix).toMatchObject({ replacement: '#SummerSale' });
  });

  it('says nothing when the words are not recognisable or the tag is one word or already CamelCase', () => {
    expect(camel('#xqzvbnmklop #weihnachten #SommerFest')).toEqual([]);
  });
});
