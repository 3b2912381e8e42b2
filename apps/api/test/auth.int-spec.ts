import request from 'supertest';
import { Browser, OWNER, type TestApp, count, setUpOwner, startTestApp } from './test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('first-run setup', () => {
  it('refuses a guessable password for the first owner, with its reason, and creates nothing', async () => {
    const anon = new Browser(t.server);
    const weak = await anon.post('/v1/setup', {
      email: 'anna@agentur-nord.de',
      name: 'Anna Nord',
      password: 'qwertzuiop12',
      workspaceName: 'Agentur Nord',
    });
    expect(weak.status).toBe(422);
    expect(weak.body.error).toMatchObject({
      code: 'WEAK_PASSWORD',
      details: { reason: 'too_common' },
    });
    expect(await count(t, 'users')).toBe(0);
    expect(await count(t, 'workspaces')).toBe(0);
    expect((await anon.get('/v1/setup')).body).toEqual({ needed: true });
  });

  it('is needed on an empty database, creates the owner and workspace once, then refuses', async () => {
    const anon = new Browser(t.server);
    expect((await anon.get('/v1/setup')).body).toEqual({ needed: true });
    const { owner, ws } = await setUpOwner(t);
    expect(ws).toBe('agentur-nord');
    expect((await owner.get('/v1/me')).body.workspaces[0]).toMatchObject({
      slug: ws,
      role: 'owner',
      timeZone: 'Europe/Berlin',
    });
    expect((await anon.get('/v1/setup')).body).toEqual({ needed: false });

    const again = await new Browser(t.server).post('/v1/setup', {
      email: 'intruder@example.com',
      name: 'Intruder',
      password: 'intruder-password',
      workspaceName: 'Mine now',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('SETUP_ALREADY_DONE');
    expect(await count(t, 'users')).toBe(1);
  });
});

describe('sessions', () => {
  it('logs in with an httpOnly, SameSite=Lax session cookie and a readable CSRF cookie', async () => {
    const res = await request(t.server)
      .post('/api/v1/auth/login')
      .send({ email: OWNER.email.toUpperCase(), password: OWNER.password });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(OWNER.email);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = cookies.find((c) => c.startsWith('postplan_session='))!;
    const csrf = cookies.find((c) => c.startsWith('postplan_csrf='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
  });

  it('never stores the session token itself', async () => {
    const b = new Browser(t.server);
    await b.post('/v1/auth/login', { email: OWNER.email, password: OWNER.password });
    const token = b.cookie('postplan_session')!;
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM sessions WHERE encode(token_hash, 'escape') LIKE $1`,
      [`%${token}%`],
    );
    expect(rows[0].n).toBe(0);
  });

  it('rejects a wrong password with the same answer as an unknown account', async () => {
    const wrong = await new Browser(t.server).post('/v1/auth/login', {
      email: OWNER.email,
      password: 'nope-nope-nope',
    });
    const unknown = await new Browser(t.server).post('/v1/auth/login', {
      email: 'ghost@example.com',
      password: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('answers 401 without a session, and logout ends the session at once', async () => {
    const b = new Browser(t.server);
    expect((await b.get('/v1/me')).body.error.code).toBe('UNAUTHENTICATED');
    await b.post('/v1/auth/login', { email: OWNER.email, password: OWNER.password });
    const stolen = b.cookie('postplan_session')!;
    expect((await b.get('/v1/me')).status).toBe(200);
    expect((await b.post('/v1/auth/logout')).status).toBe(204);
    const replay = await request(t.server)
      .get('/api/v1/me')
      .set('Cookie', `postplan_session=${stolen}`);
    expect(replay.status).toBe(401);
  });

  it('refuses a cookie-authenticated change without the CSRF header, and changes nothing', async () => {
    const b = new Browser(t.server);
    await b.post('/v1/auth/login', { email: OWNER.email, password: OWNER.password });
    const before = await count(t, 'api_tokens');
    const res = await request(t.server)
      .post('/api/v1/me/tokens')
      .set('Cookie', `postplan_session=${b.cookie('postplan_session')}`)
      .send({ name: 'forged' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await request(t.server)
      .post('/api/v1/me/tokens')
      .set('Cookie', `postplan_session=${b.cookie('postplan_session')}`)
      .set('X-CSRF-Token', 'guessed')
      .send({ name: 'forged' });
    expect(wrong.status).toBe(403);
    expect(await count(t, 'api_tokens')).toBe(before);
  });
});

describe('personal API tokens', () => {
  it('is shown once, works as a bearer without CSRF, is stored hashed, and stops working when revoked', async () => {
    const b = new Browser(t.server);
    await b.post('/v1/auth/login', { email: OWNER.email, password: OWNER.password });
    const created = await b.post('/v1/me/tokens', { name: 'Reporting script' });
    expect(created.status).toBe(201);
    const { token, id } = created.body as { token: string; id: string };
    expect(token).toMatch(/^pp_/);

    const listed = await b.get('/v1/me/tokens');
    expect(listed.body.items).toEqual([expect.objectContaining({ id, name: 'Reporting script' })]);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    const { rows } = await t.db.query(`SELECT prefix FROM api_tokens WHERE id = $1`, [id]);
    expect(token.startsWith(rows[0].prefix)).toBe(true);

    const bearer = (path: string) =>
      request(t.server).get(`/api${path}`).set('Authorization', `Bearer ${token}`);
    expect((await bearer('/v1/me')).body.user.email).toBe(OWNER.email);
    const change = await request(t.server)
      .patch('/api/v1/me')
      .set('Authorization', `Bearer ${token}`)
      .send({ locale: 'en' });
    expect(change.status).toBe(403);
    expect(change.body.error.code).toBe('TOKEN_SCOPE_MISSING');

    expect((await b.delete(`/v1/me/tokens/${id}`)).status).toBe(204);
    expect((await bearer('/v1/me')).status).toBe(401);
    expect((await b.delete(`/v1/me/tokens/${id}`)).body.error.code).toBe('TOKEN_NOT_FOUND');
  });

  it('rejects an unknown bearer token', async () => {
    const res = await request(t.server)
      .get('/api/v1/me')
      .set('Authorization', 'Bearer pp_not-a-token');
    expect(res.status).toBe(401);
  });
});

describe('login throttling', () => {
  it('answers 429 with Retry-After after five wrong passwords from one address, even for the right one', async () => {
    const attacker = new Browser(t.server);
    attacker.ip = '192.0.2.66';
    for (let i = 0; i < 5; i++) {
      expect(
        (await attacker.post('/v1/auth/login', { email: OWNER.email, password: `guess-${i}` }))
          .status,
      ).toBe(401);
    }
    const blocked = await attacker.post('/v1/auth/login', {
      email: OWNER.email,
      password: OWNER.password,
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(900);

    // The owner, from their own address, is not locked out by the attacker.
    const owner = new Browser(t.server);
    owner.ip = '192.0.2.10';
    expect(
      (await owner.post('/v1/auth/login', { email: OWNER.email, password: OWNER.password })).status,
    ).toBe(200);
  });

  it('lets a browser that logged in before through an account-wide attack from many addresses', async () => {
    const owner = new Browser(t.server);
    owner.ip = '192.0.2.20';
    await owner.post('/v1/auth/login', { email: OWNER.email, password: OWNER.password });
    expect(owner.cookie('postplan_device')).toBeDefined();

    for (let i = 0; i < 20; i++) {
      const bot = new Browser(t.server);
      bot.ip = `198.18.0.${i + 1}`;
      await bot.post('/v1/auth/login', { email: OWNER.email, password: `spray-${i}` });
    }
    const stranger = new Browser(t.server);
    stranger.ip = '198.18.1.1';
    expect(
      (await stranger.post('/v1/auth/login', { email: OWNER.email, password: OWNER.password }))
        .status,
    ).toBe(429);

    owner.ip = '192.0.2.21';
    expect(
      (await owner.post('/v1/auth/login', { email: OWNER.email, password: OWNER.password })).status,
    ).toBe(200);
  });
});
