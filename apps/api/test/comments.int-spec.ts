import { randomUUID } from 'node:crypto';
import { CommentsService } from '../src/modules/comments/comments.service';
import { type Browser, type TestApp, addMember, count, setUpOwner, startTestApp } from './test-app';

type Thread = {
  id: string;
  body: string | null;
  author: { type: string; userId?: string; name?: string; visitorName?: string; label?: string };
  anchor: {
    channelId: string | null;
    quote: string;
    original: { start: number; end: number };
    range: { start: number; end: number } | null;
    outdated: boolean;
  } | null;
  suggestion: { text: string; state: string; decidedBy: { name: string } | null } | null;
  resolvedAt: string | null;
  resolvedBy: { userId: string; name: string } | null;
  replies: { id: string; body: string | null; editedAt: string | null }[];
  editedAt: string | null;
  mentions: { userId: string; start: number; end: number }[];
};

let t: TestApp;
let owner: Browser;
let ws: string;
let insta: string;
let author: { browser: Browser; userId: string };
let otherAuthor: { browser: Browser; userId: string };
let editor: { browser: Browser; userId: string };
let viewer: { browser: Browser; userId: string };

const TEXT = 'Unser Adventsgewinnspiel startet am Montag. Mitmachen lohnt sich!';

beforeAll(async () => {
  t = await startTestApp();
  ({ owner, ws } = await setUpOwner(t));
  insta = (
    await owner.post(`/v1/workspaces/${ws}/channels`, { name: 'Instagram', platform: 'instagram' })
  ).body.id;
  author = await addMember(t, owner, ws, 'author');
  otherAuthor = await addMember(t, owner, ws, 'author');
  editor = await addMember(t, owner, ws, 'editor');
  viewer = await addMember(t, owner, ws, 'viewer');
  // Names people can be mentioned by.
  await t.db.query(`UPDATE users SET name = 'Jana Müller' WHERE id = $1`, [editor.userId]);
  await t.db.query(`UPDATE users SET name = 'Ben Autor' WHERE id = $1`, [author.userId]);
});
afterAll(() => t.close());

const posts = () => `/v1/workspaces/${ws}/posts`;
const comments = (postId: string) => `${posts()}/${postId}/comments`;

async function newPost(text = TEXT, extra: object = {}): Promise<{ id: string; version: number }> {
  const res = await author.browser.post(posts(), { text, ...extra });
  expect(res.status).toBe(201);
  return res.body;
}

function anchorOn(text: string, quote: string, channelId: string | null = null) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return { channelId, start, end: start + quote.length, quote };
}

async function threads(postId: string, as: Browser = owner): Promise<Thread[]> {
  const res = await as.get(comments(postId));
  expect(res.status).toBe(200);
  return res.body.items;
}

async function auditActions(commentId: string): Promise<string[]> {
  const { rows } = await t.db.query<{ action: string }>(
    `SELECT action FROM audit_log WHERE subject_type = 'comment' AND subject_id = $1 ORDER BY id`,
    [commentId],
  );
  return rows.map((r) => r.action);
}

describe('anchored comments', () => {
  it('follow their words through an edit and show as outdated once the words are gone', async () => {
    const post = await newPost();
    const created = await editor.browser.post(comments(post.id), {
      body: 'Welcher Montag genau?',
      anchor: anchorOn(TEXT, 'am Montag'),
    });
    expect(created.status).toBe(201);
    expect(created.body.anchor).toEqual({
      channelId: null,
      quote: 'am Montag',
      original: { start: 33, end: 42 },
      range: { start: 33, end: 42 },
      outdated: false,
    });

    const moved = `Endlich! ${TEXT}`;
    const edit = await author.browser.patch(
      `${posts()}/${post.id}`,
      { text: moved },
      { 'If-Match': String(post.version) },
    );
    expect(edit.status).toBe(200);
    const [afterMove] = await threads(post.id);
    expect(afterMove!.anchor).toMatchObject({ outdated: false, range: { start: 42, end: 51 } });
    expect(moved.slice(afterMove!.anchor!.range!.start, afterMove!.anchor!.range!.end)).toBe(
      'am Montag',
    );

    const rewritten = moved.replace('am Montag', 'am Dienstag');
    const second = await author.browser.patch(
      `${posts()}/${post.id}`,
      { text: rewritten },
      { 'If-Match': String(edit.body.version) },
    );
    expect(second.status).toBe(200);
    const [afterRewrite] = await threads(post.id);
    expect(afterRewrite!.anchor).toMatchObject({
      quote: 'am Montag',
      original: { start: 33, end: 42 },
      range: null,
      outdated: true,
    });
    expect(afterRewrite!.body).toBe('Welcher Montag genau?');
  });

  it("anchors in a channel's own text, and in the base text when the channel inherits it", async () => {
    const override = 'Insta-Fassung: Jetzt mitmachen!';
    const post = await newPost(TEXT, {
      variants: [{ channelId: insta, text: override }],
    });
    const onVariant = await editor.browser.post(comments(post.id), {
      body: 'Emoji?',
      anchor: anchorOn(override, 'Jetzt mitmachen', insta),
    });
    expect(onVariant.status).toBe(201);
    expect(onVariant.body.anchor).toMatchObject({
      channelId: insta,
      range: { start: 15, end: 30 },
    });

    const inheriting = await newPost(TEXT, { variants: [{ channelId: insta }] });
    const onInherited = await editor.browser.post(comments(inheriting.id), {
      body: 'Auch hier',
      anchor: anchorOn(TEXT, 'Mitmachen', insta),
    });
    expect(onInherited.status).toBe(201);
    expect(onInherited.body.anchor.channelId).toBeNull();

    // Removing the override leaves the variant comment with nothing to point at.
    await author.browser.patch(
      `${posts()}/${post.id}`,
      { variants: [{ channelId: insta, text: null }] },
      { 'If-Match': String(post.version) },
    );
    const [thread] = await threads(post.id);
    expect(thread!.anchor).toMatchObject({ channelId: insta, outdated: true, range: null });
  });

  it('refuses a selection whose words changed meanwhile, and ranges that are not in the text', async () => {
    const post = await newPost();
    const before = await count(t, 'comments');
    const stale = await editor.browser.post(comments(post.id), {
      body: 'x',
      anchor: { ...anchorOn(TEXT, 'am Montag'), quote: 'am Sonntag' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');

    const outside = await editor.browser.post(comments(post.id), {
      body: 'x',
      anchor: { channelId: null, start: 10, end: TEXT.length + 5 },
    });
    expect(outside.status).toBe(422);
    expect(outside.body.error.code).toBe('ANCHOR_RANGE_INVALID');

    const emoji = await newPost('Wir feiern 🎉 heute');
    const split = await editor.browser.post(comments(emoji.id), {
      body: 'x',
      anchor: { channelId: null, start: 12, end: 14 },
    });
    expect(split.status).toBe(422);
    expect(split.body.error.code).toBe('ANCHOR_RANGE_INVALID');

    const otherChannel = await editor.browser.post(comments(post.id), {
      body: 'x',
      anchor: { channelId: insta, start: 0, end: 5 },
    });
    expect(otherChannel.status).toBe(422);
    expect(otherChannel.body.error.code).toBe('UNKNOWN_CHANNEL');
    expect(await count(t, 'comments')).toBe(before);
  });
});

describe('suggestions', () => {
  it('accepting one edits the post as a new version and resolves the thread', async () => {
    const post = await newPost();
    const thread = (
      await editor.browser.post(comments(post.id), {
        body: 'Konkreter bitte',
        anchor: anchorOn(TEXT, 'am Montag'),
        suggestion: 'am 1. Advent',
      })
    ).body as Thread;
    expect(thread.suggestion).toMatchObject({ text: 'am 1. Advent', state: 'open' });

    const res = await author.browser.post(`${comments(post.id)}/${thread.id}/accept-suggestion`, {
      version: post.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.post).toMatchObject({
      version: post.version + 1,
      text: 'Unser Adventsgewinnspiel startet am 1. Advent. Mitmachen lohnt sich!',
    });
    expect(res.body.thread.suggestion).toMatchObject({
      state: 'accepted',
      decidedBy: { name: 'Ben Autor' },
    });
    expect(res.body.thread.resolvedBy).toMatchObject({ userId: author.userId });
    expect((await author.browser.get(`${posts()}/${post.id}`)).body.text).toContain('1. Advent');
    expect(await auditActions(thread.id)).toEqual([
      'comment.created',
      'comment.suggestion_accepted',
    ]);

    const again = await author.browser.post(`${comments(post.id)}/${thread.id}/accept-suggestion`, {
      version: post.version + 1,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('SUGGESTION_NOT_OPEN');
  });

  it('accepting one on an approved post voids the approval', async () => {
    const post = await newPost();
    const submitted = await author.browser.post(`${posts()}/${post.id}/submit`, {
      version: post.version,
    });
    expect(submitted.status).toBe(200);
    const approved = await editor.browser.post(`${posts()}/${post.id}/approve`, {
      version: submitted.body.version,
      contentHash: submitted.body.review.contentHash,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');

    const thread = (
      await editor.browser.post(comments(post.id), {
        body: 'Doch noch eine Kleinigkeit',
        anchor: anchorOn(TEXT, 'lohnt sich'),
        suggestion: 'lohnt sich immer',
      })
    ).body as Thread;
    const res = await author.browser.post(`${comments(post.id)}/${thread.id}/accept-suggestion`, {
      version: approved.body.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.post.status).toBe('in_review');
    expect(res.body.post.review.approval).toBeNull();
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM post_revisions WHERE post_id = $1`,
      [post.id],
    );
    expect(rows[0].n).toBe(2);
  });

  it("applies a suggestion on a channel's own text to that text only", async () => {
    const override = 'Insta: Heute startet das Gewinnspiel!';
    const post = await newPost(TEXT, { variants: [{ channelId: insta, text: override }] });
    const thread = (
      await editor.browser.post(comments(post.id), {
        body: '',
        anchor: anchorOn(override, 'Heute', insta),
        suggestion: 'Am Montag',
      })
    ).body as Thread;
    const res = await author.browser.post(`${comments(post.id)}/${thread.id}/accept-suggestion`, {
      version: post.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.post.text).toBe(TEXT);
    expect(res.body.post.variants).toEqual([
      { channelId: insta, text: 'Insta: Am Montag startet das Gewinnspiel!' },
    ]);
  });

  it('answers 409 SUGGESTION_OUTDATED when the words are gone, and changes nothing', async () => {
    const post = await newPost();
    const thread = (
      await editor.browser.post(comments(post.id), {
        body: '',
        anchor: anchorOn(TEXT, 'Montag'),
        suggestion: 'Dienstag',
      })
    ).body as Thread;
    const edited = await author.browser.patch(
      `${posts()}/${post.id}`,
      { text: 'Unser Gewinnspiel startet am Freitag.' },
      { 'If-Match': String(post.version) },
    );
    const res = await author.browser.post(`${comments(post.id)}/${thread.id}/accept-suggestion`, {
      version: edited.body.version,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SUGGESTION_OUTDATED');
    const now = (await author.browser.get(`${posts()}/${post.id}`)).body;
    expect(now).toMatchObject({
      version: edited.body.version,
      text: 'Unser Gewinnspiel startet am Freitag.',
    });
    expect((await threads(post.id))[0]!.suggestion!.state).toBe('open');
  });

  it('refuses a stale version and people other than the post author or editors', async () => {
    const post = await newPost();
    const thread = (
      await editor.browser.post(comments(post.id), {
        body: 'Kürzer?',
        anchor: anchorOn(TEXT, 'Mitmachen lohnt sich!'),
        suggestion: 'Mitmachen!',
      })
    ).body as Thread;
    const accept = (as: Browser, version: number) =>
      as.post(`${comments(post.id)}/${thread.id}/accept-suggestion`, { version });

    const stale = await accept(author.browser, post.version + 3);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect((await accept(otherAuthor.browser, post.version)).status).toBe(403);
    expect((await accept(viewer.browser, post.version)).status).toBe(403);
    expect((await author.browser.get(`${posts()}/${post.id}`)).body.text).toBe(TEXT);

    const dismissed = await author.browser.post(
      `${comments(post.id)}/${thread.id}/dismiss-suggestion`,
    );
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.suggestion).toMatchObject({ state: 'dismissed' });
    expect(dismissed.body.resolvedAt).toBeNull();
    expect(await auditActions(thread.id)).toContain('comment.suggestion_dismissed');
  });
});

describe('threads', () => {
  it('resolves and reopens with who and when; a reply reopens a resolved thread', async () => {
    const post = await newPost();
    const thread = (await editor.browser.post(comments(post.id), { body: 'Passt das Datum?' }))
      .body as Thread;
    expect(thread.anchor).toBeNull();

    const resolved = await author.browser.post(`${comments(post.id)}/${thread.id}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.body.resolvedBy).toEqual({ userId: author.userId, name: 'Ben Autor' });
    expect(resolved.body.resolvedAt).not.toBeNull();

    const reopened = await editor.browser.post(`${comments(post.id)}/${thread.id}/reopen`);
    expect(reopened.body).toMatchObject({ resolvedAt: null, resolvedBy: null });

    await author.browser.post(`${comments(post.id)}/${thread.id}/resolve`);
    const reply = await editor.browser.post(comments(post.id), {
      body: 'Doch noch eine Frage',
      parentId: thread.id,
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ id: thread.id, resolvedAt: null });
    expect(reply.body.replies.map((r: { body: string }) => r.body)).toEqual([
      'Doch noch eine Frage',
    ]);
    expect(await auditActions(thread.id)).toEqual([
      'comment.created',
      'comment.resolved',
      'comment.reopened',
      'comment.resolved',
      'comment.reopened',
    ]);
  });

  it('lets people edit and delete their own comments only', async () => {
    const post = await newPost();
    const thread = (await editor.browser.post(comments(post.id), { body: 'Tippfeler' })).body;
    const reply = (
      await author.browser.post(comments(post.id), { body: 'Wo?', parentId: thread.id })
    ).body.replies[0];

    const foreign = await author.browser.patch(`${comments(post.id)}/${thread.id}`, {
      body: 'Gekapert',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('NOT_COMMENT_AUTHOR');

    const edited = await editor.browser.patch(`${comments(post.id)}/${thread.id}`, {
      body: 'Tippfehler',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: 'Tippfehler' });
    expect(edited.body.editedAt).not.toBeNull();

    expect((await otherAuthor.browser.delete(`${comments(post.id)}/${reply.id}`)).status).toBe(403);
    expect((await author.browser.delete(`${comments(post.id)}/${reply.id}`)).status).toBe(204);
    expect((await author.browser.delete(`${comments(post.id)}/${reply.id}`)).status).toBe(404);
    const [after] = await threads(post.id);
    expect(after!.replies).toEqual([]);

    // A deleted first comment leaves a placeholder while replies remain, and nothing when not.
    await author.browser.post(comments(post.id), { body: 'Antwort', parentId: thread.id });
    expect((await editor.browser.delete(`${comments(post.id)}/${thread.id}`)).status).toBe(204);
    const [placeholder] = await threads(post.id);
    expect(placeholder).toMatchObject({ id: thread.id, body: null, deleted: true });
    expect(placeholder!.replies).toHaveLength(1);
    expect(await auditActions(thread.id)).toEqual([
      'comment.created',
      'comment.edited',
      'comment.deleted',
    ]);
  });
});

describe('permissions', () => {
  it('lets a viewer read but not comment, and stores nothing', async () => {
    const post = await newPost();
    await editor.browser.post(comments(post.id), { body: 'Sichtbar für alle' });
    expect(await threads(post.id, viewer.browser)).toHaveLength(1);
    const before = await count(t, 'comments');
    const res = await viewer.browser.post(comments(post.id), { body: 'Ich auch!' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN_ROLE');
    expect(await count(t, 'comments')).toBe(before);
  });

  it('answers 404 across workspaces', async () => {
    const post = await newPost();
    const thread = (await editor.browser.post(comments(post.id), { body: 'Intern' })).body;
    const other = await owner.post('/v1/workspaces', { name: 'Kunde Süd' });
    expect(other.status).toBe(201);
    const foreignPost = (
      await owner.post(`/v1/workspaces/${other.body.slug}/posts`, { text: 'Fremd' })
    ).body;

    const viaOther = await owner.get(`/v1/workspaces/${other.body.slug}/posts/${post.id}/comments`);
    expect(viaOther.status).toBe(404);
    expect(viaOther.body.error.code).toBe('POST_NOT_FOUND');
    const crossed = await owner.post(
      `/v1/workspaces/${other.body.slug}/posts/${foreignPost.id}/comments/${thread.id}/resolve`,
    );
    expect(crossed.status).toBe(404);
    expect(crossed.body.error.code).toBe('COMMENT_NOT_FOUND');
    const notMember = await author.browser.get(
      `/v1/workspaces/${other.body.slug}/posts/${foreignPost.id}/comments`,
    );
    expect(notMember.status).toBe(404);
    expect(notMember.body.error.code).toBe('WORKSPACE_NOT_FOUND');
    const reply = await owner.post(
      `/v1/workspaces/${other.body.slug}/posts/${foreignPost.id}/comments`,
      { body: 'x', parentId: thread.id },
    );
    expect(reply.status).toBe(404);
  });
});

describe('mentions and notifications', () => {
  it('notifies a mentioned member, and the post author about a new thread', async () => {
    const post = await newPost();
    const res = await otherAuthor.browser.post(comments(post.id), {
      body: '@Jana Müller, schaust du bitte drüber?',
    });
    expect(res.status).toBe(201);
    expect(res.body.mentions).toEqual([{ userId: editor.userId, start: 0, end: 12 }]);
    const { rows } = await t.db.query<{ user_id: string; kind: string }>(
      `SELECT user_id, kind FROM notifications WHERE post_id = $1 ORDER BY kind`,
      [post.id],
    );
    expect(rows).toEqual([
      { user_id: author.userId, kind: 'comment' },
      { user_id: editor.userId, kind: 'mention' },
    ]);
  });
  it('tells earlier participants about a reply, and only newly mentioned people after an edit', async () => {
    const post = await newPost();
    const thread = (await editor.browser.post(comments(post.id), { body: 'Frage' })).body;
    await t.db.query(`DELETE FROM notifications WHERE post_id = $1`, [post.id]);
    await otherAuthor.browser.post(comments(post.id), { body: 'Antwort', parentId: thread.id });
    const told = await t.db.query<{ user_id: string; kind: string }>(
      `SELECT user_id, kind FROM notifications WHERE post_id = $1 ORDER BY user_id`,
      [post.id],
    );
    expect(told.rows).toEqual(
      [
        { user_id: author.userId, kind: 'comment' },
        { user_id: editor.userId, kind: 'comment' },
      ].sort((a, b) => a.user_id.localeCompare(b.user_id)),
    );

    await t.db.query(`DELETE FROM notifications WHERE post_id = $1`, [post.id]);
    const own = (await editor.browser.post(comments(post.id), { body: 'Hallo @Ben Autor' })).body;
    await t.db.query(`DELETE FROM notifications WHERE post_id = $1`, [post.id]);
    await editor.browser.patch(`${comments(post.id)}/${own.id}`, {
      body: 'Hallo @Ben Autor, bitte auch an @olga denken',
    });
    const { rows } = await t.db.query<{ user_id: string }>(
      `SELECT user_id FROM notifications WHERE post_id = $1 AND kind = 'mention'`,
      [post.id],
    );
    const ownerId = (
      await t.db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'owner@example.com'`)
    ).rows[0]!.id;
    expect(rows).toEqual([{ user_id: ownerId }]);
  });
});

describe('bad input', () => {
  it('answers 400 with nothing stored', async () => {
    const post = await newPost();
    const before = await count(t, 'comments');
    const bad = [
      {},
      { body: '   ' },
      { body: 'x'.repeat(5001) },
      { body: 'x', colour: 'red' },
      { body: 'x', suggestion: 'ohne Anker' },
      { body: 'x', anchor: { channelId: null, start: 5, end: 5 } },
      { body: 'x', anchor: { channelId: null, start: 0, end: 3 }, parentId: randomUUID() },
      { body: 'x', anchor: { channelId: 'kein-kanal', start: 0, end: 3 } },
      { body: 42 },
    ];
    for (const body of bad) {
      const res = await editor.browser.post(comments(post.id), body);
      expect([res.status, res.body.error.code, body]).toEqual([400, 'VALIDATION_FAILED', body]);
    }
    const same = await editor.browser.post(comments(post.id), {
      body: '',
      anchor: anchorOn(TEXT, 'Montag'),
      suggestion: 'Montag',
    });
    expect(same.status).toBe(400);
    expect(await count(t, 'comments')).toBe(before);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE post_id = $1 AND action LIKE 'comment.%'`,
      [post.id],
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('review-link visitors', () => {
  it('comment through the service, shown with their name and the link', async () => {
    const post = await newPost(TEXT, { variants: [{ channelId: insta, text: 'Nur Insta' }] });
    const service = t.app.get(CommentsService);
    const linkId = randomUUID();
    const { rows: wsRows } = await t.db.query<{ workspace_id: string }>(
      `SELECT workspace_id FROM posts WHERE id = $1`,
      [post.id],
    );
    const visitor = (comment: object, visitorName = 'Frau Schmidt') =>
      service.createAsVisitor({
        workspaceId: wsRows[0]!.workspace_id,
        postId: post.id,
        link: { linkId, label: 'Kunde Nord' },
        visitorName,
        visibleChannelIds: [],
        comment,
      });
    const thread = await visitor(
      { body: 'Bitte ohne Ausrufezeichen', anchor: anchorOn(TEXT, 'sich!') },
      '  Frau   Schmidt ',
    );
    expect(thread.author).toEqual({
      type: 'link',
      linkId,
      label: 'Kunde Nord',
      visitorName: 'Frau Schmidt',
    });
    const [listed] = await threads(post.id);
    expect(listed!.author).toMatchObject({ type: 'link', visitorName: 'Frau Schmidt' });
    // The link shows no channel: its variants are out of reach.
    await expect(
      visitor({ body: 'x', anchor: anchorOn('Nur Insta', 'Insta', insta) }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_CHANNEL' });
    await expect(visitor({ body: 'x' }, '   ')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const { rows } = await t.db.query(
      `SELECT actor_type, actor_label FROM audit_log WHERE subject_id = $1`,
      [thread.id],
    );
    expect(rows).toEqual([
      { actor_type: 'link', actor_label: "Frau Schmidt (via link 'Kunde Nord')" },
    ]);
  });
});

describe('the API description', () => {
  it('documents the comment routes with their request bodies', async () => {
    const doc = (await owner.get('/docs/openapi.json')).body as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    const base = '/api/v1/workspaces/{ws}/posts/{postId}/comments';
    expect(Object.keys(doc.paths[base] ?? {}).sort()).toEqual(['get', 'post']);
    expect(doc.paths[base]!.post!.requestBody).toBeDefined();
    expect(doc.paths[`${base}/{commentId}/accept-suggestion`]?.post?.requestBody).toBeDefined();
  });
});
