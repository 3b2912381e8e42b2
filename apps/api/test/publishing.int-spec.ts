import { FakeSandbox } from '@postplan/platforms/testing';
import request from 'supertest';
import { PlatformAdapters } from '../src/modules/publishing/platform-adapters';
import { PublishingEngine } from '../src/modules/publishing/publishing.engine';
import { type Browser, type TestApp, addMember, setUpOwner, startTestApp } from './test-app';

/**
 * The publishing engine against real PostgreSQL and the fake sandbox platform on loopback. The
 * engine's methods are called with the instant each test chooses, so nothing waits on the clock.
 */
let t: TestApp;
let fake: FakeSandbox;
let owner: Browser;
let ws: string;
let wsId: string;
let ownerId: string;
let author: { browser: Browser; userId: string };
let sandbox: string;
let sandbox2: string;
let engine: PublishingEngine;

beforeAll(async () => {
  fake = new FakeSandbox();
  await fake.start();
  // A call gives up after 2 s: long enough for a loaded machine, short for "commit then hang".
  t = await startTestApp({ POSTPLAN_SANDBOX_URL: fake.url, POSTPLAN_PUBLISH_TIMEOUT_MS: '2000' });
  ({ owner, ws } = await setUpOwner(t));
  const me = (await owner.get('/v1/me')).body as {
    user: { id: string };
    workspaces: { id: string }[];
  };
  ownerId = me.user.id;
  wsId = me.workspaces[0]!.id;
  author = await addMember(t, owner, ws, 'author');
  // Submitting releases at once: these tests are about publishing, not about review.
  const policy = await owner.put(`/v1/workspaces/${ws}/approval-policy`, {
    policy: { kind: 'none', selfApprovalRoles: [] },
  });
  expect(policy.status).toBe(200);
  sandbox = (await owner.post(path('/channels'), { name: 'Sandbox', platform: 'sandbox' })).body.id;
  sandbox2 = (await owner.post(path('/channels'), { name: 'Sandbox 2', platform: 'sandbox' })).body
    .id;
  engine = t.app.get(PublishingEngine);
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});

const path = (p = '') => `/v1/workspaces/${ws}${p}`;
const at = (iso: string) => new Date(iso);
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

type Pub = {
  id: string;
  channelId: string;
  status: string;
  url: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: { code: string; class: string } | null;
  dueAt: string;
};

/** An approved post planned at `plannedAt` (ISO with offset) for the given channels. */
async function approvedPost(
  plannedAt: string,
  channels = [sandbox],
  text = 'Unser Sommerfest startet heute!',
  by: Browser = author.browser,
): Promise<{ id: string; version: number }> {
  const created = await by.post(path('/posts'), {
    title: 'Sommerfest',
    text,
    plannedAt,
    variants: channels.map((channelId) => ({ channelId })),
  });
  expect(created.status).toBe(201);
  const submitted = await by.post(path(`/posts/${created.body.id}/submit`), {
    version: created.body.version,
  });
  expect(submitted.status).toBe(200);
  expect(submitted.body.status).toBe('approved');
  return { id: created.body.id, version: submitted.body.version };
}

async function publications(postId: string): Promise<Pub[]> {
  const res = await owner.get(path(`/posts/${postId}/publications`));
  expect(res.status).toBe(200);
  return res.body.items as Pub[];
}

const callsFor = (pubId: string) => fake.callsByKey.get(pubId) ?? 0;

async function alertsFor(postId: string): Promise<{ user_id: string; outcome: string }[]> {
  const { rows } = await t.db.query<{ user_id: string; outcome: string }>(
    `SELECT user_id, data->>'outcome' AS outcome FROM notifications
      WHERE kind = 'publication_alert' AND post_id = $1 ORDER BY user_id`,
    [postId],
  );
  return rows;
}

describe('a due publication', () => {
  it('goes out once at its time, stores the URL, and the post shows it published', async () => {
    const post = await approvedPost('2030-01-10T09:00:00+01:00');
    const [pub] = await publications(post.id);
    expect(pub).toMatchObject({ status: 'pending', channelId: sandbox, attempts: 0 });

    // A moment early: nothing.
    expect(await engine.processDue(at('2030-01-10T07:59:59Z'))).toBe(0);
    expect(callsFor(pub!.id)).toBe(0);

    expect(await engine.processDue(at('2030-01-10T08:00:00Z'))).toBe(1);
    expect(callsFor(pub!.id)).toBe(1);
    expect(fake.posts.get(pub!.id)?.text).toBe('Unser Sommerfest startet heute!');
    const [done] = await publications(post.id);
    expect(done).toMatchObject({ status: 'published', attempts: 1, lastError: null });
    expect(done!.url).toBe(`${fake.url}/p/${fake.posts.get(pub!.id)!.id}`);

    // Once more later: still one call.
    expect(await engine.processDue(at('2030-01-10T08:05:00Z'))).toBe(0);
    expect(callsFor(pub!.id)).toBe(1);

    // The calendar badges the event, the history lists the attempt, the log names it.
    const cal = await owner.get(path('/posts?from=2030-01-10&to=2030-01-11'));
    const event = (cal.body.items as { id: string; publications: Pub[] }[]).find(
      (p) => p.id === post.id,
    );
    expect(event?.publications).toEqual([
      expect.objectContaining({ channelId: sandbox, status: 'published', url: done!.url }),
    ]);
    const history = (await owner.get(path(`/posts/${post.id}/history`))).body.items as {
      action: string;
    }[];
    expect(history.map((h) => h.action)).toContain('publication.attempted');
    const log = await owner.get(
      path('/publications?status=published&from=2030-01-10&to=2030-01-11'),
    );
    expect(log.status).toBe(200);
    expect(log.body.items).toEqual([
      expect.objectContaining({
        id: pub!.id,
        status: 'published',
        post: expect.objectContaining({ id: post.id, title: 'Sommerfest' }),
        channel: expect.objectContaining({ id: sandbox, name: 'Sandbox' }),
      }),
    ]);
  });

  it('goes to every target channel, each once', async () => {
    const post = await approvedPost('2030-01-11T09:00:00+01:00', [sandbox, sandbox2]);
    expect(await engine.processDue(at('2030-01-11T08:00:00Z'))).toBe(2);
    const pubs = await publications(post.id);
    expect(pubs.map((p) => p.status)).toEqual(['published', 'published']);
    expect(pubs.map((p) => callsFor(p.id))).toEqual([1, 1]);
  });
});

describe('when the platform commits and then times out', () => {
  it('is unconfirmed and alerted; the reconciler finds the post; nothing is sent twice', async () => {
    const post = await approvedPost('2030-01-12T09:00:00+01:00');
    const [pub] = await publications(post.id);
    fake.script(pub!.id, { kind: 'commit_then_hang' });
    await engine.processDue(at('2030-01-12T08:00:00Z'));
    const [unsure] = await publications(post.id);
    expect(unsure).toMatchObject({
      status: 'unconfirmed',
      lastError: { code: 'TIMEOUT_AFTER_SEND', class: 'unknown' },
    });
    // The author and the workspace's owner are told.
    expect((await alertsFor(post.id)).map((a) => a.outcome)).toEqual([
      'unconfirmed',
      'unconfirmed',
    ]);

    expect(await engine.reconcile(at('2030-01-12T08:01:00Z'))).toBe(1);
    const [found] = await publications(post.id);
    expect(found).toMatchObject({ status: 'published' });
    expect(found!.url).toBe(`${fake.url}/p/${fake.posts.get(pub!.id)!.id}`);
    expect(callsFor(pub!.id)).toBe(1);
    await engine.processDue(at('2030-01-12T08:02:00Z'));
    expect(callsFor(pub!.id)).toBe(1);
  });

  it('goes back to pending when the platform says it never arrived, and then out once', async () => {
    const post = await approvedPost('2030-01-13T09:00:00+01:00');
    const [pub] = await publications(post.id);
    fake.script(pub!.id, { kind: 'status', status: 500 });
    await engine.processDue(at('2030-01-13T08:00:00Z'));
    expect((await publications(post.id))[0]!.status).toBe('unconfirmed');
    await engine.reconcile(at('2030-01-13T08:01:00Z'));
    expect((await publications(post.id))[0]!.status).toBe('pending');
    await engine.processDue(at('2030-01-13T08:01:00Z'));
    expect((await publications(post.id))[0]!.status).toBe('published');
    expect(fake.posts.has(pub!.id)).toBe(true);
  });

  it('a duplicate answer naming the existing post counts as published', async () => {
    const post = await approvedPost('2030-01-14T09:00:00+01:00');
    const [pub] = await publications(post.id);
    fake.script(pub!.id, { kind: 'duplicate' });
    await engine.processDue(at('2030-01-14T08:00:00Z'));
    const [done] = await publications(post.id);
    expect(done).toMatchObject({ status: 'published' });
    expect(done!.url).toContain(fake.posts.get(pub!.id)!.id);
  });
});

describe('what people decide', () => {
  it('confirm with a URL, publish again, retry and skip, by role, audited', async () => {
    const post = await approvedPost('2030-01-15T09:00:00+01:00');
    const [pub] = await publications(post.id);
    fake.script(pub!.id, { kind: 'reject', message: 'Text too long' });
    await engine.processDue(at('2030-01-15T08:00:00Z'));
    const [failed] = await publications(post.id);
    expect(failed).toMatchObject({
      status: 'failed',
      lastError: { code: 'REJECTED', class: 'permanent' },
    });
    expect((await alertsFor(post.id)).map((a) => a.outcome)).toEqual(['failed', 'failed']);

    // A viewer may not; an unknown id is 404; a bad URL is refused and changes nothing.
    const viewer = await addMember(t, owner, ws, 'viewer');
    const denied = await viewer.browser.post(path(`/publications/${pub!.id}/retry`));
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('FORBIDDEN_ROLE');
    const unknown = await owner.post(
      path('/publications/00000000-0000-4000-8000-000000000000/retry'),
    );
    expect(unknown.body.error.code).toBe('PUBLICATION_NOT_FOUND');
    const badUrl = await owner.post(path(`/publications/${pub!.id}/confirm`), {
      url: 'javascript:alert(1)',
    });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.error.code).toBe('VALIDATION_FAILED');
    const skipWrong = await owner.post(path(`/publications/${pub!.id}/confirm`), {});
    expect(skipWrong.status).toBe(400);
    expect((await publications(post.id))[0]!.status).toBe('failed');

    // The author retries their own post: due now, and it goes out.
    const retried = await author.browser.post(path(`/publications/${pub!.id}/retry`), {
      note: 'Text gekürzt',
    });
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('pending');
    const conflict = await owner.post(path(`/publications/${pub!.id}/skip`));
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('PUBLICATION_STATE_CONFLICT');
    await engine.processDue(plus(new Date(), 1000));
    expect((await publications(post.id))[0]!.status).toBe('published');

    // Unconfirmed, and the person knows it is online: confirm with the link.
    const post2 = await approvedPost('2030-01-15T10:00:00+01:00');
    const [pub2] = await publications(post2.id);
    fake.script(pub2!.id, { kind: 'status', status: 502 });
    await engine.processDue(at('2030-01-15T09:00:00Z'));
    const confirmed = await owner.post(path(`/publications/${pub2!.id}/confirm`), {
      url: 'https://sandbox.example/p/1',
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      status: 'published',
      url: 'https://sandbox.example/p/1',
    });

    const { rows } = await t.db.query<{ action: string; reason: string | null }>(
      `SELECT action, reason FROM audit_log WHERE action LIKE 'publication.%' AND action <> 'publication.attempted'
         AND post_id = ANY($1::uuid[]) ORDER BY id`,
      [[post.id, post2.id]],
    );
    expect(rows).toEqual([
      { action: 'publication.retry', reason: 'Text gekürzt' },
      { action: 'publication.confirm', reason: null },
    ]);
  });

  it('publish now makes an approved post due at once; an unapproved one is refused', async () => {
    const post = await approvedPost('2030-02-01T09:00:00+01:00');
    const res = await owner.post(path(`/posts/${post.id}/publish-now`), { version: post.version });
    expect(res.status).toBe(200);
    const [pub] = res.body.items as Pub[];
    expect(Math.abs(new Date(pub!.dueAt).getTime() - Date.now())).toBeLessThan(5000);
    await engine.processDue(plus(new Date(), 1000));
    expect((await publications(post.id))[0]!.status).toBe('published');
    // Nothing left to publish now.
    const again = await owner.post(path(`/posts/${post.id}/publish-now`), {});
    expect(again.body.error.code).toBe('NOTHING_TO_PUBLISH');

    const draft = await owner.post(path('/posts'), {
      text: 'Entwurf',
      variants: [{ channelId: sandbox }],
    });
    const refused = await owner.post(path(`/posts/${draft.body.id}/publish-now`), {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('POST_NOT_APPROVED');
  });
});

describe('changes before the time', () => {
  it('released without review and edited while pending: only the new release goes out', async () => {
    const post = await approvedPost('2030-03-01T09:00:00+01:00');
    const [pub] = await publications(post.id);
    const edited = await author.browser.patch(path(`/posts/${post.id}`), {
      version: post.version,
      text: 'Neuer Text, nicht freigegeben?',
    });
    expect(edited.status).toBe(200);
    // Under "none" the edit releases the new text at once: the row now carries its hash, and
    // only the new text goes out (the version that was approved when it was sent).
    const pubs = await publications(post.id);
    expect(pubs.map((p) => [p.id, p.status])).toEqual([[pub!.id, 'pending']]);
    await engine.processDue(at('2030-03-01T08:00:00Z'));
    expect(callsFor(pub!.id)).toBe(1);
    expect(fake.posts.get(pub!.id)?.text).toBe('Neuer Text, nicht freigegeben?');
  });

  it('under review, an edit voids the approval: nothing goes out', async () => {
    await owner.put(path('/approval-policy'), {
      policy: {
        kind: 'required',
        approvers: { roles: ['owner'], userIds: [] },
        selfApprovalRoles: [],
      },
    });
    try {
      const created = await author.browser.post(path('/posts'), {
        text: 'Bitte freigeben',
        plannedAt: '2030-03-02T09:00:00+01:00',
        variants: [{ channelId: sandbox }],
      });
      const submitted = await author.browser.post(path(`/posts/${created.body.id}/submit`), {});
      expect(submitted.body.status).toBe('in_review');
      const approved = await owner.post(path(`/posts/${created.body.id}/approve`), {});
      expect(approved.body.status).toBe('approved');
      const [pub] = await publications(created.body.id);
      expect(pub!.status).toBe('pending');
      const edited = await author.browser.patch(path(`/posts/${created.body.id}`), {
        version: approved.body.version,
        text: 'Heimlich geändert',
      });
      expect(edited.body.status).toBe('in_review');
      expect((await publications(created.body.id)).map((p) => p.status)).toEqual(['cancelled']);
      expect(await engine.processDue(at('2030-03-02T08:00:00Z'))).toBe(0);
      expect(callsFor(pub!.id)).toBe(0);
    } finally {
      await owner.put(path('/approval-policy'), {
        policy: { kind: 'none', selfApprovalRoles: [] },
      });
    }
  });

  it('edited while sending: the approved version goes out once', async () => {
    const post = await approvedPost('2030-03-03T09:00:00+01:00', [sandbox], 'Freigegebener Text');
    const [row] = await engine.claim(at('2030-03-03T08:00:00Z'));
    expect(row!.post_id).toBe(post.id);
    const edited = await author.browser.patch(path(`/posts/${post.id}`), {
      version: post.version,
      text: 'Geändert, während es rausging',
    });
    expect(edited.status).toBe(200);
    await engine.send(row!);
    expect(callsFor(row!.id)).toBe(1);
    expect(fake.posts.get(row!.id)?.text).toBe('Freigegebener Text');
    const pubs = await publications(post.id);
    expect(pubs.find((p) => p.id === row!.id)?.status).toBe('published');
  });

  it('deleted, withdrawn or moved: nothing at the old time; a moved post goes at the new one', async () => {
    const deleted = await approvedPost('2030-03-04T09:00:00+01:00');
    const withdrawn = await approvedPost('2030-03-04T09:00:00+01:00');
    const moved = await approvedPost('2030-03-04T09:00:00+01:00');
    expect(
      (
        await author.browser.delete(path(`/posts/${deleted.id}`), {
          'If-Match': String(deleted.version),
        })
      ).status,
    ).toBe(204);
    expect((await author.browser.post(path(`/posts/${withdrawn.id}/withdraw`), {})).status).toBe(
      200,
    );
    expect(
      (
        await author.browser.patch(path(`/posts/${moved.id}`), {
          version: moved.version,
          plannedAt: '2030-03-04T11:00:00+01:00',
        })
      ).status,
    ).toBe(200);
    expect(await engine.processDue(at('2030-03-04T08:00:00Z'))).toBe(0);
    for (const p of [deleted, withdrawn]) {
      expect((await publications(p.id)).map((x) => x.status)).toEqual(['cancelled']);
    }
    const [m] = await publications(moved.id);
    expect(m).toMatchObject({ status: 'pending', dueAt: '2030-03-04T10:00:00.000Z' });
    expect(await engine.processDue(at('2030-03-04T10:00:00Z'))).toBe(1);
    expect((await publications(moved.id))[0]!.status).toBe('published');
    // Restoring the deleted post plans it again.
    await author.browser.post(path(`/posts/${deleted.id}/restore`));
    expect((await publications(deleted.id)).map((x) => x.status).sort()).toEqual([
      'cancelled',
      'pending',
    ]);
    await engine.markMissed(at('2030-03-04T10:00:00Z'));
    expect((await publications(deleted.id)).map((x) => x.status).sort()).toEqual([
      'cancelled',
      'missed',
    ]);
  });
});

describe('the crisis stop', () => {
  /** A post due a minute ago, under a pause that began ten minutes ago. */
  async function pausedScenario(scope: 'workspace' | 'channel') {
    const plannedAt = new Date(Date.now() - 60_000).toISOString();
    const post = await approvedPost(plannedAt, [sandbox2], `Pause ${scope}`, owner);
    const pausePath = scope === 'workspace' ? '/pause' : `/channels/${sandbox2}/pause`;
    expect((await owner.post(path(pausePath), { reason: 'Krise' })).status).toBe(201);
    await t.db.query(
      `UPDATE pauses SET paused_at = now() - interval '10 minutes' WHERE workspace_id = $1 AND resumed_at IS NULL`,
      [wsId],
    );
    return post;
  }

  for (const scope of ['workspace', 'channel'] as const) {
    it(`a ${scope} pause: nothing goes out; resume lists what came due; it waits for a decision`, async () => {
      const post = await pausedScenario(scope);
      const [pub] = await publications(post.id);
      expect(await engine.processDue(new Date())).toBe(0);
      await engine.markMissed(new Date(Date.now() + 3_600_000));
      expect((await publications(post.id))[0]!.status).toBe('pending');

      const resumePath = scope === 'workspace' ? '/resume' : `/channels/${sandbox2}/resume`;
      const resumed = await owner.post(path(resumePath));
      expect(resumed.status).toBe(200);
      expect((resumed.body.duePosts as { id: string }[]).map((p) => p.id)).toContain(post.id);
      // Not sent late on its own.
      expect(await engine.processDue(new Date())).toBe(0);
      expect(callsFor(pub!.id)).toBe(0);

      const decided = await owner.post(path('/pause/due-posts/decide'), {
        decisions: [{ postId: post.id, action: 'publish_now' }],
      });
      expect(decided.status).toBe(200);
      expect(await engine.processDue(new Date(Date.now() + 1000))).toBe(1);
      expect(callsFor(pub!.id)).toBe(1);
    });
  }
});

describe('rate limits and lateness', () => {
  it('429 with retry-after: waits as told, then succeeds; no tight loop', async () => {
    const post = await approvedPost('2030-04-01T09:00:00+01:00');
    const [pub] = await publications(post.id);
    fake.script(pub!.id, { kind: 'rate_limited', retryAfterSeconds: 120 });
    const t0 = at('2030-04-01T08:00:00Z');
    await engine.processDue(t0);
    const [waiting] = await publications(post.id);
    expect(waiting).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: { code: 'RATE_LIMITED' },
    });
    const next = new Date(waiting!.nextAttemptAt!).getTime() - t0.getTime();
    expect(next).toBeGreaterThanOrEqual(120_000);
    expect(next).toBeLessThanOrEqual(132_000);
    for (const s of [1, 30, 60, 119]) await engine.processDue(plus(t0, s * 1000));
    expect(callsFor(pub!.id)).toBe(1);
    await engine.processDue(plus(t0, 133_000));
    expect(callsFor(pub!.id)).toBe(2);
    expect((await publications(post.id))[0]).toMatchObject({ status: 'published', attempts: 2 });
  });

  it('beyond the catch-up window: missed, alerted, not posted; the window is a workspace setting', async () => {
    const set = await owner.patch(path(''), { catchUpMinutes: 10 });
    expect(set.status).toBe(200);
    expect(set.body.catchUpMinutes).toBe(10);
    expect((await owner.patch(path(''), { catchUpMinutes: 0 })).body.error.code).toBe(
      'VALIDATION_FAILED',
    );
    try {
      const post = await approvedPost('2030-05-01T09:00:00+01:00');
      const [pub] = await publications(post.id);
      // An outage: the first look comes 11 minutes late.
      expect(await engine.processDue(at('2030-05-01T08:11:00Z'))).toBe(0);
      expect(await engine.markMissed(at('2030-05-01T08:11:00Z'))).toBe(1);
      expect((await publications(post.id))[0]).toMatchObject({ status: 'missed' });
      expect((await alertsFor(post.id)).map((a) => a.outcome)).toEqual(['missed', 'missed']);
      expect(callsFor(pub!.id)).toBe(0);
      // Skip it: cancelled, never posted.
      const skipped = await owner.post(path(`/publications/${pub!.id}/skip`));
      expect(skipped.body.status).toBe('cancelled');
    } finally {
      await owner.patch(path(''), { catchUpMinutes: 30 });
    }
  });
});

describe("a channel's limits", () => {
  it('the claim never puts more calls in flight on a channel than its adapter allows, nor more per minute', async () => {
    const channel = (await owner.post(path('/channels'), { name: 'Limits', platform: 'sandbox' }))
      .body.id as string;
    const adapters = t.app.get(PlatformAdapters);
    const real = adapters.get('sandbox')!;
    const mine = (rows: { channel_id: string }[]) => rows.filter((r) => r.channel_id === channel);
    // Twelve due at once on one channel; the sandbox allows 8 calls at a time per channel.
    const t0 = at('2030-07-01T08:00:00Z');
    for (let i = 0; i < 12; i++) await approvedPost('2030-07-01T10:00:00+02:00', [channel]);
    const first = await engine.claim(t0, 200);
    expect(mine(first)).toHaveLength(real.limits.concurrency);
    // While those are in flight, the channel gets nothing more.
    expect(mine(await engine.claim(plus(t0, 1000), 200))).toHaveLength(0);
    await Promise.all(engine.sendAll(first));
    const rest = await engine.claim(plus(t0, 2000), 200);
    expect(mine(rest)).toHaveLength(4);
    await Promise.all(engine.sendAll(rest));

    // A platform with a per-minute rate: 3 per minute, whatever the concurrency.
    adapters.register(
      Object.assign(Object.create(real) as typeof real, {
        limits: { ...real.limits, perMinute: 3 },
      }),
    );
    try {
      const t1 = at('2030-07-02T08:00:00Z');
      for (let i = 0; i < 5; i++) await approvedPost('2030-07-02T10:00:00+02:00', [channel]);
      const a = await engine.claim(t1, 200);
      expect(mine(a)).toHaveLength(3);
      await Promise.all(engine.sendAll(a));
      expect(mine(await engine.claim(plus(t1, 30_000), 200))).toHaveLength(0);
      const b = await engine.claim(plus(t1, 61_000), 200);
      expect(mine(b)).toHaveLength(2);
      await Promise.all(engine.sendAll(b));
    } finally {
      adapters.register(real);
    }
  });
});

describe('the manual kind', () => {
  it('tells the responsible person at the time and waits for "done, here is the link"', async () => {
    const manual = (await owner.post(path('/channels'), { name: 'WhatsApp', platform: 'manual' }))
      .body.id;
    const post = await approvedPost('2030-06-01T09:00:00+01:00', [manual]);
    await engine.processDue(at('2030-06-01T08:00:00Z'));
    const [pub] = await publications(post.id);
    expect(pub).toMatchObject({
      status: 'unconfirmed',
      lastError: { code: 'MANUAL_ACTION_REQUIRED' },
    });
    expect((await alertsFor(post.id)).map((a) => a.outcome)).toEqual(['manual_due', 'manual_due']);
    expect(await engine.reconcile(at('2030-06-01T08:05:00Z'))).toBe(0);
    const done = await author.browser.post(path(`/publications/${pub!.id}/confirm`), {
      url: 'https://chat.whatsapp.com/channel/123',
    });
    expect(done.body).toMatchObject({
      status: 'published',
      url: 'https://chat.whatsapp.com/channel/123',
    });
  });
});

describe('operations', () => {
  it('metrics in Prometheus format, readiness with the database', async () => {
    const metrics = await request(t.server).get('/api/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.text).toMatch(/postplan_publications\{status="published"\} [1-9]/);
    expect(metrics.text).toContain('postplan_publication_start_lag_seconds_bucket');
    expect(metrics.text).toMatch(
      /postplan_adapter_errors_total\{platform="sandbox",class="unknown"\} [1-9]/,
    );
    const ready = await request(t.server).get('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: 'up', worker: 'off' });
    void ownerId;
  });
});
