import { AtpAgent } from '@atproto/api';
import { TestNetworkNoAppView } from '@atproto/dev-env';
import { PublishingEngine } from '../src/modules/publishing/publishing.engine';
import { type Browser, type TestApp, setUpOwner, startTestApp } from './test-app';

/**
 * Bluesky end to end: a real Personal Data Server and PLC directory from @atproto/dev-env on
 * loopback, a channel connected with an app password through the API, a post with a link
 * published by the engine, its record read back from the PDS, and a replay that proves the
 * record is written once.
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
  t = await startTestApp();
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

  it('connects with the app password, publishes a post with a link, and writes it once', async () => {
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
    const created = await owner.post(path('/posts'), {
      text,
      plannedAt: plannedAt.toISOString(),
      variants: [{ channelId }],
    });
    await owner.post(path(`/posts/${created.body.id}/submit`), { version: created.body.version });
    const engine = t.app.get(PublishingEngine);
    const due = new Date(plannedAt.getTime() + 1000);
    expect(await engine.processDue(due)).toBe(1);

    const [pub] = (await owner.get(path(`/posts/${created.body.id}/publications`))).body.items as {
      id: string;
      status: string;
      url: string;
    }[];
    expect(pub).toMatchObject({ status: 'published' });
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
    expect(await records()).toHaveLength(1);
  });
});
