import { FakeSandbox } from '@postplan/platforms/testing';
import { PublishingEngine } from '../src/modules/publishing/publishing.engine';
import { type Browser, type TestApp, addMember, setUpOwner, startTestApp } from './test-app';

/**
 * Per-platform options of a channel variant through the API: stored, validated against the
 * channel's platform, part of the approval, and handed to the adapter at publishing (the fake
 * sandbox records what it received).
 */
let t: TestApp;
let fake: FakeSandbox;
let owner: Browser;
let ws: string;
let author: { browser: Browser; userId: string };
let editor: { browser: Browser; userId: string };
let linkedin: string;
let telegram: string;
let sandbox: string;

beforeAll(async () => {
  fake = new FakeSandbox();
  await fake.start();
  t = await startTestApp({ POSTPLAN_SANDBOX_URL: fake.url });
  ({ owner, ws } = await setUpOwner(t));
  author = await addMember(t, owner, ws, 'author');
  editor = await addMember(t, owner, ws, 'editor');
  const channel = async (name: string, platform: string) =>
    (await owner.post(path('/channels'), { name, platform })).body.id as string;
  linkedin = await channel('LinkedIn', 'linkedin');
  telegram = await channel('Telegram', 'telegram');
  sandbox = await channel('Sandbox', 'sandbox');
  const policy = await owner.put(path('/approval-policy'), {
    policy: {
      kind: 'required',
      approvers: { roles: ['owner', 'admin', 'editor'], userIds: [] },
      selfApprovalRoles: [],
    },
  });
  expect(policy.status).toBe(200);
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});

const path = (p = '') => `/v1/workspaces/${ws}${p}`;

type Variant = { channelId: string; text: string | null; options?: Record<string, unknown> };
type PostBody = {
  id: string;
  version: number;
  status: string;
  variants: Variant[];
  review: { contentHash: string; approval: { contentHash: string } | null };
};

async function create(variants: unknown[]): Promise<PostBody> {
  const res = await author.browser.post(path('/posts'), {
    title: 'Sommerfest',
    text: 'Unser Sommerfest startet am Samstag.',
    plannedAt: '2030-06-01T10:00:00+02:00',
    variants,
  });
  expect(res.status).toBe(201);
  return res.body as PostBody;
}

async function approve(post: PostBody): Promise<PostBody> {
  const submitted = await author.browser.post(path(`/posts/${post.id}/submit`), {
    version: post.version,
  });
  expect(submitted.status).toBe(200);
  const approved = await editor.browser.post(path(`/posts/${post.id}/approve`), {
    version: submitted.body.version,
    contentHash: submitted.body.review.contentHash,
  });
  expect(approved.status).toBe(200);
  expect(approved.body.status).toBe('approved');
  return approved.body as PostBody;
}

describe('variant options', () => {
  it('are stored per channel and read back', async () => {
    const post = await create([
      { channelId: linkedin, options: { visibility: 'CONNECTIONS', firstComment: 'Mehr dazu' } },
      { channelId: telegram, options: { silent: true } },
    ]);
    const read = await author.browser.get(path(`/posts/${post.id}`));
    expect(read.body.variants).toEqual([
      {
        channelId: linkedin,
        text: null,
        options: { visibility: 'CONNECTIONS', firstComment: 'Mehr dazu' },
      },
      { channelId: telegram, text: null, options: { silent: true } },
    ]);
  });

  it('refuses options the platform does not take, naming the channel, and changes nothing', async () => {
    const post = await create([{ channelId: linkedin, options: { visibility: 'PUBLIC' } }]);
    const bad = await author.browser.patch(path(`/posts/${post.id}`), {
      version: post.version,
      text: 'Ein neuer Text, der nicht gespeichert werden darf.',
      variants: [
        { channelId: linkedin, options: { visibility: 'FRIENDS' } },
        { channelId: telegram, options: { boardId: '123' } },
      ],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('VARIANT_OPTIONS_INVALID');
    expect(bad.body.error.details.channels).toEqual([
      expect.objectContaining({
        channelId: linkedin,
        platform: 'linkedin',
        issues: [expect.objectContaining({ path: 'visibility' })],
      }),
      expect.objectContaining({
        channelId: telegram,
        platform: 'telegram',
        issues: [expect.objectContaining({ path: 'boardId' })],
      }),
    ]);
    const read = await author.browser.get(path(`/posts/${post.id}`));
    expect(read.body.version).toBe(post.version);
    expect(read.body.text).toBe('Unser Sommerfest startet am Samstag.');
    expect(read.body.variants).toEqual([
      { channelId: linkedin, text: null, options: { visibility: 'PUBLIC' } },
    ]);

    const onCreate = await author.browser.post(path('/posts'), {
      text: 'Neu',
      variants: [{ channelId: telegram, options: { silent: 'ja' } }],
    });
    expect(onCreate.status).toBe(422);
    expect(onCreate.body.error.code).toBe('VARIANT_OPTIONS_INVALID');
  });

  it('keep what is stored when a save leaves them out, and clear with {}', async () => {
    const post = await create([{ channelId: telegram, options: { silent: true } }]);
    const kept = await author.browser.patch(path(`/posts/${post.id}`), {
      version: post.version,
      variants: [{ channelId: telegram, text: 'Nur für Telegram' }],
    });
    expect(kept.status).toBe(200);
    expect(kept.body.variants[0].options).toEqual({ silent: true });
    const cleared = await author.browser.patch(path(`/posts/${post.id}`), {
      version: kept.body.version,
      variants: [{ channelId: telegram, text: 'Nur für Telegram', options: {} }],
    });
    // A variant without options answers none, like a post from before options existed.
    expect(cleared.body.variants[0]).toEqual({ channelId: telegram, text: 'Nur für Telegram' });
  });

  it('are part of the approval: changing one voids it like an edit, an empty field is no change', async () => {
    const post = await create([{ channelId: linkedin, options: { visibility: 'PUBLIC' } }]);
    const approved = await approve(post);

    // The form sends an empty first comment: nothing changed, the approval stands.
    const same = await author.browser.patch(path(`/posts/${post.id}`), {
      version: approved.version,
      variants: [{ channelId: linkedin, options: { visibility: 'PUBLIC', firstComment: '' } }],
    });
    expect(same.status).toBe(200);
    expect(same.body.status).toBe('approved');
    expect(same.body.review.contentHash).toBe(approved.review.contentHash);

    const changed = await author.browser.patch(path(`/posts/${post.id}`), {
      version: same.body.version,
      variants: [{ channelId: linkedin, options: { visibility: 'CONNECTIONS' } }],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.status).toBe('in_review');
    expect(changed.body.review.approval).toBeNull();
    expect(changed.body.review.contentHash).not.toBe(approved.review.contentHash);

    const diff = await editor.browser.get(path(`/posts/${post.id}/diff?since=last_approval`));
    expect(diff.status).toBe(200);
    expect(diff.body.diff.variants).toEqual([
      expect.objectContaining({ channelId: linkedin, optionsChanged: true }),
    ]);
  });

  it('reach the adapter when the post is published', async () => {
    const post = await create([
      { channelId: sandbox, options: { firstComment: 'Das Programm: https://example.com' } },
    ]);
    await approve(post);
    const engine = t.app.get(PublishingEngine);
    expect(await engine.processDue(new Date('2030-06-01T08:00:00Z'))).toBe(1);
    const pubs = (await owner.get(path(`/posts/${post.id}/publications`))).body.items as {
      id: string;
      status: string;
    }[];
    expect(pubs).toEqual([expect.objectContaining({ status: 'published' })]);
    expect(fake.posts.get(pubs[0]!.id)).toMatchObject({
      text: 'Unser Sommerfest startet am Samstag.',
      firstComment: 'Das Programm: https://example.com',
    });
  });
});
