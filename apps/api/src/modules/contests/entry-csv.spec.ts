import { describe, expect, it } from '@jest/globals';
import { decodeEntriesCsv, readEntriesCsv } from './entry-csv';

const ctx = { timeZone: 'Europe/Berlin', ageOn: new Date('2026-12-24T17:00:00Z') };
const read = (text: string, encoding: BufferEncoding = 'utf8') =>
  readEntriesCsv(Buffer.from(text, encoding), ctx);

describe('reading contest entries from CSV', () => {
  it('tells UTF-8, Windows-1252 and UTF-16 apart', () => {
    expect(decodeEntriesCsv(Buffer.from('Name\nJürgen', 'utf8'))).toEqual({
      text: 'Name\nJürgen',
      encoding: 'utf-8',
    });
    expect(decodeEntriesCsv(Buffer.from('Name\nJürgen', 'latin1')).encoding).toBe('windows-1252');
    expect(decodeEntriesCsv(Buffer.from('Name\nJürgen', 'latin1')).text).toBe('Name\nJürgen');
    const be = Buffer.from('\uFEFFName', 'utf16le').swap16();
    expect(decodeEntriesCsv(be)).toEqual({ text: 'Name', encoding: 'utf-16be' });
  });

  it('reads German headings and dates as wall-clock time in the workspace zone', () => {
    const out = read(
      'Nutzername;Plattform;Kommentar;Zeitpunkt;Alter;Land\n@Anna;Instagram;Hallo;24.12.2026 18:30;17;Österreich\n',
    );
    expect(out.issues).toEqual([]);
    expect(out.entries[0]).toMatchObject({
      line: 2,
      platform: 'instagram',
      handle: '@Anna',
      enteredAt: new Date('2026-12-24T17:30:00Z'),
      age: 17,
      country: 'AT',
    });
  });

  it('names local times that do not exist or happen twice, with line and column', () => {
    const out = read(
      'handle,entered_at\nanna,29.03.2026 02:30\nbert,25.10.2026 02:30\ncarla,25.10.2026 02:30+01:00\n',
    );
    expect(out.issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [2, 'entered_at', 'LOCAL_TIME_DOES_NOT_EXIST'],
      [3, 'entered_at', 'LOCAL_TIME_AMBIGUOUS'],
    ]);
    expect(out.entries.map((e) => e.handle)).toEqual(['carla']);
  });

  it('computes the age on the last day of the period from a birth date', () => {
    const out = read(
      'handle,entered_at,birth_date\na,2026-12-01,24.12.2008\nb,2026-12-01,25.12.2008\nc,2026-12-01,31.02.x\n',
    );
    expect(out.entries.map((e) => e.age)).toEqual([18, 17]);
    expect(out.issues.map((i) => [i.line, i.code])).toEqual([[4, 'INVALID_AGE']]);
  });

  it('warns about a repeated entry id and keeps the first', () => {
    const out = read('handle,comment_id,entered_at\na,c1,2026-12-01\nb,c1,2026-12-02\n');
    expect(out.entries.map((e) => e.handle)).toEqual(['a']);
    expect(out.issues).toEqual([
      expect.objectContaining({ line: 3, code: 'DUPLICATE_ROW', severity: 'warning' }),
    ]);
  });
});
