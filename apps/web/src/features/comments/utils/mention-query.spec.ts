import { describe, expect, it } from '@jest/globals';
import { insertMention, matchMembers, mentionQueryAt } from './mention-query';

const members = [
  { userId: 'a', name: 'Jana Müller', email: 'jana@agentur.de' },
  { userId: 'b', name: 'Ben Autor', email: 'ben@agentur.de' },
  { userId: 'c', name: 'Anja Janssen', email: 'anja@agentur.de' },
];

describe('mentionQueryAt', () => {
  it('finds the mention being typed, with spaces for full names', () => {
    expect(mentionQueryAt('Hallo @Ja', 9)).toEqual({ start: 6, end: 9, query: 'Ja' });
    expect(mentionQueryAt('@Jana Mü', 8)).toEqual({ start: 0, end: 8, query: 'Jana Mü' });
    expect(mentionQueryAt('Hallo @', 7)).toEqual({ start: 6, end: 7, query: '' });
  });

  it('ignores e-mail addresses, finished lines and text without @', () => {
    expect(mentionQueryAt('jana@agentur', 12)).toBeNull();
    expect(mentionQueryAt('@Jana\nweiter', 12)).toBeNull();
    expect(mentionQueryAt('@Jana  und', 10)).toBeNull();
    expect(mentionQueryAt('Kein Erwähnen', 5)).toBeNull();
  });
});

describe('matchMembers', () => {
  it('matches the start of any name part or the e-mail, ignoring case and accents', () => {
    expect(matchMembers(members, 'ja').map((m) => m.userId)).toEqual(['a', 'c']);
    expect(matchMembers(members, 'mul').map((m) => m.userId)).toEqual(['a']);
    expect(matchMembers(members, 'ben@').map((m) => m.userId)).toEqual(['b']);
    expect(matchMembers(members, '')).toHaveLength(3);
    expect(matchMembers(members, 'xyz')).toEqual([]);
  });
});

describe('insertMention', () => {
  it('puts the full name in place of the query and the caret after it', () => {
    const text = 'Hallo @Ja bitte';
    const result = insertMention(text, { start: 6, end: 9, query: 'Ja' }, 'Jana Müller');
    expect(result).toEqual({ text: 'Hallo @Jana Müller bitte', caret: 19 });
  });
});
