import request from 'supertest';
import { type Browser, type TestApp, setUpOwner, startTestApp } from './test-app';

// Two apps on one database: the default (calendar answers cached) and one with the cache off,
// so every read is the cold path.
let cached: TestApp;
let cold: TestApp;
let owner: Browser;
let ws: string;
let token: string;

beforeAll(async () => {
  cached = await startTestApp();
  cold = await startTestApp({ POSTPLAN_CALENDAR_CACHE_MB: '0' }, { sameDatabaseAs: cached });
  ({ owner, ws } = await setUpOwner(cached));
  token = (await owner.post('/v1/me/tokens', { name: 'calendar' })).body.token as string;
  const channel = (
    await owner.post(`/v1/workspaces/${ws}/channels`, { name: 'Instagram', platform: 'instagram' })
  ).body.id as string;
  const other = (await owner.post(`/v1/workspaces/${ws}/channels`, { name: 'X', platform: 'x' }))
    .body.id as string;
  const posts = [
    { title: 'Sommer', text: 'Ein Text', plannedAt: '2026-07-01T10:00', tags: ['a', 'b'] },
    // The night the clocks go back: the same local hour twice, told apart by the offset.
    { title: 'Früh', text: 'Zweimal 02:30', plannedAt: '2026-10-25T02:30+02:00' },
    { title: 'Spät', text: 'Zweimal 02:30', plannedAt: '2026-10-25T02:30+01:00' },
    {
      title: '',
      text: 'Mit Varianten "und" Anführungszeichen\nüber zwei Zeilen',
      plannedAt: '2026-10-10T09:15',
      variants: [{ channelId: other, text: 'Kurz' }, { channelId: channel }],
    },
    { title: 'Gleiche Minute', text: 'b', plannedAt: '2026-10-10T09:15' },
    { title: 'Idee', text: 'ohne Zeit', status: 'idea' },
  ];
  for (const p of posts) {
    const res = await owner.post(`/v1/workspaces/${ws}/posts`, p);
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  }
});
afterAll(async () => {
  await cold.close();
  await cached.close();
});

/** The answer's bytes exactly as sent (no compression, no parsing). */
async function read(t: TestApp, query: string): Promise<Buffer> {
  const res = await request(t.server)
    .get(`/api/v1/workspaces/${ws}/posts?${query}`)
    .set('Authorization', `Bearer ${token}`)
    .set('Accept-Encoding', 'identity')
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect(res.status).toBe(200);
  return res.body as Buffer;
}

describe('the calendar answer, cold and cached', () => {
  it.each([
    ['a range across the autumn clock change', 'from=2026-06-01&to=2026-11-01'],
    ['a tag', 'from=2026-06-01&to=2026-11-01&tag=a'],
    ['the ideas', 'unscheduled=true'],
    ['an empty month', 'from=2027-02-01&to=2027-03-01'],
  ])('is the same, byte for byte: %s', async (_name, query) => {
    const first = await read(cached, query); // computed, then kept
    const again = await read(cached, query); // from memory
    const fresh = await read(cold, query); // built anew
    expect(again.equals(first)).toBe(true);
    expect(fresh.toString('utf8')).toBe(first.toString('utf8'));
  });

  it('lists each post as reading it alone does, in planned order', async () => {
    const list = JSON.parse(
      (await read(cold, 'from=2026-06-01&to=2026-11-01')).toString('utf8'),
    ) as { items: Record<string, unknown>[]; timeZone: string };
    expect(list.timeZone).toBe('Europe/Berlin');
    expect(list.items.map((p) => p.plannedAt)).toEqual([
      '2026-07-01T10:00:00+02:00',
      '2026-10-10T09:15:00+02:00',
      '2026-10-10T09:15:00+02:00',
      '2026-10-25T02:30:00+02:00',
      '2026-10-25T02:30:00+01:00',
    ]);
    for (const item of list.items) {
      const alone = (await owner.get(`/v1/workspaces/${ws}/posts/${item.id as string}`)).body;
      const { review: _review, wording: _wording, ...post } = alone as Record<string, unknown>;
      expect(item).toEqual(post);
      // Same keys in the same order as the single post's.
      expect(Object.keys(item)).toEqual(Object.keys(post));
    }
  });
});
