import { type FakePlatform, startFakePlatform } from './fake-server';

/** Plain fetch, as any adapter's HTTP client would call the fake. */
async function call(
  fake: FakePlatform,
  key: string | null,
  body: unknown = { text: 'hi' },
  signal?: AbortSignal,
) {
  const res = await fetch(`${fake.url}/v1/posts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify(body),
    signal: signal ?? null,
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json().catch(() => null)) as unknown,
  };
}

describe('fake platform server', () => {
  let fake: FakePlatform;
  beforeEach(async () => {
    fake = await startFakePlatform();
  });
  afterEach(() => fake.close());

  it('listens on loopback, records each request and stores a post a person can open', async () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await call(fake, 'k1', { text: 'hello' });
    expect(answer).toMatchObject({
      status: 200,
      body: { id: 'fake-1', url: `${fake.url}/posts/fake-1` },
    });
    expect(fake.requests).toEqual([
      expect.objectContaining({
        seq: 1,
        method: 'POST',
        path: '/v1/posts',
        body: { text: 'hello' },
        key: 'k1',
      }),
    ]);
    const opened = await fetch(`${fake.url}/posts/fake-1`);
    expect(await opened.json()).toMatchObject({ id: 'fake-1', body: { text: 'hello' } });
    expect((await fetch(`${fake.url}/posts/nope`)).status).toBe(404);
  });

  it('follows a script, one behaviour per request, then the default', async () => {
    fake.next(
      { kind: 'fail', status: 422, code: 'TEXT_TOO_LONG', message: 'Too long.' },
      { kind: 'serverError', status: 502 },
      { kind: 'rateLimit', retryAfter: 30 },
      { kind: 'rateLimit', retryAfter: new Date(Date.UTC(2030, 0, 1)) },
    );
    fake.setDefault({ kind: 'fail', status: 403 });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await call(fake, `k${i}`));
    expect(answers.map((a) => a.status)).toEqual([422, 502, 429, 429, 403]);
    expect(answers[0]?.body).toEqual({ error: { code: 'TEXT_TOO_LONG', message: 'Too long.' } });
    expect(answers[2]?.headers.get('retry-after')).toBe('30');
    expect(answers[3]?.headers.get('retry-after')).toBe('Tue, 01 Jan 2030 00:00:00 GMT');
    expect(fake.posts).toEqual([]);
  });

  it('answers a duplicate naming the post already stored for the key', async () => {
    await call(fake, 'same');
    fake.next({ kind: 'duplicate' });
    const second = await call(fake, 'same');
    expect(second).toMatchObject({
      status: 409,
      body: {
        error: { code: 'DUPLICATE', existing: { id: 'fake-1', url: `${fake.url}/posts/fake-1` } },
      },
    });
    expect(fake.callsFor('same')).toBe(2);
    expect(fake.duplicateKeys()).toEqual(['same']);
  });

  it('commits and then hangs until the client gives up', async () => {
    fake.next({ kind: 'commitThenTimeout' });
    await expect(call(fake, 'k', {}, AbortSignal.timeout(200))).rejects.toThrow();
    expect(fake.posts).toHaveLength(1);
    expect(fake.posts[0]?.key).toBe('k');
  });

  it('answers slowly, then as told', async () => {
    fake.next({ kind: 'slow', delayMs: 50, then: { kind: 'fail', status: 400 } });
    expect((await call(fake, 'k')).status).toBe(400);
  });

  it('redirects, and counts connections that send nothing', async () => {
    fake.next({ kind: 'redirect', location: 'http://169.254.169.254/' });
    const res = await fetch(`${fake.url}/x`, { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('http://169.254.169.254/');
    expect(fake.connections).toBeGreaterThanOrEqual(1);
  });

  it('reads the key from the body when told to, and forgets everything on reset', async () => {
    await fake.close();
    fake = await startFakePlatform({
      keyOf: (r) => (r.body as { rkey?: string } | null)?.rkey ?? null,
      postId: (n) => `rec-${n}`,
    });
    await call(fake, null, { rkey: 'a' });
    await call(fake, null, { rkey: 'b' });
    expect(fake.posts.map((p) => [p.id, p.key])).toEqual([
      ['rec-1', 'a'],
      ['rec-2', 'b'],
    ]);
    expect(fake.duplicateKeys()).toEqual([]);
    fake.reset();
    expect([fake.requests.length, fake.posts.length, fake.connections]).toEqual([0, 0, 0]);
  });
});
