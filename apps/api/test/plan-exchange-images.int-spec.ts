import { mkdtempSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import sharp from 'sharp';
import { type Browser, type TestApp, count, setUpOwner, startTestApp } from './test-app';

/**
 * The import's image column: each image fetched from a server of its own (on loopback, so it
 * must be allow-listed like a self-hosted webhook receiver), attached as media with its alt
 * text; and every way an image can fail imports nothing and leaves no file in the media folder.
 */
let t: TestApp;
let owner: Browser;
let ws: string;
let images: Server;
let unlisted: Server;
let base: string;
let unlistedPort: number;
const dataDir = mkdtempSync(join(tmpdir(), 'postplan-import-images-'));
const fetched: string[] = [];

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

/** Every file under the media folder (files and temporary files). */
function mediaFiles(): string[] {
  const walk = (dir: string): string[] => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return [];
    }
    return entries.flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
    );
  };
  return walk(join(dataDir, 'media'));
}

beforeAll(async () => {
  const jpeg = await sharp({
    create: { width: 40, height: 30, channels: 3, background: '#3366cc' },
  })
    .jpeg()
    .toBuffer();
  images = createServer((req, res) => {
    fetched.push(req.url ?? '');
    if (req.url === '/bild.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
    } else if (req.url === '/kein-bild.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end('<html>not an image</html>');
    } else if (req.url === '/weiter.jpg') {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
    } else {
      res.writeHead(404).end('no such file');
    }
  });
  const port = await listen(images);
  base = `http://127.0.0.1:${port}`;
  unlisted = createServer((_req, res) => res.writeHead(200).end(jpeg));
  unlistedPort = await listen(unlisted);
  t = await startTestApp({
    POSTPLAN_DATA_DIR: dataDir,
    // Only the image server's port: the other loopback server stays refused.
    POSTPLAN_WEBHOOK_ALLOW: `127.0.0.1:${port}`,
  });
  ({ owner, ws } = await setUpOwner(t));
  await owner.post(`/v1/workspaces/${ws}/channels`, { name: 'Mastodon', platform: 'mastodon' });
});
afterAll(async () => {
  await t.close();
  images.close();
  unlisted.close();
});

async function importCsv(csv: string) {
  const job = await owner.send('post', `/v1/workspaces/${ws}/imports?name=plan.csv`, csv, {
    'Content-Type': 'text/csv',
  });
  expect(job.status).toBe(201);
  const mapping = job.body.suggestedMapping;
  const dry = await owner.post(`/v1/workspaces/${ws}/imports/${job.body.id}/dry-run`, mapping);
  const run = await owner.post(`/v1/workspaces/${ws}/imports/${job.body.id}/run`, mapping);
  return { job, mapping, dry, run };
}

describe('importing images', () => {
  it('fetches each image once, attaches it with its alt text, and exports it for the round trip', async () => {
    fetched.length = 0;
    const csv = [
      'Date;Time;Message;Image URL;Alt text;Profile',
      `2026-11-02;10:00;Guten Morgen;${base}/bild.jpg;Ein blaues Rechteck;Mastodon`,
      `2026-11-03;10:00;Noch einmal;${base}/bild.jpg;Wieder blau;Mastodon`,
    ].join('\r\n');
    const { job, dry, run } = await importCsv(csv);
    expect(job.body.suggestedMapping.columns).toMatchObject({ image_url: 3, alt_text: 4 });
    // The dry run fetches nothing.
    expect(dry.body.report).toMatchObject({ ok: true, errors: 0, warnings: 0 });
    expect(run.status).toBe(201);
    expect(fetched).toEqual(['/bild.jpg']);

    const posts = await owner.get(`/v1/workspaces/${ws}/posts?from=2026-11-01&to=2026-11-05`);
    const items = posts.body.items as {
      text: string;
      media: { mediaId: string; altText: string | null; mimeType: string; width: number }[];
    }[];
    expect(
      items.map((p) => [p.text, p.media.map((m) => [m.altText, m.mimeType, m.width])]),
    ).toEqual([
      ['Guten Morgen', [['Ein blaues Rechteck', 'image/jpeg', 40]]],
      ['Noch einmal', [['Wieder blau', 'image/jpeg', 40]]],
    ]);
    // One library item for the one URL, named after the file, with the first row's alt text.
    expect(items[0]!.media[0]!.mediaId).toBe(items[1]!.media[0]!.mediaId);
    const library = await owner.get(`/v1/workspaces/${ws}/media`);
    expect(library.body.items).toEqual([
      expect.objectContaining({ name: 'bild.jpg', altText: 'Ein blaues Rechteck' }),
    ]);

    // The export names the library's file; importing that file again reuses the item.
    const exported = await request(t.server)
      .get(`/api/v1/workspaces/${ws}/exports/posts.csv?from=2026-11-01&to=2026-11-05&lang=en`)
      .set('Cookie', `postplan_session=${owner.cookie('postplan_session')}`);
    const rows: string[][] = parse(exported.text, { bom: true, delimiter: ';' });
    expect(rows[0]!.slice(-2)).toEqual(['Image URL', 'Alt text']);
    const mediaUrl = rows[1]![12]!;
    expect(mediaUrl).toMatch(
      new RegExp(`/api/v1/workspaces/[0-9a-f-]{36}/media/${items[0]!.media[0]!.mediaId}/file$`),
    );
    expect(rows[1]![13]).toBe('Ein blaues Rechteck');
    const mediaBefore = await count(t, 'media');
    fetched.length = 0;
    const again = await importCsv(exported.text);
    expect(again.run.status).toBe(201);
    expect(fetched).toEqual([]);
    expect(await count(t, 'media')).toBe(mediaBefore);
  });

  it('refuses an address on this machine that is not allow-listed, and imports nothing', async () => {
    const before = { posts: await count(t, 'posts'), media: await count(t, 'media') };
    const files = mediaFiles();
    const { dry, run } = await importCsv(
      [
        'Message;Image URL',
        `Erlaubt;${base}/bild.jpg`,
        `Lokal;http://localhost:${unlistedPort}/bild.jpg`,
      ].join('\r\n'),
    );
    expect(dry.body.report.ok).toBe(true);
    expect(run.status).toBe(422);
    expect(run.body.error.code).toBe('IMAGE_FETCH_FAILED');
    expect(run.body.error.details.issues).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'Image URL',
        code: 'IMAGE_FETCH_FAILED',
        message: expect.stringMatching(/loopback/),
      }),
    ]);
    expect(await count(t, 'posts')).toBe(before.posts);
    expect(await count(t, 'media')).toBe(before.media);
    // The first image was fetched and stored before the second failed: it is gone again.
    expect(mediaFiles()).toEqual(files);
  });

  it('imports nothing when an image answers 404 or a redirect, and leaves no file behind', async () => {
    const before = { posts: await count(t, 'posts'), media: await count(t, 'media') };
    const files = mediaFiles();
    const { job: uploaded, run } = await importCsv(
      [
        'Message;Image URL',
        `Gut;${base}/bild.jpg`,
        `Fehlt;${base}/fehlt.jpg`,
        `Umgeleitet;${base}/weiter.jpg`,
      ].join('\r\n'),
    );
    expect(run.status).toBe(422);
    expect(run.body.error.code).toBe('IMAGE_FETCH_FAILED');
    expect(
      run.body.error.details.issues.map((i: { row: number; message: string }) => [
        i.row,
        i.message,
      ]),
    ).toEqual([
      [3, expect.stringMatching(/answered 404/)],
      [4, expect.stringMatching(/answered 302 \(a redirect, which is not followed\)/)],
    ]);
    expect(await count(t, 'posts')).toBe(before.posts);
    expect(await count(t, 'media')).toBe(before.media);
    expect(mediaFiles()).toEqual(files);
    // The job failed and may run again once the file is fixed.
    const job = await owner.get(`/v1/workspaces/${ws}/imports/${uploaded.body.id}`);
    expect(job.body).toMatchObject({ state: 'failed', importedPosts: null });
  });

  it('rejects a file that is not an image behind a .jpg name', async () => {
    const before = await count(t, 'posts');
    const files = mediaFiles();
    const { run } = await importCsv(
      ['Message;Image URL', `Falsch;${base}/kein-bild.jpg`].join('\r\n'),
    );
    expect(run.status).toBe(422);
    expect(run.body.error.code).toBe('IMAGE_REJECTED');
    expect(run.body.error.details.issues).toEqual([
      expect.objectContaining({ row: 2, code: 'IMAGE_REJECTED' }),
    ]);
    expect(await count(t, 'posts')).toBe(before);
    expect(mediaFiles()).toEqual(files);
  });

  it('finds a malformed image URL in the dry run, with its row and column', async () => {
    const { dry, run } = await importCsv(
      [
        'Message;Image URL',
        'Eins;https://nutzer:geheim@example.com/bild.jpg',
        'Zwei;ftp://example.com/b.png',
      ].join('\r\n'),
    );
    expect(
      dry.body.report.issues.map((i: { row: number; column: string; code: string }) => [
        i.row,
        i.column,
        i.code,
      ]),
    ).toEqual([
      [2, 'Image URL', 'IMAGE_URL_INVALID'],
      [3, 'Image URL', 'IMAGE_URL_INVALID'],
    ]);
    expect(run.status).toBe(422);
    expect(run.body.error.code).toBe('IMPORT_HAS_ERRORS');
  });
});
