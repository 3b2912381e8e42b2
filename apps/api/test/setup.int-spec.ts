import * as argon2 from 'argon2';
import request from 'supertest';
import { SETUP_ATTEMPTS_PER_WINDOW } from '../src/modules/setup/setup.guard';
import { type TestApp, count, setUpOwner, startTestApp } from './test-app';

// Every argon2 hash the app computes passes through this spy, so a test can see that none ran.
jest.mock('argon2', () => {
  const actual = jest.requireActual<typeof import('argon2')>('argon2');
  return { ...actual, hash: jest.fn(actual.hash) };
});
const hash = argon2.hash as jest.MockedFunction<typeof argon2.hash>;

/**
 * Issue 13, finding 8: `POST /setup` was public and unthrottled, and hashed the password it was
 * sent before it answered 409. Once an owner exists it must answer at once, and an address that
 * keeps trying is stopped.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const takeover = {
  email: 'intruder@example.com',
  name: 'Intruder',
  password: 'intruder-password-1',
  workspaceName: 'Mine now',
};

function attempt(ip: string, body: unknown = takeover) {
  return request(t.server)
    .post('/api/v1/setup')
    .set('X-Forwarded-For', ip)
    .send(body as object);
}

async function snapshot() {
  const { rows } = await t.db.query<{ users: string; workspaces: string; sessions: string }>(
    `SELECT (SELECT json_agg(u ORDER BY id)::text FROM users u) AS users,
            (SELECT json_agg(w ORDER BY id)::text FROM workspaces w) AS workspaces,
            (SELECT count(*)::text FROM sessions) AS sessions`,
  );
  return rows[0]!;
}

describe('setup once an owner exists', () => {
  it('answers 409 without hashing the password or reading the body, and changes nothing', async () => {
    await setUpOwner(t);
    const before = await snapshot();
    hash.mockClear();

    const again = await attempt('198.51.100.1');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('SETUP_ALREADY_DONE');
    // A body that would not even pass validation gets the same answer: nothing looked at it.
    const garbage = await attempt('198.51.100.1', { password: 'x'.repeat(100_000), extra: 1 });
    expect(garbage.status).toBe(409);
    expect(garbage.body.error.code).toBe('SETUP_ALREADY_DONE');

    expect(hash).not.toHaveBeenCalled();
    expect(await snapshot()).toEqual(before);
    expect(await count(t, 'users')).toBe(1);
  });

  it('stops an address that keeps trying, with Retry-After, while other addresses still get 409', async () => {
    const before = await snapshot();
    const ip = '198.51.100.2';
    for (let i = 0; i < SETUP_ATTEMPTS_PER_WINDOW; i++) {
      expect((await attempt(ip)).status).toBe(409);
    }
    const stopped = await attempt(ip);
    expect(stopped.status).toBe(429);
    expect(stopped.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(stopped.headers['retry-after'])).toBeGreaterThan(0);
    expect(stopped.body.error.details.retryAfterSeconds).toBe(
      Number(stopped.headers['retry-after']),
    );

    const elsewhere = await attempt('198.51.100.3');
    expect(elsewhere.status).toBe(409);
    expect(await snapshot()).toEqual(before);
  });
});

describe('setup on an empty database', () => {
  it('is throttled per address too, so nobody can make the server hash passwords without end', async () => {
    const fresh = await startTestApp();
    try {
      const ip = '198.51.100.9';
      const bad = { ...takeover, timeZone: 'Mars/Olympus' };
      for (let i = 0; i < SETUP_ATTEMPTS_PER_WINDOW; i++) {
        const res = await request(fresh.server)
          .post('/api/v1/setup')
          .set('X-Forwarded-For', ip)
          .send(bad);
        expect(res.status).toBeLessThan(500);
        expect(res.status).not.toBe(201);
      }
      const stopped = await request(fresh.server)
        .post('/api/v1/setup')
        .set('X-Forwarded-For', ip)
        .send(takeover);
      expect(stopped.status).toBe(429);
      expect(await count(fresh, 'users')).toBe(0);
      // Someone else (the real operator) can still set up.
      const real = await request(fresh.server)
        .post('/api/v1/setup')
        .set('X-Forwarded-For', '203.0.113.200')
        .send({ ...takeover, email: 'owner@example.com', timeZone: 'Europe/Berlin' });
      expect(real.status).toBe(201);
      // The spy sees the app's hashing: its silence above means something.
      expect(hash).toHaveBeenCalled();
    } finally {
      await fresh.close();
    }
  });
});
