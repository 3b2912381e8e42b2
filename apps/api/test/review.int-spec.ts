import sharp from 'sharp';
import request from 'supertest';
import { ReviewService } from '../src/modules/review/review.service';
import { type Browser, type TestApp, addMember, count, setUpOwner, startTestApp } from './test-app';

let t: TestApp;
let owner: Browser;
let ws: string;
let channel: string;
let author: { browser: Browser; userId: string };
let editor: { browser: Browser; userId: string };
let editor2: { browser: Browser; userId: string };
let admin: { browser: Browser; userId: string };
let viewer: { browser: Browser; userId: string };

beforeAll(async () => {
  t = await startTestApp();
  ({ owner, ws } = await setUpOwner(t));
  channel = (
    await owner.post(`/v1/workspaces/${ws}/channels`, { name: 'LinkedIn', platform: 'linkedin' })
  ).body.id;
  author = await addMember(t, owner, ws, 'author');
  editor = await addMember(t, owner, ws, 'editor');
  editor2 = await addMember(t, owner, ws, 'editor');
  admin = await addMember(t, owner, ws, 'admin');
  viewer = await addMember(t, owner, ws, 'viewer');
});
afterAll(() => t.close());

const base = () => `/v1/workspaces/${ws}`;
type PostBody = {
  id: string;
  version: number;
  status: string;
  review: {
    contentHash: string;
    statusReason: string | null;
    approval: { contentHash: string } | null;
    round: {
      number: number;
      currentLevel: number | null;
      levels: { approvedBy: string[] }[];
    } | null;
    can: Record<string, boolean>;
  };
};

async function setPolicy(policy: unknown): Promise<void> {
  const res = await owner.put(`${base()}/approval-policy`, { policy });
  expect(res.status).toBe(200);
}

async function draft(by: Browser = author.browser, extra: object = {}): Promise<PostBody> {
  const res = await by.post(`${base()}/posts`, {
    title: 'Neue Filter',
    text: 'Unsere neuen Filter sind da. Was sagt ihr dazu?',
    plannedAt: '2027-03-02T09:00',
    variants: [{ channelId: channel }],
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body as PostBody;
}

async function act(by: Browser, post: PostBody, action: string, body: object = {}) {
  return by.post(`${base()}/posts/${post.id}/${action}`, { version: post.version, ...body });
}

const REQUIRED = {
  kind: 'required',
  approvers: { roles: ['owner', 'admin', 'editor'], userIds: [] },
  selfApprovalRoles: [],
};

describe('the editorial life of a post', () => {
  beforeAll(() => setPolicy(REQUIRED));

  it('goes draft -> in_review -> approved, bound to the content hash', async () => {
    const post = await draft();
    expect(post.status).toBe('draft');
    expect(post.review.can.submit).toBe(true);
    const submitted = (await act(author.browser, post, 'submit')).body as PostBody;
    expect(submitted.status).toBe('in_review');
    expect(submitted.version).toBe(post.version + 1);
    const seen = (await editor.browser.get(`${base()}/posts/${post.id}`)).body as PostBody;
    expect(seen.review.can.approve).toBe(true);
    const approved = await act(editor.browser, seen, 'approve', {
      contentHash: seen.review.contentHash,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.review.approval.contentHash).toBe(seen.review.contentHash);
  });

  it('refuses self-approval with 403 and records the attempt in the audit log', async () => {
    const post = await draft(editor.browser);
    const submitted = (await act(editor.browser, post, 'submit')).body as PostBody;
    expect(submitted.review.can.approve).toBe(false);
    const before = await count(t, 'audit_log');
    const res = await act(editor.browser, submitted, 'approve');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('SELF_APPROVAL_FORBIDDEN');
    const { rows } = await t.db.query(
      `SELECT action, actor_user_id, after FROM audit_log WHERE post_id = $1 ORDER BY id DESC LIMIT 1`,
      [post.id],
    );
    expect(rows[0]).toMatchObject({
      action: 'access.denied',
      actor_user_id: editor.userId,
      after: { attempted: 'approve', code: 'SELF_APPROVAL_FORBIDDEN' },
    });
    expect(await count(t, 'audit_log')).toBe(before + 1);
    const still = (await owner.get(`${base()}/posts/${post.id}`)).body as PostBody;
    expect(still.status).toBe('in_review');
  });

  it('lets the policy allow self-approval for a named role', async () => {
    await setPolicy({ ...REQUIRED, selfApprovalRoles: ['editor'] });
    try {
      const post = await draft(editor.browser);
      const submitted = (await act(editor.browser, post, 'submit')).body as PostBody;
      const res = await act(editor.browser, submitted, 'approve');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('approved');
    } finally {
      await setPolicy(REQUIRED);
    }
  });

  it('voids the approval when the content changes, and keeps it when only the time moves', async () => {
    const post = await draft();
    const submitted = (await act(author.browser, post, 'submit')).body as PostBody;
    const approved = (await act(editor.browser, submitted, 'approve')).body as PostBody;
    expect(approved.status).toBe('approved');

    const moved = await author.browser.patch(`${base()}/posts/${post.id}`, {
      version: approved.version,
      plannedAt: '2027-03-03T10:00',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe('approved');
    expect(moved.body.review.approval.contentHash).toBe(approved.review.contentHash);

    const edited = await author.browser.patch(`${base()}/posts/${post.id}`, {
      version: moved.body.version,
      text: 'Unsere neuen Filter sind endlich da. Was sagt ihr dazu?',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.status).toBe('in_review');
    expect(edited.body.review.statusReason).toBe('content_changed');
    expect(edited.body.review.approval).toBeNull();
    expect(edited.body.review.contentHash).not.toBe(approved.review.contentHash);
    expect(edited.body.review.round.number).toBe(2);

    const diff = await editor.browser.get(`${base()}/posts/${post.id}/diff?since=last_approval`);
    expect(diff.status).toBe(200);
    expect(diff.body.diff.text.segments).toContainEqual({
      kind: 'insert',
      text: expect.stringContaining('endlich'),
    });
  });

  it('voids the approval when only a channel’s own media change, and names the media in the diff', async () => {
    const upload = async (name: string, background: string) => {
      const file = await sharp({ create: { width: 600, height: 600, channels: 3, background } })
        .png()
        .toBuffer();
      const res = await request(t.server)
        .post(`/api${base()}/media`)
        .set(
          'Cookie',
          `postplan_session=${author.browser.cookie('postplan_session')}; postplan_csrf=${author.browser.csrf}`,
        )
        .set('X-CSRF-Token', author.browser.csrf ?? '')
        .field('altText', name)
        .attach('file', file, { filename: `${name}.png`, contentType: 'image/png' });
      expect(res.status).toBe(201);
      return res.body as { id: string };
    };
    const a = await upload('Hafen', '#3366cc');
    const b = await upload('Kuchen', '#cc6633');
    const post = await draft(author.browser, {
      media: [{ mediaId: a.id }, { mediaId: b.id }],
      variants: [{ channelId: channel, media: [{ mediaId: b.id }, { mediaId: a.id }] }],
    });
    const submitted = (await act(author.browser, post, 'submit')).body as PostBody;
    const approved = (
      await act(editor.browser, submitted, 'approve', {
        contentHash: submitted.review.contentHash,
      })
    ).body as PostBody;
    expect(approved.status).toBe('approved');

    // The post's own media and text stay; only LinkedIn's list loses a picture.
    const edited = await author.browser.patch(`${base()}/posts/${post.id}`, {
      version: approved.version,
      variants: [{ channelId: channel, text: null, media: [{ mediaId: b.id }] }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.status).toBe('in_review');
    expect(edited.body.review.statusReason).toBe('content_changed');
    expect(edited.body.review.approval).toBeNull();
    expect(edited.body.review.contentHash).not.toBe(approved.review.contentHash);

    // An approval of the content shown before the change is refused: it covered other media.
    const stale = await act(editor.browser, edited.body as PostBody, 'approve', {
      contentHash: approved.review.contentHash,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONTENT_CHANGED');

    const diff = await editor.browser.get(`${base()}/posts/${post.id}/diff?since=last_approval`);
    expect(diff.status).toBe(200);
    const linkedin = diff.body.diff.variants.find(
      (v: { channelId: string }) => v.channelId === channel,
    );
    expect(linkedin.changed).toBe(true);
    expect(JSON.stringify(linkedin.media)).toContain(a.id);
    expect(diff.body.diff.text.changed).toBe(false);
  });

  it('never lets PATCH set the status', async () => {
    const post = await draft();
    const res = await author.browser.patch(`${base()}/posts/${post.id}`, {
      version: post.version,
      status: 'approved',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const after = (await owner.get(`${base()}/posts/${post.id}`)).body as PostBody;
    expect(after).toMatchObject({ status: 'draft', version: post.version });
  });

  it('cannot create a post that is already approved', async () => {
    const before = await count(t, 'posts');
    const res = await author.browser.post(`${base()}/posts`, { text: 'x', status: 'approved' });
    expect(res.status).toBe(400);
    expect(await count(t, 'posts')).toBe(before);
  });

  it('refuses a transition from the wrong state and checks the version', async () => {
    const post = await draft();
    const wrong = await act(editor.browser, post, 'approve');
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe('TRANSITION_NOT_ALLOWED');
    const stale = await author.browser.post(`${base()}/posts/${post.id}/submit`, {
      version: post.version + 5,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
  });

  it('lets a viewer do nothing and another author not submit a stranger’s post', async () => {
    const post = await draft();
    const byViewer = await act(viewer.browser, post, 'submit');
    expect(byViewer.status).toBe(403);
    const other = await addMember(t, owner, ws, 'author');
    const byOther = await act(other.browser, post, 'submit');
    expect(byOther.status).toBe(403);
    expect(byOther.body.error.code).toBe('FORBIDDEN_ROLE');
  });

  it('requests changes, then the author resubmits and the round starts again', async () => {
    const post = await draft();
    const submitted = (await act(author.browser, post, 'submit')).body as PostBody;
    const changes = await act(editor.browser, submitted, 'request-changes', {
      note: 'Kürzer, bitte.',
    });
    expect(changes.status).toBe(200);
    expect(changes.body.status).toBe('changes_requested');
    const again = await act(author.browser, changes.body, 'submit');
    expect(again.body.status).toBe('in_review');
    expect(again.body.review.round.number).toBe(2);
  });

  it('withdraws an approved post back to draft', async () => {
    const post = await draft();
    const submitted = (await act(author.browser, post, 'submit')).body as PostBody;
    const approved = (await act(editor.browser, submitted, 'approve')).body as PostBody;
    const withdrawn = await act(author.browser, approved, 'withdraw');
    expect(withdrawn.body.status).toBe('draft');
    expect(withdrawn.body.review.approval).toBeNull();
  });
});

describe('approval levels', () => {
  afterAll(() => setPolicy(REQUIRED));

  it('walks the levels in order, any then all', async () => {
    await setPolicy({
      kind: 'levels',
      selfApprovalRoles: [],
      levels: [
        { name: 'Redaktion', approvers: { roles: ['editor'] }, mode: 'any' },
        { name: 'Leitung', approvers: { userIds: [admin.userId] }, mode: 'all' },
      ],
    });
    const post = await draft();
    const submitted = (await act(author.browser, post, 'submit')).body as PostBody;

    const tooEarly = await act(admin.browser, submitted, 'approve');
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.error.code).toBe('LEVEL_NOT_REACHED');

    const first = (await act(editor2.browser, submitted, 'approve')).body as PostBody;
    expect(first.status).toBe('in_review');
    expect(first.review.round!.currentLevel).toBe(1);

    const second = (await act(admin.browser, first, 'approve')).body as PostBody;
    expect(second.status).toBe('approved');

    // The history names each decision's level as the round froze it, whatever the policy
    // says later.
    const { rows } = await t.db.query<{ after: { level: number; levelName?: string } }>(
      `SELECT after FROM audit_log WHERE post_id = $1 AND action = 'post.decision_recorded'
        ORDER BY id`,
      [post.id],
    );
    expect(rows.map((r) => [r.after.level, r.after.levelName])).toEqual([
      [0, 'Redaktion'],
      [1, 'Leitung'],
    ]);
  });
});

describe('expiry at the planned time', () => {
  it('turns an unapproved post whose time has come into approval_expired and tells the author', async () => {
    const post = await draft(author.browser, { plannedAt: '2027-03-02T09:00' });
    const submitted = (await act(author.browser, post, 'submit')).body as PostBody;
    const approved = await draft(author.browser, { plannedAt: '2027-03-02T09:00' });
    const review = t.app.get(ReviewService);

    expect(await review.expireDue(new Date('2027-03-02T07:59:00Z'))).toBe(0);
    await review.expireDue(new Date('2027-03-02T08:00:00Z'));

    const expired = (await owner.get(`${base()}/posts/${submitted.id}`)).body as PostBody;
    expect(expired.status).toBe('approval_expired');
    expect(expired.review.statusReason).toBe('planned_time_reached');
    const alsoExpired = (await owner.get(`${base()}/posts/${approved.id}`)).body as PostBody;
    expect(alsoExpired.status).toBe('approval_expired');
    const history = await owner.get(`${base()}/posts/${submitted.id}/history`);
    expect(history.body.items.at(-1)).toMatchObject({
      action: 'post.status_changed',
      actor: { type: 'system' },
      after: { status: 'approval_expired' },
    });
  });

  it('leaves approved posts alone', async () => {
    const post = await draft(author.browser, { plannedAt: '2027-04-02T09:00' });
    const submitted = (await act(author.browser, post, 'submit')).body as PostBody;
    await act(editor.browser, submitted, 'approve');
    await t.app.get(ReviewService).expireDue(new Date('2027-04-02T08:00:00Z'));
    expect((await owner.get(`${base()}/posts/${post.id}`)).body.status).toBe('approved');
  });
});

describe('the audit log', () => {
  it('refuses UPDATE and DELETE from the application’s role', async () => {
    await expect(t.db.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect(await count(t, 'audit_log')).toBeGreaterThan(0);
    // TRUNCATE queues behind every open transaction on the table; a busy machine needs longer.
  }, 30_000);

  it('is readable per workspace by owners and admins, filtered and paginated', async () => {
    const page1 = await admin.browser.get(`${base()}/audit?action=post.*&limit=3`);
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(3);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await admin.browser.get(
      `${base()}/audit?action=post.*&limit=3&before=${page1.body.nextCursor}`,
    );
    expect(Number(page2.body.items[0].id)).toBeLessThan(Number(page1.body.items[2].id));
    expect((await editor.browser.get(`${base()}/audit`)).status).toBe(403);
    expect((await admin.browser.get(`${base()}/audit?limit=abc`)).status).toBe(400);
  });

  it('records the policy change with before and after', async () => {
    const res = await admin.browser.get(
      `${base()}/audit?action=workspace.approval_policy_changed&limit=1`,
    );
    expect(res.body.items[0]).toMatchObject({
      before: { kind: expect.any(String) },
      after: { kind: expect.any(String) },
    });
  });
});

describe('the review queue and revisions', () => {
  it('lists posts waiting for me and bulk-approves them', async () => {
    const a = (await act(author.browser, await draft(), 'submit')).body as PostBody;
    const b = (await act(author.browser, await draft(), 'submit')).body as PostBody;
    const queue = await editor.browser.get(`${base()}/review-queue`);
    const mine = (queue.body.items as { post: { id: string }; mine: boolean }[])
      .filter((i) => i.mine)
      .map((i) => i.post.id);
    expect(mine).toEqual(expect.arrayContaining([a.id, b.id]));
    const res = await editor.browser.post(`${base()}/review-queue/approve`, {
      posts: [a, b].map((p) => ({
        id: p.id,
        version: p.version,
        contentHash: p.review.contentHash,
      })),
    });
    expect(res.body.results).toEqual([
      { id: a.id, ok: true },
      { id: b.id, ok: true },
    ]);
  });

  it('keeps a revision per content save', async () => {
    const post = await draft();
    await author.browser.patch(`${base()}/posts/${post.id}`, {
      version: post.version,
      text: 'Zweite Fassung?',
    });
    const revisions = await owner.get(`${base()}/posts/${post.id}/revisions`);
    expect(revisions.body.items.map((r: { number: number }) => r.number)).toEqual([1, 2]);
    const diff = await owner.get(`${base()}/posts/${post.id}/diff?from=1&to=2`);
    expect(diff.body.diff.text.changed).toBe(true);
    expect((await owner.get(`${base()}/posts/${post.id}/diff?from=9`)).body.error.code).toBe(
      'REVISION_NOT_FOUND',
    );
  });
});

describe('policy validation and isolation', () => {
  const policyChanges = async () => {
    const { rows } = await t.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'workspace.approval_policy_changed'`,
    );
    return Number(rows[0]!.n);
  };

  it('rejects an invalid policy and changes nothing', async () => {
    const before = (await owner.get(`${base()}/approval-policy`)).body;
    const res = await owner.put(`${base()}/approval-policy`, {
      policy: { kind: 'levels', levels: [] },
    });
    expect(res.status).toBe(400);
    expect((await owner.get(`${base()}/approval-policy`)).body).toEqual(before);
    expect(
      (await editor.browser.put(`${base()}/approval-policy`, { policy: REQUIRED })).status,
    ).toBe(403);
  });

  it('refuses a policy saved against an old version, so two admins cannot overwrite each other', async () => {
    const read = (await owner.get(`${base()}/approval-policy`)).body;
    const first = await owner.put(
      `${base()}/approval-policy`,
      { policy: REQUIRED },
      { 'If-Match': String(read.version) },
    );
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(read.version + 1);

    // A second admin still holds the form they read before that save.
    const stale = await owner.put(
      `${base()}/approval-policy`,
      { policy: { kind: 'none', selfApprovalRoles: [] } },
      { 'If-Match': `"${read.version}"` },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'STALE_VERSION',
      details: { currentVersion: read.version + 1 },
    });
    const after = (await owner.get(`${base()}/approval-policy`)).body;
    expect(after.policy).toEqual(first.body.policy);
    expect(after.version).toBe(read.version + 1);
    const changes = await policyChanges();

    const malformed = await owner.put(
      `${base()}/approval-policy`,
      { policy: REQUIRED },
      { 'If-Match': 'latest' },
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
    expect(await policyChanges()).toBe(changes);
  });

  it('answers 404 for a post of another workspace', async () => {
    const post = await draft();
    const other = await owner.post('/v1/workspaces', {
      name: 'Andere Agentur',
      timeZone: 'Europe/Berlin',
      locale: 'de',
    });
    expect(other.status).toBe(201);
    const res = await owner.post(`/v1/workspaces/${other.body.slug}/posts/${post.id}/submit`, {
      version: post.version,
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('POST_NOT_FOUND');
  });
});
