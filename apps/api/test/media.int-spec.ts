import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { FakeSandbox } from '@postplan/platforms/testing';
import sharp from 'sharp';
import { PublishingEngine } from '../src/modules/publishing/publishing.engine';
import { type Browser, type TestApp, addMember, setUpOwner, startTestApp } from './test-app';

let t: TestApp;
let owner: Browser;
let ws: string;
let dataDir: string;
let linkedin: string;
let bluesky: string;
let work: string;
let fake: FakeSandbox;
let sandbox: string;

beforeAll(async () => {
  fake = new FakeSandbox();
  await fake.start();
  dataDir = mkdtempSync(join(tmpdir(), 'postplan-media-'));
  work = mkdtempSync(join(tmpdir(), 'postplan-media-files-'));
  t = await startTestApp({
    POSTPLAN_DATA_DIR: dataDir,
    POSTPLAN_MEDIA_MAX_PIXELS: '50000000',
    POSTPLAN_SANDBOX_URL: fake.url,
  });
  ({ owner, ws } = await setUpOwner(t));
  linkedin = (
    await owner.post(`/v1/workspaces/${ws}/channels`, { name: 'LinkedIn', platform: 'linkedin' })
  ).body.id;
  bluesky = (
    await owner.post(`/v1/workspaces/${ws}/channels`, { name: 'Bluesky', platform: 'bluesky' })
  ).body.id;
  sandbox = (
    await owner.post(`/v1/workspaces/${ws}/channels`, { name: 'Sandbox', platform: 'sandbox' })
  ).body.id;
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});

const base = () => `/v1/workspaces/${ws}`;

/** A multipart upload with the browser's session and CSRF token. */
function upload(
  by: Browser,
  file: Buffer,
  filename: string,
  contentType = 'application/octet-stream',
  fields: Record<string, string> = {},
  workspace = ws,
) {
  let req = request(t.server)
    .post(`/api/v1/workspaces/${workspace}/media`)
    .set('Cookie', `postplan_session=${by.cookie('postplan_session')}; postplan_csrf=${by.csrf}`)
    .set('X-CSRF-Token', by.csrf ?? '');
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  return req.attach('file', file, { filename, contentType });
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#3366cc' } })
    .png()
    .toBuffer();

/** A download with the session, its body as bytes. */
const download = (by: Browser, path: string) =>
  request(t.server)
    .get(`/api${path}`)
    .set('Cookie', `postplan_session=${by.cookie('postplan_session')}`)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });

/** Files left in the media folder (stored files and temporary ones). */
function filesOnDisk(): string[] {
  const root = join(dataDir, 'media');
  if (!existsSync(root)) return [];
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
    );
  return walk(root);
}

async function mediaRows(): Promise<number> {
  const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM media`);
  return rows[0]!.n;
}

describe('uploading', () => {
  it('stores a 20 MB image without its EXIF/GPS data, measures it and makes a thumbnail', async () => {
    // Noise does not compress: about 20 MB as an uncompressed PNG, with GPS data in its EXIF.
    const width = 2600;
    const height = 2600;
    const raw = randomBytes(width * height * 3);
    const file = await sharp(raw, { raw: { width, height, channels: 3 } })
      .withExif({ IFD0: { Make: 'Postplan Camera', ImageDescription: 'Hafen 53.5511 N 9.9937 E' } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(file.length).toBeGreaterThan(20_000_000);
    const res = await upload(owner, file, 'Hafen.png', 'image/png', {
      altText: 'Der Hafen bei Nacht',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'image',
      mimeType: 'image/png',
      width,
      height,
      name: 'Hafen.png',
      altText: 'Der Hafen bei Nacht',
      durationMs: null,
    });
    const stored = await download(owner, `${base()}/media/${res.body.id}/file`);
    expect(stored.status).toBe(200);
    const meta = await sharp(stored.body as Buffer).metadata();
    expect(meta.exif).toBeUndefined();
    expect((stored.body as Buffer).includes(Buffer.from('Postplan Camera'))).toBe(false);
    const thumb = await download(owner, `${base()}/media/${res.body.id}/thumbnail`);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(thumb.body as Buffer).metadata()).width).toBe(480);
  });

  it('probes a one-minute video for its length, size and codec, with a poster frame', async () => {
    const path = join(work, 'clip.mp4');
    execFileSync('/usr/bin/ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc=duration=60:size=320x240:rate=10',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      path,
    ]);
    const res = await upload(owner, readFileSync(path), 'clip.mp4', 'video/mp4');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'video',
      mimeType: 'video/mp4',
      width: 320,
      height: 240,
      videoCodec: 'h264',
    });
    expect(Math.abs(res.body.durationMs - 60_000)).toBeLessThan(200);
    const thumb = await download(owner, `${base()}/media/${res.body.id}/thumbnail`);
    expect(thumb.status).toBe(200);
    expect((await sharp(thumb.body as Buffer).metadata()).format).toBe('jpeg');
  });

  it('refuses a PNG named .jpg with MEDIA_TYPE_MISMATCH and keeps nothing', async () => {
    const before = { rows: await mediaRows(), files: filesOnDisk().length };
    const res = await upload(owner, await png(40, 30), 'foto.jpg', 'image/jpeg');
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({
      code: 'MEDIA_TYPE_MISMATCH',
      details: { detected: 'image/png', declared: 'image/jpeg' },
    });
    expect(await mediaRows()).toBe(before.rows);
    expect(filesOnDisk()).toHaveLength(before.files);
  });

  it('refuses a truncated image and a truncated video and leaves nothing behind', async () => {
    const before = { rows: await mediaRows(), files: filesOnDisk().length };
    const jpeg = await sharp({
      create: {
        width: 800,
        height: 600,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 30 },
      },
    })
      .jpeg()
      .toBuffer();
    const cutImage = await upload(
      owner,
      jpeg.subarray(0, jpeg.length / 2),
      'halb.jpg',
      'image/jpeg',
    );
    expect(cutImage.status).toBe(422);
    expect(cutImage.body.error).toMatchObject({
      code: 'MEDIA_FILE_DAMAGED',
      details: { reason: 'truncated' },
    });
    const path = join(work, 'short.mp4');
    execFileSync('/usr/bin/ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc=duration=3:size=160x120:rate=10',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      '-movflags',
      '+faststart',
      path,
    ]);
    const video = readFileSync(path);
    const cutVideo = await upload(
      owner,
      video.subarray(0, Math.floor(video.length * 0.7)),
      'cut.mp4',
    );
    expect(cutVideo.status).toBe(422);
    expect(cutVideo.body.error.code).toBe('MEDIA_FILE_DAMAGED');
    expect(await mediaRows()).toBe(before.rows);
    expect(filesOnDisk()).toHaveLength(before.files);
  });

  it('refuses huge dimensions before decoding them (a decompression bomb)', async () => {
    const res = await upload(owner, pngHeaderOnly(20_000, 20_000), 'bomb.png', 'image/png');
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'MEDIA_DIMENSIONS_TOO_LARGE',
      details: { width: 20_000, height: 20_000, maxPixels: 50_000_000 },
    });
  });

  it('refuses what is no image or video, and an upload without a file', async () => {
    const pdf = await upload(owner, Buffer.from('%PDF-1.7\n...'), 'flyer.pdf', 'application/pdf');
    expect(pdf.status).toBe(415);
    expect(pdf.body.error).toMatchObject({
      code: 'MEDIA_TYPE_UNSUPPORTED',
      details: { detected: 'application/pdf' },
    });
    const none = await owner.post(`${base()}/media`, { altText: 'x' });
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe('MEDIA_FILE_MISSING');
  });
});

describe('the library', () => {
  it('is described in the OpenAPI document, the upload as multipart', async () => {
    const doc = (await request(t.server).get('/api/docs/openapi.json')).body;
    const media = doc.paths['/api/v1/workspaces/{ws}/media'];
    expect(Object.keys(media.post.requestBody.content)).toEqual(['multipart/form-data']);
    expect(media.get).toBeDefined();
    expect(doc.paths['/api/v1/workspaces/{ws}/media/{id}/thumbnail'].get).toBeDefined();
  });

  it('finds items by name and alt text, pages through them, and edits alt text', async () => {
    const a = (await upload(owner, await png(100, 100), 'Sommerfest-Bühne.png', 'image/png')).body;
    const b = (
      await upload(owner, await png(100, 100), 'IMG_2041.png', 'image/png', {
        altText: 'Kinder am Sommerfest-Stand',
      })
    ).body;
    // A file name with an umlaut arrives as it was typed.
    expect(a.name).toBe('Sommerfest-Bühne.png');
    const found = await owner.get(`${base()}/media?q=sommerfest`);
    expect(found.body.items.map((i: { id: string }) => i.id).sort()).toEqual([a.id, b.id].sort());
    const page1 = await owner.get(`${base()}/media?limit=1`);
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await owner.get(
      `${base()}/media?limit=1&cursor=${encodeURIComponent(page1.body.nextCursor)}`,
    );
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
    const edited = await owner.patch(`${base()}/media/${a.id}`, { altText: 'Die Bühne am Abend' });
    expect(edited.status).toBe(200);
    expect(edited.body.altText).toBe('Die Bühne am Abend');
    expect((await owner.get(`${base()}/media?q=abend`)).body.items[0].id).toBe(a.id);
  });

  it('answers 404 for another workspace’s media, and viewers only read', async () => {
    const item = (await upload(owner, await png(50, 50), 'intern.png', 'image/png')).body;
    const { browser: outsider, other } = await stranger();
    expect((await outsider.get(`/v1/workspaces/${other}/media/${item.id}`)).status).toBe(404);
    expect((await outsider.get(`/v1/workspaces/${other}/media/${item.id}/file`)).status).toBe(404);
    expect((await outsider.get(`/v1/workspaces/${ws}/media/${item.id}`)).status).toBe(404);
    const viewer = await addMember(t, owner, ws, 'viewer');
    expect((await viewer.browser.get(`${base()}/media/${item.id}`)).status).toBe(200);
    const refused = await upload(viewer.browser, await png(10, 10), 'v.png', 'image/png');
    expect(refused.status).toBe(403);
    expect(
      (await viewer.browser.patch(`${base()}/media/${item.id}`, { altText: 'x' })).status,
    ).toBe(403);
  });
});

describe('posts with media', () => {
  // No reviewers needed: submitting releases the post, bound to its content hash.
  beforeAll(async () => {
    const res = await owner.put(`${base()}/approval-policy`, {
      policy: { kind: 'none', selfApprovalRoles: [] },
    });
    expect(res.status).toBe(200);
  });

  it('voids an approval when the alt text changes, like an edit of the text', async () => {
    const img = (
      await upload(owner, await png(1200, 800), 'team.png', 'image/png', { altText: 'Das Team' })
    ).body;
    const created = await owner.post(`${base()}/posts`, {
      text: 'Unser Team stellt sich vor.',
      plannedAt: '2027-05-03T10:00',
      variants: [{ channelId: linkedin }],
      media: [{ mediaId: img.id }],
    });
    expect(created.status).toBe(201);
    expect(created.body.media).toEqual([
      expect.objectContaining({ mediaId: img.id, altText: 'Das Team', sha256: img.sha256 }),
    ]);
    const submitted = await owner.post(`${base()}/posts/${created.body.id}/submit`, {
      version: created.body.version,
    });
    expect(submitted.body.error).toBeUndefined();
    expect(submitted.body.status).toBe('approved');
    const hash = submitted.body.review.contentHash;
    const edited = await owner.patch(`${base()}/posts/${created.body.id}`, {
      version: submitted.body.version,
      media: [{ mediaId: img.id, altText: 'Das ganze Team im Büro' }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.review.contentHash).not.toBe(hash);
    // Deleting an item a planned, approved post uses is refused.
    const del = await owner.delete(`${base()}/media/${img.id}`);
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('MEDIA_IN_USE');
  });

  it('blocks approval of an image over a platform’s limit, naming the platform', async () => {
    // Bluesky takes images up to 1,000,000 bytes; noise makes this PNG about 1.2 MB.
    const raw = randomBytes(640 * 640 * 3);
    const big = await sharp(raw, { raw: { width: 640, height: 640, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    const img = (await upload(owner, big, 'gross.png', 'image/png', { altText: 'Rauschen' })).body;
    const created = await owner.post(`${base()}/posts`, {
      text: 'Ein großes Bild.',
      plannedAt: '2027-05-04T10:00',
      variants: [{ channelId: bluesky }, { channelId: linkedin }],
      media: [{ mediaId: img.id }],
    });
    const submitted = await owner.post(`${base()}/posts/${created.body.id}/submit`, {
      version: created.body.version,
    });
    expect(submitted.status).toBe(422);
    expect(submitted.body.error.code).toBe('MEDIA_PLATFORM_REJECTED');
    expect(submitted.body.error.message).toMatch(/Bluesky/);
    expect(submitted.body.error.details.problems).toEqual([
      expect.objectContaining({ channelId: bluesky, platform: 'bluesky', rule: 'image_size' }),
    ]);
    // LinkedIn alone takes it.
    const fixed = await owner.patch(`${base()}/posts/${created.body.id}`, {
      version: created.body.version,
      variants: [
        { channelId: bluesky, text: null, media: [] },
        { channelId: linkedin, text: null },
      ],
    });
    const again = await owner.post(`${base()}/posts/${created.body.id}/submit`, {
      version: fixed.body.version,
    });
    expect(again.body.error).toBeUndefined();
    expect(again.status).toBe(200);
  });

  it('binds the approval to each channel’s own media: reordering or dropping one voids it, and the calendar shows them', async () => {
    const a = (await upload(owner, await png(800, 800), 'a.png', 'image/png', { altText: 'A' }))
      .body;
    const b = (await upload(owner, await png(800, 600), 'b.png', 'image/png', { altText: 'B' }))
      .body;
    const created = await owner.post(`${base()}/posts`, {
      text: 'Zwei Bilder, zwei Kanäle.',
      plannedAt: '2027-05-06T10:00',
      media: [{ mediaId: a.id }, { mediaId: b.id }],
      variants: [
        { channelId: linkedin },
        { channelId: sandbox, media: [{ mediaId: b.id }, { mediaId: a.id, altText: 'A, kurz' }] },
      ],
    });
    expect(created.status).toBe(201);
    const own = created.body.variants.find((v: { channelId: string }) => v.channelId === sandbox);
    expect(
      own.media.map((m: { mediaId: string; altText: string }) => [m.mediaId, m.altText]),
    ).toEqual([
      [b.id, 'B'],
      [a.id, 'A, kurz'],
    ]);
    // LinkedIn follows the post's media: it answers no list of its own.
    expect(
      created.body.variants.find((v: { channelId: string }) => v.channelId === linkedin).media,
    ).toBeUndefined();
    const submitted = await owner.post(`${base()}/posts/${created.body.id}/submit`, {
      version: created.body.version,
    });
    expect(submitted.body.status).toBe('approved');
    const approvedHash = submitted.body.review.contentHash;

    // The calendar's item carries the channel's own list with its thumbnails.
    const cal = await owner.get(`${base()}/posts?from=2027-05-06&to=2027-05-07`);
    const item = cal.body.items.find((p: { id: string }) => p.id === created.body.id);
    expect(item.media[0].thumbnailUrl).toMatch(new RegExp(`/media/${a.id}/thumbnail$`));
    expect(
      item.variants
        .find((v: { channelId: string }) => v.channelId === sandbox)
        .media.map((m: { mediaId: string }) => m.mediaId),
    ).toEqual([b.id, a.id]);
    const thumb = await download(owner, item.media[0].thumbnailUrl.replace(/^\/api/, ''));
    expect(thumb.status).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');

    // Reordering the sandbox's own list is a content change: what was approved no longer matches
    // (this workspace releases without review, so the save releases the new content anew).
    const reordered = await owner.patch(`${base()}/posts/${created.body.id}`, {
      version: submitted.body.version,
      variants: [
        { channelId: linkedin, text: null },
        {
          channelId: sandbox,
          text: null,
          media: [{ mediaId: a.id, altText: 'A, kurz' }, { mediaId: b.id }],
        },
      ],
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.review.contentHash).not.toBe(approvedHash);

    // Back to the approved order hashes as approved; dropping one does not.
    const back = await owner.patch(`${base()}/posts/${created.body.id}`, {
      version: reordered.body.version,
      variants: [
        { channelId: linkedin, text: null },
        {
          channelId: sandbox,
          text: null,
          media: [{ mediaId: b.id }, { mediaId: a.id, altText: 'A, kurz' }],
        },
      ],
    });
    expect(back.body.review.contentHash).toBe(approvedHash);
    const dropped = await owner.patch(`${base()}/posts/${created.body.id}`, {
      version: back.body.version,
      variants: [
        { channelId: linkedin, text: null },
        { channelId: sandbox, text: null, media: [{ mediaId: b.id }] },
      ],
    });
    expect(dropped.body.review.contentHash).not.toBe(approvedHash);
    // Following the post's media again is yet another content.
    const follows = await owner.patch(`${base()}/posts/${created.body.id}`, {
      version: dropped.body.version,
      variants: [
        { channelId: linkedin, text: null },
        { channelId: sandbox, text: null, media: null },
      ],
    });
    expect(follows.body.review.contentHash).not.toBe(approvedHash);
    expect(
      follows.body.variants.find((v: { channelId: string }) => v.channelId === sandbox).media,
    ).toBeUndefined();
  });

  it('refuses another workspace’s media in a channel’s own list, and changes nothing', async () => {
    const { browser: outsider, other } = await stranger();
    const theirs = (await upload(outsider, await png(20, 20), 'y.png', 'image/png', {}, other))
      .body;
    const created = await owner.post(`${base()}/posts`, {
      text: 'Eigener Kanal, fremdes Bild',
      variants: [{ channelId: sandbox }],
    });
    const res = await owner.patch(`${base()}/posts/${created.body.id}`, {
      version: created.body.version,
      variants: [{ channelId: sandbox, media: [{ mediaId: theirs.id }] }],
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'UNKNOWN_MEDIA',
      details: { mediaIds: [theirs.id] },
    });
    const after = await owner.get(`${base()}/posts/${created.body.id}`);
    expect(after.body.version).toBe(created.body.version);
    expect(after.body.variants[0].media).toBeUndefined();
  });

  it('refuses another workspace’s media on a post', async () => {
    const { browser: outsider, other } = await stranger();
    const theirs = (await upload(outsider, await png(20, 20), 'x.png', 'image/png', {}, other))
      .body;
    const res = await owner.post(`${base()}/posts`, {
      text: 'Fremdes Bild',
      media: [{ mediaId: theirs.id }],
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'UNKNOWN_MEDIA',
      details: { mediaIds: [theirs.id] },
    });
  });

  it('blocks approval without alt text when the workspace requires it', async () => {
    expect((await owner.put(`${base()}/media-settings`, { altTextRequired: true })).status).toBe(
      200,
    );
    const img = (await upload(owner, await png(800, 800), 'ohne.png', 'image/png')).body;
    const created = await owner.post(`${base()}/posts`, {
      text: 'Ohne Beschreibung',
      plannedAt: '2027-05-05T10:00',
      variants: [{ channelId: linkedin }],
      media: [{ mediaId: img.id }],
    });
    const submitted = await owner.post(`${base()}/posts/${created.body.id}/submit`, {
      version: created.body.version,
    });
    expect(submitted.status).toBe(422);
    expect(submitted.body.error.details.problems[0]).toMatchObject({
      rule: 'alt_text',
      platform: 'linkedin',
    });
    await owner.put(`${base()}/media-settings`, { altTextRequired: false });
  });
});

describe('publishing with media', () => {
  async function releasedPost(plannedAt: string, mediaId: string) {
    const created = await owner.post(`${base()}/posts`, {
      text: 'Heute mit Bild.',
      plannedAt,
      variants: [{ channelId: sandbox }],
      media: [{ mediaId, altText: 'Die Bühne von vorn' }],
    });
    const submitted = await owner.post(`${base()}/posts/${created.body.id}/submit`, {
      version: created.body.version,
    });
    expect(submitted.body.status).toBe('approved');
    const pubs = await owner.get(`${base()}/posts/${created.body.id}/publications`);
    return pubs.body.items[0] as { id: string };
  }

  it('hands the adapter signed links to the exact bytes, in order, with the alt text of the use', async () => {
    const file = await png(640, 480);
    const img = (await upload(owner, file, 'buehne.png', 'image/png')).body;
    const pub = await releasedPost('2031-02-03T09:00:00+01:00', img.id);
    const engine = t.app.get(PublishingEngine);
    await engine.processDue(new Date('2031-02-03T08:00:00Z'));
    const sent = fake.posts.get(pub.id)!;
    expect(sent.media).toEqual([
      {
        url: expect.stringContaining(`/api/media-links/${img.id}?`),
        mimeType: 'image/png',
        altText: 'Die Bühne von vorn',
      },
    ]);
    const link = new URL(sent.media![0]!.url);
    const fetched = await download(owner, `${link.pathname.replace(/^\/api/, '')}${link.search}`);
    expect(fetched.status).toBe(200);
    expect((await sharp(fetched.body as Buffer).metadata()).width).toBe(640);
    // Without a session the signature is the permission; a changed one opens nothing.
    const forged = await request(t.server).get(
      `${link.pathname}${link.search.replace(/signature=[^&]+/, 'signature=AAAA')}`,
    );
    expect(forged.status).toBe(404);
  });

  it('checks again when publishing: alt text required after the approval stops the publication', async () => {
    const img = (await upload(owner, await png(300, 300), 'spaeter.png', 'image/png')).body;
    const created = await owner.post(`${base()}/posts`, {
      text: 'Ohne Alternativtext freigegeben.',
      plannedAt: '2031-02-04T09:00:00+01:00',
      variants: [{ channelId: sandbox }],
      media: [{ mediaId: img.id, altText: null }],
    });
    await owner.post(`${base()}/posts/${created.body.id}/submit`, {
      version: created.body.version,
    });
    await owner.put(`${base()}/media-settings`, { altTextRequired: true });
    try {
      const engine = t.app.get(PublishingEngine);
      await engine.processDue(new Date('2031-02-04T08:00:00Z'));
      const pubs = await owner.get(`${base()}/posts/${created.body.id}/publications`);
      expect(pubs.body.items[0]).toMatchObject({
        status: 'failed',
        lastError: { code: 'MEDIA_REJECTED', class: 'permanent' },
      });
      expect(fake.posts.has(pubs.body.items[0].id)).toBe(false);
    } finally {
      await owner.put(`${base()}/media-settings`, { altTextRequired: false });
    }
  });
});

let otherCount = 0;
/** Someone who is not a member of `ws`, owner of a workspace of their own. */
async function stranger(): Promise<{ browser: Browser; other: string }> {
  otherCount += 1;
  // The test's owner creates the second workspace and invites the stranger as its owner.
  const created = await owner.post(`/v1/workspaces`, {
    name: `Fremd ${otherCount}`,
    timeZone: 'Europe/Berlin',
  });
  expect(created.status).toBe(201);
  const slug = created.body.slug as string;
  const member = await addMember(t, owner, slug, 'owner');
  return { browser: member.browser, other: slug };
}

/** A PNG whose header claims `width` x `height` and holds almost nothing: sharp reads the size only. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
