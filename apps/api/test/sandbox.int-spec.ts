import request from 'supertest';
import { type TestApp, startTestApp } from './test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ POSTPLAN_PUBLIC_URL: 'https://plan.example' });
});
afterAll(() => t.close());

const publish = (body: unknown, key?: string) => {
  const req = request(t.server).post('/api/sandbox/posts');
  return (key ? req.set('Idempotency-Key', key) : req).send(body as object);
};

describe('the built-in sandbox platform', () => {
  it('publishes once per idempotency key and names the existing post on a repeat', async () => {
    const first = await publish({ title: 'Hallo', text: 'Erster <b>Test</b>' }, 'key-1');
    expect(first.status).toBe(201);
    expect(first.body.url).toBe(`https://plan.example/api/sandbox/${first.body.id}`);

    const again = await publish({ title: 'Hallo', text: 'Erster <b>Test</b>' }, 'key-1');
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ error: 'DUPLICATE', existing: first.body });

    const found = await request(t.server).get('/api/sandbox/posts?idempotencyKey=key-1');
    expect(found.status).toBe(200);
    expect(found.body).toEqual(first.body);
    const rows = await t.db.query(`SELECT count(*)::int AS n FROM sandbox_posts`);
    expect(rows.rows[0].n).toBe(1);
  });

  it('shows the published post as a page, its text escaped', async () => {
    const { body } = await publish({ title: 'Seite', text: 'Zeile <script>x</script>' }, 'key-2');
    const page = await request(t.server).get(`/api/sandbox/${body.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Zeile &lt;script&gt;x&lt;/script&gt;');
    expect(page.text).not.toContain('<script>x');
    expect((await request(t.server).get(`/api/sandbox/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await request(t.server).get('/api/sandbox/posts?idempotencyKey=nope')).status).toBe(
      404,
    );
  });

  it('shows the pictures it was sent, with their alt text, and draws no link that is not http(s)', async () => {
    const { body } = await publish(
      {
        title: 'Mit Bild',
        text: 'Heute im Hafen.',
        media: [
          {
            url: 'https://plan.example/api/media-links/1?expires=1&signature=a',
            mimeType: 'image/png',
            altText: 'Der Hafen "bei" Nacht',
          },
          { url: 'javascript:alert(1)', mimeType: 'image/png', altText: null },
        ],
      },
      'key-media',
    );
    const page = await request(t.server).get(`/api/sandbox/${body.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(
      '<img src="https://plan.example/api/media-links/1?expires=1&amp;signature=a" alt="Der Hafen &quot;bei&quot; Nacht"',
    );
    expect(page.text).not.toContain('javascript:');
    expect(page.text.match(/<img /g)).toHaveLength(1);
  });

  it('refuses a post without a key or without a text, storing nothing', async () => {
    expect((await publish({ text: 'Ohne Schlüssel' })).status).toBe(422);
    expect((await publish({ title: 'Ohne Text' }, 'key-3')).status).toBe(422);
    const rows = await t.db.query(
      `SELECT count(*)::int AS n FROM sandbox_posts WHERE idempotency_key = 'key-3'`,
    );
    expect(rows.rows[0].n).toBe(0);
  });
});
