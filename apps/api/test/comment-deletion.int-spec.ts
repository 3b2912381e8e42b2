import { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { NotificationMailer } from '../src/modules/notifications/notification-mailer';
import { type Browser, type TestApp, addMember, setUpOwner, startTestApp } from './test-app';

/**
 * Issue 13, finding 10: a deleted comment's words stayed readable in the post's history. A
 * reader goes looking for them everywhere the API shows comments' words, and the database is
 * searched for them too: they must be gone, with the history saying that a comment was deleted.
 */

const SECRET = 'Zugangscode-4711-Hafen';
const EDITED = 'Neuer-Zugangscode-0815';
const SUGGESTED = 'Geheimer-Vorschlag-42';
const KEPT = 'Dieser Kommentar bleibt stehen';

let t: TestApp;
let owner: Browser;
let ws: string;
let author: { browser: Browser; userId: string };
let editor: { browser: Browser; userId: string };
let smtp: SMTPServer;
const mails: string[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _session, cb) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push(Buffer.concat(chunks).toString('utf8'));
        cb();
      });
    },
  });
  const port = await new Promise<number>((resolve) =>
    smtp.listen(0, '127.0.0.1', () => resolve((smtp.server.address() as AddressInfo).port)),
  );
  t = await startTestApp({
    POSTPLAN_SMTP_HOST: '127.0.0.1',
    POSTPLAN_SMTP_PORT: String(port),
    POSTPLAN_SMTP_SECURE: 'false',
    POSTPLAN_SMTP_FROM: 'Postplan <postplan@example.com>',
  });
  ({ owner, ws } = await setUpOwner(t));
  author = await addMember(t, owner, ws, 'author');
  editor = await addMember(t, owner, ws, 'editor');
  await t.db.query(`UPDATE users SET name = 'Ben Autor' WHERE id = $1`, [author.userId]);
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const posts = () => `/v1/workspaces/${ws}/posts`;
const comments = (postId: string) => `${posts()}/${postId}/comments`;

/** Every row of every table, searched for the words. */
async function tablesContaining(words: string[]): Promise<string[]> {
  const { rows: tables } = await t.db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const found: string[] = [];
  for (const { name } of tables) {
    for (const w of words) {
      const { rows } = await t.db.query(
        `SELECT 1 FROM "${name}" r WHERE r::text LIKE '%' || $1 || '%' LIMIT 1`,
        [w],
      );
      if (rows.length > 0) found.push(`${name}: ${w}`);
    }
  }
  return found;
}

describe('a deleted comment', () => {
  it('leaves no word behind in any view, the mail outbox or the database', async () => {
    const post = (await author.browser.post(posts(), { text: 'Hafenfest am Samstag ab 12 Uhr' }))
      .body as { id: string };
    // The editor writes the secret, mentions the author (mail goes out for mentions), edits it,
    // and adds an anchored suggestion with more of it.
    const created = await editor.browser.post(comments(post.id), {
      body: `@Ben Autor ${SECRET}`,
    });
    expect(created.status).toBe(201);
    const commentId = created.body.id as string;
    const edited = await editor.browser.patch(`${comments(post.id)}/${commentId}`, {
      body: `@Ben Autor ${EDITED}`,
    });
    expect(edited.status).toBe(200);
    const suggestion = await editor.browser.post(comments(post.id), {
      body: SECRET,
      anchor: { channelId: null, start: 0, end: 9, quote: 'Hafenfest' },
      suggestion: SUGGESTED,
    });
    expect(suggestion.status).toBe(201);
    const kept = await owner.post(comments(post.id), { body: KEPT });
    expect(kept.status).toBe(201);

    // Before: the words are there to be found, so the search below can fail.
    expect(await tablesContaining([SECRET, EDITED, SUGGESTED])).not.toEqual([]);
    const pending = await t.db.query(
      `SELECT e.status FROM notification_emails e JOIN notifications n ON n.id = e.notification_id
        WHERE n.data->>'commentId' = $1`,
      [commentId],
    );
    expect(pending.rows.map((r) => r.status)).toContain('pending');

    expect((await editor.browser.delete(`${comments(post.id)}/${commentId}`)).status).toBe(204);
    expect(
      (await owner.delete(`${comments(post.id)}/${suggestion.body.id as string}`)).status,
    ).toBe(204);

    // The mail job runs after the deletion: nothing about the deleted comment goes out.
    await t.app.get(NotificationMailer).dispatchDue();
    expect(mails.filter((m) => m.includes('Zugangscode'))).toEqual([]);

    const views = {
      comments: await owner.get(comments(post.id)),
      history: await owner.get(`${posts()}/${post.id}/history`),
      audit: await owner.get(`/v1/workspaces/${ws}/audit?post=${post.id}`),
      revisions: await owner.get(`${posts()}/${post.id}/revisions`),
      authorInbox: await author.browser.get('/v1/me/notifications'),
      ownerInbox: await owner.get('/v1/me/notifications'),
      post: await owner.get(`${posts()}/${post.id}`),
    };
    for (const [name, res] of Object.entries(views)) {
      expect({ name, status: res.status }).toEqual({ name, status: 200 });
      const text = JSON.stringify(res.body);
      for (const word of [SECRET, EDITED, SUGGESTED]) {
        expect({ name, leaks: text.includes(word) }).toEqual({ name, leaks: false });
      }
    }
    expect(await tablesContaining([SECRET, EDITED, SUGGESTED])).toEqual([]);

    // What stays: that it happened, who did it, and everyone else's words.
    const history = views.history.body as {
      items: { action: string; subject: { id: string } | null; before: unknown; after: unknown }[];
    };
    const about = history.items.filter((e) => e.subject?.id === commentId);
    expect(about.map((e) => e.action)).toEqual([
      'comment.created',
      'comment.edited',
      'comment.deleted',
    ]);
    expect(about[0]!.after).toMatchObject({ body: null, textRemoved: true });
    expect(JSON.stringify(views.history.body)).toContain(KEPT);
    expect(JSON.stringify(views.comments.body)).toContain(KEPT);
    const inbox = views.authorInbox.body as {
      items: { kind: string; data: Record<string, unknown> }[];
    };
    expect(inbox.items.find((n) => n.data.commentId === commentId)?.data).toMatchObject({
      commentDeleted: true,
    });
    const emails = await t.db.query(
      `SELECT e.status, e.skip_reason FROM notification_emails e
         JOIN notifications n ON n.id = e.notification_id WHERE n.data->>'commentId' = $1`,
      [commentId],
    );
    expect(emails.rows).toEqual([{ status: 'skipped', skip_reason: 'comment_deleted' }]);
  });

  it('does not open the audit log: changing or deleting records is still refused', async () => {
    const post = (await author.browser.post(posts(), { text: 'Noch ein Beitrag' })).body as {
      id: string;
    };
    const c = await editor.browser.post(comments(post.id), { body: 'Bleibt im Protokoll' });
    const { rows } = await t.db.query<{ id: string }>(
      `SELECT id FROM audit_log WHERE subject_id = $1`,
      [c.body.id],
    );
    const id = rows[0]!.id;
    const before = await t.db.query(`SELECT * FROM audit_log WHERE id = $1`, [id]);
    const attempts = [
      `UPDATE audit_log SET after = NULL WHERE id = ${id}`,
      `DELETE FROM audit_log WHERE id = ${id}`,
      // Naming the comment does not help with anything but the redaction itself.
      `SELECT set_config('postplan.redact_comment', '${c.body.id}', false);
       UPDATE audit_log SET action = 'comment.forged' WHERE id = ${id}`,
      `SELECT set_config('postplan.redact_comment', '${c.body.id}', false);
       UPDATE audit_log SET after = '{"body": "anders"}' WHERE id = ${id}`,
    ];
    for (const sql of attempts) {
      const client = await t.db.connect();
      try {
        await expect(client.query(sql)).rejects.toThrow(/append-only/);
      } finally {
        await client.query(`SELECT set_config('postplan.redact_comment', '', false)`);
        client.release();
      }
    }
    expect((await t.db.query(`SELECT * FROM audit_log WHERE id = $1`, [id])).rows).toEqual(
      before.rows,
    );
  });
});
