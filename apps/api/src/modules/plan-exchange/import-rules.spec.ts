import { type ImportTable } from './import-file';
import {
  imageUrlProblem,
  parseLocalDateTime,
  parseOffset,
  resolveImportTime,
  suggestMapping,
  validateImport,
} from './import-rules';

const channels = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Mastodon',
    platform: 'mastodon' as const,
    character_limit: null,
  },
  {
    id: '00000000-0000-4000-8000-000000000002',
    name: 'X Konto',
    platform: 'x' as const,
    character_limit: null,
  },
];
const berlin = 'Europe/Berlin';
const local = (y: number, mo: number, d: number, h: number, mi: number) => ({
  year: y,
  month: mo,
  day: d,
  hour: h,
  minute: mi,
  second: 0,
});

describe('import times', () => {
  it('reads the second 02:30 of 2026-10-25 with its offset as 01:30 UTC', () => {
    const r = resolveImportTime(local(2026, 10, 25, 2, 30), parseOffset('UTC+01:00'), berlin);
    expect(r).toEqual({ instant: new Date('2026-10-25T01:30:00Z') });
  });

  it('asks for an offset when the time happens twice, and rejects one the clocks skip', () => {
    expect(resolveImportTime(local(2026, 10, 25, 2, 30), null, berlin)).toMatchObject({
      code: 'LOCAL_TIME_AMBIGUOUS',
    });
    expect(resolveImportTime(local(2026, 3, 29, 2, 30), null, berlin)).toMatchObject({
      code: 'LOCAL_TIME_DOES_NOT_EXIST',
    });
    expect(resolveImportTime(local(2026, 2, 31, 10, 0), null, berlin)).toMatchObject({
      code: 'INVALID_DATE',
    });
  });

  it('reads the formats people and schedulers write', () => {
    expect(parseLocalDateTime('2026-10-25 02:30', 'dmy')?.local).toMatchObject(
      local(2026, 10, 25, 2, 30),
    );
    expect(parseLocalDateTime('25.10.2026 14:05', 'dmy')?.local).toMatchObject(
      local(2026, 10, 25, 14, 5),
    );
    expect(parseLocalDateTime('03/04/2026 2:30 PM', 'mdy')?.local).toMatchObject(
      local(2026, 3, 4, 14, 30),
    );
    expect(parseLocalDateTime('03/04/2026 09:00', 'dmy')?.local).toMatchObject(
      local(2026, 4, 3, 9, 0),
    );
    expect(parseLocalDateTime('2026-10-25T02:30+01:00', 'dmy')?.offset).toBe('+01:00');
    expect(parseLocalDateTime('morgen', 'dmy')).toBeNull();
    expect(parseOffset('+0530')).toBe(330);
    expect(parseOffset('Z')).toBe(0);
    expect(parseOffset('UTC+25:00')).toBeNull();
  });
});

describe('mapping and validation', () => {
  it('recognises the export columns and common bulk formats', () => {
    expect(
      suggestMapping([
        'Post ID',
        'Planned',
        'UTC offset',
        'Channel',
        'Platform',
        'Status',
        'Title',
        'Text',
        'Channel text',
        'Tags',
        'Author',
        'Campaign',
      ]).columns,
    ).toEqual({
      post_id: 0,
      planned: 1,
      utc_offset: 2,
      channel: 3,
      status: 5,
      title: 6,
      text: 7,
      channel_text: 8,
      tags: 9,
      campaign: 11,
    });
    expect(suggestMapping(['Text', 'Kampagne']).columns).toEqual({ text: 0, campaign: 1 });
    expect(
      suggestMapping(['Date', 'Time', 'Message', 'Link', 'Image URL', 'Profile']).columns,
    ).toEqual({
      date: 0,
      time: 1,
      text: 2,
      link: 3,
      image_url: 4,
      channel: 5,
    });
  });

  it('counts length per platform and groups rows of one post', () => {
    const table: ImportTable = {
      headers: ['Post ID', 'Planned', 'Text', 'Channel'],
      rows: [
        { line: 2, cells: ['p1', '2026-11-01 10:00', 'a'.repeat(300), 'Mastodon'] },
        { line: 3, cells: ['p1', '2026-11-01 10:00', 'a'.repeat(300), 'X Konto'] },
      ],
    };
    const { report, drafts } = validateImport(
      table,
      suggestMapping(table.headers),
      channels,
      berlin,
    );
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.variants.map((v) => v.channelId)).toEqual([channels[0]!.id, channels[1]!.id]);
    expect(report.issues).toEqual([
      expect.objectContaining({ row: 3, column: 'Text', code: 'TEXT_TOO_LONG' }),
    ]);
  });
});

describe('campaign column', () => {
  const campaigns = [
    { id: '7d0c1c1e-0000-4000-8000-000000000001', name: 'Sommerkiste' },
    { id: '7d0c1c1e-0000-4000-8000-000000000002', name: 'Herbst' },
    { id: '7d0c1c1e-0000-4000-8000-000000000003', name: 'herbst ' },
  ];
  const table: ImportTable = {
    headers: ['Post ID', 'Text', 'Kampagne'],
    rows: [
      { line: 2, cells: ['a', 'Eins', '  SOMMERKISTE '] },
      { line: 3, cells: ['a', 'Eins', ''] },
      { line: 4, cells: ['b', 'Zwei', 'Winter'] },
      { line: 5, cells: ['c', 'Drei', 'Herbst'] },
      { line: 6, cells: ['d', 'Vier', campaigns[2]!.id] },
      { line: 7, cells: ['e', 'Fünf', ''] },
    ],
  };

  it('assigns the campaign named by the first row, by name whatever the case, or by id', () => {
    const { report, drafts } = validateImport(
      table,
      suggestMapping(table.headers),
      [],
      berlin,
      campaigns,
    );
    expect(drafts.map((d) => [d.key, d.campaignId])).toEqual([
      ['a', campaigns[0]!.id],
      ['b', null],
      ['c', null],
      ['d', campaigns[2]!.id],
      ['e', null],
    ]);
    // An unknown name, and a name two campaigns share: errors with row and column.
    expect(report.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [4, 'Kampagne', 'UNKNOWN_CAMPAIGN'],
      [5, 'Kampagne', 'UNKNOWN_CAMPAIGN'],
    ]);
    expect(report.issues[1]!.message).toMatch(/Several campaigns/);
    expect(report.ok).toBe(false);
  });

  it('leaves the campaign alone when the column is not mapped', () => {
    const mapping = suggestMapping(table.headers);
    delete mapping.columns.campaign;
    const { report, drafts } = validateImport(table, mapping, [], berlin, campaigns);
    expect(report.ok).toBe(true);
    expect(drafts.every((d) => d.campaignId === null)).toBe(true);
  });
});

describe('image columns', () => {
  it("recognises the export's image and alt-text columns and the schedulers' names for them", () => {
    expect(suggestMapping(['Text', 'Image URL', 'Alt text']).columns).toEqual({
      text: 0,
      image_url: 1,
      alt_text: 2,
    });
    expect(suggestMapping(['Text', 'Bild-URL', 'Alt-Text']).columns).toEqual({
      text: 0,
      image_url: 1,
      alt_text: 2,
    });
    expect(suggestMapping(['message', 'image_url', 'Bildbeschreibung']).columns).toEqual({
      text: 0,
      image_url: 1,
      alt_text: 2,
    });
    expect(suggestMapping(['Message', 'Media URL', 'Profile']).columns).toEqual({
      text: 0,
      image_url: 1,
      channel: 2,
    });
  });

  it('takes http and https URLs only, without user names or passwords', () => {
    expect(imageUrlProblem('https://cdn.example.com/a/bild.jpg')).toBeNull();
    expect(imageUrlProblem('http://example.com/bild.png?x=1')).toBeNull();
    expect(imageUrlProblem('ftp://example.com/bild.jpg')).toMatch(/https:\/\/ or http:\/\//);
    expect(imageUrlProblem('file:///etc/passwd')).toMatch(/https:\/\//);
    expect(imageUrlProblem('javascript:alert(1)')).not.toBeNull();
    expect(imageUrlProblem('https://user:secret@example.com/bild.jpg')).toMatch(/password/);
    expect(imageUrlProblem('https://user@example.com/bild.jpg')).toMatch(/user name/);
    expect(imageUrlProblem('bild.jpg')).toMatch(/not a URL/);
    expect(imageUrlProblem(`https://example.com/${'a'.repeat(2100)}`)).toMatch(/2048/);
  });

  it('reports a bad URL with its row and column, and pairs several images with their alt texts', () => {
    const table: ImportTable = {
      headers: ['Text', 'Image URL', 'Alt text'],
      rows: [
        { line: 2, cells: ['eins', 'https://user:pw@example.com/a.jpg', ''] },
        {
          line: 3,
          cells: [
            'zwei',
            'https://example.com/a.jpg\nhttps://example.com/b.png',
            'Ein Hund\nZwei Katzen',
          ],
        },
        { line: 4, cells: ['drei', 'https://example.com/c.jpg', 'Zeile eins\nZeile zwei'] },
      ],
    };
    const { report, drafts } = validateImport(table, suggestMapping(table.headers), [], berlin);
    expect(report.issues).toEqual([
      expect.objectContaining({ row: 2, column: 'Image URL', code: 'IMAGE_URL_INVALID' }),
    ]);
    expect(report.ok).toBe(false);
    expect(drafts[1]!.media.map((m) => [m.url, m.altText])).toEqual([
      ['https://example.com/a.jpg', 'Ein Hund'],
      ['https://example.com/b.png', 'Zwei Katzen'],
    ]);
    expect(drafts[2]!.media.map((m) => m.altText)).toEqual(['Zeile eins\nZeile zwei']);
  });

  it("gives a channel its own images only when its row differs from the post's first row", () => {
    const table: ImportTable = {
      headers: ['Post ID', 'Text', 'Channel', 'Image URL'],
      rows: [
        { line: 2, cells: ['p1', 'Text', 'Mastodon', 'https://example.com/a.jpg'] },
        { line: 3, cells: ['p1', 'Text', 'X Konto', 'https://example.com/b.jpg'] },
      ],
    };
    const { report, drafts } = validateImport(
      table,
      suggestMapping(table.headers),
      channels,
      berlin,
    );
    expect(report.ok).toBe(true);
    expect(drafts[0]!.media.map((m) => m.url)).toEqual(['https://example.com/a.jpg']);
    expect(drafts[0]!.variants.map((v) => v.media?.map((m) => m.url) ?? null)).toEqual([
      null,
      ['https://example.com/b.jpg'],
    ]);
  });
});
