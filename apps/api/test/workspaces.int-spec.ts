import { type Browser, type TestApp, addMember, count, setUpOwner, startTestApp } from './test-app';

let t: TestApp;
let owner: Browser;
let ws: string;
beforeAll(async () => {
  t = await startTestApp();
  ({ owner, ws } = await setUpOwner(t));
});
afterAll(() => t.close());

describe('roles', () => {
  it('lets a viewer read the calendar but not create or change anything', async () => {
    const { browser: viewer } = await addMember(t, owner, ws, 'viewer');
    expect(
      (await viewer.get(`/v1/workspaces/${ws}/posts?from=2026-11-01&to=2026-12-01`)).status,
    ).toBe(200);
    const before = await count(t, 'posts');
    const res = await viewer.post(`/v1/workspaces/${ws}/posts`, { text: 'Hallo' });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      code: 'FORBIDDEN_ROLE',
      details: { required: 'author', role: 'viewer' },
    });
    expect(await count(t, 'posts')).toBe(before);
    expect(
      (await viewer.post(`/v1/workspaces/${ws}/channels`, { name: 'X', platform: 'x' })).status,
    ).toBe(403);
  });

  it('lets an author change their own posts only; an editor changes any', async () => {
    const { browser: author } = await addMember(t, owner, ws, 'author');
    const { browser: editor } = await addMember(t, owner, ws, 'editor');
    const own = (await author.post(`/v1/workspaces/${ws}/posts`, { text: 'Meins' })).body;
    const other = (await owner.post(`/v1/workspaces/${ws}/posts`, { text: 'Nicht deins' })).body;
    expect(
      (await author.patch(`/v1/workspaces/${ws}/posts/${own.id}`, { version: 1, text: 'Meins!' }))
        .status,
    ).toBe(200);
    const refused = await author.patch(`/v1/workspaces/${ws}/posts/${other.id}`, {
      version: 1,
      text: 'Doch meins',
    });
    expect(refused.status).toBe(403);
    expect((await owner.get(`/v1/workspaces/${ws}/posts/${other.id}`)).body.text).toBe(
      'Nicht deins',
    );
    expect(
      (
        await editor.patch(`/v1/workspaces/${ws}/posts/${other.id}`, {
          version: 1,
          text: 'Redigiert',
        })
      ).status,
    ).toBe(200);
  });

  it('keeps channel and member management for admins and owners', async () => {
    const { browser: editor } = await addMember(t, owner, ws, 'editor');
    const { browser: admin } = await addMember(t, owner, ws, 'admin');
    expect(
      (
        await editor.post(`/v1/workspaces/${ws}/channels`, {
          name: 'LinkedIn',
          platform: 'linkedin',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await admin.post(`/v1/workspaces/${ws}/channels`, {
          name: 'LinkedIn',
          platform: 'linkedin',
        })
      ).status,
    ).toBe(201);
    const makeOwner = await admin.post(`/v1/workspaces/${ws}/members`, {
      email: 'boss@example.com',
      role: 'owner',
    });
    expect(makeOwner.status).toBe(403);
    expect(makeOwner.body.error.code).toBe('FORBIDDEN_ROLE');
    const { rows } = await t.db.query(`SELECT 1 FROM invitations WHERE email = 'boss@example.com'`);
    expect(rows).toHaveLength(0);
  });
});

describe('membership', () => {
  it('revokes access at once when a member is removed', async () => {
    const { browser: editor, userId } = await addMember(t, owner, ws, 'editor');
    expect((await editor.get(`/v1/workspaces/${ws}/channels`)).status).toBe(200);
    expect((await owner.delete(`/v1/workspaces/${ws}/members/${userId}`)).status).toBe(204);
    const after = await editor.get(`/v1/workspaces/${ws}/channels`);
    expect(after.status).toBe(404);
    expect(after.body.error.code).toBe('WORKSPACE_NOT_FOUND');
  });

  it('never leaves a workspace without an owner', async () => {
    const me = (await owner.get('/v1/me')).body.user.id as string;
    const res = await owner.patch(`/v1/workspaces/${ws}/members/${me}`, { role: 'admin' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('LAST_OWNER');
    const members = (await owner.get(`/v1/workspaces/${ws}/members`)).body.items as {
      userId: string;
      role: string;
    }[];
    expect(members.find((m) => m.userId === me)?.role).toBe('owner');
  });

  it('refuses to add the same person twice', async () => {
    await addMember(t, owner, ws, 'viewer', 'twice@example.com');
    const again = await owner.post(`/v1/workspaces/${ws}/members`, {
      email: 'twice@example.com',
      role: 'editor',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('MEMBER_EXISTS');
  });
});

describe('workspace scoping', () => {
  it("answers 404 for another workspace's workspace, channels and posts, never their data", async () => {
    const { browser: stranger } = await addMember(t, owner, ws, 'owner', 'other-owner@example.com');
    // The stranger makes a workspace of their own by being owner elsewhere: create it directly.
    const { rows } = await t.db.query(
      `INSERT INTO workspaces (slug, name, time_zone, locale) VALUES ('fremd', 'Fremd', 'Europe/Vienna', 'de') RETURNING id`,
    );
    const foreignId = rows[0].id as string;
    const channel = await t.db.query(
      `INSERT INTO channels (workspace_id, name, platform, color) VALUES ($1, 'Geheim', 'x', '#000000') RETURNING id`,
      [foreignId],
    );
    const ownerId = (await owner.get('/v1/me')).body.user.id as string;
    const post = await t.db.query(
      `INSERT INTO posts (workspace_id, status, text, author_id, planned_at) VALUES ($1, 'draft', 'Streng geheim', $2, '2026-11-10T10:00Z') RETURNING id`,
      [foreignId, ownerId],
    );
    for (const path of [
      `/v1/workspaces/fremd`,
      `/v1/workspaces/${foreignId}`,
      `/v1/workspaces/fremd/channels`,
      `/v1/workspaces/fremd/posts?from=2026-11-01&to=2026-12-01`,
      `/v1/workspaces/fremd/posts/${post.rows[0].id}`,
    ]) {
      const res = await stranger.get(path);
      expect({ path, status: res.status, code: res.body.error?.code }).toEqual({
        path,
        status: 404,
        code: 'WORKSPACE_NOT_FOUND',
      });
      expect(JSON.stringify(res.body)).not.toContain('Geheim');
    }
    // Within their own workspace, the foreign post's id is unknown.
    const viaOwn = await owner.get(`/v1/workspaces/${ws}/posts/${post.rows[0].id}`);
    expect(viaOwn.status).toBe(404);
    expect(viaOwn.body.error.code).toBe('POST_NOT_FOUND');
    const foreignChannel = await owner.post(`/v1/workspaces/${ws}/posts`, {
      text: 'Hallo',
      variants: [{ channelId: channel.rows[0].id }],
    });
    expect(foreignChannel.status).toBe(422);
    expect(foreignChannel.body.error.code).toBe('UNKNOWN_CHANNEL');
  });

  it('rejects an unknown time zone for the workspace and keeps the old one', async () => {
    const res = await owner.patch(`/v1/workspaces/${ws}`, { timeZone: 'Mars/Olympus_Mons' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_TIME_ZONE');
    expect((await owner.get(`/v1/workspaces/${ws}`)).body.timeZone).toBe('Europe/Berlin');
  });
});

describe('new workspaces', () => {
  it('lets a member start another workspace, which they own and nobody else sees', async () => {
    const { browser: editor } = await addMember(t, owner, ws, 'editor');
    const res = await editor.post('/v1/workspaces', {
      name: 'Kunde Süd GmbH',
      timeZone: 'Europe/Vienna',
      holidayCountry: 'AT',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      slug: 'kunde-sued-gmbh',
      timeZone: 'Europe/Vienna',
      holidayCountry: 'AT',
    });
    const mine = (await editor.get('/v1/me')).body.workspaces as { slug: string; role: string }[];
    expect(mine).toContainEqual(
      expect.objectContaining({ slug: 'kunde-sued-gmbh', role: 'owner' }),
    );
    expect((await owner.get('/v1/workspaces/kunde-sued-gmbh')).status).toBe(404);
    const clash = await editor.post('/v1/workspaces', { name: 'Zweite', slug: 'kunde-sued-gmbh' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('SLUG_TAKEN');
  });
});
