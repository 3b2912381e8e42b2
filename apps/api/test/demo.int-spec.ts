import { DemoSeeder } from '../src/modules/demo/demo.seeder';
import { Browser, type TestApp, count, startTestApp } from './test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ POSTPLAN_DEMO: 'true' });
});
afterAll(() => t.close());

describe('the demo workspace', () => {
  it('is there at start, with every role, channels and six weeks of posts in the calendar', async () => {
    const demo = new Browser(t.server);
    expect(
      (
        await demo.post('/v1/auth/login', {
          email: 'demo@postplan.example',
          password: 'postplan-demo',
        })
      ).status,
    ).toBe(200);
    const channels = (await demo.get('/v1/workspaces/bergquell/channels')).body.items as {
      id: string;
      platform: string;
    }[];
    expect(channels).toHaveLength(7);
    const sandbox = channels.find((c) => c.platform === 'sandbox')!;
    const roles = (
      (await demo.get('/v1/workspaces/bergquell/members')).body.items as { role: string }[]
    ).map((m) => m.role);
    expect(roles.sort()).toEqual(['author', 'editor', 'owner', 'viewer']);

    const today = new Date();
    const from = new Date(today.getTime() - 22 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(today.getTime() + 22 * 86_400_000).toISOString().slice(0, 10);
    const items = (await demo.get(`/v1/workspaces/bergquell/posts?from=${from}&to=${to}`)).body
      .items as {
      title: string;
      status: string;
      variants: { channelId: string }[];
      publications?: { channelId: string; status: string }[];
    }[];
    expect(items.length).toBeGreaterThan(30);
    // What is past went out approved; what lies ahead is partly in review, partly still drafts.
    expect(new Set(items.map((p) => p.status))).toEqual(
      new Set(['idea', 'draft', 'in_review', 'approved']),
    );
    const toSandbox = items.filter((p) => p.variants.some((v) => v.channelId === sandbox.id));
    const rest = items.filter((p) => !toSandbox.includes(p));
    expect(rest.every((p) => p.variants.length === 2)).toBe(true);
    // Nothing waits to go out on a channel that no account is connected to: what is approved
    // ahead goes to the sandbox only, so the demo never fails a publication by design.
    const waiting = items
      .flatMap((p) => p.publications ?? [])
      .filter((b) => b.status === 'pending');
    expect(waiting.length).toBeGreaterThan(1);
    expect(waiting.every((b) => b.channelId === sandbox.id)).toBe(true);
    expect(rest.every((p) => p.status !== 'approved' || !(p.publications ?? []).length)).toBe(true);
    const welcome = toSandbox.find((p) => p.title === 'Willkommen in der Sandbox');
    // One approved post goes to the sandbox a couple of minutes after start.
    expect(welcome!.status).toBe('approved');
    expect(welcome!.publications).toEqual([
      expect.objectContaining({ channelId: sandbox.id, status: 'pending' }),
    ]);
    // The three ideas, and the drafted winner notification of the finished contest.
    expect(
      (await demo.get('/v1/workspaces/bergquell/posts?unscheduled=true')).body.items,
    ).toHaveLength(4);
  });

  it('holds a finished contest whose certificate anyone can verify', async () => {
    const demo = new Browser(t.server);
    await demo.post('/v1/auth/login', {
      email: 'demo@postplan.example',
      password: 'postplan-demo',
    });
    const contests = (await demo.get('/v1/workspaces/bergquell/contests')).body.items as {
      id: string;
      status: string;
      campaignId: string | null;
      publicToken: string;
      counts: { eligible: number; excluded: number };
    }[];
    expect(contests).toHaveLength(1);
    const c = contests[0]!;
    expect(c.status).toBe('drawn');
    // It belongs to the demo campaign.
    const campaigns = (await demo.get('/v1/workspaces/bergquell/campaigns')).body.items as {
      id: string;
    }[];
    expect(campaigns.map((x) => x.id)).toContain(c.campaignId);
    expect(c.counts.excluded).toBeGreaterThanOrEqual(3);
    const v = await demo.get(`/v1/public/contests/${c.publicToken}/verification`);
    expect(v.status).toBe(200);
    expect(v.body.recomputed).toMatchObject({ orderMatches: true, listHashMatches: true });
    expect(v.body.draw.replacements).toHaveLength(1);
    const cert = await demo.get(`/v1/public/contests/${c.publicToken}/certificate.html`);
    expect(cert.status).toBe(200);
    expect(cert.text).toContain('Auslosungsprotokoll');
    const notes = (await demo.get(`/v1/workspaces/bergquell/contests/${c.id}/notifications`)).body;
    expect(notes.items).toEqual([expect.objectContaining({ kind: 'reply', status: 'draft' })]);
  });

  it('holds a running campaign whose posts carry tagged links, and approved ones still match', async () => {
    const demo = new Browser(t.server);
    await demo.post('/v1/auth/login', {
      email: 'demo@postplan.example',
      password: 'postplan-demo',
    });
    const list = (await demo.get('/v1/workspaces/bergquell/campaigns')).body.items as {
      id: string;
      startsOn: string;
      endsOn: string;
      utm: unknown;
    }[];
    expect(list).toHaveLength(1);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
      new Date(),
    );
    expect(list[0]!.startsOn <= today && today <= list[0]!.endsOn).toBe(true);
    expect(list[0]!.utm).not.toBeNull();
    const detail = (await demo.get(`/v1/workspaces/bergquell/campaigns/${list[0]!.id}`)).body as {
      posts: { id: string; text: string; status: string }[];
    };
    expect(detail.posts.length).toBeGreaterThan(3);
    expect(detail.posts.every((p) => p.text.includes('https://bergquell.example/'))).toBe(true);
    // Past campaign posts went out approved: their approval covers the tagged text.
    const approved = detail.posts.find((p) => p.status === 'approved')!;
    const post = (await demo.get(`/v1/workspaces/bergquell/posts/${approved.id}`)).body as {
      review: { contentHash: string; approval: { contentHash: string } | null };
    };
    expect(post.review.approval?.contentHash).toBe(post.review.contentHash);
  });

  it('is created once: seeding again changes nothing', async () => {
    const before = await count(t, 'posts');
    expect(await t.app.get(DemoSeeder).seed(new Date())).toBe(false);
    expect(await count(t, 'posts')).toBe(before);
  });
});
