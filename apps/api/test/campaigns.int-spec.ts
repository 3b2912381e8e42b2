import { FakeSandbox } from '@postplan/platforms/testing';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { PublishingEngine } from '../src/modules/publishing/publishing.engine';
import { type Browser, type TestApp, addMember, count, setUpOwner, startTestApp } from './test-app';

/**
 * Campaigns through the HTTP API on real PostgreSQL: their life (versions, roles, another
 * workspace's ids, the audit log), their posts, and the UTM tagging that is part of the
 * approved content and what the sandbox receives.
 */
let t: TestApp;
let fake: FakeSandbox;
let owner: Browser;
let ws: string;
let author: { browser: Browser; userId: string };
let editor: { browser: Browser; userId: string };
let viewer: { browser: Browser; userId: string };
let insta: string;
let sandbox: string;
let mastodon: string;

beforeAll(async () => {
  fake = new FakeSandbox();
  await fake.start();
  t = await startTestApp({ POSTPLAN_SANDBOX_URL: fake.url, POSTPLAN_PUBLISH_TIMEOUT_MS: '2000' });
  ({ owner, ws } = await setUpOwner(t));
  author = await addMember(t, owner, ws, 'author');
  editor = await addMember(t, owner, ws, 'editor');
  viewer = await addMember(t, owner, ws, 'viewer');
  insta = (await owner.post(path('/channels'), { name: 'Instagram', platform: 'instagram' })).body
    .id;
  sandbox = (await owner.post(path('/channels'), { name: 'Sandbox', platform: 'sandbox' })).body.id;
  mastodon = (await owner.post(path('/channels'), { name: 'Mastodon', platform: 'mastodon' })).body
    .id;
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});

const path = (p = '') => `/v1/workspaces/${ws}${p}`;

function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

/** The owner's download of a file, as bytes. */
function download(p: string) {
  const cookies = ['postplan_session', 'postplan_csrf']
    .map((n) => `${n}=${owner.cookie(n)}`)
    .join('; ');
  return request(t.server).get(`/api${p}`).set('Cookie', cookies).buffer(true).parse(binary);
}

function csvRows(body: Buffer): string[][] {
  const rows: unknown = parse(body.toString('utf8'), { bom: true, delimiter: ';' });
  return rows as string[][];
}

const UTM = {
  sources: { instagram: 'ig' },
  medium: 'social',
  campaign: 'fruehling',
  content: null,
  term: null,
};

async function campaign(by: Browser = owner, extra: object = {}) {
  const res = await by.post(path('/campaigns'), {
    name: 'Frühlingsaktion',
    color: '#16a34a',
    startsOn: '2030-03-01',
    endsOn: '2030-03-31',
    goal: { text: 'Mehr Besuche im Shop', target: 5000, unit: 'Besuche' },
    channelIds: [insta],
    brief: 'Ton: leicht, sonnig.',
    utm: UTM,
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number; [k: string]: unknown };
}

/** Until a request of the app waits for a row lock that a test's transaction holds. */
async function waitForLockWait(): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const { rows } = await t.db.query(
      `SELECT 1 FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows.length > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('No request came to wait for the lock.');
}

async function setPolicy(policy: unknown): Promise<void> {
  expect((await owner.put(path('/approval-policy'), { policy })).status).toBe(200);
}

describe('a campaign', () => {
  it('is created with everything it holds and read back the same', async () => {
    const c = await campaign();
    expect(c).toMatchObject({
      version: 1,
      name: 'Frühlingsaktion',
      color: '#16a34a',
      startsOn: '2030-03-01',
      endsOn: '2030-03-31',
      goal: { text: 'Mehr Besuche im Shop', target: 5000, unit: 'Besuche' },
      channelIds: [insta],
      brief: 'Ton: leicht, sonnig.',
      utm: UTM,
      postCount: 0,
      posts: [],
    });
    const me = (await owner.get('/v1/me')).body as { user: { id: string } };
    expect(c.ownerId).toBe(me.user.id);
    expect((await owner.get(path(`/campaigns/${c.id}`))).body).toEqual(c);
    const list = (await viewer.browser.get(path('/campaigns'))).body.items as { id: string }[];
    expect(list.map((x) => x.id)).toContain(c.id);
  });

  it('refuses a period that ends before it starts, and stores nothing', async () => {
    const before = await count(t, 'campaigns');
    const res = await owner.post(path('/campaigns'), {
      name: 'Rückwärts',
      startsOn: '2030-03-10',
      endsOn: '2030-03-01',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(await count(t, 'campaigns')).toBe(before);
  });

  it('refuses an owner who is not a member and a channel of no one', async () => {
    const stranger = '00000000-0000-4000-8000-00000000dead';
    const owned = await owner.post(path('/campaigns'), {
      name: 'X',
      startsOn: '2030-01-01',
      endsOn: '2030-01-02',
      ownerId: stranger,
    });
    expect(owned.status).toBe(422);
    expect(owned.body.error).toMatchObject({
      code: 'CAMPAIGN_OWNER_NOT_MEMBER',
      details: { ownerId: stranger },
    });
    const channel = await owner.post(path('/campaigns'), {
      name: 'X',
      startsOn: '2030-01-01',
      endsOn: '2030-01-02',
      channelIds: [stranger],
    });
    expect(channel.status).toBe(422);
    expect(channel.body.error.code).toBe('UNKNOWN_CHANNEL');
  });

  it('changes with its version; a stale version is refused and changes nothing', async () => {
    const c = await campaign();
    const saved = await owner.patch(path(`/campaigns/${c.id}`), {
      version: c.version,
      name: 'Frühling 2030',
      endsOn: '2030-04-15',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, name: 'Frühling 2030', endsOn: '2030-04-15' });

    const stale = await editor.browser.patch(
      path(`/campaigns/${c.id}`),
      { name: 'Überschrieben' },
      { 'If-Match': '1' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'STALE_VERSION',
      details: { resource: 'campaign', currentVersion: 2 },
    });
    expect((await owner.get(path(`/campaigns/${c.id}`))).body.name).toBe('Frühling 2030');

    const unversioned = await owner.patch(path(`/campaigns/${c.id}`), { name: 'Ohne' });
    expect(unversioned.status).toBe(428);

    const backwards = await owner.patch(path(`/campaigns/${c.id}`), {
      version: 2,
      startsOn: '2030-05-01',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.code).toBe('INVALID_DATE_RANGE');
  });

  it('is deleted only without posts, the bin included', async () => {
    const c = await campaign();
    const post = await owner.post(path('/posts'), { text: 'Dabei', campaignId: c.id });
    await owner.delete(path(`/posts/${post.body.id}`), { 'If-Match': String(post.body.version) });
    const refused = await owner.delete(path(`/campaigns/${c.id}`), { 'If-Match': '1' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'CAMPAIGN_HAS_POSTS',
      details: { postCount: 1 },
    });
    const empty = await campaign();
    expect((await owner.delete(path(`/campaigns/${empty.id}`), { 'If-Match': '1' })).status).toBe(
      204,
    );
    expect((await owner.get(path(`/campaigns/${empty.id}`))).status).toBe(404);
  });

  it('leaves its trail in the audit log', async () => {
    const c = await campaign();
    await owner.patch(path(`/campaigns/${c.id}`), { version: 1, brief: 'Neu' });
    const empty = await campaign();
    await owner.delete(path(`/campaigns/${empty.id}`), { 'If-Match': '1' });
    const log = (await owner.get(path('/audit?action=campaign.*&limit=200'))).body.items as {
      action: string;
      subject: { id: string } | null;
      before: { brief?: string } | null;
      after: { brief?: string } | null;
    }[];
    const of = (id: string) => log.filter((e) => e.subject?.id === id).map((e) => e.action);
    expect(of(c.id)).toEqual(['campaign.updated', 'campaign.created']);
    expect(of(empty.id)).toEqual(['campaign.deleted', 'campaign.created']);
    const updated = log.find((e) => e.subject?.id === c.id && e.action === 'campaign.updated');
    expect(updated?.before?.brief).toBe('Ton: leicht, sonnig.');
    expect(updated?.after?.brief).toBe('Neu');
  });
});

describe('roles', () => {
  it('lets a viewer read but not create', async () => {
    const c = await campaign();
    expect((await viewer.browser.get(path(`/campaigns/${c.id}`))).status).toBe(200);
    const res = await viewer.browser.post(path('/campaigns'), {
      name: 'Nein',
      startsOn: '2030-01-01',
      endsOn: '2030-01-01',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN_ROLE');
  });

  it('lets an author change their own campaign only; an editor changes any', async () => {
    const theirs = await campaign(author.browser);
    const mine = await campaign(owner);
    expect(
      (await author.browser.patch(path(`/campaigns/${theirs.id}`), { version: 1, name: 'A' }))
        .status,
    ).toBe(200);
    const refused = await author.browser.patch(path(`/campaigns/${mine.id}`), {
      version: 1,
      name: 'B',
    });
    expect(refused.status).toBe(403);
    expect((await owner.get(path(`/campaigns/${mine.id}`))).body.name).toBe('Frühlingsaktion');
    expect(
      (await editor.browser.patch(path(`/campaigns/${mine.id}`), { version: 1, name: 'C' })).status,
    ).toBe(200);
  });
});

describe('another workspace', () => {
  it("answers 404 for this workspace's campaign and refuses it for its posts", async () => {
    const c = await campaign();
    const other = await owner.post('/v1/workspaces', { name: 'Kunde Süd' });
    expect(other.status).toBe(201);
    const there = `/v1/workspaces/${other.body.slug}`;
    const read = await owner.get(`${there}/campaigns/${c.id}`);
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe('CAMPAIGN_NOT_FOUND');
    expect(
      (await owner.patch(`${there}/campaigns/${c.id}`, { version: 1, name: 'X' })).status,
    ).toBe(404);
    expect((await owner.delete(`${there}/campaigns/${c.id}`, { 'If-Match': '1' })).status).toBe(
      404,
    );
    const before = await count(t, 'posts');
    const post = await owner.post(`${there}/posts`, { text: 'Fremd', campaignId: c.id });
    expect(post.status).toBe(422);
    expect(post.body.error).toMatchObject({
      code: 'UNKNOWN_CAMPAIGN',
      details: { campaignId: c.id },
    });
    expect(await count(t, 'posts')).toBe(before);
  });
});

describe("a campaign's posts", () => {
  it('belong to it through the post API, and the calendar shows the band and filters by it', async () => {
    const c = await campaign();
    const other = await campaign(owner, {
      name: 'Sommer',
      startsOn: '2030-06-01',
      endsOn: '2030-06-30',
    });
    const inside = await owner.post(path('/posts'), {
      text: 'Im Frühling',
      plannedAt: '2030-03-05T09:00',
      variants: [{ channelId: insta }],
      campaignId: c.id,
    });
    expect(inside.status).toBe(201);
    expect(inside.body.campaignId).toBe(c.id);
    const outside = await owner.post(path('/posts'), {
      text: 'Ohne Kampagne',
      plannedAt: '2030-03-06T09:00',
    });
    const cal = (await owner.get(path('/posts?from=2030-03-01&to=2030-04-01'))).body as {
      items: { id: string; campaignId: string | null }[];
      campaigns: { id: string; color: string; startsOn: string; endsOn: string }[];
    };
    expect(cal.items.find((p) => p.id === inside.body.id)?.campaignId).toBe(c.id);
    expect(cal.items.find((p) => p.id === outside.body.id)?.campaignId).toBeNull();
    expect(cal.campaigns).toContainEqual({
      id: c.id,
      name: 'Frühlingsaktion',
      color: '#16a34a',
      startsOn: '2030-03-01',
      endsOn: '2030-03-31',
    });
    expect(cal.campaigns.map((x) => x.id)).not.toContain(other.id);

    const only = (await owner.get(path(`/posts?from=2030-03-01&to=2030-04-01&campaign=${c.id}`)))
      .body as typeof cal;
    expect(only.items.map((p) => p.id)).toEqual([inside.body.id]);
    expect(only.campaigns.map((x) => x.id)).toEqual([c.id]);

    const detail = (await owner.get(path(`/campaigns/${c.id}`))).body;
    expect(detail.postCount).toBe(1);
    expect(detail.posts).toEqual([
      expect.objectContaining({
        id: inside.body.id,
        status: 'draft',
        plannedAt: '2030-03-05T09:00:00+01:00',
        channels: [
          { channelId: insta, name: 'Instagram', platform: 'instagram', publication: null },
        ],
      }),
    ]);

    // Out of the campaign again: audited, and the campaign no longer lists it.
    const moved = await owner.patch(path(`/posts/${inside.body.id}`), {
      version: inside.body.version,
      campaignId: null,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.campaignId).toBeNull();
    expect((await owner.get(path(`/campaigns/${c.id}`))).body.posts).toEqual([]);
    const log = (await owner.get(path(`/audit?post=${inside.body.id}`))).body.items as {
      action: string;
      after: unknown;
    }[];
    expect(log).toContainEqual(
      expect.objectContaining({ action: 'post.campaign_changed', after: { campaignId: null } }),
    );
  });
});

describe('UTM tagging and approval', () => {
  const REQUIRED = {
    kind: 'required',
    approvers: { roles: ['owner', 'admin', 'editor'], userIds: [] },
    selfApprovalRoles: [],
  };

  async function approvedInCampaign(campaignId: string, text: string) {
    const created = await author.browser.post(path('/posts'), {
      text,
      plannedAt: '2030-03-10T09:00',
      variants: [{ channelId: mastodon }],
      campaignId,
    });
    expect(created.status).toBe(201);
    const submitted = await author.browser.post(path(`/posts/${created.body.id}/submit`), {
      version: created.body.version,
    });
    expect(submitted.body).toMatchObject({ status: 'in_review' });
    const approved = await owner.post(path(`/posts/${created.body.id}/approve`), {
      version: submitted.body.version,
      contentHash: submitted.body.review.contentHash,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    return approved.body as { id: string; version: number; review: { contentHash: string } };
  }

  it('voids the approval of a post whose links the new UTM defaults tag differently', async () => {
    await setPolicy(REQUIRED);
    const c = await campaign();
    const linked = await approvedInCampaign(c.id, 'Zum Shop: https://shop.example/fruehling');
    const plain = await approvedInCampaign(c.id, 'Ohne Link, nur Sonne.');

    const changed = await owner.patch(path(`/campaigns/${c.id}`), {
      version: 1,
      utm: { ...UTM, campaign: 'fruehling-2030' },
    });
    expect(changed.status).toBe(200);

    const after = (await owner.get(path(`/posts/${linked.id}`))).body;
    expect(after.status).toBe('in_review');
    expect(after.review.contentHash).not.toBe(linked.review.contentHash);
    expect(after.version).toBeGreaterThan(linked.version);
    const untouched = (await owner.get(path(`/posts/${plain.id}`))).body;
    expect(untouched.status).toBe('approved');
    expect(untouched.version).toBe(plain.version);

    const log = (await owner.get(path(`/audit?post=${linked.id}`))).body.items as {
      action: string;
    }[];
    expect(log.map((e) => e.action)).toContain('post.approval_voided');
  });

  it('changes its UTM defaults while a post of it is being saved: both go through, neither waits for the other', async () => {
    const c = await campaign();
    const linked = await approvedInCampaign(c.id, 'Gleichzeitig: https://shop.example/jetzt');
    // A post's save, held open between its two locks: the post, then its campaign's defaults.
    const saving = await t.db.connect();
    try {
      await saving.query('BEGIN');
      await saving.query('SELECT 1 FROM posts WHERE id = $1 FOR UPDATE', [linked.id]);
      const changing = owner.patch(path(`/campaigns/${c.id}`), {
        version: 1,
        utm: { ...UTM, campaign: 'gleichzeitig' },
      });
      await waitForLockWait();
      await saving.query('SELECT utm FROM campaigns WHERE id = $1 FOR SHARE', [c.id]);
      await saving.query('COMMIT');
      const changed = await changing;
      expect(changed.status).toBe(200);
      expect(changed.body.utm.campaign).toBe('gleichzeitig');
    } finally {
      saving.release();
    }
    const after = (await owner.get(path(`/posts/${linked.id}`))).body;
    expect(after.status).toBe('in_review');
    expect(after.review.contentHash).not.toBe(linked.review.contentHash);
  });

  it('will not submit a post that fits as written but is too long once its links are tagged', async () => {
    const bluesky = (await owner.post(path('/channels'), { name: 'Bluesky', platform: 'bluesky' }))
      .body.id;
    const c = await campaign(owner, { channelIds: [bluesky] });
    const created = await author.browser.post(path('/posts'), {
      text: `${'Sonne '.repeat(40)}https://shop.de/fruehling mehr?`,
      plannedAt: '2030-03-12T09:00',
      variants: [{ channelId: bluesky }],
      campaignId: c.id,
    });
    expect(created.status).toBe(201);
    const res = await author.browser.post(path(`/posts/${created.body.id}/submit`), {
      version: created.body.version,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('WORDING_BLOCKED');
    expect(res.body.error.details.findings).toEqual([
      expect.objectContaining({ channelId: bluesky, rule: 'length.limit' }),
    ]);
    // Out of the campaign, the same words go through.
    const moved = await author.browser.patch(path(`/posts/${created.body.id}`), {
      version: created.body.version,
      campaignId: null,
    });
    expect(moved.status).toBe(200);
    const submitted = await author.browser.post(path(`/posts/${created.body.id}/submit`), {
      version: moved.body.version,
    });
    expect(submitted.status).toBe(200);
  });

  it('voids the approval when the post moves into a campaign that tags its links', async () => {
    const c = await campaign();
    const created = await author.browser.post(path('/posts'), {
      text: 'Mehr: https://shop.example/x',
      plannedAt: '2030-03-11T09:00',
      variants: [{ channelId: mastodon }],
    });
    const submitted = await author.browser.post(path(`/posts/${created.body.id}/submit`), {
      version: created.body.version,
    });
    const approved = await owner.post(path(`/posts/${created.body.id}/approve`), {
      version: submitted.body.version,
      contentHash: submitted.body.review.contentHash,
    });
    expect(approved.body.status).toBe('approved');
    const moved = await owner.patch(path(`/posts/${created.body.id}`), {
      version: approved.body.version,
      campaignId: c.id,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe('in_review');
  });

  it('voids the approval of a binned post too, so a restored post never goes out with links it was not approved with', async () => {
    const c = await campaign();
    const binned = await approvedInCampaign(c.id, 'Später: https://shop.example/spaeter');
    expect(
      (await owner.delete(path(`/posts/${binned.id}`), { 'If-Match': String(binned.version) }))
        .status,
    ).toBe(204);
    await owner.patch(path(`/campaigns/${c.id}`), { version: 1, utm: { ...UTM, medium: 'paid' } });
    const restored = await owner.post(path(`/posts/${binned.id}/restore`), {});
    expect(restored.status).toBe(201);
    expect(restored.body).toMatchObject({ status: 'in_review' });
  });

  it('sends the tagged text to the sandbox at publishing', async () => {
    await setPolicy({ kind: 'none', selfApprovalRoles: [] });
    const c = await campaign(owner, {
      channelIds: [sandbox],
      utm: { ...UTM, sources: { sandbox: 'test-sandbox' }, content: 'post 1' },
    });
    const created = await author.browser.post(path('/posts'), {
      text: 'Jetzt ansehen: https://shop.example/neu?farbe=gr%C3%BCn#details.',
      plannedAt: '2030-03-12T09:00',
      variants: [{ channelId: sandbox }],
      campaignId: c.id,
    });
    const submitted = await author.browser.post(path(`/posts/${created.body.id}/submit`), {
      version: created.body.version,
    });
    expect(submitted.body.status).toBe('approved');
    const engine = t.app.get(PublishingEngine);
    expect(await engine.processDue(new Date('2030-03-12T08:00:00Z'))).toBe(1);
    const pub = (await owner.get(path(`/posts/${created.body.id}/publications`))).body.items[0];
    expect(fake.posts.get(pub.id)?.text).toBe(
      'Jetzt ansehen: https://shop.example/neu?farbe=gr%C3%BCn&utm_source=test-sandbox&utm_medium=social&utm_campaign=fruehling&utm_content=post%201#details.',
    );
    const detail = (await owner.get(path(`/campaigns/${c.id}`))).body;
    expect(detail.posts[0].channels[0].publication).toMatchObject({
      status: 'published',
      url: pub.url,
    });
  });
});

describe('exports', () => {
  it('name the campaign in the plan export and filter by it', async () => {
    const c = await campaign(owner, { name: 'Herbst; "Spezial"' });
    const inside = await owner.post(path('/posts'), {
      text: 'Herbstlich https://shop.example/herbst',
      plannedAt: '2031-10-05T09:00',
      variants: [{ channelId: mastodon }],
      campaignId: c.id,
    });
    await owner.post(path('/posts'), { text: 'Daneben', plannedAt: '2031-10-06T09:00' });
    const all = await download(path('/exports/posts.csv?from=2031-10-01&to=2031-11-01&lang=en'));
    expect(all.status).toBe(200);
    const rows = csvRows(all.body as Buffer);
    const col = rows[0]!.indexOf('Campaign');
    expect(col).toBeGreaterThan(0);
    expect(rows.slice(1).map((r) => r[col])).toEqual(['Herbst; "Spezial"', '']);

    const only = await download(
      path(`/exports/posts.xlsx?from=2031-10-01&to=2031-11-01&lang=de&campaign=${c.id}`),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(only.body as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(12).value).toBe('Kampagne');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe(inside.body.id);
    expect(sheet.getRow(2).getCell(12).value).toBe('Herbst; "Spezial"');
  });

  it("report a campaign's posts with the tagged text and each publication's link", async () => {
    await setPolicy({ kind: 'none', selfApprovalRoles: [] });
    const c = await campaign(owner, { name: 'Bericht', utm: { ...UTM, campaign: 'bericht' } });
    const created = await owner.post(path('/posts'), {
      title: 'Start',
      text: 'Los geht es: https://shop.example/start',
      plannedAt: '2031-03-02T10:00',
      variants: [{ channelId: sandbox }],
      campaignId: c.id,
    });
    await owner.post(path(`/posts/${created.body.id}/submit`), { version: created.body.version });
    await t.app.get(PublishingEngine).processDue(new Date('2031-03-02T09:00:00Z'));
    const pub = (await owner.get(path(`/posts/${created.body.id}/publications`))).body.items[0];
    expect(pub.status).toBe('published');

    const csv = await download(path(`/exports/campaigns/${c.id}/report.csv?lang=en`));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toContain('Bericht-report.csv');
    const rows = csvRows(csv.body as Buffer);
    expect(rows[0]).toEqual([
      'Post ID',
      'Planned',
      'UTC offset',
      'Channel',
      'Platform',
      'Status',
      'Title',
      'Text as published',
      'Publication',
      'Published',
      'Link',
    ]);
    expect(rows[1]).toEqual([
      created.body.id,
      '2031-03-02 10:00',
      'UTC+01:00',
      'Sandbox',
      'sandbox',
      'approved',
      'Start',
      'Los geht es: https://shop.example/start?utm_source=sandbox&utm_medium=social&utm_campaign=bericht',
      'published',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/),
      pub.url,
    ]);

    const xlsx = await download(path(`/exports/campaigns/${c.id}/report.xlsx?lang=de`));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Kampagne', 'Beiträge']);
    expect(book.worksheets[0]!.getRow(1).getCell(2).value).toBe('Bericht');
    expect(book.worksheets[1]!.getRow(2).getCell(11).value).toBe(pub.url);

    const elsewhere = await owner.post('/v1/workspaces', { name: 'Kunde West' });
    const foreign = await download(
      `/v1/workspaces/${elsewhere.body.slug}/exports/campaigns/${c.id}/report.csv`,
    );
    expect(foreign.status).toBe(404);
  });
});
