import { type Browser, type TestApp, setUpOwner, startTestApp } from './test-app';

let t: TestApp;
let owner: Browser;
let ws: string;
let insta: string;
let english: string;
beforeAll(async () => {
  t = await startTestApp();
  ({ owner, ws } = await setUpOwner(t));
  insta = (
    await owner.post(`/v1/workspaces/${ws}/channels`, { name: 'Instagram', platform: 'instagram' })
  ).body.id;
  const created = await owner.post('/v1/workspaces', {
    name: 'English Desk',
    timeZone: 'Europe/London',
    locale: 'en',
  });
  expect(created.status).toBe(201);
  english = created.body.slug;
});
afterAll(() => t.close());

const range = 'from=2026-12-01T00:00&to=2027-01-01T00:00';
const search = async (slug: string, q: string) => {
  const res = await owner.get(`/v1/workspaces/${slug}/posts?${range}&q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return (res.body.items as { title: string }[]).map((p) => p.title).sort();
};

describe('full-text search over posts', () => {
  beforeAll(async () => {
    const make = (slug: string, body: Record<string, unknown>) =>
      owner.post(`/v1/workspaces/${slug}/posts`, { plannedAt: '2026-12-10T10:00', ...body });
    for (const res of await Promise.all([
      make(ws, { title: 'Kiste', text: 'Die leere Kiste steht im Flur.' }),
      make(ws, {
        title: 'Adventskalender',
        text: 'Hinter jedem Türchen ein Preis.',
        tags: ['advent'],
      }),
      make(ws, {
        title: 'Kanaltext',
        text: 'Neuigkeiten aus dem Werk.',
        variants: [{ channelId: insta, text: 'Auf Instagram: unsere Brezeln sind zurück!' }],
      }),
      make(english, { title: 'Running', text: 'We are running the city marathon.' }),
      make(english, { title: 'Kiste abroad', text: 'A German Kiste in London.' }),
    ]))
      expect(res.status).toBe(201);
  });

  it('stems German words: "Kisten" finds "Kiste"', async () => {
    expect(await search(ws, 'Kisten')).toEqual(['Kiste']);
    expect(await search(ws, 'leeren Kisten')).toEqual(['Kiste']);
  });

  it('searches the title, the tags and the channels’ own texts', async () => {
    expect(await search(ws, 'Adventskalender')).toEqual(['Adventskalender']);
    expect(await search(ws, 'advent')).toEqual(['Adventskalender']);
    expect(await search(ws, 'Brezel')).toEqual(['Kanaltext']);
  });

  it('matches the word being typed as a prefix', async () => {
    expect(await search(ws, 'Adventsk')).toEqual(['Adventskalender']);
  });

  it('uses English stemming in an English workspace', async () => {
    expect(await search(english, 'runs')).toEqual(['Running']);
  });

  it('never finds another workspace’s posts', async () => {
    expect(await search(ws, 'marathon')).toEqual([]);
    expect(await search(english, 'Flur')).toEqual([]);
    expect(await search(english, 'Kiste')).toEqual(['Kiste abroad']);
  });

  it('keeps a post findable after its channel text changes', async () => {
    const created = await owner.post(`/v1/workspaces/${ws}/posts`, {
      title: 'Später',
      text: 'Basis',
      plannedAt: '2026-12-12T10:00',
      variants: [{ channelId: insta, text: 'Zuerst Glühwein' }],
    });
    expect(await search(ws, 'Glühwein')).toEqual(['Später']);
    const patched = await owner.patch(
      `/v1/workspaces/${ws}/posts/${created.body.id}`,
      { variants: [{ channelId: insta, text: 'Jetzt Punsch' }] },
      { 'If-Match': String(created.body.version) },
    );
    expect(patched.status).toBe(200);
    expect(await search(ws, 'Glühwein')).toEqual([]);
    expect(await search(ws, 'Punsch')).toEqual(['Später']);
  });

  it('rejects a search without a letter or digit with a clear code and treats syntax as text', async () => {
    const res = await owner.get(
      `/v1/workspaces/${ws}/posts?${range}&q=${encodeURIComponent('&|!')}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(await search(ws, "Kiste' & !:*")).toEqual(['Kiste']);
  });
});
