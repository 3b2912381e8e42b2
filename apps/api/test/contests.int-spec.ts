import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { runDraw } from '@postplan/domain';
import { SandboxAdapter } from '@postplan/platforms';
import request from 'supertest';
import { ManualClock } from '../src/common/clock/clock';
import { ContestsMaintenance } from '../src/modules/contests/contests.maintenance';
import { PlatformAdapters } from '../src/modules/publishing/platform-adapters';
import { type Browser, type TestApp, addMember, setUpOwner, startTestApp } from './test-app';

/**
 * Contests through the HTTP API on real PostgreSQL: entries from the built-in sandbox's comments
 * (read through the sandbox adapter over loopback) and from CSV, exclusions with their reasons,
 * the commitment before the draw, the one draw, a recorded replacement, the public verification,
 * tenant isolation and roles.
 */

let t: TestApp;
let owner: Browser;
let ws: string;
let wsId: string;
let editor: Browser;
let author: Browser;
let viewer: Browser;
let channelId: string;
let postId: string;
let sandboxPostId: string;
let appUrl: string;
const clock = new ManualClock('2026-12-01T08:00:00Z');

const path = (p = '') => `/v1/workspaces/${ws}${p}`;

beforeAll(async () => {
  t = await startTestApp({}, { clock });
  await t.app.listen(0, '127.0.0.1');
  appUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  // The sandbox adapter reads the app's own sandbox platform, as in production.
  t.app
    .get(PlatformAdapters)
    .register(new SandboxAdapter({ baseUrl: `${appUrl}/api/sandbox`, timeoutMs: 5000 }));
  ({ owner, ws } = await setUpOwner(t));
  wsId = ((await owner.get('/v1/me')).body as { workspaces: { id: string }[] }).workspaces[0]!.id;
  editor = (await addMember(t, owner, ws, 'editor', 'editor@example.com')).browser;
  author = (await addMember(t, owner, ws, 'author')).browser;
  viewer = (await addMember(t, owner, ws, 'viewer')).browser;
  channelId = (await owner.post(path('/channels'), { name: 'Sandbox', platform: 'sandbox' })).body
    .id;
  const post = await author.post(path('/posts'), {
    title: 'Adventsverlosung',
    text: 'Kommentiere und markiere eine Freundin!',
    variants: [{ channelId }],
  });
  expect(post.status).toBe(201);
  postId = post.body.id;
  // The contest post went out to the sandbox (as the publishing engine would have done it).
  const published = await request(t.server)
    .post('/api/sandbox/posts')
    .set('Idempotency-Key', 'contest-post-1')
    .send({
      channelId,
      title: 'Adventsverlosung',
      text: 'Kommentiere und markiere eine Freundin!',
    });
  expect(published.status).toBe(201);
  sandboxPostId = published.body.id;
  await t.db.query(
    `INSERT INTO publications (workspace_id, post_id, channel_id, platform, status, planned_at,
                               due_at, content_hash, platform_post_id, url, published_at)
     VALUES ($1, $2, $3, 'sandbox', 'published', $4, $4, 'h', $5, $6, $4)`,
    [wsId, postId, channelId, '2026-12-01T09:00:00Z', sandboxPostId, published.body.url],
  );
});
afterAll(() => t.close());

const contestBody = {
  title: 'Adventsverlosung',
  prizes: [
    { name: 'Siebträgermaschine', quantity: 1, value: '499 €' },
    { name: 'Kaffeepaket', quantity: 1 },
  ],
  alternatesCount: 2,
  entriesFrom: '2026-12-01T10:00',
  entriesUntil: '2026-12-24T18:00',
  entryMethods: ['comment', 'csv'],
  eligibility: {
    minimumAge: 18,
    countries: ['DE', 'AT'],
    requiredMentions: 1,
    staffHandles: ['@team.kaffee'],
  },
  organiser: { name: 'Kaffeerösterei Beispiel GmbH', address: 'Hauptstraße 1\n10115 Berlin' },
  retentionDays: 30,
};

let contestId: string;
let token: string;

async function comment(author: string, text: string, at: string): Promise<string> {
  clock.set(at);
  const res = await request(t.server)
    .post(`/api/sandbox/posts/${sandboxPostId}/comments`)
    .send({ author, text });
  expect(res.status).toBe(201);
  return res.body.id;
}

describe('a contest from set-up to certificate', () => {
  it('is created by an author, with the period in the workspace time zone', async () => {
    const res = await author.post(path('/contests'), { ...contestBody, postIds: [postId] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'open',
      phase: 'upcoming',
      winnersCount: 2,
      entriesFrom: '2026-12-01T10:00:00+01:00',
      entriesUntil: '2026-12-24T18:00:00+01:00',
      postIds: [postId],
      rulesVersion: null,
    });
    contestId = res.body.id;
    token = res.body.publicToken;
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(res.body.verificationUrl).toContain(`/c/${token}/verify`);
  });

  it('refuses a viewer, a reversed period and a post of nowhere, changing nothing', async () => {
    const viewerTry = await viewer.post(path('/contests'), contestBody);
    expect(viewerTry.status).toBe(403);
    expect(viewerTry.body.error.code).toBe('FORBIDDEN_ROLE');
    const reversed = await author.post(path('/contests'), {
      ...contestBody,
      entriesUntil: '2026-11-30T10:00',
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.code).toBe('INVALID_DATE_RANGE');
    const unknown = await author.post(path('/contests'), {
      ...contestBody,
      postIds: ['00000000-0000-4000-8000-000000000009'],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('UNKNOWN_POST');
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM contests`);
    expect(rows[0].n).toBe(1);
  });

  it('generates rules in both languages and saves each save as a new version', async () => {
    const gen = await author.get(path(`/contests/${contestId}/rules/generated`));
    expect(gen.status).toBe(200);
    expect(gen.body.de).toContain('Teilnahmebedingungen: Adventsverlosung');
    expect(gen.body.de).toContain('24. Dezember 2026, 18:00 Uhr');
    expect(gen.body.en).toContain('Terms and conditions');
    expect(gen.body.de).toContain(`/c/${token}/verify`);
    const v1 = await author.post(path(`/contests/${contestId}/rules`), { generate: true });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ version: 1, generated: true });
    const v2 = await author.post(path(`/contests/${contestId}/rules`), {
      de: `${gen.body.de}\nErgänzung: Versand nur innerhalb der EU.`,
      en: `${gen.body.en}\nAddendum: shipping within the EU only.`,
    });
    expect(v2.body).toMatchObject({ version: 2, generated: false });
    expect(v2.body.hash).not.toBe(v1.body.hash);
    const list = await viewer.get(path(`/contests/${contestId}/rules`));
    expect(list.body.items.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    const pub = await request(t.server).get(`/api/v1/public/contests/${token}/rules?lang=en`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ version: 2, language: 'en' });
    expect(pub.body.text).toContain('Addendum');
  });

  it('puts the rules version into the contest post’s approval: new rules void it', async () => {
    const { rows } = await t.db.query(
      `SELECT contest_rules, content_hash FROM posts WHERE id = $1`,
      [postId],
    );
    expect(rows[0].contest_rules).toMatchObject({ contestId, version: 2 });
    await owner.put(path('/approval-policy'), {
      policy: {
        kind: 'required',
        approvers: { roles: ['owner', 'admin', 'editor'], userIds: [] },
        selfApprovalRoles: [],
      },
    });
    let post = (await author.get(path(`/posts/${postId}`))).body;
    const submitted = await author.post(path(`/posts/${postId}/submit`), { version: post.version });
    expect(submitted.status).toBe(200);
    const approved = await editor.post(path(`/posts/${postId}/approve`), {
      version: submitted.body.version,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const revisionsBefore = (await author.get(path(`/posts/${postId}/revisions`))).body;
    await author.post(path(`/contests/${contestId}/rules`), { generate: true });
    post = (await author.get(path(`/posts/${postId}`))).body;
    expect(post.status).toBe('in_review');
    expect(post.review.contentHash).not.toBe(approved.body.review.contentHash);
    const revisionsAfter = (await author.get(path(`/posts/${postId}/revisions`))).body;
    expect(JSON.stringify(revisionsAfter).length).toBeGreaterThan(
      JSON.stringify(revisionsBefore).length,
    );
    const after = await t.db.query(`SELECT contest_rules FROM posts WHERE id = $1`, [postId]);
    expect(after.rows[0].contest_rules).toMatchObject({ contestId, version: 3 });
  });

  it('warns in the wording review while the contest post does not link its rules', async () => {
    const rulesOf = (p: { wording: { variants: { findings: { rule: string }[] }[] } }) =>
      p.wording.variants.flatMap((v) => v.findings.map((f) => f.rule));
    const post = (await author.get(path(`/posts/${postId}`))).body;
    expect(rulesOf(post)).toContain('contest.rules-link');
    const contest = (await author.get(path(`/contests/${contestId}`))).body;
    const linked = await author.patch(
      path(`/posts/${postId}`),
      { text: `${post.text}\nTeilnahmebedingungen: ${contest.rulesUrl}` },
      { 'If-Match': String(post.version) },
    );
    expect(linked.status).toBe(200);
    expect(rulesOf(linked.body)).not.toContain('contest.rules-link');
  });

  it('collects entries from the sandbox post’s comments and replies, once each', async () => {
    const anna = await comment('@anna_m', 'Ich will gewinnen! @lisa', '2026-12-02T10:00:00Z');
    await comment('bert', 'Dabei @tom', '2026-12-03T10:00:00Z');
    await comment('carla', 'Dabei, ohne Markierung', '2026-12-04T10:00:00Z');
    await comment('team.kaffee', 'Viel Glück allen! @anna_m', '2026-12-04T11:00:00Z');
    await comment('dora', 'Zu früh @x', '2026-12-01T08:30:00Z');
    await comment('emil', 'Ich auch @ben', '2026-12-05T10:00:00Z');
    await comment('fritz', 'Hier! @ida', '2026-12-05T11:00:00Z');
    // A reply counts as an entry, and Anna's second comment merges with her first.
    const res = await request(t.server)
      .post(`/api/sandbox/posts/${sandboxPostId}/comments`)
      .send({ author: 'anna_m', text: 'Nochmal @lisa', replyTo: anna });
    expect(res.status).toBe(201);
    clock.set('2026-12-10T10:00:00Z');
    const collected = await author.post(path(`/contests/${contestId}/entries/collect`));
    expect(collected.status).toBe(200);
    expect(collected.body).toMatchObject({ added: 8, seen: 8 });
    expect(collected.body.sources).toEqual([
      expect.objectContaining({ platform: 'sandbox', outcome: 'collected' }),
    ]);
    const again = await author.post(path(`/contests/${contestId}/entries/collect`));
    expect(again.body.added).toBe(0);
    const entries = await viewer.get(path(`/contests/${contestId}/entries`));
    expect(entries.body.items).toHaveLength(8);
    expect(entries.body.items[0]).toMatchObject({
      source: 'comment',
      platform: 'sandbox',
      handle: 'dora',
      commentId: expect.any(String),
    });
  });

  it('imports CSV entries from Excel (Windows-1252) with a dry run that names each bad line', async () => {
    const csv = [
      'Name;Plattform;Kommentar;Zeitpunkt;Geburtsdatum;Land;E-Mail',
      'jürgen;instagram;Tolle Aktion @maria;05.12.2026 14:30;01.02.1990;DE;jurgen@example.de',
      'klara;;Dabei @nina;06.12.2026 09:00;01.02.2012;DE;',
      'lena;facebook;Gern @otto;06.12.2026 10:00;1980-05-05;FR;',
      ';instagram;ohne Namen;06.12.2026 10:00;;DE;',
      'mia;myspace;Hallo @x;31.12.2026;;DE;',
      'nils;instagram;Hallo @x;gestern;;DE;',
    ].join('\r\n');
    const bytes = Buffer.from(csv, 'latin1');
    const dry = await author.send(
      'post',
      path(`/contests/${contestId}/entries/csv?dryRun=true`),
      bytes,
      {
        'Content-Type': 'text/csv',
      },
    );
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, ok: false, encoding: 'windows-1252', rows: 6 });
    expect(dry.body.issues.map((i: { line: number; code: string }) => [i.line, i.code])).toEqual([
      [5, 'HANDLE_MISSING'],
      [6, 'UNKNOWN_PLATFORM'],
      [7, 'INVALID_DATE'],
    ]);
    const refused = await author.send('post', path(`/contests/${contestId}/entries/csv`), bytes, {
      'Content-Type': 'text/csv',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('CONTEST_ENTRIES_CSV_INVALID');
    const count = await t.db.query(`SELECT count(*)::int AS n FROM contest_entries`);
    expect(count.rows[0].n).toBe(8);

    const good = Buffer.from(csv.split('\r\n').slice(0, 4).join('\r\n'), 'latin1');
    const done = await author.send('post', path(`/contests/${contestId}/entries/csv`), good, {
      'Content-Type': 'text/csv',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ ok: true, imported: 3 });
    const entries = await viewer.get(path(`/contests/${contestId}/entries`));
    expect(entries.body.items.map((e: { handle: string }) => e.handle)).toContain('jürgen');
  });

  it('reads UTF-16 (Excel’s Unicode text) too', async () => {
    const text = 'handle\tplatform\ttext\tentered_at\nölaf\tbluesky\tHi @u\t2026-12-07T12:00\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const dry = await author.send(
      'post',
      path(`/contests/${contestId}/entries/csv?dryRun=true`),
      bytes,
      {
        'Content-Type': 'text/csv',
      },
    );
    expect(dry.body).toMatchObject({ ok: true, encoding: 'utf-16le', rows: 1, imported: 0 });
  });

  it('lists entrants merged per person, each exclusion with its rule and reason', async () => {
    const ex = await editor.post(
      path(`/contests/${contestId}/entrants/${await entrantOf('fritz')}/exclude`),
      { reason: 'Gewinnspiel-Sammelkonto' },
    );
    expect(ex.status).toBe(200);
    expect(ex.body.exclusions[0]).toMatchObject({ rule: 'manual' });
    const authorTry = await author.post(
      path(`/contests/${contestId}/entrants/${await entrantOf('emil')}/exclude`),
      { reason: 'nur so' },
    );
    expect(authorTry.status).toBe(403);
    const list = await viewer.get(path(`/contests/${contestId}/entrants`));
    const by = (h: string) =>
      (
        list.body.items as {
          handle: string;
          eligible: boolean;
          entries: number;
          exclusions: { rule: string; reason: string }[];
        }[]
      ).find((e) => e.handle === h)!;
    expect(by('anna_m')).toMatchObject({ eligible: true, entries: 2 });
    expect(by('carla').exclusions.map((x) => x.rule)).toEqual(['too_few_mentions']);
    expect(by('carla').exclusions[0]!.reason).toContain('Markiert 0 statt 1');
    expect(by('team.kaffee').exclusions.map((x) => x.rule)).toEqual(['staff']);
    expect(by('dora').exclusions.map((x) => x.rule)).toEqual(['outside_period']);
    expect(by('klara').exclusions.map((x) => x.rule)).toEqual(['under_age']);
    expect(by('lena').exclusions.map((x) => x.rule)).toEqual(['country']);
    expect(by('fritz').exclusions[0]!.reason).toContain('Gewinnspiel-Sammelkonto');
    expect(list.body.counts).toMatchObject({ entries: 11, entrants: 10, eligible: 4, excluded: 6 });
  });

  it('refuses to commit before the period ends; nothing is drawn before a commitment', async () => {
    const early = await editor.post(path(`/contests/${contestId}/commit`));
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('CONTEST_PERIOD_NOT_ENDED');
    const draw = await editor.post(path(`/contests/${contestId}/draw`), {
      publicValue: 'DAX 18.123,45',
      publicValueBy: 'Notarin Schulz',
    });
    expect(draw.status).toBe(409);
    expect(draw.body.error.code).toBe('CONTEST_NOT_COMMITTED');
  });

  let listHash: string;

  it('commits: publishes the list hash and the secret’s hash, freezes the entries', async () => {
    clock.set('2026-12-24T17:00:00Z');
    const authorTry = await author.post(path(`/contests/${contestId}/commit`));
    expect(authorTry.status).toBe(403);
    const res = await editor.post(path(`/contests/${contestId}/commit`));
    expect(res.status).toBe(200);
    expect(res.body.result).toBeNull();
    expect(res.body.commitment).toMatchObject({
      rulesVersion: 3,
      eligibleCount: 4,
      excludedCount: 6,
      algorithm: 'fisher-yates-sha256-v1',
    });
    listHash = res.body.commitment.listHash;
    const pub = await request(t.server).get(`/api/v1/public/contests/${token}/verification`);
    expect(pub.status).toBe(200);
    expect(pub.body.status).toBe('committed');
    expect(pub.body.draw).toBeNull();
    expect(pub.body.eligible).toHaveLength(4);
    // The published list is what the hash covers: anyone can check it before the draw.
    expect(createHash('sha256').update(pub.body.eligible.join('\n')).digest('hex')).toBe(listHash);
    // The secret is not readable before the draw.
    expect(JSON.stringify(pub.body)).not.toMatch(/"secret":/);
    const late = await author.post(path(`/contests/${contestId}/entries/collect`));
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('CONTEST_NOT_OPEN');
    const edit = await author.patch(path(`/contests/${contestId}`), { version: 1, title: 'Neu' });
    expect(edit.status).toBe(409);
  });

  let winners: string[];

  it('draws once; a second draw is refused with a stable code, by anyone', async () => {
    clock.set('2026-12-24T17:05:00Z');
    const res = await editor.post(path(`/contests/${contestId}/draw`), {
      publicValue: 'DAX 18.123,45',
      publicValueBy: 'Notarin Schulz',
    });
    expect(res.status).toBe(200);
    const result = res.body.result;
    expect(result.winners).toHaveLength(2);
    expect(result.alternates).toHaveLength(2);
    expect(result.winners[0]).toMatchObject({ rank: 1, prize: 'Siebträgermaschine' });
    winners = result.winners.map((w: { entrantId: string }) => w.entrantId);
    const eligible = (await request(t.server).get(`/api/v1/public/contests/${token}/verification`))
      .body.eligible as string[];
    for (const w of [
      ...winners,
      ...result.alternates.map((a: { entrantId: string }) => a.entrantId),
    ])
      expect(eligible).toContain(w);
    for (const who of [editor, owner]) {
      const again = await who.post(path(`/contests/${contestId}/draw`), {
        publicValue: 'ein anderer Wert',
        publicValueBy: 'jemand',
      });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('CONTEST_ALREADY_DRAWN');
    }
    const recommit = await owner.post(path(`/contests/${contestId}/commit`));
    expect(recommit.body.error.code).toBe('CONTEST_ALREADY_DRAWN');
    const stored = await editor.get(path(`/contests/${contestId}/draw`));
    expect(stored.body.result.seed).toBe(result.seed);
    const audit = await t.db.query(
      `SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY id`,
      [contestId],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['contest.created', 'contest.committed', 'contest.drawn']),
    );
  });

  it('verifies publicly: the published inputs recompute the same winners', async () => {
    const res = await request(t.server).get(`/api/v1/public/contests/${token}/verification`);
    expect(res.status).toBe(200);
    const v = res.body;
    expect(v.recomputed).toMatchObject({
      listHashMatches: true,
      secretHashMatches: true,
      seedMatches: true,
      orderMatches: true,
    });
    // And independently of the server: the domain algorithm over the published values.
    const again = runDraw({
      tickets: v.eligible,
      secret: v.draw.secret,
      publicValue: v.draw.publicValue,
      winners: 2,
      alternates: 2,
    });
    expect(again.listHash).toBe(listHash);
    expect(again.secretHash).toBe(v.commitment.secretHash);
    expect(again.winners).toEqual(winners);
    expect(JSON.stringify(v)).not.toContain('anna_m');
  });

  it('replaces a winner who did not answer by the next alternate, keeping the original result', async () => {
    clock.set('2027-01-05T10:00:00Z');
    const authorTry = await author.post(path(`/contests/${contestId}/redraw`), {
      entrantId: winners[0],
      reason: 'Keine Antwort',
    });
    expect(authorTry.status).toBe(403);
    const res = await editor.post(path(`/contests/${contestId}/redraw`), {
      entrantId: winners[0],
      reason: 'Keine Antwort innerhalb von 7 Tagen',
    });
    expect(res.status).toBe(200);
    const r = res.body.result;
    expect(r.winners.map((w: { entrantId: string }) => w.entrantId)).toEqual(winners);
    expect(r.currentWinners[0].entrantId).toBe(r.alternates[0].entrantId);
    expect(r.replacements).toEqual([
      expect.objectContaining({
        replacedEntrantId: winners[0],
        byEntrantId: r.alternates[0].entrantId,
        reason: 'Keine Antwort innerhalb von 7 Tagen',
      }),
    ]);
    const second = await editor.post(path(`/contests/${contestId}/redraw`), {
      entrantId: r.alternates[0].entrantId,
      reason: 'Wohnt doch im Ausland',
    });
    expect(second.status).toBe(200);
    const third = await editor.post(path(`/contests/${contestId}/redraw`), {
      entrantId: winners[1],
      reason: 'Keine Antwort',
    });
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('CONTEST_NO_ALTERNATE_LEFT');
    const notWinner = await editor.post(path(`/contests/${contestId}/redraw`), {
      entrantId: winners[0],
      reason: 'nochmal',
    });
    expect(notWinner.body.error.code).toBe('CONTEST_NOT_A_WINNER');
    const pub = await request(t.server).get(`/api/v1/public/contests/${token}/verification`);
    expect(pub.body.draw.replacements).toHaveLength(2);
    expect(pub.body.recomputed.orderMatches).toBe(true);
  });

  it('serves the certificate as HTML, pseudonymised, with every published value', async () => {
    const res = await request(t.server).get(
      `/api/v1/public/contests/${token}/certificate.html?lang=de`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const d = (await editor.get(path(`/contests/${contestId}/draw`))).body;
    for (const value of [
      d.commitment.listHash,
      d.result.seed,
      d.result.secret,
      'fisher-yates-sha256-v1',
      winners[0]!,
    ]) {
      expect(res.text).toContain(value);
    }
    expect(res.text).toContain('Version 3');
    expect(res.text).toContain('UTC');
    expect(res.text).not.toMatch(/anna_m|bert\b/);
  });

  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  (existsSync(chromium) ? it : it.skip)(
    'renders the certificate as PDF with the system chromium',
    async () => {
      const res = await request(t.server)
        .get(`/api/v1/public/contests/${token}/certificate.pdf`)
        .buffer(true)
        .parse((r, cb) => {
          const parts: Buffer[] = [];
          r.on('data', (c: Buffer) => parts.push(c));
          r.on('end', () => cb(null, Buffer.concat(parts)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect((res.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    },
  );

  it('drafts a winner notification as a post for review, never sending it', async () => {
    const current = (await editor.get(path(`/contests/${contestId}/draw`))).body.result
      .currentWinners[0].entrantId as string;
    const res = await author.post(path(`/contests/${contestId}/notifications`), {
      entrantId: current,
      kind: 'reply',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'reply', status: 'draft' });
    const post = await author.get(path(`/posts/${res.body.postId}`));
    expect(post.body.status).toBe('draft');
    expect(post.body.text).toContain('Herzlichen Glückwunsch');
    const pubs = await t.db.query(
      `SELECT count(*)::int AS n FROM publications WHERE post_id = $1`,
      [res.body.postId],
    );
    expect(pubs.rows[0].n).toBe(0);
  });

  it('deletes entrant data after the retention period and keeps the certificate verifying', async () => {
    const maintenance = t.app.get(ContestsMaintenance);
    clock.set('2027-01-20T10:00:00Z');
    expect(await maintenance.deleteExpiredEntrantData()).toBe(0);
    clock.set('2027-01-24T17:06:00Z');
    // Two processes at the same hour: one deletes, the other finds it done.
    const runs = await Promise.all([
      maintenance.deleteExpiredEntrantData(),
      maintenance.deleteExpiredEntrantData(),
    ]);
    expect(runs[0] + runs[1]).toBe(1);
    const audited = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'contest.entrant_data_deleted'`,
    );
    expect(audited.rows[0].n).toBe(1);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM contest_entries WHERE contest_id = $1 AND (handle IS NOT NULL OR text IS NOT NULL)`,
      [contestId],
    );
    expect(rows[0].n).toBe(0);
    const pub = await request(t.server).get(`/api/v1/public/contests/${token}/verification`);
    expect(pub.body.recomputed).toMatchObject({ orderMatches: true, listHashMatches: true });
    const cert = await request(t.server).get(`/api/v1/public/contests/${token}/certificate.html`);
    expect(cert.status).toBe(200);
    expect(cert.text).toContain(winners[0]!);
  });
});

describe('isolation and public tokens', () => {
  it('answers 404 for another workspace’s contest and for unknown tokens', async () => {
    const second = await owner.post('/v1/workspaces', {
      name: 'Zweiter Kunde',
      timeZone: 'Europe/Berlin',
      locale: 'de',
    });
    expect(second.status).toBe(201);
    const stranger = await addMember(t, owner, second.body.slug as string, 'owner');
    const foreign = await stranger.browser.get(
      `/v1/workspaces/${second.body.slug}/contests/${contestId}`,
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('CONTEST_NOT_FOUND');
    const foreignDraw = await stranger.browser.post(
      `/v1/workspaces/${second.body.slug}/contests/${contestId}/redraw`,
      { entrantId: 'E-0000000000000000', reason: 'fremd' },
    );
    expect(foreignDraw.status).toBe(404);
    const notMember = await stranger.browser.get(path(`/contests/${contestId}`));
    expect(notMember.body.error.code).toBe('WORKSPACE_NOT_FOUND');
    for (const bad of ['x', 'AAAAAAAAAAAAAAAAAAAAAAAA']) {
      const res = await request(t.server).get(`/api/v1/public/contests/${bad}/verification`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('CONTEST_NOT_FOUND');
    }
  });

  it('excludes the winners of the previous contest when the rules say so', async () => {
    clock.set('2027-02-01T08:00:00Z');
    const next = await author.post(path('/contests'), {
      ...contestBody,
      title: 'Frühlingsverlosung',
      entriesFrom: '2027-02-01T10:00',
      entriesUntil: '2027-02-28T18:00',
      eligibility: { excludePreviousWinnersOfLast: 1, countries: [] },
      entryMethods: ['csv'],
    });
    expect(next.status).toBe(201);
    // The first contest's winners are gone as handles, but remembered as keyed hashes.
    const winnerHashes = await t.db.query(
      `SELECT count(*)::int AS n FROM contest_winner_keys WHERE contest_id = $1`,
      [contestId],
    );
    expect(winnerHashes.rows[0].n).toBe(4);
    const csv =
      'handle,platform,text,entered_at\nanna_m,sandbox,Wieder dabei,2027-02-02T10:00\nneu,sandbox,Erstes Mal,2027-02-02T10:00\n';
    const imported = await author.send('post', path(`/contests/${next.body.id}/entries/csv`), csv, {
      'Content-Type': 'text/csv',
    });
    expect(imported.body.imported).toBe(2);
    const list = await viewer.get(path(`/contests/${next.body.id}/entrants`));
    const rulesOf = Object.fromEntries(
      (list.body.items as { handle: string; exclusions: { rule: string }[] }[]).map((e) => [
        e.handle,
        e.exclusions.map((x) => x.rule),
      ]),
    );
    const annaWon = (await editor.get(path(`/contests/${contestId}/draw`))).body.result;
    const wonIds = [
      ...annaWon.winners.map((w: { entrantId: string }) => w.entrantId),
      ...annaWon.replacements.map((r: { byEntrantId: string }) => r.byEntrantId),
    ];
    const annaFirst = await t.db.query(
      `SELECT DISTINCT pseudonym FROM contest_entries WHERE contest_id = $1 AND source = 'comment'
          AND entered_at = '2026-12-02T10:00:00Z'`,
      [contestId],
    );
    const annaWasWinner = wonIds.includes(annaFirst.rows[0]?.pseudonym);
    expect(rulesOf['anna_m']).toEqual(annaWasWinner ? ['previous_winner'] : []);
    expect(rulesOf['neu']).toEqual([]);
  });
});

describe('OpenAPI document', () => {
  it('describes the contest endpoints, public ones included', async () => {
    const doc = await request(t.server).get('/api/docs/openapi.json');
    const paths = Object.keys((doc.body as { paths: Record<string, unknown> }).paths);
    for (const p of [
      '/api/v1/workspaces/{ws}/contests',
      '/api/v1/workspaces/{ws}/contests/{id}/rules',
      '/api/v1/workspaces/{ws}/contests/{id}/entries/csv',
      '/api/v1/workspaces/{ws}/contests/{id}/commit',
      '/api/v1/workspaces/{ws}/contests/{id}/draw',
      '/api/v1/workspaces/{ws}/contests/{id}/redraw',
      '/api/v1/public/contests/{token}/verification',
      '/api/v1/public/contests/{token}/certificate.pdf',
    ]) {
      expect(paths).toContain(p);
    }
  });
});

async function entrantOf(handle: string): Promise<string> {
  const list = await viewer.get(path(`/contests/${contestId}/entrants`));
  return (list.body.items as { id: string; handle: string }[]).find((e) => e.handle === handle)!.id;
}
