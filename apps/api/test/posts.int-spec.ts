import request from 'supertest';
import { type Browser, type TestApp, addMember, count, setUpOwner, startTestApp } from './test-app';

let t: TestApp;
let owner: Browser;
let ws: string;
let insta: string;
let linkedin: string;
beforeAll(async () => {
  t = await startTestApp();
  ({ owner, ws } = await setUpOwner(t));
  insta = (
    await owner.post(`/v1/workspaces/${ws}/channels`, { name: 'Instagram', platform: 'instagram' })
  ).body.id;
  linkedin = (
    await owner.post(`/v1/workspaces/${ws}/channels`, { name: 'LinkedIn', platform: 'linkedin' })
  ).body.id;
});
afterAll(() => t.close());

const posts = () => `/v1/workspaces/${ws}/posts`;

describe('creating and reading posts', () => {
  it('stores a post with variants and answers with the planned time in the workspace zone', async () => {
    const res = await owner.post(posts(), {
      title: 'Adventsgewinnspiel',
      text: 'Was wünscht ihr euch?',
      plannedAt: '2026-12-01T09:00',
      tags: ['advent', 'gewinnspiel', 'advent'],
      variants: [
        { channelId: insta },
        { channelId: linkedin, text: 'Liebe Community, was wünscht ihr euch?' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      version: 1,
      status: 'draft',
      title: 'Adventsgewinnspiel',
      plannedAt: '2026-12-01T09:00:00+01:00',
      tags: ['advent', 'gewinnspiel'],
      variants: [
        { channelId: insta, text: null },
        { channelId: linkedin, text: 'Liebe Community, was wünscht ihr euch?' },
      ],
    });
    expect((await owner.get(`${posts()}/${res.body.id}`)).body).toEqual(res.body);
  });

  it('keeps an idea without a planned time in the unscheduled list', async () => {
    const idea = (await owner.post(posts(), { text: 'Quiz zur Wasserhärte', status: 'idea' })).body;
    const list = (await owner.get(`${posts()}?unscheduled=true`)).body.items as { id: string }[];
    expect(list.map((p) => p.id)).toContain(idea.id);
  });
});

describe('time zones', () => {
  it('rejects a local time the clocks skip, with the next valid time, and stores nothing', async () => {
    const before = await count(t, 'posts');
    const res = await owner.post(posts(), {
      text: 'Zeitumstellung',
      plannedAt: '2026-03-29T02:30',
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'LOCAL_TIME_DOES_NOT_EXIST',
      details: { nextValid: '2026-03-29T03:30:00+02:00' },
    });
    expect(await count(t, 'posts')).toBe(before);
  });

  it('asks for the offset of a time that happens twice, and takes it once given', async () => {
    const res = await owner.post(posts(), {
      text: 'Zeitumstellung',
      plannedAt: '2026-10-25T02:30',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('LOCAL_TIME_AMBIGUOUS');
    expect(res.body.error.details.candidates).toEqual([
      '2026-10-25T02:30:00+02:00',
      '2026-10-25T02:30:00+01:00',
    ]);
    const chosen = await owner.post(posts(), {
      text: 'Zeitumstellung',
      plannedAt: res.body.error.details.candidates[1],
    });
    expect(chosen.status).toBe(201);
    expect(chosen.body.plannedAt).toBe('2026-10-25T02:30:00+01:00');
  });
});

describe('the calendar range', () => {
  let ids: Record<string, string>;
  let authorId: string;
  beforeAll(async () => {
    const { browser: author, userId } = await addMember(t, owner, ws, 'author');
    authorId = userId;
    const make = async (b: Browser, plannedAt: string, extra: object = {}) =>
      (await b.post(posts(), { text: plannedAt, plannedAt, ...extra })).body.id as string;
    ids = {
      lastOfOctober: await make(owner, '2027-01-31T23:59'),
      firstMinute: await make(owner, '2027-02-01T00:00', {
        variants: [{ channelId: insta }],
        tags: ['winter'],
      }),
      middle: await make(author, '2027-02-14T12:00', {
        variants: [{ channelId: linkedin }],
        status: 'idea',
      }),
      lastMinute: await make(owner, '2027-02-28T23:59', {
        variants: [{ channelId: insta }, { channelId: linkedin }],
      }),
      nextMonth: await make(owner, '2027-03-01T00:00'),
    };
  });

  const range = async (query: string) =>
    (
      (await owner.get(`${posts()}?from=2027-02-01&to=2027-03-01${query}`)).body.items as {
        id: string;
      }[]
    ).map((p) => p.id);

  it('returns exactly the posts in [from, to) of local days, in planned order', async () => {
    expect(await range('')).toEqual([ids.firstMinute, ids.middle, ids.lastMinute]);
  });

  it('accepts bounds with an offset, as the calendar sends them', async () => {
    const res = await owner.get(
      `${posts()}?from=2027-02-14T00:00:00%2B01:00&to=2027-02-15T00:00:00%2B01:00`,
    );
    expect(res.body.items.map((p: { id: string }) => p.id)).toEqual([ids.middle]);
  });

  it('filters by channel, status, tag and author', async () => {
    expect(await range(`&channel=${insta}`)).toEqual([ids.firstMinute, ids.lastMinute]);
    expect(await range(`&channel=${insta},${linkedin}`)).toEqual([
      ids.firstMinute,
      ids.middle,
      ids.lastMinute,
    ]);
    expect(await range('&status=idea')).toEqual([ids.middle]);
    expect(await range('&tag=winter')).toEqual([ids.firstMinute]);
    expect(await range(`&author=${authorId}`)).toEqual([ids.middle]);
  });

  it('rejects a range that is missing, reversed or too long, and an unknown filter', async () => {
    for (const q of ['', '?from=2027-03-01&to=2027-02-01', '?from=2020-01-01&to=2027-01-01']) {
      const res = await owner.get(`${posts()}${q}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('INVALID_DATE_RANGE');
    }
    const bad = await owner.get(
      `${posts()}?from=2027-02-01&to=2027-03-01&status=published&colour=red`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('optimistic concurrency', () => {
  it('applies a change at the right version and refuses a stale one with the current post', async () => {
    const post = (
      await owner.post(posts(), { text: 'Erste Fassung', plannedAt: '2026-12-10T10:00' })
    ).body;
    const moved = await owner.patch(
      `${posts()}/${post.id}`,
      { plannedAt: '2026-12-11T10:00' },
      { 'If-Match': '"1"' },
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      version: 2,
      plannedAt: '2026-12-11T10:00:00+01:00',
      text: 'Erste Fassung',
    });

    const stale = await owner.patch(
      `${posts()}/${post.id}`,
      { text: 'Überholt' },
      { 'If-Match': '1' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect(stale.body.error.details.current).toMatchObject({ version: 2, text: 'Erste Fassung' });

    const noVersion = await owner.patch(`${posts()}/${post.id}`, { text: 'Ohne Version' });
    expect(noVersion.status).toBe(428);
    expect(noVersion.body.error.code).toBe('VERSION_REQUIRED');
    expect((await owner.get(`${posts()}/${post.id}`)).body.text).toBe('Erste Fassung');
  });

  it('soft-deletes with the version, hides the post from the calendar, and restores it', async () => {
    const post = (await owner.post(posts(), { text: 'Weg damit', plannedAt: '2026-12-20T10:00' }))
      .body;
    expect((await owner.delete(`${posts()}/${post.id}`, { 'If-Match': '5' })).status).toBe(409);
    expect((await owner.delete(`${posts()}/${post.id}`, { 'If-Match': '1' })).status).toBe(204);
    const calendar = async () =>
      (
        (await owner.get(`${posts()}?from=2026-12-01&to=2027-01-01`)).body.items as { id: string }[]
      ).map((p) => p.id);
    expect(await calendar()).not.toContain(post.id);
    const bin = (await owner.get(`${posts()}?deleted=true`)).body.items as { id: string }[];
    expect(bin.map((p) => p.id)).toContain(post.id);
    const restored = await owner.post(`${posts()}/${post.id}/restore`);
    expect(restored.status).toBe(201);
    expect(restored.body).toMatchObject({ version: 3, deletedAt: null });
    expect(await calendar()).toContain(post.id);
    expect((await owner.post(`${posts()}/${post.id}/restore`)).body.error.code).toBe(
      'POST_NOT_DELETED',
    );
  });
});

describe('bad input changes nothing', () => {
  it.each([
    ['malformed JSON', '{"text": ', 'MALFORMED_JSON', 400],
    ['a wrong type', JSON.stringify({ text: 42 }), 'VALIDATION_FAILED', 400],
    [
      'an unknown field',
      JSON.stringify({ text: 'Hallo', status: 'approved' }),
      'VALIDATION_FAILED',
      400,
    ],
    [
      'an unknown field (typo)',
      JSON.stringify({ text: 'Hallo', planedAt: '2026-12-01T10:00' }),
      'VALIDATION_FAILED',
      400,
    ],
    ['a body over 1 MB', JSON.stringify({ text: 'x'.repeat(1_100_000) }), 'PAYLOAD_TOO_LARGE', 413],
    [
      'a date that is no date',
      JSON.stringify({ text: 'Hallo', plannedAt: '2026-02-30T10:00' }),
      'VALIDATION_FAILED',
      400,
    ],
  ])('%s gets %s', async (_name, body, code, status) => {
    const before = await count(t, 'posts');
    const res = await request(t.server)
      .post(`/api${posts()}`)
      .set('Cookie', `postplan_session=${owner.cookie('postplan_session')}`)
      .set('X-CSRF-Token', owner.csrf!)
      .set('Content-Type', 'application/json')
      .send(body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await count(t, 'posts')).toBe(before);
  });
});

describe('calendar answers from memory', () => {
  it('shows a change at once, and answers 304 to a browser that has the current calendar', async () => {
    const month = `${posts()}?from=2027-05-01&to=2027-06-01`;
    const post = (await owner.post(posts(), { text: 'Maifest', plannedAt: '2027-05-01T10:00' }))
      .body;
    const first = await owner.get(month);
    expect(first.body.items.map((p: { text: string }) => p.text)).toEqual(['Maifest']);
    const etag = first.headers.etag as string;
    expect((await owner.get(month, { 'If-None-Match': etag })).status).toBe(304);

    await owner.patch(`${posts()}/${post.id}`, { text: 'Maifest 2027' }, { 'If-Match': '1' });
    const after = await owner.get(month, { 'If-None-Match': etag });
    expect(after.status).toBe(200);
    expect(after.body.items.map((p: { text: string }) => p.text)).toEqual(['Maifest 2027']);

    // A change made directly in the database (another process, a migration) counts too.
    await t.db.query(`UPDATE posts SET title = 'Von außen' WHERE id = $1`, [post.id]);
    expect((await owner.get(month)).body.items[0].title).toBe('Von außen');
  });
});

describe('compressed calendar answers', () => {
  it('sends a large month gzipped to a client that accepts it, with the same content', async () => {
    const texts = Array.from(
      { length: 60 },
      (_, i) => `Beitrag ${i}: ${'Was meint ihr dazu? '.repeat(20)}`,
    );
    for (const [i, text] of texts.entries()) {
      await owner.post(posts(), {
        text,
        plannedAt: `2027-08-${String(1 + (i % 28)).padStart(2, '0')}T10:00`,
      });
    }
    const month = `${posts()}?from=2027-08-01&to=2027-09-01`;
    const plain = await owner.get(month, { 'Accept-Encoding': 'identity' });
    const zipped = await owner.get(month, { 'Accept-Encoding': 'gzip, deflate' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body).toEqual(plain.body);
    expect(zipped.body.items).toHaveLength(60);
  });
});
