import request from 'supertest';
import { AccountEmailsRetention } from '../src/modules/notifications/account-emails.retention';
import { NotificationMailer } from '../src/modules/notifications/notification-mailer';
import { SMTP_PASSWORD, SMTP_USER, SmtpSink } from './smtp-sink';
import {
  Browser,
  OWNER,
  type TestApp,
  addMember,
  count,
  linkToken,
  setUpOwner,
  startTestApp,
} from './test-app';

/**
 * The account findings of the outside test, each written as the attack it was, and each
 * asserting that it fails and leaves the database as it was.
 */

const PUBLIC_URL = 'https://postplan.example';

let t: TestApp;
let sink: SmtpSink;
let mailer: NotificationMailer;
let owner: Browser;
let ws: string;
let wsId: string;

beforeAll(async () => {
  sink = new SmtpSink();
  const port = await sink.listen();
  t = await startTestApp({
    POSTPLAN_PUBLIC_URL: PUBLIC_URL,
    POSTPLAN_SMTP_HOST: '127.0.0.1',
    POSTPLAN_SMTP_PORT: String(port),
    POSTPLAN_SMTP_SECURE: 'false',
    POSTPLAN_SMTP_USER: SMTP_USER,
    POSTPLAN_SMTP_PASSWORD: SMTP_PASSWORD,
    POSTPLAN_SMTP_FROM: 'Postplan <postplan@example.com>',
  });
  mailer = t.app.get(NotificationMailer);
  ({ owner, ws } = await setUpOwner(t));
  wsId = (await owner.get(`/v1/workspaces/${ws}`)).body.id;
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

function browser(ip: string): Browser {
  const b = new Browser(t.server);
  b.ip = ip;
  return b;
}

/** Sends what is due and returns the link in the newest mail to this address (that mentions `about`). */
async function mailedLink(address: string, about = ''): Promise<string> {
  await mailer.dispatchDue();
  const mails = sink.to(address).filter((m) => m.text.includes(about));
  const last = mails[mails.length - 1];
  if (!last) throw new Error(`no mail to ${address}`);
  const link = /https:\/\/postplan\.example\/[\w/-]+/.exec(last.text)?.[0];
  if (!link) throw new Error(`no link in the mail to ${address}`);
  return link;
}

async function userRow(email: string) {
  const { rows } = await t.db.query<{
    id: string;
    name: string;
    password_hash: string | null;
    email_verified_at: Date | null;
  }>(`SELECT id, name, password_hash, email_verified_at FROM users WHERE lower(email) = $1`, [
    email,
  ]);
  return rows[0];
}

async function membershipsOf(email: string) {
  const { rows } = await t.db.query<{ workspace_id: string; role: string }>(
    `SELECT m.workspace_id, m.role FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE lower(u.email) = $1 ORDER BY m.workspace_id`,
    [email],
  );
  return rows;
}

/** Someone with an account of their own who starts a workspace and owns it. */
async function strangerWithWorkspace(name: string, ip: string) {
  const { browser: b } = await addMember(t, owner, ws, 'viewer');
  b.ip = ip;
  const created = await b.post('/v1/workspaces', { name });
  expect(created.status).toBe(201);
  return { browser: b, slug: created.body.slug as string };
}

describe('finding 1: an account prepared by someone else', () => {
  it('refuses a password for another person, and an account made from a handed-over link cannot join a workspace it was not invited to by mail', async () => {
    const victim = 'victim-1@org.example';
    const attacker = await strangerWithWorkspace('Falle GmbH', '203.0.113.66');
    const usersBefore = await count(t, 'users');
    const invitationsBefore = await count(t, 'invitations');

    // The old attack: add the address with a password of one's choosing.
    const withPassword = await attacker.browser.post(`/v1/workspaces/${attacker.slug}/members`, {
      email: victim,
      name: 'Vera Victim',
      role: 'editor',
      password: 'attacker-chosen-1',
    });
    expect(withPassword.status).toBe(400);
    expect(withPassword.body.error.code).toBe('VALIDATION_FAILED');
    expect(await count(t, 'users')).toBe(usersBefore);
    expect(await count(t, 'invitations')).toBe(invitationsBefore);

    // The new way round it: invite the address and use the handed-over link oneself.
    const trap = await attacker.browser.post(`/v1/workspaces/${attacker.slug}/members`, {
      email: victim,
      role: 'viewer',
    });
    expect(trap.status).toBe(201);
    const asVictim = browser('203.0.113.66');
    const made = await asVictim.post(`/v1/invitations/${linkToken(trap.body.inviteUrl)}/register`, {
      name: 'Vera Victim',
      password: 'attacker-chosen-1',
    });
    expect(made.status).toBe(201);
    expect((await userRow(victim))!.email_verified_at).toBeNull();

    // The real organisation invites the address later.
    const real = await owner.post(`/v1/workspaces/${ws}/members`, {
      email: victim,
      role: 'editor',
    });
    expect(real.status).toBe(201);
    const pending = (await asVictim.get('/v1/me/invitations')).body.items as { id: string }[];
    expect(pending).toHaveLength(1);
    const accept = await asVictim.post(`/v1/me/invitations/${pending[0]!.id}/accept`);
    expect(accept.status).toBe(403);
    expect(accept.body.error.code).toBe('EMAIL_NOT_VERIFIED');
    // The organisation's handed-over link does not help either.
    const viaLink = await asVictim.post(`/v1/invitations/${linkToken(real.body.inviteUrl)}/accept`);
    expect(viaLink.status).toBe(403);
    expect(viaLink.body.error.code).toBe('EMAIL_NOT_VERIFIED');

    expect((await membershipsOf(victim)).map((m) => m.workspace_id)).not.toContain(wsId);
    const look = await asVictim.get(`/v1/workspaces/${ws}/members`);
    expect(look.status).toBe(404);
    expect(
      (await asVictim.get(`/v1/workspaces/${ws}/posts?from=2026-01-01&to=2027-01-01`)).status,
    ).toBe(404);

    // The real person: the mail's link says to sign in; a reset by e-mail takes the account
    // back and ends the attacker's session; then the mailed invitation is accepted.
    const mailed = await mailedLink(victim, 'Agentur Nord');
    expect(mailed).toContain('/invite/');
    const register = await browser('192.0.2.1').post(
      `/v1/invitations/${linkToken(mailed)}/register`,
      { name: 'Vera', password: 'vera-own-password-9' },
    );
    expect(register.status).toBe(409);
    expect(register.body.error.code).toBe('INVITATION_SIGN_IN_REQUIRED');

    const vera = browser('192.0.2.1');
    expect((await vera.post('/v1/auth/password-reset', { email: victim })).status).toBe(202);
    const reset = await mailedLink(victim);
    expect(reset).toContain('/reset-password/');
    expect(
      (
        await vera.post('/v1/auth/password-reset/confirm', {
          token: linkToken(reset),
          password: 'vera-own-password-9',
        })
      ).status,
    ).toBe(204);
    expect((await asVictim.get('/v1/me')).status).toBe(401);
    expect(
      (await vera.post('/v1/auth/login', { email: victim, password: 'vera-own-password-9' }))
        .status,
    ).toBe(200);
    const joined = await vera.post(`/v1/invitations/${linkToken(mailed)}/accept`);
    expect(joined.status).toBe(200);
    expect((await membershipsOf(victim)).find((m) => m.workspace_id === wsId)?.role).toBe('editor');
  });
});

describe('finding 2: four eyes bypassed through a prepared colleague', () => {
  it('keeps the author out of the colleague account she prepared, and her post unapproved', async () => {
    const policy = await owner.put(`/v1/workspaces/${ws}/approval-policy`, {
      policy: {
        kind: 'required',
        approvers: { roles: ['owner', 'admin', 'editor'], userIds: [] },
        selfApprovalRoles: [],
      },
    });
    expect(policy.status).toBe(200);
    const author = await addMember(t, owner, ws, 'author');
    author.browser.ip = '203.0.113.70';
    const own = await author.browser.post('/v1/workspaces', { name: 'Nebenprojekt' });
    const colleague = 'colleague-2@org.example';
    const trap = await author.browser.post(`/v1/workspaces/${own.body.slug}/members`, {
      email: colleague,
      role: 'viewer',
    });
    const asColleague = browser('203.0.113.70');
    expect(
      (
        await asColleague.post(`/v1/invitations/${linkToken(trap.body.inviteUrl)}/register`, {
          name: 'Carl Colleague',
          password: 'author-knows-this-1',
        })
      ).status,
    ).toBe(201);

    const post = await author.browser.post(`/v1/workspaces/${ws}/posts`, {
      title: 'Eigenlob',
      text: 'Unser neues Angebot ist da. Was meint ihr dazu?',
    });
    const submitted = await author.browser.post(
      `/v1/workspaces/${ws}/posts/${post.body.id}/submit`,
      {
        version: post.body.version,
      },
    );
    expect(submitted.body.status).toBe('in_review');

    // The organisation adds the colleague as an editor.
    expect(
      (await owner.post(`/v1/workspaces/${ws}/members`, { email: colleague, role: 'editor' }))
        .status,
    ).toBe(201);
    const pending = (await asColleague.get('/v1/me/invitations')).body.items as { id: string }[];
    expect((await asColleague.post(`/v1/me/invitations/${pending[0]!.id}/accept`)).status).toBe(
      403,
    );
    const approve = await asColleague.post(`/v1/workspaces/${ws}/posts/${post.body.id}/approve`, {
      version: submitted.body.version,
      contentHash: submitted.body.review.contentHash,
    });
    expect(approve.status).toBe(404);
    expect(approve.body.error.code).toBe('WORKSPACE_NOT_FOUND');
    const { rows } = await t.db.query(`SELECT status FROM posts WHERE id = $1`, [post.body.id]);
    expect(rows[0].status).toBe('in_review');
    expect((await membershipsOf(colleague)).map((m) => m.workspace_id)).not.toContain(wsId);
  });
});

describe('finding 3: enumeration and forced membership', () => {
  it('answers an invitation the same for a known and an unknown address, and makes nobody a member without consent', async () => {
    const known = await addMember(t, owner, ws, 'viewer', 'kim.known@org.example');
    await t.db.query(`UPDATE users SET name = 'Kim Geheimname' WHERE id = $1`, [known.userId]);
    const other = await strangerWithWorkspace('Kims Fremdfirma', '203.0.113.80');
    const before = await membershipsOf('kim.known@org.example');

    const toKnown = await other.browser.post(`/v1/workspaces/${other.slug}/members`, {
      email: 'kim.known@org.example',
      role: 'owner',
    });
    const toUnknown = await other.browser.post(`/v1/workspaces/${other.slug}/members`, {
      email: 'nobody.yet@org.example',
      role: 'owner',
    });
    expect(toKnown.status).toBe(201);
    expect(toUnknown.status).toBe(201);
    const shape = (body: Record<string, unknown>) =>
      JSON.stringify(body)
        .replace(/"[0-9a-f-]{36}"/g, '"<id>"')
        .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<time>')
        .replace(/\/invite\/[\w-]{43}/g, '/invite/<token>')
        .replace(/kim\.known|nobody\.yet/g, '<who>');
    expect(shape(toKnown.body)).toEqual(shape(toUnknown.body));
    expect(JSON.stringify(toKnown.body)).not.toContain('Geheimname');
    expect(Object.keys(toKnown.body).sort()).toEqual(['emailSent', 'invitation', 'inviteUrl']);

    // Still not a member anywhere new, let alone an owner; the workspace is invisible to Kim.
    expect(await membershipsOf('kim.known@org.example')).toEqual(before);
    expect((await known.browser.get(`/v1/workspaces/${other.slug}`)).status).toBe(404);
    expect((await known.browser.get('/v1/me')).body.workspaces).toHaveLength(1);
    // The inviter's list of pending invitations shows the address and nothing of the account.
    const listed = await other.browser.get(`/v1/workspaces/${other.slug}/invitations`);
    expect(listed.body.items).toHaveLength(2);
    expect(JSON.stringify(listed.body)).not.toContain('Geheimname');
    expect(
      (await other.browser.get(`/v1/workspaces/${other.slug}/members`)).body.items,
    ).toHaveLength(1);

    // Kim decides: declining leaves everything as it was, and the invitation is spent.
    const mine = (await known.browser.get('/v1/me/invitations')).body.items as {
      id: string;
      workspaceName: string;
      role: string;
    }[];
    expect(mine).toEqual([
      expect.objectContaining({ workspaceName: 'Kims Fremdfirma', role: 'owner' }),
    ]);
    expect((await known.browser.post(`/v1/me/invitations/${mine[0]!.id}/decline`)).status).toBe(
      204,
    );
    expect(await membershipsOf('kim.known@org.example')).toEqual(before);
    expect((await known.browser.post(`/v1/me/invitations/${mine[0]!.id}/accept`)).status).toBe(404);
    expect((await known.browser.get('/v1/me/invitations')).body.items).toEqual([]);
  });

  it('lets an invited account join with the invited role once it accepts, and lets owners revoke', async () => {
    const known = await addMember(t, owner, ws, 'viewer');
    const email = (await known.browser.get('/v1/me')).body.user.email as string;
    const other = await strangerWithWorkspace('Zweite Firma', '203.0.113.81');
    const invited = await other.browser.post(`/v1/workspaces/${other.slug}/members`, {
      email,
      role: 'editor',
    });
    // Verified through the mailed link, which the account opens signed in.
    const mailed = await mailedLink(email);
    expect((await known.browser.post(`/v1/invitations/${linkToken(mailed)}/accept`)).status).toBe(
      200,
    );
    expect((await known.browser.get(`/v1/workspaces/${other.slug}`)).status).toBe(200);
    const members = (await other.browser.get(`/v1/workspaces/${other.slug}/members`)).body.items;
    expect(members).toContainEqual(expect.objectContaining({ email, role: 'editor' }));
    // Used once.
    expect((await known.browser.post(`/v1/invitations/${linkToken(mailed)}/accept`)).status).toBe(
      404,
    );
    expect(
      (await browser('192.0.2.9').get(`/v1/invitations/${linkToken(invited.body.inviteUrl)}`))
        .status,
    ).toBe(404);

    // A revoked invitation opens nothing.
    const second = await other.browser.post(`/v1/workspaces/${other.slug}/members`, {
      email: 'revoked@org.example',
      role: 'author',
    });
    expect(
      (
        await other.browser.delete(
          `/v1/workspaces/${other.slug}/invitations/${second.body.invitation.id}`,
        )
      ).status,
    ).toBe(204);
    const late = await browser('192.0.2.9').post(
      `/v1/invitations/${linkToken(second.body.inviteUrl)}/register`,
      { name: 'Rita', password: 'rita-own-password-7' },
    );
    expect(late.status).toBe(404);
    expect(late.body.error.code).toBe('INVITATION_NOT_FOUND');
    expect(await userRow('revoked@org.example')).toBeUndefined();
  });

  it('refuses an expired invitation and a weak password, and creates no account', async () => {
    const inv = await owner.post(`/v1/workspaces/${ws}/members`, {
      email: 'weak@org.example',
      role: 'author',
    });
    const token = linkToken(inv.body.inviteUrl);
    const weak = await browser('192.0.2.11').post(`/v1/invitations/${token}/register`, {
      name: 'Wanda',
      password: 'password123',
    });
    expect(weak.status).toBe(422);
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    await t.db.query(
      `UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [inv.body.invitation.id],
    );
    const expired = await browser('192.0.2.11').post(`/v1/invitations/${token}/register`, {
      name: 'Wanda',
      password: 'wanda-own-password-3',
    });
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('INVITATION_EXPIRED');
    expect(await userRow('weak@org.example')).toBeUndefined();
  });
});

describe('finding 4: lock-out from a shared address', () => {
  it("lets the owner's known browser in while an attacker from the same address is throttled; it keeps a limit of its own", async () => {
    const email = 'shared-office@org.example';
    const person = await addMember(t, owner, ws, 'editor', email);
    const office = '198.51.100.200';
    const mine = person.browser;
    mine.ip = office;
    // Sign in once from the office: the browser now carries the account's device cookie.
    expect(
      (await mine.post('/v1/auth/login', { email, password: 'member-password-1' })).status,
    ).toBe(200);
    expect(mine.cookie('postplan_device')).toBeDefined();

    const attacker = browser(office);
    for (let i = 0; i < 6; i++)
      await attacker.post('/v1/auth/login', { email, password: `wrong-${i}` });
    expect(
      (await attacker.post('/v1/auth/login', { email, password: 'member-password-1' })).status,
    ).toBe(429);
    // Fifty failures from the office for other accounts too.
    for (let i = 0; i < 50; i++)
      await attacker.post('/v1/auth/login', {
        email: `x${i}@org.example`,
        password: 'nope-nope-1',
      });

    const sessionsBefore = await count(t, 'sessions');
    expect(
      (await mine.post('/v1/auth/login', { email, password: 'member-password-1' })).status,
    ).toBe(200);
    expect(await count(t, 'sessions')).toBe(sessionsBefore + 1);

    // The known browser's own limit: ten wrong passwords of its own, then it waits too.
    for (let i = 0; i < 10; i++)
      expect((await mine.post('/v1/auth/login', { email, password: `typo-${i}` })).status).toBe(
        401,
      );
    expect(
      (await mine.post('/v1/auth/login', { email, password: 'member-password-1' })).status,
    ).toBe(429);
  });

  it("does the same for a review link's password", async () => {
    const link = await owner.post(`/v1/workspaces/${ws}/review-links`, {
      label: 'Kunde',
      permission: 'comment',
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      password: 'kunden-passwort-9',
      scope: { from: '2026-12-01', to: '2026-12-31' },
    });
    expect(link.status).toBe(201);
    const office = '198.51.100.201';
    const client = browser(office);
    const unlock = (b: Browser, password: string) =>
      b.post(`/v1/review/${link.body.token}/unlock`, { password, visitorName: 'Kunde' });
    expect((await unlock(client, 'kunden-passwort-9')).status).toBe(200);
    const guesser = browser(office);
    for (let i = 0; i < 6; i++) await unlock(guesser, `rate-${i}`);
    expect((await unlock(guesser, 'kunden-passwort-9')).status).toBe(429);
    expect((await unlock(client, 'kunden-passwort-9')).status).toBe(200);
  });
});

describe('finding 5: password change, reset and signing out everywhere', () => {
  it('changes the password only with the current one, and signs out every other session', async () => {
    const email = 'changer@org.example';
    const me = await addMember(t, owner, ws, 'editor', email);
    const laptop = browser('192.0.2.30');
    expect(
      (await laptop.post('/v1/auth/login', { email, password: 'member-password-1' })).status,
    ).toBe(200);
    const hashBefore = (await userRow(email))!.password_hash;

    const wrong = await me.browser.post('/v1/me/password', {
      currentPassword: 'not-my-password',
      newPassword: 'a-new-long-phrase-4',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    const weak = await me.browser.post('/v1/me/password', {
      currentPassword: 'member-password-1',
      newPassword: 'qwertzuiop',
    });
    expect(weak.status).toBe(422);
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    expect((await userRow(email))!.password_hash).toBe(hashBefore);
    expect((await laptop.get('/v1/me')).status).toBe(200);

    const ok = await me.browser.post('/v1/me/password', {
      currentPassword: 'member-password-1',
      newPassword: 'a-new-long-phrase-4',
    });
    expect(ok.status).toBe(204);
    expect((await me.browser.get('/v1/me')).status).toBe(200);
    expect((await laptop.get('/v1/me')).status).toBe(401);
    expect(
      (await browser('192.0.2.31').post('/v1/auth/login', { email, password: 'member-password-1' }))
        .status,
    ).toBe(401);
  });

  it('resets by e-mail with the same answer for unknown addresses, once, and signs out everywhere', async () => {
    const email = 'forgetful@org.example';
    const me = await addMember(t, owner, ws, 'author', email);
    sink.messages.length = 0;
    const anon = browser('192.0.2.40');
    const forKnown = await anon.post('/v1/auth/password-reset', { email });
    const forUnknown = await anon.post('/v1/auth/password-reset', { email: 'ghost@org.example' });
    expect(forKnown.status).toBe(202);
    expect(forUnknown.status).toBe(202);
    expect(forKnown.body).toEqual(forUnknown.body);
    await mailer.dispatchDue();
    expect(sink.to('ghost@org.example')).toHaveLength(0);
    const link = await mailedLink(email);
    const { rows } = await t.db.query(`SELECT secret FROM account_emails WHERE to_address = $1`, [
      email,
    ]);
    expect(rows.every((r: { secret: Buffer | null }) => r.secret === null)).toBe(true);

    const token = linkToken(link);
    const weak = await anon.post('/v1/auth/password-reset/confirm', {
      token,
      password: '1234567890',
    });
    expect(weak.status).toBe(422);
    expect((await me.browser.get('/v1/me')).status).toBe(200);

    expect(
      (
        await anon.post('/v1/auth/password-reset/confirm', {
          token,
          password: 'fresh-start-phrase-2',
        })
      ).status,
    ).toBe(204);
    expect((await me.browser.get('/v1/me')).status).toBe(401);
    const again = await anon.post('/v1/auth/password-reset/confirm', {
      token,
      password: 'second-use-phrase-5',
    });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('PASSWORD_RESET_INVALID');
    expect(
      (await anon.post('/v1/auth/login', { email, password: 'fresh-start-phrase-2' })).status,
    ).toBe(200);
  });

  it('forgets the address of a settled account e-mail after 30 days, never of one still to send', async () => {
    const anon = browser('192.0.2.42');
    for (const email of ['old-ghost@org.example', 'new-ghost@org.example', 'due-ghost@org.example'])
      expect((await anon.post('/v1/auth/password-reset', { email })).status).toBe(202);
    // All three were settled at once (no account); one is made old, one old and still to send.
    await t.db.query(
      `UPDATE account_emails SET updated_at = now() - interval '31 days'
        WHERE to_address IN ('old-ghost@org.example', 'due-ghost@org.example')`,
    );
    await t.db.query(
      `UPDATE account_emails SET status = 'pending' WHERE to_address = 'due-ghost@org.example'`,
    );

    expect(await t.app.get(AccountEmailsRetention).deleteExpired()).toBe(1);
    const { rows } = await t.db.query<{ to_address: string }>(
      `SELECT to_address FROM account_emails WHERE to_address LIKE '%-ghost@org.example'
        ORDER BY to_address`,
    );
    expect(rows.map((r) => r.to_address)).toEqual([
      'due-ghost@org.example',
      'new-ghost@org.example',
    ]);
  });

  it('throttles reset requests the same for known and unknown addresses', async () => {
    const anon = browser('192.0.2.41');
    for (let i = 0; i < 3; i++)
      expect((await anon.post('/v1/auth/password-reset', { email: OWNER.email })).status).toBe(202);
    const blocked = await anon.post('/v1/auth/password-reset', { email: OWNER.email });
    expect(blocked.status).toBe(429);
    for (let i = 0; i < 3; i++)
      await anon.post('/v1/auth/password-reset', { email: 'nope@org.example' });
    expect((await anon.post('/v1/auth/password-reset', { email: 'nope@org.example' })).status).toBe(
      429,
    );
  });

  it('refuses an expired reset link and changes nothing', async () => {
    const email = 'slow@org.example';
    await addMember(t, owner, ws, 'author', email);
    await browser('192.0.2.42').post('/v1/auth/password-reset', { email });
    const link = await mailedLink(email);
    await t.db.query(
      `UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE email = $1`,
      [email],
    );
    const before = (await userRow(email))!.password_hash;
    const res = await browser('192.0.2.42').post('/v1/auth/password-reset/confirm', {
      token: linkToken(link),
      password: 'too-late-phrase-8',
    });
    expect(res.status).toBe(400);
    expect((await userRow(email))!.password_hash).toBe(before);
  });

  it('signs out every session of the person at once', async () => {
    const email = 'everywhere@org.example';
    const me = await addMember(t, owner, ws, 'author', email);
    const phone = browser('192.0.2.50');
    await phone.post('/v1/auth/login', { email, password: 'member-password-1' });
    expect((await me.browser.post('/v1/auth/logout-everywhere')).status).toBe(204);
    expect((await me.browser.get('/v1/me')).status).toBe(401);
    expect((await phone.get('/v1/me')).status).toBe(401);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1`,
      [email],
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('finding 6: API tokens', () => {
  const bearer = (token: string) => ({
    get: (path: string) =>
      request(t.server).get(`/api${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) =>
      request(t.server).post(`/api${path}`).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) =>
      request(t.server).patch(`/api${path}`).set('Authorization', `Bearer ${token}`).send(body),
  });

  it('never lets a token create tokens, so revoking it ends everything it could do', async () => {
    const all = await owner.post('/v1/me/tokens', {
      name: 'Alles',
      scopes: ['read', 'write', 'review', 'admin'],
    });
    expect(all.status).toBe(201);
    const before = await count(t, 'api_tokens');
    const bred = await bearer(all.body.token).post('/v1/me/tokens', {
      name: 'Nachwuchs',
      scopes: ['admin'],
    });
    expect(bred.status).toBe(403);
    expect(bred.body.error.code).toBe('SESSION_REQUIRED');
    expect(await count(t, 'api_tokens')).toBe(before);
    for (const path of ['/v1/me/password', '/v1/auth/logout-everywhere']) {
      const res = await bearer(all.body.token).post(path, {});
      expect(res.status).toBe(403);
    }
    expect((await owner.delete(`/v1/me/tokens/${all.body.id}`)).status).toBe(204);
    expect((await bearer(all.body.token).get('/v1/me')).status).toBe(401);
  });

  it('enforces scopes: read only reads, write cannot review or administer', async () => {
    const read = (await owner.post('/v1/me/tokens', { name: 'Lesen' })).body;
    expect(read.scopes).toEqual(['read']);
    const write = (
      await owner.post('/v1/me/tokens', { name: 'Schreiben', scopes: ['read', 'write'] })
    ).body;
    const postsBefore = await count(t, 'posts');
    expect((await bearer(read.token).get(`/v1/workspaces/${ws}/channels`)).status).toBe(200);
    const denied = await bearer(read.token).post(`/v1/workspaces/${ws}/posts`, { text: 'Hallo' });
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({
      code: 'TOKEN_SCOPE_MISSING',
      details: { required: 'write' },
    });
    expect(await count(t, 'posts')).toBe(postsBefore);

    const post = await bearer(write.token).post(`/v1/workspaces/${ws}/posts`, {
      text: 'Per Skript',
    });
    expect(post.status).toBe(201);
    const submit = await bearer(write.token).post(
      `/v1/workspaces/${ws}/posts/${post.body.id}/submit`,
      {
        version: post.body.version,
      },
    );
    expect(submit.status).toBe(403);
    expect(submit.body.error.details.required).toBe('review');
    const rename = await bearer(write.token).patch(`/v1/workspaces/${ws}`, { name: 'Gekapert' });
    expect(rename.status).toBe(403);
    expect(rename.body.error.details.required).toBe('admin');
    const invite = await bearer(write.token).post(`/v1/workspaces/${ws}/members`, {
      email: 'by-script@org.example',
      role: 'admin',
    });
    expect(invite.status).toBe(403);
    expect((await owner.get(`/v1/workspaces/${ws}`)).body.name).toBe('Agentur Nord');
    const { rows } = await t.db.query(`SELECT status FROM posts WHERE id = $1`, [post.body.id]);
    expect(rows[0].status).toBe('draft');
  });

  it('refuses an expired token with its own code, and shows when a token was last used', async () => {
    const tok = (await owner.post('/v1/me/tokens', { name: 'Kurz', expiresInDays: 1 })).body;
    expect(Date.parse(tok.expiresAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    expect(tok.lastUsedAt).toBeNull();
    expect((await bearer(tok.token).get('/v1/me')).status).toBe(200);
    const listed = (await owner.get('/v1/me/tokens')).body.items.find(
      (i: { id: string }) => i.id === tok.id,
    );
    expect(listed.lastUsedAt).not.toBeNull();
    await t.db.query(
      `UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [tok.id],
    );
    const expired = await bearer(tok.token).get('/v1/me');
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('TOKEN_EXPIRED');
  });
});
