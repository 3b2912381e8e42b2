import { describe, expect, it } from '@jest/globals';
import { type MentionableMember, mentionedUserIds, parseMentions } from './mention-parser.util';

const members: MentionableMember[] = [
  { userId: 'u-jana', name: 'Jana Müller', handle: 'jana.mueller' },
  { userId: 'u-joerg', name: 'Jörg Weiß' },
  { userId: 'u-tom1', name: 'Tom Becker' },
  { userId: 'u-tom2', name: 'Tom Schulz' },
  { userId: 'u-ines', name: 'Ines' },
];

const found = (text: string) =>
  parseMentions(text, members).mentions.map((m) => [m.userId, m.text]);

describe('parseMentions', () => {
  it('finds full names with spaces and umlauts, and reports their range', () => {
    const text = 'Bitte @Jana Müller prüfen.';
    expect(parseMentions(text, members).mentions).toEqual([
      { userId: 'u-jana', start: 6, end: 18, text: '@Jana Müller' },
    ]);
  });

  it('finds a unique first name, in any case', () => {
    expect(found('@jana kannst du?')).toEqual([['u-jana', '@jana']]);
    expect(found('@JÖRG schau mal')).toEqual([['u-joerg', '@JÖRG']]);
  });

  it('finds handles and single-word names', () => {
    expect(found('cc @jana.mueller und @Ines.')).toEqual([
      ['u-jana', '@jana.mueller'],
      ['u-ines', '@Ines'],
    ]);
  });

  it('reports a shared first name as ambiguous, but resolves the full name', () => {
    const result = parseMentions('@Tom oder @Tom Schulz?', members);
    expect(result.ambiguous).toEqual([
      { start: 0, end: 4, text: '@Tom', candidateIds: ['u-tom1', 'u-tom2'] },
    ]);
    expect(result.mentions).toEqual([
      { userId: 'u-tom2', start: 10, end: 21, text: '@Tom Schulz' },
    ]);
  });

  it('matches decomposed umlauts and reports ranges in the original text', () => {
    const text = 'Hallo @Jo\u0308rg Wei\u00df!';
    const [mention] = parseMentions(text, members).mentions;
    expect(mention?.userId).toBe('u-joerg');
    expect(text.slice(mention!.start, mention!.end)).toBe('@Jo\u0308rg Wei\u00df');
  });

  it('accepts a no-break space or double space inside a name', () => {
    expect(found('@Jana\u00a0Müller und @Jana  Müller')).toEqual([
      ['u-jana', '@Jana\u00a0Müller'],
      ['u-jana', '@Jana  Müller'],
    ]);
  });

  it('ignores e-mail addresses, unknown names and name prefixes of longer words', () => {
    expect(found('Schreib an jana@firma.de')).toEqual([]);
    expect(found('@Janine hat Zeit')).toEqual([]);
    expect(found('@Janas Entwurf')).toEqual([]);
  });

  it('falls back to the first name when the full name runs into a longer word', () => {
    expect(found('@Jana Müllers Entwurf')).toEqual([['u-jana', '@Jana']]);
  });

  it('lists each mentioned person once for notifications', () => {
    expect(mentionedUserIds(parseMentions('@Jana, @jana und @Ines', members))).toEqual([
      'u-jana',
      'u-ines',
    ]);
  });
});
