import { ManualClock } from '../src/common/clock/clock';
import { type Browser, type TestApp, addMember, count, setUpOwner, startTestApp } from './test-app';

// The app's clock, which stands still: posts are planned and pauses backdated relative to it,
// and what the app stamps (pause, resume, "publish now") can be asserted exactly.
const clock = new ManualClock('2026-11-20T09:00:00Z');
beforeEach(() => clock.advance(86_400_000));

let t: TestApp;
let owner: Browser;
let ws: string;
let wsId: string;
let ownerId: string;
let admin: { browser: Browser; userId: string };
let editor: { browser: Browser; userId: string };
let author: { browser: Browser; userId: string };
let viewer: { browser: Browser; userId: string };
let insta: string;
let linkedin: string;

beforeAll(async () => {
  t = await startTestApp({}, { clock });
  ({ owner, ws } = await setUpOwner(t));
  const me = (await owner.get('/v1/me')).body as {
    user: { id: string };
    workspaces: { id: string }[];
  };
  ownerId = me.user.id;
  wsId = me.workspaces[0]!.id;
  admin = await addMember(t, owner, ws, 'admin');
  editor = await addMember(t, owner, ws, 'editor');
  author = await addMember(t, owner, ws, 'author');
  viewer = await addMember(t, owner, ws, 'viewer');
  insta = (
    await owner.post(`/v1/workspaces/${ws}/channels`, { name: 'Instagram', platform: 'instagram' })
  ).body.id;
  linkedin = (
    await owner.post(`/v1/workspaces/${ws}/channels`, { name: 'LinkedIn', platform: 'linkedin' })
  ).body.id;
});
afterAll(() => t.close());

const path = (p = '') => `/v1/workspaces/${ws}${p}`;

type PauseState = {
  workspace: {
    id: string;
    reason: string;
    pausedAt: string;
    pausedBy: { userId: string; name: string };
  } | null;
  channels: { id: string; channel: { id: string; name: string }; reason: string }[];
  duePostCount: number;
};

/**
 * A post in the given status whose planned time lies `minutes` from the app's now (negative: past),
 * written straight into the database: these tests are about the pause, not about editing.
 */
async function post(
  minutes: number | null,
  opts: { status?: string; channels?: string[]; title?: string; deleted?: boolean } = {},
): Promise<string> {
  const status = opts.status ?? 'approved';
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO posts (workspace_id, status, title, text, planned_at, author_id, approval, deleted_at)
     VALUES ($1, $2, $3, 'Unser Adventsgewinnspiel startet!',
             CASE WHEN $4::int IS NULL THEN NULL ELSE $7::timestamptz + make_interval(mins => $4::int) END,
             $5,
             CASE WHEN $2 = 'approved' THEN '{"contentHash":"h","approvedAt":"x"}'::jsonb END,
             CASE WHEN $6 THEN now() END)
     RETURNING id`,
    [
      wsId,
      status,
      opts.title ?? `Post ${minutes}`,
      minutes,
      ownerId,
      opts.deleted ?? false,
      clock.now(),
    ],
  );
  const id = rows[0]!.id;
  for (const [position, channelId] of (opts.channels ?? []).entries()) {
    await t.db.query(
      `INSERT INTO post_variants (post_id, channel_id, position) VALUES ($1, $2, $3)`,
      [id, channelId, position],
    );
  }
  return id;
}

/** Moves the start of the pause in force back in time, as if it had lasted that long. */
async function backdatePause(minutes: number, channelId: string | null = null): Promise<void> {
  await t.db.query(
    `UPDATE pauses SET paused_at = $4::timestamptz - make_interval(mins => $3::int)
      WHERE workspace_id = $1 AND channel_id IS NOT DISTINCT FROM $2::uuid AND resumed_at IS NULL`,
    [wsId, channelId, minutes, clock.now()],
  );
}

async function auditActions(): Promise<
  { action: string; reason: string | null; actor_user_id: string; subject_id: string | null }[]
> {
  const { rows } = await t.db.query(
    `SELECT action, reason, actor_user_id, subject_id FROM audit_log
      WHERE workspace_id = $1 AND (action LIKE 'workspace.%' OR action LIKE 'channel.%' OR action = 'post.pause_decision')
      ORDER BY id`,
    [wsId],
  );
  return rows;
}

async function inboxKinds(b: Browser): Promise<{ kind: string; data: Record<string, unknown> }[]> {
  return (await b.get('/v1/me/notifications')).body.items;
}

describe('pausing and resuming the workspace', () => {
  it('is for owners and admins: an editor is refused and nothing is stored', async () => {
    const res = await editor.browser.post(path('/pause'), { reason: 'Shitstorm' });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      code: 'FORBIDDEN_ROLE',
      details: { required: 'admin' },
    });
    expect((await author.browser.post(path('/pause'), { reason: 'x' })).status).toBe(403);
    expect(await count(t, 'pauses')).toBe(0);
  });

  it('wants a reason of at most 500 characters, trimmed', async () => {
    for (const body of [
      {},
      { reason: '' },
      { reason: '   ' },
      { reason: 'x'.repeat(501) },
      { reason: 'ok', extra: 1 },
    ]) {
      const res = await admin.browser.post(path('/pause'), body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect(await count(t, 'pauses')).toBe(0);
  });

  it('pauses with who, when and why, visible to every member, audited and announced', async () => {
    const res = await admin.browser.post(path('/pause'), {
      reason: '  Shitstorm zum Gewinnspiel – bitte nichts posten  ',
    });
    expect(res.status).toBe(201);
    const state = res.body as PauseState;
    expect(state.workspace).toMatchObject({
      reason: 'Shitstorm zum Gewinnspiel – bitte nichts posten',
      pausedBy: { userId: admin.userId, name: 'admin person' },
    });
    expect(Date.parse(state.workspace!.pausedAt)).toBe(clock.nowMs());
    const seen = await viewer.browser.get(path('/pause'));
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual(state);

    expect(await auditActions()).toEqual([
      {
        action: 'workspace.paused',
        reason: 'Shitstorm zum Gewinnspiel – bitte nichts posten',
        actor_user_id: admin.userId,
        subject_id: wsId,
      },
    ]);
    // Owners, admins and editors are told; not the one who paused, not authors or viewers.
    for (const b of [owner, editor.browser]) {
      expect((await inboxKinds(b))[0]).toMatchObject({
        kind: 'workspace_paused',
        data: { scope: 'workspace', reason: 'Shitstorm zum Gewinnspiel – bitte nichts posten' },
      });
    }
    for (const b of [admin.browser, author.browser, viewer.browser])
      expect(await inboxKinds(b)).toEqual([]);
  });

  it('answers 409 to a second pause and changes nothing', async () => {
    const res = await owner.post(path('/pause'), { reason: 'Noch mal' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ALREADY_PAUSED');
    expect(await count(t, 'pauses')).toBe(1);
    expect((await auditActions()).map((a) => a.action)).toEqual(['workspace.paused']);
  });

  it('is refused to an editor on resume too', async () => {
    const res = await editor.browser.post(path('/resume'));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN_ROLE');
    expect(((await owner.get(path('/pause'))).body as PauseState).workspace).not.toBeNull();
  });

  it('resumes, and lists the approved posts that came due meanwhile', async () => {
    await backdatePause(180);
    const due = await post(-60, { title: 'Fällig' });
    await post(-30, { status: 'draft', title: 'Entwurf' });
    await post(-300, { title: 'Vor der Pause' });
    await post(120, { title: 'Später' });
    await post(-45, { title: 'Gelöscht', deleted: true });
    await post(null, { title: 'Idee', status: 'idea' });

    const res = await owner.post(path('/resume'));
    expect(res.status).toBe(200);
    expect(res.body.pause).toMatchObject({
      scope: 'workspace',
      resumedBy: { userId: ownerId, name: 'Olga Owner' },
    });
    expect(res.body.state).toEqual({ workspace: null, channels: [], duePostCount: 1 });
    expect(res.body.duePosts.map((p: { title: string }) => p.title)).toEqual(['Fällig']);
    expect(res.body.duePosts[0]).toMatchObject({
      id: due,
      version: 1,
      pauseIds: [res.body.pause.id],
    });
    expect(res.body.duePosts[0].plannedAt).toMatch(/[+-]\d{2}:\d{2}$/);

    const listed = await viewer.browser.get(path('/pause/due-posts'));
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((p: { id: string }) => p.id)).toEqual([due]);
    expect((await auditActions()).map((a) => a.action)).toEqual([
      'workspace.paused',
      'workspace.resumed',
    ]);
    expect((await inboxKinds(admin.browser))[0]).toMatchObject({
      kind: 'workspace_resumed',
      data: { scope: 'workspace', duePostCount: 1 },
    });

    const again = await owner.post(path('/resume'));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('NOT_PAUSED');
  });
});

describe('pausing one channel', () => {
  it('pauses a channel of the workspace beside a workspace pause, and resumes each on its own', async () => {
    const res = await admin.browser.post(path(`/channels/${insta}/pause`), {
      reason: 'Instagram-Konto gehackt',
    });
    expect(res.status).toBe(201);
    expect(res.body.workspace).toBeNull();
    expect(res.body.channels).toEqual([
      expect.objectContaining({
        scope: 'channel',
        channel: { id: insta, name: 'Instagram', platform: 'instagram' },
        reason: 'Instagram-Konto gehackt',
      }),
    ]);
    expect(
      (await admin.browser.post(path(`/channels/${insta}/pause`), { reason: 'x' })).body.error.code,
    ).toBe('ALREADY_PAUSED');
    // A minute later, the whole workspace.
    clock.advance(60_000);
    expect((await owner.post(path('/pause'), { reason: 'Alles stopp' })).status).toBe(201);
    const both = (await viewer.browser.get(path('/pause'))).body as PauseState;
    expect(both.workspace?.reason).toBe('Alles stopp');
    expect(both.channels.map((c) => c.channel.id)).toEqual([insta]);
    expect((await owner.post(path('/resume'))).status).toBe(200);
    expect(((await owner.get(path('/pause'))).body as PauseState).channels).toHaveLength(1);
    const actions = (await auditActions()).map((a) => a.action);
    expect(actions.slice(-3)).toEqual(['channel.paused', 'workspace.paused', 'workspace.resumed']);
  });

  it('lists, on resume, only the posts aimed at that channel', async () => {
    // Planned for this very moment: inside the channel's pause, after the workspace's pauses.
    const onInsta = await post(0, { channels: [insta, linkedin], title: 'Insta und LinkedIn' });
    await post(0, { channels: [linkedin], title: 'Nur LinkedIn' });
    const res = await admin.browser.post(path(`/channels/${insta}/resume`));
    expect(res.status).toBe(200);
    expect(res.body.pause).toMatchObject({ scope: 'channel', channel: { id: insta } });
    expect(res.body.duePosts.map((p: { id: string }) => p.id)).toEqual([onInsta]);
    expect(res.body.duePosts[0].channelIds).toEqual([insta, linkedin]);
    expect((await admin.browser.post(path(`/channels/${insta}/resume`))).body.error.code).toBe(
      'NOT_PAUSED',
    );
    expect((await owner.get(path('/pause/due-posts'))).body.items).toHaveLength(2);
  });

  it('answers 404 for a channel that is not in this workspace', async () => {
    const created = await owner.post('/v1/workspaces', { name: 'Zweiter Kunde' });
    const foreign = (
      await owner.post(`/v1/workspaces/${created.body.slug}/channels`, { name: 'X', platform: 'x' })
    ).body.id;
    const res = await owner.post(path(`/channels/${foreign}/pause`), { reason: 'x' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('CHANNEL_NOT_FOUND');
    expect((await owner.post(path('/channels/not-a-uuid/pause'), { reason: 'x' })).status).toBe(
      400,
    );
  });
});

describe('another workspace', () => {
  it('answers 404 to people who are not members, and keeps its own pause state', async () => {
    const stranger = await addMember(t, owner, ws, 'viewer');
    await owner.delete(path(`/members/${stranger.userId}`));
    for (const [method, p] of [
      ['post', '/pause'],
      ['post', '/resume'],
      ['get', '/pause'],
      ['get', '/pause/due-posts'],
      ['post', '/pause/due-posts/decide'],
    ] as const) {
      const res =
        method === 'get'
          ? await stranger.browser.get(path(p))
          : await stranger.browser.post(path(p), { reason: 'x' });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('WORKSPACE_NOT_FOUND');
    }
    const created = await stranger.browser.post('/v1/workspaces', { name: 'Eigenes Team' });
    expect(
      (await stranger.browser.post(`/v1/workspaces/${created.body.slug}/pause`, { reason: 'Test' }))
        .status,
    ).toBe(201);
    expect(((await owner.get(path('/pause'))).body as PauseState).workspace).toBeNull();
  });
});

describe('deciding about the posts that came due', () => {
  let dueIds: string[];
  const versions = async (ids: string[]) =>
    (
      await t.db.query<{
        id: string;
        version: number;
        planned_at: Date | null;
        status: string;
        approval: unknown;
      }>(
        `SELECT id, version, planned_at, status, approval FROM posts WHERE id = ANY($1) ORDER BY id`,
        [ids],
      )
    ).rows;

  beforeAll(async () => {
    dueIds = ((await owner.get(path('/pause/due-posts'))).body.items as { id: string }[]).map(
      (p) => p.id,
    );
    expect(dueIds).toHaveLength(2);
  });

  it('is for editors and up', async () => {
    const res = await author.browser.post(path('/pause/due-posts/decide'), {
      decisions: [{ postId: dueIds[0], action: 'skip' }],
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN_ROLE');
  });

  it('changes nothing when one decision is bad', async () => {
    const before = await versions(dueIds);
    const notDue = await post(300, { title: 'Nicht fällig' });
    const cases: [unknown, number, string][] = [
      [
        {
          decisions: [
            { postId: dueIds[0], action: 'skip' },
            { postId: notDue, action: 'skip' },
          ],
        },
        409,
        'POST_NOT_DUE',
      ],
      [
        {
          decisions: [
            { postId: dueIds[0], action: 'skip' },
            { postId: dueIds[1], action: 'reschedule', plannedAt: '2030-03-31T02:30' },
          ],
        },
        422,
        'LOCAL_TIME_DOES_NOT_EXIST',
      ],
      [
        {
          decisions: [
            { postId: dueIds[0], action: 'publish_now' },
            { postId: dueIds[1], action: 'reschedule', plannedAt: '2020-01-01T10:00' },
          ],
        },
        422,
        'PLANNED_TIME_IN_PAST',
      ],
      [{ decisions: [{ postId: dueIds[0], action: 'reschedule' }] }, 400, 'VALIDATION_FAILED'],
      [
        {
          decisions: [
            { postId: dueIds[0], action: 'skip' },
            { postId: dueIds[0], action: 'publish_now' },
          ],
        },
        400,
        'VALIDATION_FAILED',
      ],
      [{ decisions: [{ postId: dueIds[0], action: 'delete' }] }, 400, 'VALIDATION_FAILED'],
      [{ decisions: [] }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await editor.browser.post(path('/pause/due-posts/decide'), body);
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
    }
    expect(await versions(dueIds)).toEqual(before);
    expect((await auditActions()).filter((a) => a.action === 'post.pause_decision')).toEqual([]);
  });

  it('publishes now, reschedules (DST-checked) or skips; keeps the approval and moves the version', async () => {
    const [first, second] = dueIds as [string, string];
    const before = await versions(dueIds);
    const beforeSecond = await post(-20, { title: 'Drittes' });
    // A third post, due in the first (workspace) pause's window.
    await t.db.query(
      `UPDATE posts SET planned_at = (SELECT paused_at + interval '1 minute' FROM pauses
                                       WHERE workspace_id = $1 AND channel_id IS NULL ORDER BY paused_at LIMIT 1)
        WHERE id = $2`,
      [wsId, beforeSecond],
    );
    const ambiguous = await editor.browser.post(path('/pause/due-posts/decide'), {
      decisions: [{ postId: second, action: 'reschedule', plannedAt: '2030-10-27T02:30' }],
    });
    expect(ambiguous.status).toBe(422);
    expect(ambiguous.body.error.code).toBe('LOCAL_TIME_AMBIGUOUS');

    const res = await editor.browser.post(path('/pause/due-posts/decide'), {
      decisions: [
        { postId: first, action: 'publish_now' },
        { postId: second, action: 'reschedule', plannedAt: '2030-10-27T02:30+01:00' },
        { postId: beforeSecond, action: 'skip' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.remaining).toEqual([]);
    const byId = new Map(res.body.items.map((i: { postId: string }) => [i.postId, i]));
    expect(byId.get(second)).toEqual({
      postId: second,
      action: 'reschedule',
      plannedAt: '2030-10-27T02:30:00+01:00',
      version: 2,
    });
    expect(byId.get(beforeSecond)).toMatchObject({ action: 'skip', plannedAt: null, version: 2 });

    const after = new Map((await versions([first, second, beforeSecond])).map((r) => [r.id, r]));
    const published = after.get(first)!;
    // "Publish now" is the app's now.
    expect(published.planned_at!.getTime()).toBe(clock.nowMs());
    for (const id of [first, second, beforeSecond]) {
      expect(after.get(id)).toMatchObject({
        status: 'approved',
        approval: { contentHash: 'h' },
        version: (before.find((b) => b.id === id)?.version ?? 1) + 1,
      });
    }
    expect(after.get(beforeSecond)!.planned_at).toBeNull();

    const audited = (await auditActions()).filter((a) => a.action === 'post.pause_decision');
    expect(audited).toHaveLength(3);
    expect(audited.every((a) => a.actor_user_id === editor.userId)).toBe(true);
    const { rows } = await t.db.query(
      `SELECT after->>'action' AS action FROM audit_log WHERE action = 'post.pause_decision' AND post_id = $1`,
      [beforeSecond],
    );
    expect(rows).toEqual([{ action: 'skip' }]);

    // Decided posts leave the list; deciding again is refused.
    expect((await owner.get(path('/pause/due-posts'))).body.items).toEqual([]);
    expect(((await owner.get(path('/pause'))).body as PauseState).duePostCount).toBe(0);
    const again = await editor.browser.post(path('/pause/due-posts/decide'), {
      decisions: [{ postId: first, action: 'skip' }],
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('POST_NOT_DUE');
  });
});

describe('history', () => {
  it('lists every pause, newest first, with who resumed it, page by page', async () => {
    const first = await viewer.browser.get(path('/pause/history?limit=2'));
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toBe(first.body.items[1].id);
    const rest = await viewer.browser.get(
      path(`/pause/history?limit=10&cursor=${first.body.nextCursor}`),
    );
    const all = [...first.body.items, ...rest.body.items] as {
      scope: string;
      reason: string;
      resumedBy: { userId: string } | null;
    }[];
    expect(all.map((p) => p.reason)).toEqual([
      'Alles stopp',
      'Instagram-Konto gehackt',
      'Shitstorm zum Gewinnspiel – bitte nichts posten',
    ]);
    expect(all.every((p) => p.resumedBy !== null)).toBe(true);
    expect(rest.body.nextCursor).toBeNull();
  });
});
