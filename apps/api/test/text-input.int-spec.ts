import request from 'supertest';
import { type Browser, type TestApp, setUpOwner, startTestApp } from './test-app';

/**
 * Issue 13, finding 7: a NUL character or a lone surrogate made 20 routes answer 500. The attack
 * here goes through every route of the OpenAPI document, signed in and anonymous, with such text
 * in the JSON body, the query and the path, and expects the one stable refusal everywhere, with
 * nothing in the database changed.
 */

let t: TestApp;
let owner: Browser;
let ws: string;
let ids: Record<string, string>;

type Operation = { method: string; path: string };

/** A digest of every table's rows: a refused request must leave all of them as they were. */
async function databaseDigest(): Promise<Record<string, string>> {
  const { rows: tables } = await t.db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const digest: Record<string, string> = {};
  for (const { name } of tables) {
    const { rows } = await t.db.query<{ d: string | null }>(
      `SELECT md5(string_agg(r::text, '|' ORDER BY r::text)) AS d FROM "${name}" r`,
    );
    digest[name] = rows[0]!.d ?? 'empty';
  }
  return digest;
}

async function operations(): Promise<Operation[]> {
  const res = await request(t.server).get('/api/docs/openapi.json');
  expect(res.status).toBe(200);
  const paths = (res.body as { paths: Record<string, Record<string, unknown>> }).paths;
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const method of Object.keys(item)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) ops.push({ method, path });
    }
  }
  return ops;
}

/** The route with real ids, so that a request without the bad text would reach the handler. */
function concrete(path: string, replace?: { param: string; value: string }): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) =>
    replace?.param === name ? replace.value : (ids[name] ?? ids.id!),
  );
}

type Sent = { status: number; body: { error?: { code: string; details?: unknown } } };

function send(who: Browser | null, method: string, url: string, rawJson?: string): Promise<Sent> {
  const base = url.startsWith('/api') ? url : `/api${url}`;
  let req = request(t.server)[method as 'get'](base).set('X-Forwarded-For', '203.0.113.77');
  if (who) {
    req = req.set(
      'Cookie',
      `postplan_session=${who.cookie('postplan_session')}; postplan_csrf=${who.csrf}`,
    );
    req = req.set('X-CSRF-Token', who.csrf!);
  }
  if (rawJson !== undefined) req = req.set('Content-Type', 'application/json').send(rawJson);
  return req.then((res) => ({ status: res.status, body: res.body as Sent['body'] }));
}

// The bodies are JSON text as an attacker types it: the escapes are decoded by the JSON parser.
const BAD_BODIES: [string, string, string][] = [
  ['a JSON-escaped NUL', '{"text":"Hallo\\u0000Welt","title":"x"}', 'text'],
  ['a JSON-escaped lone high surrogate', '{"title":"x","text":"\\ud800"}', 'text'],
  [
    'a lone low surrogate deep inside',
    '{"variants":[{"text":"ok"},{"text":"\\udfff!"}]}',
    'variants.1.text',
  ],
  ['a NUL in a key', '{"na\\u0000me":"x"}', 'na\u0000me'],
];
const BAD_QUERIES: [string, string][] = [
  ['a percent-encoded NUL', '?q=%00'],
  ['a percent-encoded lone surrogate (CESU bytes)', '?from=2026-01-01&q=%ED%A0%80'],
  ['an overlong NUL', '?status=%C0%80'],
  ['a NUL in a key', '?a%00b=1'],
];
const BAD_SEGMENTS = ['%00', 'abc%00', '%ED%A0%80', '%ED%B0%80x'];

beforeAll(async () => {
  t = await startTestApp();
  ({ owner, ws } = await setUpOwner(t));
  const channel = await owner.post(`/v1/workspaces/${ws}/channels`, {
    name: 'Mastodon',
    platform: 'mastodon',
  });
  const post = await owner.post(`/v1/workspaces/${ws}/posts`, {
    text: 'Hallo 👋 Welt',
    variants: [{ channelId: channel.body.id }],
  });
  expect(post.status).toBe(201);
  const comment = await owner.post(`/v1/workspaces/${ws}/posts/${post.body.id}/comments`, {
    body: 'Passt so?',
  });
  const link = await owner.post(`/v1/workspaces/${ws}/review-links`, {
    label: 'Kunde',
    permission: 'comment',
    scope: { postIds: [post.body.id] },
    expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  });
  expect(link.status).toBe(201);
  ids = {
    ws,
    id: post.body.id,
    postId: post.body.id,
    channelId: channel.body.id,
    commentId: comment.body.id,
    token: link.body.token,
    linkId: link.body.id,
    number: '1',
  };
});
afterAll(() => t.close());

describe('text PostgreSQL cannot store, on every route', () => {
  it('is refused with INVALID_TEXT in the body, the query and the path, and changes nothing', async () => {
    const ops = await operations();
    // The document is the list of routes; an empty walk would prove nothing.
    expect(ops.length).toBeGreaterThan(50);
    expect(ops).toContainEqual({
      method: 'post',
      path: '/api/v1/review/{token}/posts/{id}/comments',
    });
    const before = await databaseDigest();
    const wrong: string[] = [];
    const expectRefused = (what: string, res: Sent, location: string, path?: string) => {
      const details = res.body.error?.details as { location?: string; path?: string } | undefined;
      const ok =
        res.status === 400 &&
        res.body.error?.code === 'INVALID_TEXT' &&
        details?.location === location &&
        (path === undefined || details.path === path);
      if (!ok) wrong.push(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    };

    for (const op of ops) {
      const url = concrete(op.path);
      for (const who of [owner, null]) {
        const as = who ? 'signed in' : 'anonymous';
        for (const [name, json, field] of BAD_BODIES) {
          const res = await send(who, op.method, url, json);
          expectRefused(`${op.method} ${op.path} ${as}, body with ${name}`, res, 'body', field);
        }
        for (const [name, query] of BAD_QUERIES) {
          const res = await send(
            who,
            op.method,
            url + query,
            op.method === 'get' ? undefined : '{}',
          );
          expectRefused(`${op.method} ${op.path} ${as}, query with ${name}`, res, 'query');
        }
      }
      for (const param of [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)) {
        for (const value of BAD_SEGMENTS) {
          const res = await send(owner, op.method, concrete(op.path, { param, value }), '{}');
          expectRefused(`${op.method} ${op.path} with ${param}=${value}`, res, 'path');
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(await databaseDigest()).toEqual(before);
  });

  it('names the field and refuses the anonymous review-link comment that used to be a 500', async () => {
    const before = await databaseDigest();
    const res = await send(
      null,
      'post',
      `/v1/review/${ids.token}/posts/${ids.id}/comments`,
      '{"visitorName":"Clara","body":"Sieht gut aus\\u0000"}',
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'INVALID_TEXT',
      details: { location: 'body', path: 'body', problem: 'NUL' },
    });
    const lone = await send(
      null,
      'post',
      `/v1/review/${ids.token}/posts/${ids.id}/comments`,
      '{"visitorName":"\\ud83d","body":"Hallo"}',
    );
    expect(lone.body.error).toMatchObject({
      code: 'INVALID_TEXT',
      details: { location: 'body', path: 'visitorName', problem: 'LONE_SURROGATE' },
    });
    expect(await databaseDigest()).toEqual(before);
  });

  it('refuses the same text in a brand-rules CSV upload', async () => {
    const before = await databaseDigest();
    const res = await request(t.server)
      .post(`/api/v1/workspaces/${ws}/wording/brand-rules.csv`)
      .set('X-Forwarded-For', '203.0.113.77')
      .set(
        'Cookie',
        `postplan_session=${owner.cookie('postplan_session')}; postplan_csrf=${owner.csrf}`,
      )
      .set('X-CSRF-Token', owner.csrf!)
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send(Buffer.from('term,replacement\nFoo\u0000,Bar\n', 'utf8'));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_TEXT', details: { problem: 'NUL' } });
    expect(await databaseDigest()).toEqual(before);
  });

  it('keeps emoji, umlauts and other well-formed text', async () => {
    const text = 'Grüße 👋🏽 aus Köln – “Zitat” 𝄞 \u200d';
    const res = await owner.post(`/v1/workspaces/${ws}/posts?note=${encodeURIComponent('ü👋')}`, {
      text,
    });
    expect(res.status).toBe(201);
    expect(res.body.text).toBe(text);
  });
});
