import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { type Browser, type TestApp, addMember, count, setUpOwner, startTestApp } from './test-app';

let t: TestApp;
let owner: Browser;
let ws: string;
let masto: string;
let linkedin: string;
let xChannel: string;

const posts = () => `/v1/workspaces/${ws}/posts`;
const exportsPath = (file: string, query = 'from=2026-10-01&to=2026-11-01') =>
  `/v1/workspaces/${ws}/exports/${file}?${query}`;

type Created = { id: string; version: number; plannedAt: string };

async function createPost(body: Record<string, unknown>, by: Browser = owner): Promise<Created> {
  const res = await by.post(posts(), body);
  if (res.status !== 201) throw new Error(`post: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Created;
}

function csvRows(text: string, delimiter = ';'): string[][] {
  const rows: unknown = parse(text, { bom: true, delimiter });
  return rows as string[][];
}

function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

/** A cookie-less fetch with the owner's cookies, to read binary bodies. */
function ownerGet(path: string) {
  const cookies = ['postplan_session', 'postplan_csrf']
    .map((n) => `${n}=${owner.cookie(n)}`)
    .join('; ');
  return request(t.server).get(`/api${path}`).set('Cookie', cookies).buffer(true).parse(binary);
}

let berlinSecond: Created;
let tricky: Created;
let plain: Created;

beforeAll(async () => {
  t = await startTestApp();
  ({ owner, ws } = await setUpOwner(t));
  const channel = async (name: string, platform: string) =>
    (await owner.post(`/v1/workspaces/${ws}/channels`, { name, platform })).body.id as string;
  masto = await channel('Mastodon', 'mastodon');
  linkedin = await channel('LinkedIn', 'linkedin');
  xChannel = await channel('X Konto', 'x');
  // 02:30 happens twice in Berlin on 2026-10-25; this is the second one (CET, +01:00).
  berlinSecond = await createPost({
    title: 'Zeitumstellung',
    text: 'Die Uhr wird zurückgestellt.',
    plannedAt: '2026-10-25T02:30+01:00',
    variants: [{ channelId: masto }],
  });
  tricky = await createPost({
    title: 'Hack\r\nATTENDEE:evil, a; b\\c',
    text: '=HYPERLINK("http://evil")\n-2 Grad; "kalt", oder?',
    plannedAt: '2026-10-12T09:15',
    tags: ['wetter', 'herbst'],
    variants: [{ channelId: masto, text: '+49 Wetter' }, { channelId: linkedin }],
  });
  plain = await createPost({
    title: '',
    text: 'Schöne Grüße aus Köln 🌧️ — ' + 'ä'.repeat(50),
    plannedAt: '2026-10-30T18:00',
    variants: [],
  });
});
afterAll(() => t.close());

describe('CSV export', () => {
  it('streams RFC 4180 with BOM and semicolons, one row per post and channel, formulas neutralised', async () => {
    const res = await ownerGet(exportsPath('posts.csv', 'from=2026-10-01&to=2026-11-01&lang=en'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="postplan-/);
    const body = (res.body as Buffer).toString('utf8');
    expect(body.startsWith('\uFEFF')).toBe(true);
    const rows = csvRows(body);
    expect(rows[0]).toEqual([
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
      'Image URL',
      'Alt text',
    ]);
    // tricky (2 channels), berlinSecond, plain: in planned order
    expect(rows.slice(1).map((r) => [r[0], r[3]])).toEqual([
      [tricky.id, 'Mastodon'],
      [tricky.id, 'LinkedIn'],
      [berlinSecond.id, 'Mastodon'],
      [plain.id, ''],
    ]);
    const mastoRow = rows[1]!;
    expect(mastoRow[1]).toBe('2026-10-12 09:15');
    expect(mastoRow[2]).toBe('UTC+02:00');
    expect(mastoRow[7]).toBe(`'=HYPERLINK("http://evil")\n-2 Grad; "kalt", oder?`);
    expect(mastoRow[8]).toBe("'+49 Wetter");
    expect(mastoRow[9]).toBe('wetter, herbst');
    expect(mastoRow[10]).toBe('Olga Owner');
    expect(rows[3]![1]).toBe('2026-10-25 02:30');
    expect(rows[3]![2]).toBe('UTC+01:00');
    expect(body).toContain('\r\n');
  });

  it('writes commas when asked, and German headings for a German workspace', async () => {
    const res = await ownerGet(
      exportsPath('posts.csv', 'from=2026-10-01&to=2026-11-01&delimiter=comma'),
    );
    const rows = csvRows((res.body as Buffer).toString('utf8'), ',');
    expect(rows[0]![0]).toBe('Beitrags-ID');
    expect(rows[0]![1]).toBe('Geplant');
    expect(rows).toHaveLength(5);
  });

  it('applies the calendar filters', async () => {
    const res = await ownerGet(
      exportsPath('posts.csv', `from=2026-10-01&to=2026-11-01&channel=${linkedin}`),
    );
    const rows = csvRows((res.body as Buffer).toString('utf8'));
    expect(rows.slice(1).map((r) => [r[0], r[3]])).toEqual([[tricky.id, 'LinkedIn']]);
  });

  it('refuses a bad range with a code', async () => {
    const res = await owner.get(exportsPath('posts.csv', 'from=2026-11-01&to=2026-10-01'));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_DATE_RANGE');
    const missing = await owner.get(`/v1/workspaces/${ws}/exports/posts.csv`);
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('XLSX export', () => {
  it('reads back with exceljs as the posts: date cells in the workspace zone, frozen header, filter', async () => {
    const res = await ownerGet(exportsPath('posts.xlsx'));
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)[0]).toBe('Beitrags-ID');
    const first = values(2);
    expect(first[0]).toBe(tricky.id);
    expect(first[1]).toBeInstanceOf(Date);
    // Excel has no zones: the cell shows the Berlin wall clock.
    expect((first[1] as Date).toISOString()).toBe('2026-10-12T09:15:00.000Z');
    expect(first[2]).toBe('UTC+02:00');
    // The styles every cell shares: a date format for the time, a bold heading.
    expect(sheet.getRow(2).getCell(2).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(values(1).slice(-2)).toEqual(['Bild-URL', 'Alt-Text']);
    expect(first[5]).toBe('draft');
    // XML normalises CRLF to LF; everything else of the title survives.
    expect(first[6]).toBe('Hack\nATTENDEE:evil, a; b\\c');
    expect(first[7]).toBe('=HYPERLINK("http://evil")\n-2 Grad; "kalt", oder?');
    expect(sheet.rowCount).toBe(5);
    const dst = values(4);
    expect((dst[1] as Date).toISOString()).toBe('2026-10-25T02:30:00.000Z');
    expect(dst[2]).toBe('UTC+01:00');
  });
});

describe('JSON export', () => {
  it('is the API post shape', async () => {
    const res = await ownerGet(exportsPath('posts.json'));
    const body = JSON.parse((res.body as Buffer).toString('utf8'));
    expect(body.timeZone).toBe('Europe/Berlin');
    const calendar = await owner.get(`${posts()}?from=2026-10-01&to=2026-11-01`);
    // The calendar adds each post's live state (publication status, channel connection
    // alerts); the export is the post itself.
    const withoutPublications = (calendar.body.items as Record<string, unknown>[]).map(
      ({ publications: _live, channelAlerts: _alerts, ...post }) => post,
    );
    expect(body.items).toEqual(withoutPublications);
  });
});

describe('ICS export', () => {
  it('parses with ical.js into the posts, with escaping, folding and the right instants', async () => {
    const res = await ownerGet(exportsPath('posts.ics'));
    expect(res.status).toBe(200);
    const text = (res.body as Buffer).toString('utf8');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).not.toMatch(/^ATTENDEE/m);
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
    const cal = new ICAL.Component(ICAL.parse(text));
    for (const tz of cal.getAllSubcomponents('vtimezone')) {
      ICAL.TimezoneService.register(new ICAL.Timezone(tz));
    }
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual([
      `${tricky.id}@postplan`,
      `${berlinSecond.id}@postplan`,
      `${plain.id}@postplan`,
    ]);
    const [a, b, c] = events as [ICAL.Event, ICAL.Event, ICAL.Event];
    expect(a.summary).toBe(
      'Hack\r\nATTENDEE:evil, a; b\\c [Mastodon, LinkedIn]'.replace('\r\n', '\n'),
    );
    expect(a.startDate.toJSDate().toISOString()).toBe('2026-10-12T07:15:00.000Z');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20261012T091500');
    expect(text).toContain('DTSTART:20261025T013000Z');
    expect(a.sequence).toBe(tricky.version);
    expect(a.description).toContain('+49 Wetter');
    // The second 02:30 of the night the clocks go back: 01:30 UTC, not the first (00:30 UTC).
    expect(b.startDate.toJSDate().toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(c.summary.startsWith('Schöne Grüße aus Köln')).toBe(true);
    expect(c.description).toContain('ä'.repeat(50));
  });

  it('raises SEQUENCE when a post changes and keeps its UID', async () => {
    const changed = await owner.patch(
      `${posts()}/${plain.id}`,
      { text: 'Neuer Text' },
      { 'If-Match': String(plain.version) },
    );
    expect(changed.status).toBe(200);
    const text = (await ownerGet(exportsPath('posts.ics'))).body.toString('utf8') as string;
    const cal = new ICAL.Component(ICAL.parse(text));
    const event = cal
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .find((e) => e.uid === `${plain.id}@postplan`)!;
    expect(event.sequence).toBeGreaterThan(plain.version);
    plain = changed.body as Created;
  });
});

describe('print and PDF', () => {
  it('renders the week with channel, time, title, excerpt and status', async () => {
    const res = await owner.get(
      exportsPath('plan.html', 'from=2026-10-12&to=2026-10-19&view=week&lang=de'),
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'nonce-/);
    expect(res.text).toContain('KW 42');
    expect(res.text).toContain('09:15');
    expect(res.text).toContain('Mastodon, LinkedIn');
    expect(res.text).toContain('Entwurf');
    expect(res.text).toContain('Hack');
    expect(res.text).toContain('=HYPERLINK(&quot;http://evil&quot;)');
    expect(res.text).not.toContain('<script>');
  });

  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  (existsSync(chromium) ? it : it.skip)('renders a PDF with the system chromium', async () => {
    const res = await ownerGet(exportsPath('plan.pdf', 'from=2026-10-12&to=2026-10-19'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect((res.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('answers a clear code when chromium is missing', async () => {
    const other = await startTestApp({ CHROMIUM_PATH: '/nonexistent/chromium' });
    try {
      const { owner: o, ws: w } = await setUpOwner(other);
      const res = await o.get(`/v1/workspaces/${w}/exports/plan.pdf?from=2026-10-01&to=2026-11-01`);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('PDF_RENDERER_UNAVAILABLE');
    } finally {
      await other.close();
    }
  });
});

describe('calendar feeds', () => {
  it('gives each member a secret feed URL that answers 304 to its ETag, rotates and revokes', async () => {
    const none = await owner.get(`/v1/workspaces/${ws}/calendar-feed`);
    expect(none.body).toEqual({ url: null, createdAt: null });
    const created = await owner.post(`/v1/workspaces/${ws}/calendar-feed`, {});
    expect(created.status).toBe(200);
    const url = new URL(created.body.url as string);
    expect(url.pathname).toMatch(/^\/api\/v1\/feeds\/[A-Za-z0-9_-]{43}\/calendar\.ics$/);
    // The member can see the same address again.
    const shownAgain = (await owner.get(`/v1/workspaces/${ws}/calendar-feed`)).body.url as string;
    expect(new URL(shownAgain).pathname).toBe(url.pathname);

    const first = await request(t.server).get(url.pathname);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/text\/calendar/);
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await request(t.server).get(url.pathname).set('If-None-Match', etag);
    expect(again.status).toBe(304);

    await createPost({ text: 'Neu im Feed', plannedAt: '2026-12-24T10:00' });
    const changed = await request(t.server).get(url.pathname).set('If-None-Match', etag);
    expect(changed.status).toBe(200);
    expect(changed.text).toContain('Neu im Feed');

    const rotated = await owner.post(`/v1/workspaces/${ws}/calendar-feed`, {});
    expect(new URL(rotated.body.url as string).pathname).not.toBe(url.pathname);
    expect((await request(t.server).get(url.pathname)).status).toBe(404);
    const rotatedPath = new URL(rotated.body.url as string).pathname;
    expect((await request(t.server).get(rotatedPath)).status).toBe(200);
    expect((await owner.delete(`/v1/workspaces/${ws}/calendar-feed`)).status).toBe(204);
    // A script's API token can neither read nor mint a feed address, which would outlive it.
    const token = (await owner.post('/v1/me/tokens', { name: 'skript', scopes: ['read', 'write'] }))
      .body.token as string;
    const byToken = await request(t.server)
      .get(`/api/v1/workspaces/${ws}/calendar-feed`)
      .set('Authorization', `Bearer ${token}`);
    expect(byToken.status).toBe(403);
    expect(byToken.body.error.code).toBe('SESSION_REQUIRED');
    const gone = await request(t.server).get(rotatedPath);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('FEED_NOT_FOUND');
  });
});

describe('share links', () => {
  let created: { id: string; url: string };

  it('lets only owners and admins create them, and validates', async () => {
    const editor = await addMember(t, owner, ws, 'editor');
    const refused = await editor.browser.post(`/v1/workspaces/${ws}/share-links`, {
      label: 'Chef',
      from: '2026-10-01',
      to: '2026-11-01',
    });
    expect(refused.status).toBe(403);
    const before = await count(t, 'share_links');
    const bad = await owner.post(`/v1/workspaces/${ws}/share-links`, {
      label: 'Chef',
      from: '2026-11-01',
      to: '2026-10-01',
    });
    expect(bad.status).toBe(400);
    expect(await count(t, 'share_links')).toBe(before);
  });

  it('shows the period and channels read-only, without comments, authors or e-mails', async () => {
    await owner.post(`${posts()}/${tricky.id}/comments`, { body: 'Intern: bitte nicht zeigen' });
    const res = await owner.post(`/v1/workspaces/${ws}/share-links`, {
      label: 'Geschäftsführung',
      from: '2026-10-01',
      to: '2026-10-20',
      channelIds: [masto],
    });
    expect(res.status).toBe(201);
    created = res.body;
    const token = new URL(created.url).pathname.split('/').pop()!;
    const visitor = request(t.server);
    const info = await visitor.get(`/api/v1/shared/${token}`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({
      label: 'Geschäftsführung',
      passwordRequired: false,
      unlocked: true,
    });
    expect(info.body.channels).toEqual([{ id: masto, name: 'Mastodon', platform: 'mastodon' }]);
    const list = await visitor.get(`/api/v1/shared/${token}/posts`);
    expect(list.status).toBe(200);
    // berlinSecond (25 Oct) is outside the period; tricky is in, with only the Mastodon text.
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([tricky.id]);
    expect(list.body.items[0].texts).toEqual([
      { channel: { id: masto, name: 'Mastodon', platform: 'mastodon' }, text: '+49 Wetter' },
    ]);
    const raw = JSON.stringify(list.body) + JSON.stringify(info.body);
    expect(raw).not.toContain('Intern');
    expect(raw).not.toContain('owner@example.com');
    expect(raw).not.toContain('authorId');
    const feed = await visitor.get(`/api/v1/shared/${token}/calendar.ics`);
    expect(feed.status).toBe(200);
    expect(feed.text).toContain(`UID:${tricky.id}@postplan`);
    expect(feed.text).not.toContain(berlinSecond.id);
    expect(feed.text).not.toContain('LinkedIn');
    expect(
      (
        await visitor
          .get(`/api/v1/shared/${token}/calendar.ics`)
          .set('If-None-Match', String(feed.headers.etag))
      ).status,
    ).toBe(304);
  });

  it('asks for the password, throttles nothing on the right one, and keys the feed', async () => {
    const res = await owner.post(`/v1/workspaces/${ws}/share-links`, {
      label: 'Aufsichtsrat',
      from: '2026-10-01',
      to: '2026-11-01',
      password: 'geheim-genug-1',
    });
    const token = new URL(res.body.url as string).pathname.split('/').pop()!;
    const agent = request.agent(t.server);
    expect((await agent.get(`/api/v1/shared/${token}/posts`)).body.error.code).toBe(
      'SHARE_LINK_PASSWORD_REQUIRED',
    );
    expect((await agent.get(`/api/v1/shared/${token}/calendar.ics`)).status).toBe(401);
    const wrong = await agent
      .post(`/api/v1/shared/${token}/unlock`)
      .send({ password: 'falsch-falsch' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('SHARE_LINK_PASSWORD_WRONG');
    const right = await agent
      .post(`/api/v1/shared/${token}/unlock`)
      .send({ password: 'geheim-genug-1' });
    expect(right.status).toBe(200);
    expect((await agent.get(`/api/v1/shared/${token}/posts`)).status).toBe(200);
    const info = await agent.get(`/api/v1/shared/${token}`);
    expect(info.body.unlocked).toBe(true);
    const feedPath = new URL(info.body.feedUrl as string);
    expect((await request(t.server).get(feedPath.pathname + feedPath.search)).status).toBe(200);
  });

  it('expires and revokes', async () => {
    const token = new URL(created.url).pathname.split('/').pop()!;
    expect((await owner.delete(`/v1/workspaces/${ws}/share-links/${created.id}`)).status).toBe(204);
    const after = await request(t.server).get(`/api/v1/shared/${token}/posts`);
    expect(after.status).toBe(404);
    expect(after.body.error.code).toBe('SHARE_LINK_NOT_FOUND');
    expect((await request(t.server).get(`/api/v1/shared/${token}/calendar.ics`)).status).toBe(404);
    const listed = await owner.get(`/v1/workspaces/${ws}/share-links`);
    expect(listed.body.items.find((l: { id: string }) => l.id === created.id)).toMatchObject({
      state: 'revoked',
      url: null,
    });

    const soon = await owner.post(`/v1/workspaces/${ws}/share-links`, {
      label: 'Kurz',
      from: '2026-10-01',
      to: '2026-11-01',
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    const soonToken = new URL(soon.body.url as string).pathname.split('/').pop()!;
    await t.db.query(
      `UPDATE share_links SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [soon.body.id],
    );
    const expired = await request(t.server).get(`/api/v1/shared/${soonToken}`);
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('SHARE_LINK_EXPIRED');
  });
});

describe('workspace isolation', () => {
  it('answers 404 for another workspace, its share links and its imports', async () => {
    const other = new (owner.constructor as new (s: TestApp['server']) => Browser)(t.server);
    await other.post('/v1/auth/login', {
      email: 'owner@example.com',
      password: 'owner-password-1',
    });
    const second = await owner.post('/v1/workspaces', {
      name: 'Zweiter Kunde',
      timeZone: 'Europe/Berlin',
      locale: 'de',
    });
    expect(second.status).toBe(201);
    const stranger = await addMember(t, owner, second.body.slug as string, 'owner');
    const res = await stranger.browser.get(exportsPath('posts.csv'));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('WORKSPACE_NOT_FOUND');
    const job = await owner.send(
      'post',
      `/v1/workspaces/${ws}/imports?name=a.csv`,
      'Text\nHallo\n',
      { 'Content-Type': 'text/csv' },
    );
    expect(job.status).toBe(201);
    const foreign = await stranger.browser.get(
      `/v1/workspaces/${second.body.slug}/imports/${job.body.id}`,
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('IMPORT_NOT_FOUND');
    const link = await owner.post(`/v1/workspaces/${ws}/share-links`, {
      label: 'x',
      from: '2026-10-01',
      to: '2026-11-01',
    });
    const revoke = await stranger.browser.delete(
      `/v1/workspaces/${second.body.slug}/share-links/${link.body.id}`,
    );
    expect(revoke.status).toBe(404);
  });
});

describe('import', () => {
  const upload = async (csv: string | Buffer, name = 'plan.csv', by: Browser = owner) =>
    by.send('post', `/v1/workspaces/${ws}/imports?name=${name}`, csv, {
      'Content-Type': name.endsWith('.xlsx')
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv',
    });

  it('refuses viewers', async () => {
    const viewer = await addMember(t, owner, ws, 'viewer');
    const res = await upload('Text\nHallo\n', 'a.csv', viewer.browser);
    expect(res.status).toBe(403);
  });

  it('round-trips: export, import, export gives the same rows but for ids', async () => {
    const csv = (await ownerGet(exportsPath('posts.csv', 'from=2026-10-01&to=2026-11-01&lang=en')))
      .body as Buffer;
    const job = await upload(csv);
    expect(job.status).toBe(201);
    const mapping = job.body.suggestedMapping;
    expect(mapping.columns).toMatchObject({
      post_id: 0,
      planned: 1,
      utc_offset: 2,
      channel: 3,
      title: 6,
      text: 7,
      channel_text: 8,
      tags: 9,
    });
    // Move the originals out of the way, so the second export shows only the imported posts.
    const before = await count(t, 'posts');
    const dry = await owner.post(`/v1/workspaces/${ws}/imports/${job.body.id}/dry-run`, mapping);
    expect(dry.status).toBe(200);
    expect(dry.body.report).toMatchObject({ ok: true, rows: 4, posts: 3, errors: 0 });
    expect(await count(t, 'posts')).toBe(before);

    await t.db.query(`UPDATE posts SET deleted_at = now() WHERE id = ANY($1::uuid[])`, [
      [tricky.id, berlinSecond.id, plain.id],
    ]);
    const run = await owner.post(`/v1/workspaces/${ws}/imports/${job.body.id}/run`, mapping);
    expect(run.status).toBe(201);
    expect(run.body.job).toMatchObject({ state: 'done', importedPosts: 3 });
    expect(await count(t, 'posts')).toBe(before + 3);
    // Each imported post starts its life like a created one: a first revision and a history.
    const imported = (
      await t.db.query(
        `SELECT id FROM posts WHERE status_reason = 'imported' AND deleted_at IS NULL`,
      )
    ).rows as { id: string }[];
    expect(imported).toHaveLength(3);
    const first = imported[0]!.id;
    const revisions = await owner.get(`/v1/workspaces/${ws}/posts/${first}/revisions`);
    expect(revisions.body.items).toEqual([expect.objectContaining({ number: 1 })]);
    const history = await owner.get(`/v1/workspaces/${ws}/posts/${first}/history`);
    expect(history.body.items).toEqual([
      expect.objectContaining({
        action: 'post.created',
        subject: { type: 'import', id: job.body.id },
      }),
    ]);

    const again = (
      await ownerGet(exportsPath('posts.csv', 'from=2026-10-01&to=2026-11-01&lang=en'))
    ).body as Buffer;
    const strip = (b: Buffer) => csvRows(b.toString('utf8')).map((r) => r.slice(1));
    expect(strip(again)).toEqual(strip(csv));
    await t.db.query(`UPDATE posts SET deleted_at = NULL WHERE id = ANY($1::uuid[])`, [
      [tricky.id, berlinSecond.id, plain.id],
    ]);
    await t.db.query(`UPDATE posts SET deleted_at = now() WHERE status_reason = 'imported'`);

    const twice = await owner.post(`/v1/workspaces/${ws}/imports/${job.body.id}/run`, mapping);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('IMPORT_ALREADY_RUN');
  });

  it('lists every problem with row and column, and one bad row imports nothing', async () => {
    const long = 'x'.repeat(300);
    const csv = [
      'Date;Time;Message;Link;Image URL;Profile',
      '2026-11-02;10:00;Guten Morgen;https://example.com/a;;Mastodon',
      '31.02.2026;10:00;Kein Tag;;;Mastodon',
      '2026-03-29;02:30;Gibt es nicht;;;Mastodon',
      '2026-10-25;02:30;Zweimal;;;Mastodon',
      '2026-11-03;09:00;Wohin?;;;Friendica',
      `2026-11-04;09:00;${long};;ftp://example.com/b.png;Twitter`,
    ].join('\r\n');
    const job = await upload(csv);
    expect(job.body.suggestedMapping.columns).toEqual({
      date: 0,
      time: 1,
      text: 2,
      link: 3,
      image_url: 4,
      channel: 5,
    });
    const before = await count(t, 'posts');
    const auditBefore = await count(t, 'audit_log');
    const dry = await owner.post(
      `/v1/workspaces/${ws}/imports/${job.body.id}/dry-run`,
      job.body.suggestedMapping,
    );
    expect(dry.status).toBe(200);
    const issues = dry.body.report.issues.map(
      (i: { row: number; column: string; code: string }) => [i.row, i.column, i.code],
    );
    expect(issues).toEqual([
      [3, 'Date', 'INVALID_DATE'],
      [4, 'Date', 'LOCAL_TIME_DOES_NOT_EXIST'],
      [5, 'Date', 'LOCAL_TIME_AMBIGUOUS'],
      [6, 'Profile', 'UNKNOWN_CHANNEL'],
      [7, 'Image URL', 'IMAGE_URL_INVALID'],
      [7, 'Message', 'TEXT_TOO_LONG'],
    ]);
    expect(dry.body.report.outcomes.map((o: { outcome: string }) => o.outcome)).toEqual([
      'create',
      'error',
      'error',
      'error',
      'error',
      'error',
    ]);
    const run = await owner.post(
      `/v1/workspaces/${ws}/imports/${job.body.id}/run`,
      job.body.suggestedMapping,
    );
    expect(run.status).toBe(422);
    expect(run.body.error.code).toBe('IMPORT_HAS_ERRORS');
    expect(await count(t, 'posts')).toBe(before);
    expect(await count(t, 'audit_log')).toBe(auditBefore);
  });

  it('reads XLSX with date cells, and refuses a file that is not one', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Plan');
    sheet.addRow(['Datum', 'Nachricht', 'Kanal']);
    sheet.addRow([new Date(Date.UTC(2026, 10, 5, 8, 30)), 'Aus Excel', 'LinkedIn']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const job = await upload(bytes, 'plan.xlsx');
    expect(job.status).toBe(201);
    expect(job.body.format).toBe('xlsx');
    const dry = await owner.post(
      `/v1/workspaces/${ws}/imports/${job.body.id}/dry-run`,
      job.body.suggestedMapping,
    );
    expect(dry.body.report.ok).toBe(true);
    expect(dry.body.report.outcomes[0].plannedAt).toBe('2026-11-05T08:30:00+01:00');
    const fake = await upload('not a workbook', 'plan.xlsx');
    expect(fake.status).toBe(422);
    expect(fake.body.error.code).toBe('IMPORT_FILE_INVALID');
  });

  it('imports 10,000 rows in one go', async () => {
    const lines = ['Date;Time;Text;Channel'];
    for (let i = 0; i < 10_000; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      lines.push(
        `2027-02-${day};${String(8 + (i % 10)).padStart(2, '0')}:00;Beitrag ${i};LinkedIn`,
      );
    }
    const job = await upload(lines.join('\n'));
    expect(job.body.totalRows).toBe(10_000);
    const before = await count(t, 'posts');
    const run = await owner.post(
      `/v1/workspaces/${ws}/imports/${job.body.id}/run`,
      job.body.suggestedMapping,
    );
    expect(run.status).toBe(201);
    expect(run.body.job.progress).toEqual({ processed: 10_000, total: 10_000 });
    expect(await count(t, 'posts')).toBe(before + 10_000);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM posts WHERE status = 'draft' AND status_reason = 'imported' AND deleted_at IS NULL`,
    );
    expect(rows[0].n).toBe(10_000);
  });

  it('refuses xchannel texts over the X limit', async () => {
    const job = await upload(`Text;Channel\n${'a'.repeat(281)};X Konto\n`);
    const dry = await owner.post(
      `/v1/workspaces/${ws}/imports/${job.body.id}/dry-run`,
      job.body.suggestedMapping,
    );
    expect(dry.body.report.issues[0]).toMatchObject({
      row: 2,
      column: 'Text',
      code: 'TEXT_TOO_LONG',
    });
    expect(xChannel).toBeTruthy();
  });
});

describe('campaigns in spreadsheets', () => {
  // Before the feed test's post of 24 December.
  const range = 'from=2026-12-01&to=2026-12-20';
  const UTM = { sources: {}, medium: 'social', campaign: 'winter', content: null, term: null };
  const names = {
    sale: 'Winter: Sale/2026 [A]',
    plan: 'Plan',
    first: 'Weihnachtsaktion für alle Kanäle 2026, Teil 1',
    second: 'Weihnachtsaktion für alle Kanäle 2026, Teil 2',
    outside: 'Nur im März',
  };
  const ids: Record<keyof typeof names, string> = {
    sale: '',
    plan: '',
    first: '',
    second: '',
    outside: '',
  };
  let originals: string[] = [];

  const upload = async (body: string | Buffer, name: string) =>
    owner.send('post', `/v1/workspaces/${ws}/imports?name=${name}`, body, {
      'Content-Type': name.endsWith('.xlsx')
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv',
    });

  async function workbook(): Promise<ExcelJS.Workbook> {
    const res = await ownerGet(exportsPath('posts.xlsx', range));
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as ArrayBuffer);
    return book;
  }

  /** A sheet's rows as text (dates as ISO), the header first. */
  const table = (sheet: ExcelJS.Worksheet) => {
    const rows: string[][] = [];
    for (let n = 1; n <= sheet.rowCount; n++) {
      rows.push(
        (sheet.getRow(n).values as (string | number | Date | null | undefined)[])
          .slice(1)
          .map((v) => (v instanceof Date ? v.toISOString() : String(v ?? ''))),
      );
    }
    return rows;
  };

  beforeAll(async () => {
    for (const key of Object.keys(names) as (keyof typeof names)[]) {
      const res = await owner.post(`/v1/workspaces/${ws}/campaigns`, {
        name: names[key],
        startsOn: key === 'outside' ? '2027-03-01' : '2026-12-01',
        endsOn: key === 'outside' ? '2027-03-31' : '2026-12-31',
        utm: key === 'sale' ? UTM : null,
      });
      expect(res.status).toBe(201);
      ids[key] = res.body.id as string;
    }
    const made = [
      {
        campaignId: ids.sale,
        day: '03',
        text: 'Jetzt im Shop: https://shop.example/winter',
        variants: [{ channelId: masto }, { channelId: linkedin }],
      },
      { campaignId: null, day: '04', text: 'Ohne Kampagne', variants: [{ channelId: masto }] },
      { campaignId: ids.plan, day: '05', text: 'Heißt wie das Blatt', variants: [] },
      { campaignId: ids.second, day: '06', text: 'Teil zwei', variants: [{ channelId: linkedin }] },
      { campaignId: ids.first, day: '07', text: 'Teil eins', variants: [{ channelId: masto }] },
      {
        campaignId: ids.sale,
        day: '08',
        text: 'Letzte Chance',
        variants: [{ channelId: linkedin, text: 'Nur hier' }],
      },
    ];
    originals = [];
    for (const m of made) {
      const p = await createPost({
        title: `Dezember ${m.day}`,
        text: m.text,
        plannedAt: `2026-12-${m.day}T10:00`,
        variants: m.variants,
        campaignId: m.campaignId,
      });
      originals.push(p.id);
    }
    await createPost({ text: 'Im März', plannedAt: '2027-03-02T10:00', campaignId: ids.outside });
  });

  it('adds a sheet per campaign of the selection with exactly its rows, names made valid and unique', async () => {
    const book = await workbook();
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Plan',
      'Plan (2)',
      'Weihnachtsaktion für alle Kanäl',
      'Weihnachtsaktion für alle K (2)',
      'Winter Sale 2026 A',
    ]);
    const plan = table(book.worksheets[0]!);
    expect(plan).toHaveLength(1 + 7);
    const campaignColumn = plan[0]!.indexOf('Kampagne');
    const bySheet = [names.plan, names.first, names.second, names.sale];
    for (const [i, name] of bySheet.entries()) {
      const sheet = book.worksheets[i + 1]!;
      // The same table as the plan's, only the campaign's rows, in the plan's order.
      expect(table(sheet)).toEqual([
        plan[0],
        ...plan.slice(1).filter((r) => r[campaignColumn] === name),
      ]);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.getRow(2).getCell(2).value).toBeInstanceOf(Date);
      expect(sheet.getRow(2).getCell(2).numFmt).toBe('yyyy-mm-dd hh:mm');
    }
    // The sale's two posts: three rows (one post on two channels), Berlin's wall clock.
    const sale = table(book.worksheets[4]!);
    expect(sale.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([
      [originals[0], '2026-12-03T10:00:00.000Z', 'Mastodon'],
      [originals[0], '2026-12-03T10:00:00.000Z', 'LinkedIn'],
      [originals[5], '2026-12-08T10:00:00.000Z', 'LinkedIn'],
    ]);

    // A filter for one campaign: the plan and that campaign's sheet.
    const only = await ownerGet(exportsPath('posts.xlsx', `${range}&campaign=${ids.first}`));
    const one = new ExcelJS.Workbook();
    await one.xlsx.load(only.body as ArrayBuffer);
    expect(one.worksheets.map((w) => w.name)).toEqual(['Plan', 'Weihnachtsaktion für alle Kanäl']);
    expect(table(one.worksheets[1]!)).toEqual(table(one.worksheets[0]!));
  });

  it('imports the campaign column: round trip of every sheet, and the hash of the tagged links', async () => {
    const res = await ownerGet(exportsPath('posts.xlsx', range));
    const before = new ExcelJS.Workbook();
    await before.xlsx.load(res.body as ArrayBuffer);
    const job = await upload(res.body as Buffer, 'plan.xlsx');
    expect(job.status).toBe(201);
    const mapping = job.body.suggestedMapping;
    expect(mapping.columns.campaign).toBe(11);
    await t.db.query(`UPDATE posts SET deleted_at = now() WHERE id = ANY($1::uuid[])`, [originals]);
    try {
      const run = await owner.post(`/v1/workspaces/${ws}/imports/${job.body.id}/run`, mapping);
      expect(run.status).toBe(201);
      expect(run.body.job).toMatchObject({ state: 'done', importedPosts: 6 });
      const { rows } = await t.db.query(
        `SELECT p.text, p.campaign_id, p.content_hash FROM posts p
          WHERE p.status_reason = 'imported' AND p.deleted_at IS NULL
            AND p.planned_at >= '2026-12-01' AND p.planned_at < '2026-12-20'
          ORDER BY p.planned_at`,
      );
      expect(rows.map((r: { campaign_id: string | null }) => r.campaign_id)).toEqual([
        ids.sale,
        null,
        ids.plan,
        ids.second,
        ids.first,
        ids.sale,
      ]);

      const after = await workbook();
      const withoutIds = (book: ExcelJS.Workbook) =>
        book.worksheets.map((w) => ({ name: w.name, rows: table(w).map((r) => r.slice(1)) }));
      expect(withoutIds(after)).toEqual(withoutIds(before));

      // Tagged like a post saved into the campaign: the same content hash as one made by hand,
      // and not the hash it would have outside the campaign.
      const same = {
        title: 'Dezember 03',
        text: 'Jetzt im Shop: https://shop.example/winter',
        plannedAt: '2026-12-03T10:00',
        variants: [{ channelId: masto }, { channelId: linkedin }],
      };
      const inCampaign = await createPost({ ...same, campaignId: ids.sale });
      const outside = await createPost(same);
      const hashes = await t.db.query(
        `SELECT id, content_hash FROM posts WHERE id = ANY($1::uuid[])`,
        [[inCampaign.id, outside.id]],
      );
      const hashOf = (id: string) =>
        hashes.rows.find((r: { id: string }) => r.id === id).content_hash as string;
      expect(rows[0].content_hash).toBe(hashOf(inCampaign.id));
      expect(rows[0].content_hash).not.toBe(hashOf(outside.id));
      await t.db.query(`UPDATE posts SET deleted_at = now() WHERE id = ANY($1::uuid[])`, [
        [inCampaign.id, outside.id],
      ]);
    } finally {
      await t.db.query(
        `UPDATE posts SET deleted_at = now() WHERE status_reason = 'imported' AND planned_at >= '2026-12-01' AND planned_at < '2027-01-01'`,
      );
      await t.db.query(`UPDATE posts SET deleted_at = NULL WHERE id = ANY($1::uuid[])`, [
        originals,
      ]);
    }
  });

  it('refuses a campaign the workspace does not have, with row and column, and imports nothing', async () => {
    const csv = [
      'Geplant;Text;Kampagne',
      `2026-12-10 10:00;Bekannt;  winter: SALE/2026 [a] `,
      '2026-12-11 10:00;Unbekannt;Frühling',
      '2026-12-12 10:00;Ohne;',
    ].join('\r\n');
    const job = await upload(csv, 'kampagnen.csv');
    expect(job.body.suggestedMapping.columns).toEqual({ planned: 0, text: 1, campaign: 2 });
    const before = await count(t, 'posts');
    const dry = await owner.post(
      `/v1/workspaces/${ws}/imports/${job.body.id}/dry-run`,
      job.body.suggestedMapping,
    );
    expect(dry.status).toBe(200);
    expect(
      dry.body.report.issues.map((i: { row: number; column: string; code: string }) => [
        i.row,
        i.column,
        i.code,
      ]),
    ).toEqual([[3, 'Kampagne', 'UNKNOWN_CAMPAIGN']]);
    expect(dry.body.report.outcomes.map((o: { outcome: string }) => o.outcome)).toEqual([
      'create',
      'error',
      'create',
    ]);
    const run = await owner.post(
      `/v1/workspaces/${ws}/imports/${job.body.id}/run`,
      job.body.suggestedMapping,
    );
    expect(run.status).toBe(422);
    expect(run.body.error.code).toBe('IMPORT_HAS_ERRORS');
    expect(run.body.error.details.issues[0]).toMatchObject({
      row: 3,
      column: 'Kampagne',
      code: 'UNKNOWN_CAMPAIGN',
    });
    expect(await count(t, 'posts')).toBe(before);
  });
});

describe('OpenAPI document', () => {
  it('describes every export, feed, share-link and import endpoint', async () => {
    const doc = await request(t.server).get('/api/docs/openapi.json');
    const paths = Object.keys((doc.body as { paths: Record<string, unknown> }).paths);
    for (const path of [
      '/api/v1/workspaces/{ws}/exports/posts.csv',
      '/api/v1/workspaces/{ws}/exports/posts.xlsx',
      '/api/v1/workspaces/{ws}/exports/posts.json',
      '/api/v1/workspaces/{ws}/exports/posts.ics',
      '/api/v1/workspaces/{ws}/exports/plan.html',
      '/api/v1/workspaces/{ws}/exports/plan.pdf',
      '/api/v1/workspaces/{ws}/calendar-feed',
      '/api/v1/feeds/{token}/calendar.ics',
      '/api/v1/workspaces/{ws}/share-links',
      '/api/v1/shared/{token}/posts',
      '/api/v1/shared/{token}/calendar.ics',
      '/api/v1/workspaces/{ws}/imports',
      '/api/v1/workspaces/{ws}/imports/{id}/dry-run',
      '/api/v1/workspaces/{ws}/imports/{id}/run',
    ]) {
      expect(paths).toContain(path);
    }
  });
});
