import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtpAgent } from '@atproto/api';
import { TestNetworkNoAppView } from '@atproto/dev-env';
import sharp from 'sharp';
import request from 'supertest';
import { PublishingEngine } from '../src/modules/publishing/publishing.engine';
import { type Browser, type TestApp, setUpOwner, startTestApp } from './test-app';

/**
 * Bluesky end to end: a real Personal Data Server and PLC directory from @atproto/dev-env on
 * loopback, a channel connected with an app password through the API, a post with a link and
 * an image (uploaded through the API's media library with its alt text) published by the
 * engine, its record and blob read back from the PDS, and a replay that proves the record is
 * written once.
 */
let network: TestNetworkNoAppView;
let reader: AtpAgent;
let did: string;
let appPassword: string;
let t: TestApp;
let owner: Browser;
let ws: string;
const path = (p = '') => `/v1/workspaces/${ws}${p}`;

beforeAll(async () => {
  network = await TestNetworkNoAppView.create({});
  reader = new AtpAgent({ service: network.pds.url });
  await reader.createAccount({
    handle: 'marke.test',
    email: 'marke@example.com',
    password: 'marke-main-password',
  });
  did = reader.session!.did;
  appPassword = (await reader.com.atproto.server.createAppPassword({ name: 'Postplan' })).data
    .password;
  // The adapter reads an image's bytes through its signed link, as it would in production:
  // the app listens on loopback under its public URL.
  const port = await freePort();
  t = await startTestApp({
    POSTPLAN_DATA_DIR: mkdtempSync(join(tmpdir(), 'postplan-bsky-')),
    POSTPLAN_PUBLIC_URL: `http://127.0.0.1:${port}`,
  });
  await t.app.listen(port, '127.0.0.1');
  ({ owner, ws } = await setUpOwner(t));
  await owner.put(path('/approval-policy'), { policy: { kind: 'none', selfApprovalRoles: [] } });
});
afterAll(async () => {
  await t.close();
  await network.close();
});

async function records(): Promise<{ uri: string; value: Record<string, unknown> }[]> {
  const res = await reader.com.atproto.repo.listRecords({
    repo: did,
    collection: 'app.bsky.feed.post',
  });
  return res.data.records;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** An image through the API's media upload, as the editor sends it. */
async function uploadImage(file: Buffer, name: string, altText: string): Promise<string> {
  const res = await request(t.server)
    .post(`/api/v1/workspaces/${ws}/media`)
    .set(
      'Cookie',
      `postplan_session=${owner.cookie('postplan_session')}; postplan_csrf=${owner.csrf}`,
    )
    .set('X-CSRF-Token', owner.csrf ?? '')
    .field('altText', altText)
    .attach('file', file, { filename: name, contentType: 'image/png' });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('a Bluesky channel on a real PDS', () => {
  let channelId: string;

  it('refuses a wrong app password and stores nothing', async () => {
    channelId = (await owner.post(path('/channels'), { name: 'Bluesky', platform: 'bluesky' })).body
      .id as string;
    const res = await owner.post(path(`/channels/${channelId}/connect`), {
      settings: { identifier: 'marke.test', service: network.pds.url },
      credentials: { appPassword: 'aaaa-bbbb-cccc-dddd' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CHANNEL_VERIFY_FAILED');
    const { rows } = await t.db.query(`SELECT 1 FROM channel_credentials`);
    expect(rows).toEqual([]);
  });

  it('connects with the app password, publishes a post with a link and an image, and writes it once', async () => {
    const connected = await owner.post(path(`/channels/${channelId}/connect`), {
      settings: { identifier: 'marke.test', service: network.pds.url },
      credentials: { appPassword },
    });
    expect(connected.status).toBe(200);
    expect(connected.body.connection).toMatchObject({ connected: true, status: 'connected' });
    expect(JSON.stringify(connected.body)).not.toContain(appPassword);

    const plannedAt = new Date(Date.now() + 3_600_000);
    // Umlauts and an emoji before the link: its facet counts UTF-8 bytes, not characters.
    const text = 'Grüße vom Sommerfest 🎉 Alles unter https://example.com/sommerfest';
    const image = await sharp({
      create: { width: 800, height: 600, channels: 3, background: '#e07020' },
    })
      .png()
      .toBuffer();
    const altText = 'Die Bühne des Sommerfests am Abend, davor tanzende Gäste';
    const mediaId = await uploadImage(image, 'Sommerfest.png', altText);
    const created = await owner.post(path('/posts'), {
      text,
      plannedAt: plannedAt.toISOString(),
      media: [{ mediaId }],
      variants: [{ channelId }],
    });
    expect(created.status).toBe(201);
    const submitted = await owner.post(path(`/posts/${created.body.id}/submit`), {
      version: created.body.version,
    });
    expect(submitted.body.status).toBe('approved');
    const engine = t.app.get(PublishingEngine);
    const due = new Date(plannedAt.getTime() + 1000);
    expect(await engine.processDue(due)).toBe(1);

    const [pub] = (await owner.get(path(`/posts/${created.body.id}/publications`))).body.items as {
      id: string;
      status: string;
      url: string;
    }[];
    expect(pub).toMatchObject({ status: 'published', lastError: null });
    const written = await records();
    expect(written).toHaveLength(1);
    const record = written[0]!;
    expect(record.value['text']).toBe(text);
    const link = 'https://example.com/sommerfest';
    const start = Buffer.byteLength(text.slice(0, text.indexOf(link)), 'utf8');
    expect(record.value['facets']).toEqual([
      {
        index: { byteStart: start, byteEnd: start + Buffer.byteLength(link, 'utf8') },
        features: [{ $type: 'app.bsky.richtext.facet#link', uri: link }],
      },
    ]);
    const rkey = record.uri.split('/').pop()!;
    expect(pub!.url).toContain(rkey);

    // The image went up as a blob and hangs on the post with the alt text from the library.
    const embed = record.value['embed'] as {
      $type: string;
      images: { alt: string; image: { ref: { toString(): string }; mimeType: string } }[];
    };
    expect(embed.$type).toBe('app.bsky.embed.images');
    expect(embed.images).toHaveLength(1);
    expect(embed.images[0]).toMatchObject({
      alt: altText,
      aspectRatio: { width: 800, height: 600 },
    });
    const cid = embed.images[0]!.image.ref.toString();
    const blob = await reader.com.atproto.sync.getBlob({ did, cid });
    const stored = await sharp(Buffer.from(blob.data)).metadata();
    expect(stored).toMatchObject({ width: 800, height: 600 });
    const blobs = await reader.com.atproto.sync.listBlobs({ did });
    expect(blobs.data.cids).toEqual([cid]);

    // A worker that died after the PDS wrote the record, before the outcome was stored: the
    // lease runs out, the row is retried (Bluesky's record key makes that safe), and the
    // retry finds the record instead of writing a second one.
    await t.db.query(
      `UPDATE publications SET status = 'sending', lease_until = $2, lease_owner = 'gone',
              platform_post_id = NULL, url = NULL, published_at = NULL
        WHERE id = $1`,
      [pub!.id, new Date(due.getTime() - 60_000)],
    );
    await engine.sweep(due);
    expect(await engine.processDue(new Date(due.getTime() + 1000))).toBe(1);
    const again = (await owner.get(path(`/posts/${created.body.id}/publications`))).body
      .items[0] as { status: string; url: string };
    expect(again).toMatchObject({ status: 'published', url: pub!.url });
    const after = await records();
    expect(after).toHaveLength(1);
    expect(after[0]!.uri).toBe(record.uri);
    // And the repository still holds the one image.
    expect((await reader.com.atproto.sync.listBlobs({ did })).data.cids).toEqual([cid]);
  });
});
