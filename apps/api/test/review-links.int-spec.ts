import { createHash } from 'node:crypto';
import request from 'supertest';
import { Browser, type TestApp, addMember, count, setUpOwner, startTestApp } from './test-app';

let t: TestApp;
let owner: Browser;
let ws: string;
let masto: string;
let linkedin: string;
let writer: Browser;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();
const links = () => `/v1/workspaces/${ws}/review-links`;
const posts = () => `/v1/workspaces/${ws}/posts`;

/** A client's phone: no account, no session, a few cookies of the link at most. */
function visitor(ip = '192.0.2.50'): Browser {
  const b = new Browser(t.server);
  b.ip = ip;
  return b;
}

type Created = { id: string; token: string; url: string };

async function createLink(body: Record<string, unknown>): Promise<Created> {
  const res = await owner.post(links(), {
    label: 'Dezember-Plan',
    permission: 'approve',
    expiresAt: inDays(30),
    ...body,
  });
  if (res.status !== 201) throw new Error(`link: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Created;
}

/**
 * A post in review: written and submitted by an author, waiting for the client level. The owner
 * creates the links: a link its author created could not approve the post (four eyes).
 */
async function postInReview(plannedAt: string, channels: string[], text = 'Frohe Feiertage!') {
  const created = await writer.post(posts(), {
    title: `Beitrag ${plannedAt}`,
    text,
    plannedAt,
    variants: channels.map((channelId) => ({ channelId })),
  });
  if (created.status !== 201) throw new Error(`post: ${JSON.stringify(created.body)}`);
  const submitted = await writer.post(`${posts()}/${created.body.id}/submit`, {});
  if (submitted.status !== 200) throw new Error(`submit: ${JSON.stringify(submitted.body)}`);
  return submitted.body as { id: string; status: string; review: { contentHash: string } };
}

async function auditRows(action: string) {
  const { rows } = await t.db.query<{
    actor_type: string;
    actor_label: string | null;
    actor_user_id: string | null;
    link_id: string | null;
    post_id: string | null;
    after: Record<string, unknown> | null;
  }>(`SELECT * FROM audit_log WHERE action = $1 ORDER BY id`, [action]);
  return rows;
}

beforeAll(async () => {
  t = await startTestApp();
  ({ owner, ws } = await setUpOwner(t));
  writer = (await addMember(t, owner, ws, 'author')).browser;
  masto = (
    await owner.post(`/v1/workspaces/${ws}/channels`, { name: 'Mastodon', platform: 'mastodon' })
  ).body.id;
  linkedin = (
    await owner.post(`/v1/workspaces/${ws}/channels`, { name: 'LinkedIn', platform: 'linkedin' })
  ).body.id;
  // The team has no review step of its own here: the client decides.
  const policy = await owner.send('put', `/v1/workspaces/${ws}/approval-policy`, {
    policy: { kind: 'levels', levels: [{ name: 'Kunde', client: true, mode: 'any' }] },
  });
  if (policy.status !== 200) throw new Error(`policy: ${JSON.stringify(policy.body)}`);
});
afterAll(() => t.close());

describe('creating a link', () => {
  it('shows the token once and stores only its SHA-256', async () => {
    const res = await owner.post(links(), {
      label: 'Kunde Nord',
      permission: 'view',
      scope: { from: '2030-12-01', to: '2031-01-01' },
      expiresAt: inDays(30),
    });
    expect(res.status).toBe(201);
    const { token, url, id } = res.body as Created;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url).toMatch(new RegExp(`/r/${token}$`));
    expect(res.body).toMatchObject({
      label: 'Kunde Nord',
      permission: 'view',
      state: 'active',
      passwordProtected: false,
      scope: {
        from: '2030-12-01T00:00:00+01:00',
        to: '2031-01-01T00:00:00+01:00',
        channelIds: null,
        postIds: null,
      },
    });

    const { rows } = await t.db.query<{ token_hash: Buffer; everything: string }>(
      `SELECT token_hash, row_to_json(l)::text AS everything FROM review_links l WHERE id = $1`,
      [id],
    );
    expect(rows[0]!.token_hash.equals(sha256(token))).toBe(true);
    expect(rows[0]!.everything).not.toContain(token);

    const list = await owner.get(links());
    expect(list.status).toBe(200);
    const listed = (list.body.items as Record<string, unknown>[]).find((l) => l.id === id)!;
    expect(listed).toMatchObject({ label: 'Kunde Nord', createdBy: { name: 'Olga Owner' } });
    expect(listed).not.toHaveProperty('token');
    expect(JSON.stringify(list.body)).not.toContain(token);

    const audit = (await auditRows('review_link.created')).find(
      (r) => r.after?.label === 'Kunde Nord',
    );
    expect(audit).toMatchObject({ actor_type: 'user' });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('refuses a link without scope, without a sane expiry, or naming things of nobody, and stores nothing', async () => {
    const before = await count(t, 'review_links');
    const base = { label: 'X', permission: 'view', expiresAt: inDays(10) };
    const cases: [Record<string, unknown>, number, string, string?][] = [
      [{ ...base, scope: {} }, 400, 'VALIDATION_FAILED'],
      [{ ...base, scope: { postIds: [] } }, 400, 'VALIDATION_FAILED'],
      [
        { ...base, scope: { from: '2030-02-01', to: '2030-01-01' } },
        400,
        'VALIDATION_FAILED',
        'scope.to',
      ],
      [
        { ...base, expiresAt: inDays(181), scope: { channelIds: [masto] } },
        400,
        'VALIDATION_FAILED',
        'expiresAt',
      ],
      [
        { ...base, expiresAt: inDays(-1), scope: { channelIds: [masto] } },
        400,
        'VALIDATION_FAILED',
        'expiresAt',
      ],
      [{ ...base, permission: 'edit', scope: { channelIds: [masto] } }, 400, 'VALIDATION_FAILED'],
      [{ ...base, password: 'kurz', scope: { channelIds: [masto] } }, 400, 'VALIDATION_FAILED'],
      [{ ...base, label: '', scope: { channelIds: [masto] } }, 400, 'VALIDATION_FAILED'],
      [{ ...base, scope: { channelIds: [masto] }, token: 'mine' }, 400, 'VALIDATION_FAILED'],
      [
        { ...base, scope: { channelIds: ['00000000-0000-4000-8000-000000000000'] } },
        422,
        'UNKNOWN_CHANNEL',
      ],
      [
        { ...base, scope: { postIds: ['00000000-0000-4000-8000-000000000000'] } },
        422,
        'UNKNOWN_POST',
      ],
    ];
    for (const [body, status, code, path] of cases) {
      const res = await owner.post(links(), body);
      expect({ body, status: res.status, code: res.body.error?.code }).toEqual({
        body,
        status,
        code,
      });
      if (path) expect(res.body.error.details.issues[0].path).toBe(path);
    }
    expect(await count(t, 'review_links')).toBe(before);
  });

  it('is for owners and admins only', async () => {
    const { browser: editor } = await addMember(t, owner, ws, 'editor');
    const { browser: admin } = await addMember(t, owner, ws, 'admin');
    const body = {
      label: 'X',
      permission: 'view',
      scope: { channelIds: [masto] },
      expiresAt: inDays(5),
    };
    const refused = await editor.post(links(), body);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN_ROLE');
    expect((await editor.get(links())).status).toBe(403);
    expect((await admin.post(links(), body)).status).toBe(201);
  });
});

describe('visiting a link', () => {
  it('answers unknown and malformed tokens alike, without a session', async () => {
    for (const token of ['nope', 'A'.repeat(43), `${'A'.repeat(42)}%2F`]) {
      const res = await visitor().get(`/v1/review/${token}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('REVIEW_LINK_NOT_FOUND');
    }
  });

  it('tells the visitor who shares what, and shows the posts of its period in the workspace zone', async () => {
    const inside = await postInReview('2031-03-10T09:00', [masto, linkedin]);
    const outside = await postInReview('2031-04-10T09:00', [masto]);
    const draft = (
      await owner.post(posts(), { text: 'Noch intern', plannedAt: '2031-03-12T09:00' })
    ).body;
    const link = await createLink({ scope: { from: '2031-03-01', to: '2031-04-01' } });
    const v = visitor();

    const info = await v.get(`/v1/review/${link.token}`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({
      label: 'Dezember-Plan',
      workspaceName: 'Agentur Nord',
      permission: 'approve',
      passwordRequired: false,
      unlocked: true,
      timeZone: 'Europe/Berlin',
    });
    expect(info.headers['cache-control']).toBe('no-store');

    const list = await v.get(`/v1/review/${link.token}/posts`);
    expect(list.status).toBe(200);
    const ids = (list.body.items as { id: string }[]).map((p) => p.id);
    expect(ids).toEqual([inside.id]);
    expect(list.body.items[0]).toMatchObject({
      status: 'in_review',
      plannedAt: '2031-03-10T09:00:00+01:00',
      contentHash: inside.review.contentHash,
      texts: [
        {
          channel: { id: masto, name: 'Mastodon', platform: 'mastodon' },
          text: 'Frohe Feiertage!',
        },
        {
          channel: { id: linkedin, name: 'LinkedIn', platform: 'linkedin' },
          text: 'Frohe Feiertage!',
        },
      ],
      clientLevels: [{ name: 'Kunde', satisfied: false, current: true, approvedBy: [] }],
      can: { comment: true, approve: true, requestChanges: true },
    });

    for (const id of [outside.id, draft.id as string, '00000000-0000-4000-8000-000000000000']) {
      const res = await v.get(`/v1/review/${link.token}/posts/${id}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('POST_NOT_FOUND');
      const act = await v.post(`/v1/review/${link.token}/posts/${id}/approve`, {
        visitorName: 'Clara',
        contentHash: inside.review.contentHash,
      });
      expect(act.status).toBe(404);
    }
    expect((await owner.get(`${posts()}/${outside.id}`)).body.status).toBe('in_review');

    const links = (await owner.get(`/v1/workspaces/${ws}/review-links`)).body.items as {
      id: string;
      lastUsedAt: string | null;
    }[];
    expect(links.find((l) => l.id === link.id)!.lastUsedAt).not.toBeNull();
  });

  it('shows a channel link only its channels, and lets it not approve what it cannot see whole', async () => {
    const both = await postInReview('2031-05-10T09:00', [masto, linkedin]);
    const onlyMasto = await postInReview('2031-05-11T09:00', [masto]);
    const onlyLinkedin = await postInReview('2031-05-12T09:00', [linkedin]);
    const link = await createLink({
      scope: { channelIds: [masto], from: '2031-05-01', to: '2031-06-01' },
    });
    const v = visitor();
    const list = await v.get(`/v1/review/${link.token}/posts`);
    const byId = new Map((list.body.items as { id: string }[]).map((p) => [p.id, p]));
    expect([...byId.keys()].sort()).toEqual([both.id, onlyMasto.id].sort());
    expect(byId.get(both.id)).toMatchObject({
      texts: [{ channel: { id: masto } }],
      can: { approve: false, requestChanges: false },
    });
    expect(JSON.stringify(byId.get(both.id))).not.toContain(linkedin);
    expect((await v.get(`/v1/review/${link.token}/posts/${onlyLinkedin.id}`)).status).toBe(404);

    const partial = await v.post(`/v1/review/${link.token}/posts/${both.id}/approve`, {
      visitorName: 'Clara',
      contentHash: both.review.contentHash,
    });
    expect(partial.status).toBe(403);
    expect(partial.body.error.code).toBe('REVIEW_LINK_SCOPE_PARTIAL');
    expect((await owner.get(`${posts()}/${both.id}`)).body.status).toBe('in_review');

    const whole = await v.post(`/v1/review/${link.token}/posts/${onlyMasto.id}/approve`, {
      visitorName: 'Clara',
      contentHash: onlyMasto.review.contentHash,
    });
    expect(whole.status).toBe(200);
    expect(whole.body.status).toBe('approved');
  });
});

describe('deciding through a link', () => {
  it('approves a post for the client level, shown in the history as "name (via link \'label\')"', async () => {
    const post = await postInReview('2031-06-10T09:00', [masto], 'Sommerfest am Hafen');
    const link = await createLink({ label: 'Stadtwerke', scope: { postIds: [post.id] } });
    const v = visitor();

    const noName = await v.post(`/v1/review/${link.token}/posts/${post.id}/approve`, {
      contentHash: post.review.contentHash,
    });
    expect(noName.status).toBe(400);
    expect(noName.body.error.details.issues[0].path).toBe('visitorName');
    const blank = await v.post(`/v1/review/${link.token}/posts/${post.id}/approve`, {
      visitorName: '   ',
      contentHash: post.review.contentHash,
    });
    expect(blank.status).toBe(400);
    const stale = await v.post(`/v1/review/${link.token}/posts/${post.id}/approve`, {
      visitorName: 'Clara Client',
      contentHash: 'f'.repeat(64),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONTENT_CHANGED');
    expect((await owner.get(`${posts()}/${post.id}`)).body.status).toBe('in_review');

    const res = await v.post(`/v1/review/${link.token}/posts/${post.id}/approve`, {
      visitorName: '  Clara Client ',
      contentHash: post.review.contentHash,
      note: 'Passt so.',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'approved',
      clientLevels: [
        { name: 'Kunde', satisfied: true, current: false, approvedBy: ['Clara Client'] },
      ],
      decisions: [{ name: 'Clara Client', decision: 'approve', note: 'Passt so.' }],
      can: { approve: false, requestChanges: false },
    });
    expect((await owner.get(`${posts()}/${post.id}`)).body.status).toBe('approved');

    const { rows } = await t.db.query<{ actor_label: string; link_id: string; action: string }>(
      `SELECT actor_label, link_id, action FROM audit_log WHERE post_id = $1 AND actor_type = 'link'`,
      [post.id],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatchObject({
        actor_label: "Clara Client (via link 'Stadtwerke')",
        link_id: link.id,
      });
    }
    const history = await owner.get(`${posts()}/${post.id}/history`);
    expect(JSON.stringify(history.body)).toContain("Clara Client (via link 'Stadtwerke')");

    const again = await v.post(`/v1/review/${link.token}/posts/${post.id}/approve`, {
      visitorName: 'Clara Client',
      contentHash: post.review.contentHash,
    });
    expect(again.status).toBe(409);
  });

  it('requests changes with a note the team reads', async () => {
    const post = await postInReview('2031-06-11T09:00', [masto], 'Tag der offenen Tür');
    const link = await createLink({ scope: { postIds: [post.id] } });
    const v = visitor();
    const noNote = await v.post(`/v1/review/${link.token}/posts/${post.id}/request-changes`, {
      visitorName: 'Clara',
    });
    expect(noNote.status).toBe(400);
    const res = await v.post(`/v1/review/${link.token}/posts/${post.id}/request-changes`, {
      visitorName: 'Clara',
      note: 'Bitte das Datum nennen.',
      contentHash: post.review.contentHash,
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('changes_requested');
    const detail = (await owner.get(`${posts()}/${post.id}`)).body;
    expect(detail.status).toBe('changes_requested');
    expect(detail.review.round.decisions[0]).toMatchObject({
      decision: 'request_changes',
      note: 'Bitte das Datum nennen.',
    });
  });

  it('leaves team levels to the team: the client waits its turn', async () => {
    const { browser: author } = await addMember(t, owner, ws, 'author');
    await owner.send('put', `/v1/workspaces/${ws}/approval-policy`, {
      policy: {
        kind: 'levels',
        levels: [
          { name: 'Redaktion', approvers: { roles: ['owner'] }, mode: 'any' },
          { name: 'Kunde', client: true, mode: 'any' },
        ],
      },
    });
    try {
      const created = (
        await author.post(posts(), { text: 'Zwei Stufen', plannedAt: '2031-07-01T10:00' })
      ).body;
      const submitted = (await author.post(`${posts()}/${created.id}/submit`, {})).body;
      const link = await createLink({ scope: { postIds: [created.id] } });
      const v = visitor();
      const seen = (await v.get(`/v1/review/${link.token}/posts/${created.id}`)).body;
      expect(seen).toMatchObject({
        clientLevels: [{ name: 'Kunde', current: false }],
        can: { approve: false, requestChanges: true },
      });
      const early = await v.post(`/v1/review/${link.token}/posts/${created.id}/approve`, {
        visitorName: 'Clara',
        contentHash: submitted.review.contentHash,
      });
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('LEVEL_NOT_REACHED');

      expect(
        (
          await owner.post(`${posts()}/${created.id}/approve`, {
            contentHash: submitted.review.contentHash,
          })
        ).status,
      ).toBe(200);
      const now = (await v.get(`/v1/review/${link.token}/posts/${created.id}`)).body;
      expect(now).toMatchObject({ clientLevels: [{ current: true }], can: { approve: true } });
      const done = await v.post(`/v1/review/${link.token}/posts/${created.id}/approve`, {
        visitorName: 'Clara',
        contentHash: submitted.review.contentHash,
      });
      expect(done.status).toBe(200);
      expect(done.body.status).toBe('approved');
    } finally {
      await owner.send('put', `/v1/workspaces/${ws}/approval-policy`, {
        policy: { kind: 'levels', levels: [{ name: 'Kunde', client: true, mode: 'any' }] },
      });
    }
  });
});

describe('permissions', () => {
  it('lets a view-only link neither comment nor decide, and records the refusals', async () => {
    const post = await postInReview('2031-08-01T09:00', [masto]);
    const link = await createLink({
      label: 'Nur lesen',
      permission: 'view',
      scope: { postIds: [post.id] },
    });
    const v = visitor();
    const seen = (await v.get(`/v1/review/${link.token}/posts/${post.id}`)).body;
    expect(seen.can).toEqual({ comment: false, approve: false, requestChanges: false });
    for (const [path, body] of [
      ['approve', { contentHash: post.review.contentHash }],
      ['request-changes', { note: 'Nein' }],
      ['comments', { body: 'Schön' }],
    ] as const) {
      const res = await v.post(`/v1/review/${link.token}/posts/${post.id}/${path}`, {
        visitorName: 'Viola',
        ...body,
      });
      expect({ path, status: res.status, code: res.body.error?.code }).toEqual({
        path,
        status: 403,
        code: 'REVIEW_LINK_PERMISSION_MISSING',
      });
    }
    expect((await owner.get(`${posts()}/${post.id}`)).body.status).toBe('in_review');
    const denied = (await auditRows('access.denied')).filter((r) => r.link_id === link.id);
    expect(denied).toHaveLength(3);
    expect(denied[0]).toMatchObject({
      actor_label: "Viola (via link 'Nur lesen')",
      post_id: post.id,
    });
  });

  it('lets a comment link comment, shows the visitor their threads only, but not decide', async () => {
    const post = await postInReview('2031-08-02T09:00', [masto]);
    const link = await createLink({ permission: 'comment', scope: { postIds: [post.id] } });
    await owner.post(`${posts()}/${post.id}/comments`, { body: 'Intern: Kunde ist heikel' });
    const v = visitor();
    const res = await v.post(`/v1/review/${link.token}/posts/${post.id}/comments`, {
      visitorName: 'Clara',
      body: 'Bitte ein anderes Bild.',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      body: 'Bitte ein anderes Bild.',
      author: { type: 'link', linkId: link.id, visitorName: 'Clara' },
    });
    const threads = await v.get(`/v1/review/${link.token}/posts/${post.id}/comments`);
    expect(threads.status).toBe(200);
    expect((threads.body.items as { body: string }[]).map((c) => c.body)).toEqual([
      'Bitte ein anderes Bild.',
    ]);
    const team = await owner.get(`${posts()}/${post.id}/comments`);
    expect(JSON.stringify(team.body)).toContain('Bitte ein anderes Bild.');

    const approve = await v.post(`/v1/review/${link.token}/posts/${post.id}/approve`, {
      visitorName: 'Clara',
      contentHash: post.review.contentHash,
    });
    expect(approve.status).toBe(403);
    expect(approve.body.error.code).toBe('REVIEW_LINK_PERMISSION_MISSING');
  });
});

describe('passwords', () => {
  it('shows nothing before the password, refuses a wrong one and opens for the right one', async () => {
    const post = await postInReview('2031-09-01T09:00', [masto]);
    const link = await createLink({
      label: 'Geheim',
      password: 'kunden-passwort-1',
      scope: { postIds: [post.id] },
    });
    const { rows } = await t.db.query<{ password_hash: string }>(
      `SELECT password_hash FROM review_links WHERE id = $1`,
      [link.id],
    );
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$/);

    const v = visitor('192.0.2.60');
    expect((await v.get(`/v1/review/${link.token}`)).body).toMatchObject({
      passwordRequired: true,
      unlocked: false,
    });
    const locked = await v.get(`/v1/review/${link.token}/posts`);
    expect(locked.status).toBe(401);
    expect(locked.body.error.code).toBe('REVIEW_LINK_PASSWORD_REQUIRED');
    const lockedAction = await v.post(`/v1/review/${link.token}/posts/${post.id}/approve`, {
      visitorName: 'Clara',
      contentHash: post.review.contentHash,
    });
    expect(lockedAction.status).toBe(401);

    const wrong = await v.post(`/v1/review/${link.token}/unlock`, {
      visitorName: 'Mallory',
      password: 'falsch-geraten',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('REVIEW_LINK_PASSWORD_WRONG');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const failed = (await auditRows('review_link.unlock_failed')).filter(
      (r) => r.link_id === link.id,
    );
    expect(failed).toMatchObject([{ actor_label: "Mallory (via link 'Geheim')" }]);

    const right = await v.post(`/v1/review/${link.token}/unlock`, {
      visitorName: 'Clara',
      password: 'kunden-passwort-1',
    });
    expect(right.status).toBe(200);
    const cookie = ([] as string[])
      .concat(right.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('postplan_review_access='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toContain(`Path=/api/v1/review/${link.token}`);
    expect(Date.parse(right.body.unlockedUntil) - Date.now()).toBeLessThanOrEqual(4 * 3_600_000);

    expect((await v.get(`/v1/review/${link.token}`)).body.unlocked).toBe(true);
    expect((await v.get(`/v1/review/${link.token}/posts`)).status).toBe(200);
    // Another phone without the cookie is still locked out.
    expect((await visitor('192.0.2.61').get(`/v1/review/${link.token}/posts`)).status).toBe(401);
    // A forged cookie does not open it either.
    const forged = await request(t.server)
      .get(`/api/v1/review/${link.token}/posts`)
      .set('Cookie', `postplan_review_access=${Date.now() + 3_600_000}.forged`);
    expect(forged.status).toBe(401);
  });

  it('makes a guesser wait after five wrong passwords, but not the client on another address', async () => {
    const post = await postInReview('2031-09-02T09:00', [masto]);
    const link = await createLink({ password: 'kunden-passwort-2', scope: { postIds: [post.id] } });
    const guesser = visitor('192.0.2.70');
    for (let i = 0; i < 5; i++) {
      const res = await guesser.post(`/v1/review/${link.token}/unlock`, {
        visitorName: 'Mallory',
        password: `rate-${i}`,
      });
      expect(res.status).toBe(401);
    }
    const blocked = await guesser.post(`/v1/review/${link.token}/unlock`, {
      visitorName: 'Mallory',
      password: 'kunden-passwort-2',
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);

    const client = visitor('192.0.2.71');
    const ok = await client.post(`/v1/review/${link.token}/unlock`, {
      visitorName: 'Clara',
      password: 'kunden-passwort-2',
    });
    expect(ok.status).toBe(200);
  });
});

describe('expiry and revocation', () => {
  it('answers 410 once the link has expired, and lists it as expired', async () => {
    const post = await postInReview('2031-10-01T09:00', [masto]);
    const link = await createLink({ scope: { postIds: [post.id] } });
    const v = visitor();
    expect((await v.get(`/v1/review/${link.token}/posts`)).status).toBe(200);
    await t.db.query(
      `UPDATE review_links SET created_at = now() - interval '2 days', expires_at = now() - interval '1 second' WHERE id = $1`,
      [link.id],
    );
    for (const res of [
      await v.get(`/v1/review/${link.token}`),
      await v.get(`/v1/review/${link.token}/posts`),
      await v.post(`/v1/review/${link.token}/posts/${post.id}/approve`, {
        visitorName: 'Clara',
        contentHash: post.review.contentHash,
      }),
    ]) {
      expect(res.status).toBe(410);
      expect(res.body.error.code).toBe('REVIEW_LINK_EXPIRED');
    }
    expect((await owner.get(`${posts()}/${post.id}`)).body.status).toBe('in_review');
    const listed = ((await owner.get(links())).body.items as { id: string; state: string }[]).find(
      (l) => l.id === link.id,
    );
    expect(listed!.state).toBe('expired');
  });

  it('ends a link at once when revoked; it then answers like an unknown one', async () => {
    const post = await postInReview('2031-10-02T09:00', [masto]);
    const link = await createLink({ label: 'Widerruf', scope: { postIds: [post.id] } });
    const v = visitor();
    expect((await v.get(`/v1/review/${link.token}/posts`)).status).toBe(200);

    const revoked = await owner.delete(`${links()}/${link.id}`);
    expect(revoked.status).toBe(204);
    for (const res of [
      await v.get(`/v1/review/${link.token}`),
      await v.get(`/v1/review/${link.token}/posts/${post.id}`),
      await v.post(`/v1/review/${link.token}/posts/${post.id}/approve`, {
        visitorName: 'Clara',
        contentHash: post.review.contentHash,
      }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('REVIEW_LINK_NOT_FOUND');
    }
    expect((await owner.get(`${posts()}/${post.id}`)).body.status).toBe('in_review');

    const listed = ((await owner.get(links())).body.items as Record<string, unknown>[]).find(
      (l) => l.id === link.id,
    );
    expect(listed).toMatchObject({ state: 'revoked' });
    expect(listed!.revokedAt).not.toBeNull();
    expect(
      (await auditRows('review_link.revoked')).filter((r) => r.after?.label === 'Widerruf'),
    ).toHaveLength(1);

    expect((await owner.delete(`${links()}/${link.id}`)).status).toBe(204);
    expect(
      (await auditRows('review_link.revoked')).filter((r) => r.after?.label === 'Widerruf'),
    ).toHaveLength(1);
    const unknown = await owner.delete(`${links()}/00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('REVIEW_LINK_NOT_FOUND');
  });
});

describe('workspaces stay apart', () => {
  it('neither names, shows nor revokes anything of another workspace', async () => {
    const other = await owner.post('/v1/workspaces', {
      name: 'Andere Agentur',
      timeZone: 'Europe/Vienna',
      locale: 'de',
    });
    expect(other.status).toBe(201);
    const otherWs = other.body.slug as string;
    const foreign = (
      await owner.post(`/v1/workspaces/${otherWs}/posts`, {
        text: 'Fremd',
        plannedAt: '2031-03-15T09:00',
      })
    ).body;

    const naming = await owner.post(links(), {
      label: 'X',
      permission: 'view',
      scope: { postIds: [foreign.id] },
      expiresAt: inDays(3),
    });
    expect(naming.status).toBe(422);
    expect(naming.body.error.code).toBe('UNKNOWN_POST');

    const link = await createLink({ scope: { from: '2031-03-01', to: '2031-04-01' } });
    const v = visitor();
    const shown = (await v.get(`/v1/review/${link.token}/posts`)).body.items as { id: string }[];
    expect(shown.map((p) => p.id)).not.toContain(foreign.id);
    expect((await v.get(`/v1/review/${link.token}/posts/${foreign.id}`)).status).toBe(404);

    const elsewhere = await owner.delete(`/v1/workspaces/${otherWs}/review-links/${link.id}`);
    expect(elsewhere.status).toBe(404);
    expect((await v.get(`/v1/review/${link.token}`)).status).toBe(200);
    expect(
      ((await owner.get(`/v1/workspaces/${otherWs}/review-links`)).body.items as unknown[]).length,
    ).toBe(0);
  });
});

describe('the visitor API and cross-site requests', () => {
  it('ignores a member session and refuses form posts', async () => {
    const post = await postInReview('2031-11-01T09:00', [masto]);
    const link = await createLink({ scope: { postIds: [post.id] } });
    const form = await request(t.server)
      .post(`/api/v1/review/${link.token}/posts/${post.id}/approve`)
      .type('form')
      .send({ visitorName: 'Clara', contentHash: post.review.contentHash });
    expect(form.status).toBe(400);
    expect((await owner.get(`${posts()}/${post.id}`)).body.status).toBe('in_review');
    // The owner's own browser, session and all, acts as a visitor here, not as the owner.
    const res = await owner.post(`/v1/review/${link.token}/posts/${post.id}/approve`, {
      visitorName: 'Olga am Handy',
      contentHash: post.review.contentHash,
    });
    expect(res.status).toBe(200);
    const { rows } = await t.db.query<{ actor_type: string }>(
      `SELECT DISTINCT actor_type FROM audit_log WHERE post_id = $1 AND action = 'post.decision_recorded'`,
      [post.id],
    );
    expect(rows).toEqual([{ actor_type: 'link' }]);
  });
});
