import { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../src/config/app-config';
import { Clock } from '../src/common/clock/clock';
import { NotificationMailer } from '../src/modules/notifications/notification-mailer';
import {
  type NotifyInput,
  NotificationsService,
} from '../src/modules/notifications/notifications.service';
import { NotificationsRepository } from '../src/modules/notifications/notifications.repository';
import { type Browser, type TestApp, addMember, setUpOwner, startTestApp } from './test-app';

/** One message as the SMTP sink received it, decoded enough to read. */
type Received = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  raw: string;
};

const SMTP_USER = 'postplan-mailer';
const SMTP_PASSWORD = 'smtp-password-not-for-logs';

/**
 * A local SMTP server standing in for the mail provider. It checks the credentials, and can be
 * told to refuse a recipient for good (550) or for now (451).
 */
class SmtpSink {
  readonly messages: Received[] = [];
  readonly refuse = new Map<string, 'permanent' | 'temporary'>();
  private readonly server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth: (auth, _session, cb) =>
        auth.username === SMTP_USER && auth.password === SMTP_PASSWORD
          ? cb(null, { user: auth.username })
          : cb(new Error('Invalid credentials')),
      onRcptTo: (address, _session, cb) => {
        const refusal = this.refuse.get(address.address);
        if (!refusal) return cb();
        const err = new Error(refusal === 'permanent' ? 'No such mailbox' : 'Try again later');
        (err as Error & { responseCode: number }).responseCode =
          refusal === 'permanent' ? 550 : 451;
        return cb(err);
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.messages.push({
            ...parseMail(raw),
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          cb();
        });
      },
    });
  }

  listen(): Promise<number> {
    return new Promise((resolve) => {
      this.server.listen(0, '127.0.0.1', () =>
        resolve((this.server.server.address() as AddressInfo).port),
      );
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  to(address: string): Received[] {
    return this.messages.filter((m) => m.to.includes(address));
  }
}

function decodeWords(header: string): string {
  return header.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64').toString('utf8')
      : decodeQp(data.replace(/_/g, ' ')),
  );
}

function decodeQp(s: string): string {
  const bytes = s
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function parseMail(raw: string): Omit<Received, 'to' | 'raw'> {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) =>
    decodeWords(new RegExp(`^${name}: (.*)$`, 'im').exec(unfolded)?.[1] ?? '');
  const body = rest.join('\r\n\r\n');
  const part = (type: string) => {
    const m = new RegExp(
      `Content-Type: ${type}[^]*?Content-Transfer-Encoding: ([\\w-]+)\\r?\\n\\r?\\n([^]*?)\\r?\\n--`,
      'i',
    ).exec(body);
    if (!m) return '';
    const enc = m[1]!.toLowerCase();
    return enc === 'base64' ? Buffer.from(m[2]!, 'base64').toString('utf8') : decodeQp(m[2]!);
  };
  return {
    from: header('From'),
    subject: header('Subject'),
    text: part('text/plain'),
    html: part('text/html'),
  };
}

let t: TestApp;
let sink: SmtpSink;
let owner: Browser;
let ws: string;
let wsId: string;
let ownerId: string;
let editor: { browser: Browser; userId: string; email: string };
let reader: { browser: Browser; userId: string; email: string };
let postId: string;
let notifications: NotificationsService;
let mailer: NotificationMailer;
let db: DataSource;

const PUBLIC_URL = 'https://postplan.example';

beforeAll(async () => {
  sink = new SmtpSink();
  const port = await sink.listen();
  t = await startTestApp({
    // API-only: the background job stays quiet and each test sends when it wants to.
    POSTPLAN_ROLE: 'api',
    POSTPLAN_PUBLIC_URL: PUBLIC_URL,
    POSTPLAN_SMTP_HOST: '127.0.0.1',
    POSTPLAN_SMTP_PORT: String(port),
    POSTPLAN_SMTP_SECURE: 'false',
    POSTPLAN_SMTP_USER: SMTP_USER,
    POSTPLAN_SMTP_PASSWORD: SMTP_PASSWORD,
    POSTPLAN_SMTP_FROM: 'Postplan <postplan@example.com>',
  });
  ({ owner, ws } = await setUpOwner(t));
  const me = (await owner.get('/v1/me')).body as {
    user: { id: string };
    workspaces: { id: string }[];
  };
  ownerId = me.user.id;
  wsId = me.workspaces[0]!.id;
  const editorEmail = 'erika.editor@example.com';
  editor = { ...(await addMember(t, owner, ws, 'editor', editorEmail)), email: editorEmail };
  const readerEmail = 'rick.reader@example.com';
  reader = { ...(await addMember(t, owner, ws, 'viewer', readerEmail)), email: readerEmail };
  postId = (
    await owner.post(`/v1/workspaces/${ws}/posts`, {
      title: 'Adventsgewinnspiel',
      text: 'Was wünscht ihr euch?',
    })
  ).body.id;
  notifications = t.app.get(NotificationsService);
  mailer = t.app.get(NotificationMailer);
  db = t.app.get(DataSource);
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

const notify = (n: Partial<NotifyInput> & Pick<NotifyInput, 'userIds' | 'kind'>) =>
  db.transaction((em) =>
    notifications.notify(em, {
      workspaceId: wsId,
      postId,
      actor: { type: 'user', userId: ownerId },
      ...n,
    }),
  );

type Inbox = {
  items: {
    id: string;
    kind: string;
    workspace: { slug: string };
    post: { id: string; title: string } | null;
    actor: unknown;
    readAt: string | null;
    data: Record<string, unknown>;
  }[];
  unreadCount: number;
  nextCursor: string | null;
};
const inbox = async (b: Browser, query = ''): Promise<Inbox> => {
  const res = await b.get(`/v1/me/notifications${query}`);
  expect(res.status).toBe(200);
  return res.body as Inbox;
};

describe('the inbox', () => {
  it('shows a notification to its recipient only, with workspace slug, post and actor', async () => {
    await notify({ userIds: [editor.userId, ownerId], kind: 'review_requested' });
    const mine = await inbox(editor.browser);
    expect(mine.unreadCount).toBe(1);
    expect(mine.items[0]).toMatchObject({
      kind: 'review_requested',
      workspace: { slug: ws },
      post: { id: postId, title: 'Adventsgewinnspiel' },
      actor: { type: 'user', userId: ownerId, name: 'Olga Owner' },
      readAt: null,
    });
    // The owner did it, so the owner is not told; the viewer was not addressed.
    expect((await inbox(owner)).items).toHaveLength(0);
    expect((await inbox(reader.browser)).items).toHaveLength(0);
  });

  it('tells nobody when the transaction that did it rolls back', async () => {
    const before = (await inbox(editor.browser)).items.length;
    await expect(
      db.transaction(async (em) => {
        await notifications.notify(em, {
          workspaceId: wsId,
          userIds: [editor.userId],
          kind: 'mention',
          postId,
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await inbox(editor.browser)).items).toHaveLength(before);
  });

  it('pages newest first and filters unread ones', async () => {
    for (let i = 0; i < 4; i++)
      await notify({
        userIds: [reader.userId],
        kind: 'comment',
        data: { excerpt: `Kommentar ${i}` },
      });
    const first = await inbox(reader.browser, '?limit=3');
    expect(first.items.map((n) => n.data.excerpt)).toEqual([
      'Kommentar 3',
      'Kommentar 2',
      'Kommentar 1',
    ]);
    expect(first.nextCursor).toBe(first.items[2]!.id);
    const second = await inbox(reader.browser, `?limit=3&cursor=${first.nextCursor}`);
    expect(second.items.map((n) => n.data.excerpt)).toEqual(['Kommentar 0']);
    expect(second.nextCursor).toBeNull();

    await reader.browser.post('/v1/me/notifications/read', { ids: [first.items[0]!.id] });
    const unread = await inbox(reader.browser, '?unread=true');
    expect(unread.items.map((n) => n.data.excerpt)).toEqual([
      'Kommentar 2',
      'Kommentar 1',
      'Kommentar 0',
    ]);
    expect(unread.unreadCount).toBe(3);

    const bad = await reader.browser.get('/v1/me/notifications?limit=500');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect((await reader.browser.get('/v1/me/notifications?cursor=nonsense')).status).toBe(400);
  });

  it('marks notifications read, and refuses someone else’s without changing anything', async () => {
    const mine = await inbox(reader.browser, '?unread=true');
    const theirs = (await inbox(editor.browser)).items[0]!.id;

    const refused = await reader.browser.post('/v1/me/notifications/read', {
      ids: [mine.items[0]!.id, theirs],
    });
    expect(refused.status).toBe(404);
    expect(refused.body.error).toMatchObject({
      code: 'NOTIFICATION_NOT_FOUND',
      details: { ids: [theirs] },
    });
    expect((await inbox(reader.browser)).unreadCount).toBe(mine.unreadCount);
    expect((await inbox(editor.browser)).items[0]!.readAt).toBeNull();

    const ok = await reader.browser.post('/v1/me/notifications/read', { ids: [mine.items[0]!.id] });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ updated: 1, unreadCount: mine.unreadCount - 1 });

    expect((await reader.browser.post('/v1/me/notifications/read', { ids: [] })).status).toBe(400);
    expect((await reader.browser.post('/v1/me/notifications/read', { ids: ['x'] })).status).toBe(
      400,
    );

    const all = await reader.browser.post('/v1/me/notifications/read-all');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ updated: mine.unreadCount - 1, unreadCount: 0 });
    expect((await inbox(reader.browser, '?unread=true')).items).toHaveLength(0);
  });

  it('stops showing a workspace’s notifications to someone removed from it', async () => {
    const { browser, userId } = await addMember(t, owner, ws, 'author');
    await notify({ userIds: [userId], kind: 'approved' });
    expect((await inbox(browser)).unreadCount).toBe(1);
    expect((await owner.delete(`/v1/workspaces/${ws}/members/${userId}`)).status).toBe(204);
    const after = await inbox(browser);
    expect(after.items).toHaveLength(0);
    expect(after.unreadCount).toBe(0);
  });

  it('needs a signed-in user', async () => {
    const res = await (await import('supertest')).default(t.server).get('/api/v1/me/notifications');
    expect(res.status).toBe(401);
  });
});

describe('settings', () => {
  it('starts with e-mail on for everything but comments, and changes only what is named', async () => {
    const initial = await editor.browser.get('/v1/me/notification-settings');
    expect(initial.status).toBe(200);
    expect(initial.body.emailAvailable).toBe(true);
    const email = (body: { kinds: { kind: string; email: boolean; inApp: boolean }[] }) =>
      Object.fromEntries(body.kinds.map((k) => [k.kind, k.email]));
    expect(email(initial.body)).toMatchObject({
      review_requested: true,
      comment: false,
      workspace_paused: true,
    });
    expect(initial.body.kinds.every((k: { inApp: boolean }) => k.inApp)).toBe(true);

    const put = await editor.browser.send('put', '/v1/me/notification-settings', {
      email: { comment: true, approved: false },
    });
    expect(put.status).toBe(200);
    expect(email(put.body)).toMatchObject({
      comment: true,
      approved: false,
      review_requested: true,
    });
    expect(email((await editor.browser.get('/v1/me/notification-settings')).body)).toMatchObject({
      comment: true,
      approved: false,
    });
    // Another person's settings are their own.
    expect(email((await reader.browser.get('/v1/me/notification-settings')).body).comment).toBe(
      false,
    );
  });

  it('refuses an unknown kind or a non-boolean, and keeps the settings', async () => {
    for (const body of [{ email: { sms: true } }, { email: { approved: 'yes' } }, { push: {} }]) {
      const res = await editor.browser.send('put', '/v1/me/notification-settings', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const body = (await editor.browser.get('/v1/me/notification-settings')).body as {
      kinds: { kind: string; email: boolean }[];
    };
    expect(body.kinds.find((k) => k.kind === 'approved')!.email).toBe(false);
  });
});

describe('e-mail', () => {
  beforeAll(async () => {
    await editor.browser.send('put', '/v1/me/notification-settings', { email: { approved: true } });
    // What the tests above queued goes out first, so each test below sees only its own mail.
    await mailer.dispatchDue();
    sink.messages.length = 0;
  });

  it('sends after commit, to the recipient, in the workspace language, with a link to the post', async () => {
    sink.messages.length = 0;
    await notify({
      userIds: [editor.userId],
      kind: 'changes_requested',
      data: { note: 'Bitte kürzer.', token: 'pp_leak_me' },
    });
    await mailer.dispatchDue();
    const [mail, ...more] = sink.to(editor.email);
    expect(more).toHaveLength(0);
    expect(mail!.from).toContain('postplan@example.com');
    expect(mail!.subject).toBe('Änderungen gewünscht: „Adventsgewinnspiel“');
    expect(mail!.text).toContain('Olga Owner wünscht Änderungen an „Adventsgewinnspiel“.');
    expect(mail!.text).toContain('Anmerkung: Bitte kürzer.');
    expect(mail!.text).toContain(`${PUBLIC_URL}/w/${ws}/calendar?post=${postId}`);
    expect(mail!.html).toContain(`href="${PUBLIC_URL}/w/${ws}/calendar?post=${postId}"`);
    expect(mail!.raw).not.toContain('pp_leak_me');
    expect(mail!.raw).not.toContain(SMTP_PASSWORD);
    const { rows } = await t.db.query(
      `SELECT e.status, e.attempts, e.sent_at FROM notification_emails e
         JOIN notifications n ON n.id = e.notification_id
        WHERE n.user_id = $1 AND n.kind = 'changes_requested'`,
      [editor.userId],
    );
    expect(rows).toEqual([expect.objectContaining({ status: 'sent', attempts: 1 })]);
  });

  it('writes in the recipient’s own language when they chose one', async () => {
    sink.messages.length = 0;
    expect((await editor.browser.patch('/v1/me', { locale: 'en' })).status).toBe(200);
    await notify({ userIds: [editor.userId], kind: 'approved' });
    await mailer.dispatchDue();
    expect(sink.to(editor.email).map((m) => m.subject)).toEqual(['Approved: “Adventsgewinnspiel”']);
    await editor.browser.patch('/v1/me', { locale: null });
  });

  it('sends nothing for a kind the person turned off, but still shows it in the inbox', async () => {
    sink.messages.length = 0;
    await reader.browser.send('put', '/v1/me/notification-settings', { email: { mention: false } });
    await notify({
      userIds: [reader.userId, editor.userId],
      kind: 'mention',
      data: { excerpt: '@rick schau mal' },
    });
    await mailer.dispatchDue();
    expect(sink.to(reader.email)).toHaveLength(0);
    expect(sink.to(editor.email)).toHaveLength(1);
    expect((await inbox(reader.browser, '?unread=true')).items[0]).toMatchObject({
      kind: 'mention',
    });
    const { rows } = await t.db.query(
      `SELECT e.status, e.skip_reason FROM notification_emails e
         JOIN notifications n ON n.id = e.notification_id
        WHERE n.user_id = $1 AND n.kind = 'mention'`,
      [reader.userId],
    );
    expect(rows).toEqual([{ status: 'skipped', skip_reason: 'disabled_by_user' }]);
  });

  it('tries again later when the server says so, and gives up on a refused mailbox', async () => {
    sink.messages.length = 0;
    sink.refuse.set(editor.email, 'temporary');
    sink.refuse.set(reader.email, 'permanent');
    await notify({ userIds: [editor.userId, reader.userId], kind: 'review_requested' });
    await mailer.dispatchDue();
    expect(sink.messages).toHaveLength(0);
    const state = async () =>
      (
        await t.db.query<{
          user_id: string;
          status: string;
          attempts: number;
          retry_in: number;
          last_error: string;
        }>(
          `SELECT n.user_id, e.status, e.attempts, e.last_error,
                  extract(epoch FROM e.next_attempt_at - now())::int AS retry_in
             FROM notification_emails e JOIN notifications n ON n.id = e.notification_id
            WHERE n.kind = 'review_requested' AND n.user_id = ANY($1) AND e.status <> 'sent'`,
          [[editor.userId, reader.userId]],
        )
      ).rows;
    const rows = await state();
    const temp = rows.find((r) => r.user_id === editor.userId)!;
    const perm = rows.find((r) => r.user_id === reader.userId)!;
    expect(temp).toMatchObject({ status: 'pending', attempts: 1 });
    expect(temp.retry_in).toBeGreaterThan(20);
    expect(temp.retry_in).toBeLessThanOrEqual(30);
    expect(perm).toMatchObject({ status: 'failed', attempts: 1 });
    expect(perm.last_error).toMatch(/550/);
    for (const r of rows) expect(r.last_error).not.toContain(SMTP_PASSWORD);

    // Not due yet: nothing is tried. Once due, it goes out.
    await mailer.dispatchDue();
    expect((await state()).find((r) => r.user_id === editor.userId)!.attempts).toBe(1);
    sink.refuse.clear();
    await t.db.query(
      `UPDATE notification_emails SET next_attempt_at = now() WHERE status = 'pending'`,
    );
    await mailer.dispatchDue();
    expect(sink.to(editor.email)).toHaveLength(1);
    expect(sink.to(reader.email)).toHaveLength(0);
  });

  it('is sent once, even with two senders working at the same time', async () => {
    sink.messages.length = 0;
    const repo = t.app.get(NotificationsRepository);
    const other = new NotificationMailer(t.app.get<AppConfig>(APP_CONFIG), repo, t.app.get(Clock));
    const recipients = [editor.userId, reader.userId];
    for (let i = 0; i < 6; i++)
      await notify({
        userIds: recipients,
        kind: 'workspace_paused',
        postId: null,
        data: { reason: `Krise ${i}` },
      });
    await Promise.all([mailer.dispatchDue(), other.dispatchDue(), mailer.dispatchDue()]);
    other.onModuleDestroy();
    expect(sink.messages).toHaveLength(12);
    const reasons = sink
      .to(editor.email)
      .map((m) => /Grund: (.*)/.exec(m.text)?.[1]?.trim())
      .sort();
    expect(reasons).toEqual(['Krise 0', 'Krise 1', 'Krise 2', 'Krise 3', 'Krise 4', 'Krise 5']);
  });
});

describe('the API document', () => {
  it('describes the inbox, the settings and the crisis stop', async () => {
    const res = await (await import('supertest')).default(t.server).get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    const paths = Object.keys(res.body.paths as Record<string, unknown>);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/me/notifications',
        '/api/v1/me/notifications/read',
        '/api/v1/me/notifications/read-all',
        '/api/v1/me/notification-settings',
        '/api/v1/workspaces/{ws}/pause',
        '/api/v1/workspaces/{ws}/resume',
        '/api/v1/workspaces/{ws}/channels/{channelId}/pause',
        '/api/v1/workspaces/{ws}/pause/due-posts/decide',
      ]),
    );
  });
});
