import request from 'supertest';
import { Browser, type TestApp, addMember, count, setUpOwner, startTestApp } from './test-app';

/**
 * Attacks on client review links that outside testing found (issue 13, finding 9; issue 12,
 * section 6): a scope that is the whole workspace in disguise, and an author approving their own
 * post "as the client" through a link.
 */

let t: TestApp;
let owner: Browser;
let ws: string;
let masto: string;
let linkedin: string;
let admin: { browser: Browser; userId: string };

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const links = () => `/v1/workspaces/${ws}/review-links`;
const posts = () => `/v1/workspaces/${ws}/posts`;
const CLIENT_ONLY = { kind: 'levels', levels: [{ name: 'Kunde', client: true, mode: 'any' }] };

function anonymous(ip = '192.0.2.80'): Browser {
  const b = new Browser(t.server);
  b.ip = ip;
  return b;
}

beforeAll(async () => {
  t = await startTestApp();
  ({ owner, ws } = await setUpOwner(t));
  masto = (
    await owner.post(`/v1/workspaces/${ws}/channels`, { name: 'Mastodon', platform: 'mastodon' })
  ).body.id;
  linkedin = (
    await owner.post(`/v1/workspaces/${ws}/channels`, { name: 'LinkedIn', platform: 'linkedin' })
  ).body.id;
  admin = await addMember(t, owner, ws, 'admin');
  const policy = await owner.send('put', `/v1/workspaces/${ws}/approval-policy`, {
    policy: CLIENT_ONLY,
  });
  expect(policy.status).toBe(200);
});
afterAll(() => t.close());

describe('a review-link scope that is the whole workspace in disguise', () => {
  const attempt = (scope: unknown) =>
    owner.post(links(), { label: 'Alles', permission: 'approve', scope, expiresAt: inDays(30) });

  it.each([
    ['a period with a start only', { from: '1970-01-01' }, 'scope.to'],
    ['a period with an end only', { to: '2100-01-01' }, 'scope.from'],
    [
      'a start only, with nulls elsewhere',
      { from: '1970-01-01', to: null, postIds: null },
      'scope.to',
    ],
    [
      'a start only beside a channel',
      { from: '1970-01-01', channelIds: [] as string[] },
      'scope.to',
    ],
    ['a period of 130 years', { from: '1970-01-01', to: '2100-01-01' }, 'scope.to'],
    ['93 days', { from: '2030-01-01', to: '2030-04-04' }, 'scope.to'],
    [
      'a period of date-times too long by a day',
      { from: '2030-06-01T00:00:00Z', to: '2030-09-02T00:00:00Z' },
      'scope.to',
    ],
    ['every channel of the workspace', { channelIds: ['MASTO', 'LINKEDIN'] }, 'scope.channelIds'],
    [
      'every channel, named twice',
      { channelIds: ['LINKEDIN', 'MASTO', 'MASTO'] },
      'scope.channelIds',
    ],
  ])('refuses %s and stores nothing', async (_, rawScope, path) => {
    const scope = JSON.parse(
      JSON.stringify(rawScope).replaceAll('MASTO', masto).replaceAll('LINKEDIN', linkedin),
    ) as Record<string, unknown>;
    if (Array.isArray(scope.channelIds) && scope.channelIds.length === 0)
      scope.channelIds = [masto];
    const linksBefore = await count(t, 'review_links');
    const auditBefore = await count(t, 'audit_log');
    const res = await attempt(scope);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.issues[0].path).toBe(path);
    expect(await count(t, 'review_links')).toBe(linksBefore);
    expect(await count(t, 'audit_log')).toBe(auditBefore);
  });

  it('still makes the links people need: a quarter, some channels, every channel for a period', async () => {
    for (const scope of [
      { from: '2030-01-01', to: '2030-04-03' }, // 92 days, across the change to summer time
      { channelIds: [masto] },
      { channelIds: [masto, linkedin], from: '2030-05-01', to: '2030-06-01' },
      { channelIds: [masto, linkedin], postIds: [] as string[] },
    ]) {
      if (scope.postIds) {
        const post = await owner.post(posts(), { text: 'Einzeln' });
        scope.postIds = [post.body.id as string];
      }
      const res = await attempt(scope);
      expect({ scope, status: res.status }).toEqual({ scope, status: 201 });
    }
  });
});

type Submitted = { id: string; review: { contentHash: string } };

/** A post written and submitted by `by`, waiting for the client. */
async function clientPost(by: Browser, text: string): Promise<Submitted> {
  const created = await by.post(posts(), {
    text,
    plannedAt: '2031-02-10T09:00',
    variants: [{ channelId: masto }],
  });
  expect(created.status).toBe(201);
  const submitted = await by.post(`${posts()}/${created.body.id}/submit`, {});
  expect(submitted.status).toBe(200);
  return submitted.body as Submitted;
}

async function linkFor(by: Browser, postId: string): Promise<string> {
  const res = await by.post(links(), {
    label: 'Kunde Nord',
    permission: 'approve',
    scope: { postIds: [postId] },
    expiresAt: inDays(14),
  });
  expect(res.status).toBe(201);
  return res.body.token as string;
}

/** What a successful approval would have changed. */
async function reviewState(postId: string) {
  const { rows } = await t.db.query<{ status: string; version: number; rounds: unknown }>(
    `SELECT p.status, p.version,
            (SELECT json_agg(r ORDER BY r.number) FROM review_rounds r WHERE r.post_id = p.id) AS rounds
       FROM posts p WHERE p.id = $1`,
    [postId],
  );
  const decisions = await t.db.query(
    `SELECT count(*)::int AS n FROM audit_log WHERE post_id = $1 AND action = 'post.decision_recorded'`,
    [postId],
  );
  return { ...rows[0]!, decisions: decisions.rows[0].n as number };
}

describe('four eyes through a client link', () => {
  it('refuses an author approving their own post through a link they created', async () => {
    const post = await clientPost(admin.browser, 'Mein eigener Beitrag');
    const token = await linkFor(admin.browser, post.id);
    const before = await reviewState(post.id);

    // In a private window, with no session at all: "the client".
    const disguised = anonymous();
    const seen = await disguised.get(`/v1/review/${token}/posts/${post.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.can).toMatchObject({ approve: false, requestChanges: true });
    const res = await disguised.post(`/v1/review/${token}/posts/${post.id}/approve`, {
      visitorName: 'Kunde Meier',
      contentHash: post.review.contentHash,
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      code: 'SELF_APPROVAL_FORBIDDEN',
      details: { reason: 'LINK_CREATED_BY_AUTHOR' },
    });
    expect(await reviewState(post.id)).toEqual(before);
    expect(before.status).toBe('in_review');
  });

  it('refuses a link used by a browser or a script signed in as the post author', async () => {
    const post = await clientPost(admin.browser, 'Noch ein eigener Beitrag');
    const token = await linkFor(owner, post.id);
    const before = await reviewState(post.id);

    const withSession = await admin.browser.post(`/v1/review/${token}/posts/${post.id}/approve`, {
      visitorName: 'Kunde Meier',
      contentHash: post.review.contentHash,
    });
    expect(withSession.status).toBe(403);
    expect(withSession.body.error).toMatchObject({
      code: 'SELF_APPROVAL_FORBIDDEN',
      details: { reason: 'SIGNED_IN_AS_AUTHOR' },
    });

    const created = await admin.browser.post('/v1/me/tokens', { name: 'Skript' });
    expect(created.status).toBe(201);
    const withToken = await request(t.server)
      .post(`/api/v1/review/${token}/posts/${post.id}/approve`)
      .set('Authorization', `Bearer ${created.body.token}`)
      .send({ visitorName: 'Kunde Meier', contentHash: post.review.contentHash });
    expect(withToken.status).toBe(403);
    expect(withToken.body.error.details).toEqual({ reason: 'SIGNED_IN_AS_AUTHOR' });
    expect(await reviewState(post.id)).toEqual(before);

    // The client, on their own phone, approves through the very same link.
    const client = await anonymous('192.0.2.81').post(
      `/v1/review/${token}/posts/${post.id}/approve`,
      { visitorName: 'Clara Client', contentHash: post.review.contentHash },
    );
    expect(client.status).toBe(200);
    expect(client.body.status).toBe('approved');
  });

  it('lets a policy that allows self-approval for the role waive the rule, as it does for members', async () => {
    await owner.send('put', `/v1/workspaces/${ws}/approval-policy`, {
      policy: { ...CLIENT_ONLY, selfApprovalRoles: ['admin'] },
    });
    try {
      const post = await clientPost(admin.browser, 'Darf ich selbst');
      const token = await linkFor(admin.browser, post.id);
      const res = await anonymous().post(`/v1/review/${token}/posts/${post.id}/approve`, {
        visitorName: 'Kunde Meier',
        contentHash: post.review.contentHash,
      });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('approved');
    } finally {
      await owner.send('put', `/v1/workspaces/${ws}/approval-policy`, { policy: CLIENT_ONLY });
    }
  });
});
