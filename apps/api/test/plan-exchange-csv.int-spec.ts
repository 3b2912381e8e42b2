import { Writable } from 'node:stream';
import { ExportRepository } from '../src/modules/plan-exchange/export.repository';
import { ExportService } from '../src/modules/plan-exchange/export.service';
import { csvLine, csvRow, headings } from '../src/modules/plan-exchange/spreadsheet-format';
import { type WorkspaceWithRole } from '../src/modules/workspaces/workspaces.repository';
import { type TestApp, setUpOwner, startTestApp } from './test-app';

/**
 * PostgreSQL writes the CSV lines (buildCsvQuery); the JS formatter (csvRow) is the reference.
 * Both must give the same bytes on the rows that are easy to get wrong.
 */

let t: TestApp;
let ws: WorkspaceWithRole;
let service: ExportService;
let repo: ExportRepository;

const DANGEROUS = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', "'"];

const CELLS = [
  '',
  'plain',
  'er sagte "hallo"',
  '"',
  'a;b',
  'a,b',
  'zwei\nZeilen',
  'CR\rallein',
  'CRLF\r\nZeilen',
  'Schöne Grüße aus Köln, äöüß ÄÖÜ',
  'Regen 🌧️ und 👩‍👩‍👧 — „Zitat“',
  'Hallo =1 mitten drin',
  '=\'quote\' ; "both", all\r\n',
  ...DANGEROUS.flatMap((c) => [`${c}SUM(A1:A2)`, `${c}`, `${c}"x";y`, `${c}${c}`]),
];

/** Instants around both DST changes in Berlin and New York, with seconds and microseconds. */
const INSTANTS = [
  '2026-03-29 00:59:59+00',
  '2026-03-29 01:00:00+00',
  '2026-10-25 00:30:00+00', // Berlin: the first 02:30
  '2026-10-25 01:30:00+00', // Berlin: the second 02:30
  '2026-10-25 01:30:07+00',
  '2026-10-25 01:59:59.999999+00',
  '2026-11-01 05:30:00+00', // New York: the first 01:30
  '2026-11-01 06:30:00+00', // New York: the second 01:30
  '2026-12-31 23:00:00.5+00',
  '2027-06-15 12:00:00.000001+00',
];

beforeAll(async () => {
  t = await startTestApp();
  const { ws: slug } = await setUpOwner(t);
  service = t.app.get(ExportService);
  repo = t.app.get(ExportRepository);
  const { rows } = await t.db.query<{ id: string; user_id: string }>(
    `SELECT w.id, m.user_id FROM workspaces w JOIN memberships m ON m.workspace_id = w.id WHERE w.slug = $1`,
    [slug],
  );
  const { id, user_id: userId } = rows[0]!;
  await t.db.query(`UPDATE users SET name = $2 WHERE id = $1`, [userId, '=Olga; "O", Owner']);
  const channels: string[] = [];
  for (const [i, name] of ['-Kanal; "eins"', 'Kanal 🌧️', '@zwei,drei'].entries()) {
    const res = await t.db.query<{ id: string }>(
      `INSERT INTO channels (workspace_id, name, platform, color) VALUES ($1, $2, $3, '#336699') RETURNING id`,
      [id, name, ['mastodon', 'x', 'linkedin'][i]],
    );
    channels.push(res.rows[0]!.id);
  }
  // Every cell value as title, text, channel text and tag, spread over the instants; some posts
  // without channels, some with one, some with all three.
  for (const [i, cell] of CELLS.entries()) {
    const other = CELLS[(i * 7 + 3) % CELLS.length]!;
    const post = await t.db.query<{ id: string }>(
      `INSERT INTO posts (workspace_id, status, title, text, planned_at, tags, author_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        id,
        i % 3 === 0 ? 'idea' : 'draft',
        cell,
        other,
        INSTANTS[i % INSTANTS.length],
        i % 4 === 0 ? [] : [cell, 'zwei'].slice(0, 1 + (i % 2)),
        userId,
      ],
    );
    const n = i % 3;
    for (let c = 0; c < (n === 2 ? 3 : n); c++) {
      await t.db.query(
        `INSERT INTO post_variants (post_id, channel_id, position, text) VALUES ($1, $2, $3, $4)`,
        [
          post.rows[0]!.id,
          channels[(i + c) % 3],
          c,
          c === 0 ? null : CELLS[(i + c) % CELLS.length],
        ],
      );
    }
  }
  ws = {
    ...(await t.db.query(`SELECT * FROM workspaces WHERE id = $1`, [id])).rows[0],
    id,
    locale: 'de',
    role: 'owner',
  } as WorkspaceWithRole;
});
afterAll(() => t.close());

async function exported(zone: string, delimiter: 'semicolon' | 'comma'): Promise<Buffer> {
  const parts: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      parts.push(Buffer.from(chunk));
      cb();
    },
  });
  await service.csv(
    { ...ws, timeZone: zone },
    { from: '2026-01-01', to: '2028-01-01', delimiter },
    out,
  );
  return Buffer.concat(parts);
}

/** What the JS formatter writes from the same rows. */
async function reference(zone: string, delimiter: ';' | ','): Promise<Buffer> {
  const s = service.selection({ ...ws, timeZone: zone }, { from: '2026-01-01', to: '2028-01-01' });
  let text = '\uFEFF' + csvLine(headings('de'), delimiter);
  for await (const batch of repo.rows(s)) {
    for (const r of batch) text += csvRow(r, zone, delimiter);
  }
  return Buffer.from(text, 'utf8');
}

describe('CSV lines written by PostgreSQL', () => {
  it.each([
    ['Europe/Berlin', 'semicolon', ';'],
    ['Europe/Berlin', 'comma', ','],
    ['America/New_York', 'semicolon', ';'],
    ['Asia/Kolkata', 'comma', ','],
    ['America/St_Johns', 'semicolon', ';'],
    ['Pacific/Chatham', 'semicolon', ';'],
    ['UTC', 'comma', ','],
  ] as const)('equal the JS formatter byte for byte in %s with %s', async (zone, name, d) => {
    const [got, want] = await Promise.all([exported(zone, name), reference(zone, d)]);
    // One row per post and channel, every tricky cell present: the comparison is not vacuous.
    expect(want.toString('utf8').split('\r\n').length).toBeGreaterThan(CELLS.length);
    expect(got.toString('utf8')).toBe(want.toString('utf8'));
    expect(got.equals(want)).toBe(true);
  });

  it('neutralises every dangerous first character and quotes what needs it', async () => {
    const text = (await exported('Europe/Berlin', 'semicolon')).toString('utf8');
    for (const c of DANGEROUS) {
      expect(text).toContain(`'${c}SUM(A1:A2)`);
      expect(text).not.toContain(`;${c}SUM(A1:A2)`);
      expect(text).not.toContain(`;"${c}SUM(A1:A2)`);
    }
    // The author's cell, then the (empty) campaign's, image URLs' and alt texts'.
    expect(text).toContain(`;"'=Olga; ""O"", Owner";;;\r\n`);
    expect(text).toContain(`;"'-Kanal; ""eins"""`);
    expect(text).toContain('2026-10-25 02:30;UTC+01:00;');
    expect(text).toContain('2026-10-25 02:30;UTC+02:00;');
    expect(text).toContain('2026-10-25 02:30:07;UTC+01:00;');
  });
});
