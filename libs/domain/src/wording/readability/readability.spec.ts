import { analyzeText } from '../text/text-analysis';
import { detectLanguage } from './language-detection';
import { readingEase } from './reading-ease';
import { countEnglishSyllables, countGermanSyllables } from './syllables';

describe('syllables', () => {
  it.each([
    ['Haus', 1],
    ['Kunde', 2],
    ['Aktion', 3],
    ['Theater', 3],
    ['Januar', 3],
    ['Feuer', 2],
    ['Quelle', 2],
    ['Straße', 2],
    ['heute', 2],
    ['Gewinnspiel', 3],
    ['Mitarbeitende', 5],
    ['Österreich', 3],
    ['Sommerschlussverkauf', 5],
  ])('German %s has %i', (word, count) => {
    expect(countGermanSyllables(word)).toBe(count);
  });

  it('counts a decomposed umlaut like a composed one', () => {
    expect(countGermanSyllables('Grüße'.normalize('NFD'))).toBe(countGermanSyllables('Grüße'));
  });

  it.each([
    ['the', 1],
    ['make', 1],
    ['table', 2],
    ['liked', 1],
    ['wanted', 2],
    ['created', 3],
    ['boxes', 2],
    ['beautiful', 3],
    ['people', 2],
    ['media', 3],
    ['video', 3],
    ['idea', 3],
    ['going', 2],
    ['readability', 5],
    ['question', 2],
  ])('English %s has %i', (word, count) => {
    expect(countEnglishSyllables(word)).toBe(count);
  });
});

describe('reading ease', () => {
  const score = (text: string, language: 'de' | 'en') =>
    readingEase(analyzeText(text).sentences, language)!;

  it('applies Amstad to German: short plain sentences score easy, officialese very hard', () => {
    const easy = score('Wir machen ein Fest. Du bist dabei. Es gibt Kuchen.', 'de');
    expect(easy.score).toBe(100); // 180 - 11/3 - 58.5 * 14/11 = 102, shown as the maximum
    expect(easy.band).toBe('very-easy');
    const medium = score('Unsere Kundschaft bewertet den Service regelmäßig positiv.', 'de');
    expect(medium).toMatchObject({ words: 7, syllables: 19, sentences: 1 });
    expect(medium.score).toBeCloseTo(180 - 7 - 58.5 * (19 / 7), 1);
    const hard = score(
      'Die Inanspruchnahme der Kundenzufriedenheitsbefragungsergebnisse erfordert eine vorherige Genehmigung durch die Geschäftsführungsabteilung.',
      'de',
    );
    expect(hard.score).toBe(0);
    expect(hard.band).toBe('very-difficult');
  });

  it('applies Flesch to English', () => {
    const r = score('We planned a long walk through the quiet forest yesterday.', 'en');
    expect(r).toMatchObject({ words: 10, sentences: 1, syllables: 14, band: 'fairly-easy' });
    expect(r.score).toBeCloseTo(206.835 - 1.015 * 10 - 84.6 * 1.4, 1);
  });

  it('has no score for a text without words', () => {
    expect(readingEase(analyzeText('🎉 #fest https://x.de').sentences, 'de')).toBeUndefined();
  });
});

describe('language detection', () => {
  const detect = (text: string) => detectLanguage(analyzeText(text).words, 'de');

  it('recognises German and English posts confidently', () => {
    expect(detect('Wir freuen uns auf euch und die neue Saison im Park!')).toMatchObject({
      language: 'de',
      confident: true,
    });
    expect(detect('We are so excited to see you at the new season in the park!')).toMatchObject({
      language: 'en',
      confident: true,
    });
  });

  it('is not confident about two words or hashtags only', () => {
    expect(detect('Sale! #summer').confident).toBe(false);
    expect(detect('').language).toBe('de');
  });
});
