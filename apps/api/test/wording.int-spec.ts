import request from 'supertest';
import { WordingMaintenance } from '../src/modules/wording/wording.maintenance';
import { Browser, type TestApp, addMember, count, setUpOwner, startTestApp } from './test-app';

let t: TestApp;
let owner: Browser;
let ws: string;
let x: string;
let mastodon: string;
let linkedin: string;
let viewer: Browser;
let editor: Browser;

beforeAll(async () => {
  t = await startTestApp();
  ({ owner, ws } = await setUpOwner(t));
  const channel = async (name: string, platform: string) =>
    (await owner.post(`/v1/workspaces/${ws}/channels`, { name, platform })).body.id as string;
  x = await channel('X Stadtwerke', 'x');
  mastodon = await channel('Mastodon', 'mastodon');
  linkedin = await channel('LinkedIn', 'linkedin');
  viewer = (await addMember(t, owner, ws, 'viewer')).browser;
  editor = (await addMember(t, owner, ws, 'editor')).browser;
});
afterAll(() => t.close());

const base = () => `/v1/workspaces/${ws}/wording`;
const check = (body: Record<string, unknown>, by: Browser = owner) =>
  by.post(`${base()}/check`, { skipSpelling: true, ...body });
const put = (path: string, body: unknown, by: Browser = owner) =>
  by.send('put', `${base()}${path}`, body);

type Finding = {
  rule: string;
  severity: string;
  message: string;
  messages: { de: string; en: string };
  start: number;
  end: number;
  fix?: { start: number; end: number; replacement: string; label: string };
};
const findings = (res: { body: { findings: Finding[] } }, rule: string) =>
  res.body.findings.filter((f) => f.rule === rule);

const applyFix = (text: string, fix: NonNullable<Finding['fix']>) =>
  text.slice(0, fix.start) + fix.replacement + text.slice(fix.end);

async function settingsRow(): Promise<unknown> {
  const { rows } = await t.db.query(
    `SELECT s.version, s.settings,
            (SELECT count(*) FROM wording_brand_rules) AS rules,
            (SELECT count(*) FROM wording_words) AS words
       FROM wording_settings s`,
  );
  return rows;
}

describe('checking a text', () => {
  it('counts X text the way X does and flags the part over 280 as an error', async () => {
    const text = `${'Wasser ist Leben. '.repeat(16)}Fragen?`; // 288 + 7
    const res = await check({ text, platform: 'x' });
    expect(res.status).toBe(200);
    expect(res.body.length).toEqual({ used: text.length, limit: 280, unit: 'weighted' });
    const [over] = findings(res, 'length.limit');
    expect(over).toMatchObject({ severity: 'error', start: 280, end: text.length });
    // The owner reads German; the English text travels along for the other UI language.
    expect(over!.message).toBe(over!.messages.de);
    expect(over!.messages.en).toMatch(/280/);

    const english = await check({ text, platform: 'x', locale: 'en' });
    expect(findings(english, 'length.limit')[0]!.message).toBe(over!.messages.en);
  });

  it('counts a link as 23 on X however long it is', async () => {
    const link = `https://www.stadtwerke-musterstadt.de/baustellen/${'a'.repeat(300)}`;
    const res = await check({ text: `Alles zur Baustelle: ${link}`, platform: 'x' });
    expect(res.body.length.used).toBe('Alles zur Baustelle: '.length + 23);
    expect(findings(res, 'length.limit')).toEqual([]);
  });

  it('uses the platform of the channel and the channel’s own limit', async () => {
    const text = 'Neuigkeiten aus dem Rathaus. '.repeat(25).trim(); // 724 characters
    const before = await check({ text, channelId: mastodon });
    expect(before.body.length).toMatchObject({ limit: 500, unit: 'graphemes' });
    expect(findings(before, 'length.limit')).toHaveLength(1);

    const patched = await owner.patch(`/v1/workspaces/${ws}/channels/${mastodon}`, {
      wording: { characterLimit: 1000 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.wording).toEqual({ characterLimit: 1000 });
    const listed = await owner.get(`/v1/workspaces/${ws}/channels`);
    expect(listed.body.items.find((c: { id: string }) => c.id === mastodon).wording).toEqual({
      characterLimit: 1000,
    });

    const after = await check({ text, channelId: mastodon });
    expect(after.body.length).toMatchObject({ used: text.length, limit: 1000 });
    expect(findings(after, 'length.limit')).toEqual([]);

    await owner.patch(`/v1/workspaces/${ws}/channels/${mastodon}`, { wording: null });
    const reset = await owner.get(`/v1/workspaces/${ws}/channels`);
    expect(reset.body.items.find((c: { id: string }) => c.id === mastodon).wording).toEqual({});
  });

  it('refuses channel wording settings it does not know or that would switch off a platform limit', async () => {
    for (const wording of [
      { characterLimit: 0 },
      { charLimit: 1000 },
      { rules: { 'length.limit': 'off' } },
      { engagement: { enabled: false, colour: 'red' } },
    ]) {
      const res = await owner.patch(`/v1/workspaces/${ws}/channels/${mastodon}`, { wording });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const { rows } = await t.db.query(`SELECT wording FROM channels WHERE id = $1`, [mastodon]);
    expect(rows[0].wording).toEqual({});
  });

  it('lets a channel switch off the engagement hint', async () => {
    const text = 'Die Müllabfuhr kommt diese Woche am Donnerstag.';
    expect(
      findings(await check({ text, channelId: linkedin }), 'engagement.no-question'),
    ).toHaveLength(1);
    await owner.patch(`/v1/workspaces/${ws}/channels/${linkedin}`, {
      wording: { engagement: { enabled: false } },
    });
    expect(findings(await check({ text, channelId: linkedin }), 'engagement.no-question')).toEqual(
      [],
    );
    await owner.patch(`/v1/workspaces/${ws}/channels/${linkedin}`, { wording: null });
  });

  it('finds unknown words with suggestions, and stops once the word is on the word list', async () => {
    const text = 'Morgen testen wir den Frobnitzer im Stadtpark.';
    const res = await check({ text, platform: 'linkedin', skipSpelling: false });
    const unknown = findings(res, 'spelling.unknown-word');
    expect(unknown.map((f) => text.slice(f.start, f.end))).toEqual(['Frobnitzer']);

    const added = await editor.post(`${base()}/words`, { words: ['Frobnitzer'] });
    expect(added.status).toBe(200);
    expect(added.body.settings.wordList).toContain('Frobnitzer');
    const again = await check({ text, platform: 'linkedin', skipSpelling: false });
    expect(findings(again, 'spelling.unknown-word')).toEqual([]);

    const refused = await viewer.post(`${base()}/words`, { words: ['Quatschwort'] });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN_ROLE');
  });

  it('any member may check; nothing is stored', async () => {
    const before = await count(t, 'audit_log');
    const res = await check({ text: 'Was meint ihr?', platform: 'bluesky' }, viewer);
    expect(res.status).toBe(200);
    expect(res.body.length).toMatchObject({ limit: 300, unit: 'graphemes' });
    expect(await count(t, 'audit_log')).toBe(before);
  });

  it('answers a bad request with 400 and a code', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ platform: 'x' }, 'text'],
      [{ text: 'Hallo', platform: 'myspace' }, 'platform'],
      [{ text: 'Hallo' }, 'platform'],
      [{ text: 'Hallo', channelId: x, platform: 'mastodon' }, 'platform'],
      [{ text: 'Hallo', platform: 'x', colour: 'red' }, ''],
      [{ text: 'Hallo', platform: 'x', plannedAt: 'morgen' }, 'plannedAt'],
      [{ text: 'x'.repeat(65_001), platform: 'x' }, 'text'],
    ];
    for (const [body, path] of cases) {
      const res = await check(body);
      expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      if (path) expect(JSON.stringify(res.body.error.details)).toContain(path);
    }
  });
});

describe('brand wording', () => {
  it('flags a banned term in its inflected forms, with the rule’s own message and fix', async () => {
    const saved = await put('/brand-rules', {
      items: [
        {
          kind: 'banned',
          term: 'Kunde',
          replacement: 'Gast',
          message: {
            de: 'Bei uns gibt es keine Kunden, nur Gäste.',
            en: 'We have no customers, only guests.',
          },
        },
        { kind: 'preferred', term: 'Social Media Team', replacement: 'Community-Team' },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.items).toHaveLength(2);
    expect(saved.body.items[0]).toMatchObject({ kind: 'banned', term: 'Kunde', inflect: true });

    const text = 'Mit der Kundin Frau Ott feiern wir. Liebe Kunden, danke!';
    const res = await check({ text, platform: 'facebook' });
    const banned = findings(res, 'brand.banned');
    expect(banned.map((f) => text.slice(f.start, f.end))).toEqual(['Kundin', 'Kunden']);
    expect(banned[0]).toMatchObject({ severity: 'error' });
    expect(banned[0]!.message).toMatch(/^Bei uns gibt es keine Kunden, nur Gäste\./u);
    expect(banned[0]!.messages.en).toMatch(/^We have no customers, only guests\./u);
    // The gender of "Gast" is unknown to the rule, so neither form gets a one-click fix that
    // could leave "der Gast" in a dative; the message says what to adjust.
    expect(banned[0]!.fix).toBeUndefined();
    expect(banned[1]!.fix).toBeUndefined();

    // With the genders the fix re-inflects the article: "mit der Kundin" -> "mit dem Gast".
    const withGenders = await put('/brand-rules', {
      items: [
        {
          kind: 'banned',
          term: 'Kunde',
          replacement: 'Gast',
          termGender: 'm',
          replacementGender: 'm',
        },
      ],
    });
    expect(withGenders.status).toBe(200);
    expect(withGenders.body.items[0]).toMatchObject({ termGender: 'm', replacementGender: 'm' });
    const again = findings(await check({ text, platform: 'facebook' }), 'brand.banned');
    expect(applyFix(text, again[0]!.fix!)).toBe(
      'Mit dem Gast Frau Ott feiern wir. Liebe Kunden, danke!',
    );
    await put('/brand-rules', {
      items: [
        {
          kind: 'banned',
          term: 'Kunde',
          replacement: 'Gast',
          message: {
            de: 'Bei uns gibt es keine Kunden, nur Gäste.',
            en: 'We have no customers, only guests.',
          },
        },
        { kind: 'preferred', term: 'Social Media Team', replacement: 'Community-Team' },
      ],
    });
  });

  it('offers the preferred term as a one-click fix that yields the brand’s wording', async () => {
    const text = 'Fragen? Schreibt unserem Social Media Team.';
    const [preferred] = findings(await check({ text, platform: 'linkedin' }), 'brand.preferred');
    expect(preferred).toMatchObject({ severity: 'warning' });
    expect(text.slice(preferred!.start, preferred!.end)).toBe('Social Media Team');
    const fixed = applyFix(text, preferred!.fix!);
    expect(fixed).toBe('Fragen? Schreibt unserem Community-Team.');
    expect(findings(await check({ text: fixed, platform: 'linkedin' }), 'brand.preferred')).toEqual(
      [],
    );
  });

  it('refuses a list with a term twice, or a preferred term without replacement, and keeps the old list', async () => {
    const before = (await owner.get(`${base()}/brand-rules`)).body;
    const twice = await put('/brand-rules', {
      items: [
        { kind: 'banned', term: 'Kunde' },
        { kind: 'preferred', term: 'kunde', replacement: 'Gast' },
      ],
    });
    expect(twice.status).toBe(422);
    expect(twice.body.error).toMatchObject({
      code: 'BRAND_RULE_DUPLICATE',
      details: { index: 1, duplicateOf: 0 },
    });
    const noReplacement = await put('/brand-rules', {
      items: [{ kind: 'preferred', term: 'Kunde' }],
    });
    expect(noReplacement.status).toBe(400);
    expect(noReplacement.body.error.code).toBe('VALIDATION_FAILED');
    const unknownField = await put('/brand-rules', {
      items: [{ kind: 'banned', term: 'Kunde', severty: 'hint' }],
    });
    expect(unknownField.status).toBe(400);
    expect((await owner.get(`${base()}/brand-rules`)).body).toEqual(before);
  });

  it('lets members read the rules and only admins change them', async () => {
    expect((await viewer.get(`${base()}/brand-rules`)).status).toBe(200);
    const res = await put('/brand-rules', { items: [] }, editor);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN_ROLE');
    expect((await owner.get(`${base()}/brand-rules`)).body.items).toHaveLength(2);
  });
});

describe('brand rules as CSV', () => {
  const csvPath = () => `/api${base()}/brand-rules.csv`;
  const upload = (body: string | Buffer, type = 'text/csv', query = '') =>
    request(t.server)
      .post(`${csvPath()}${query}`)
      .set(
        'Cookie',
        `postplan_session=${owner.cookie('postplan_session')}; postplan_csrf=${owner.csrf}`,
      )
      .set('X-CSRF-Token', owner.csrf!)
      .set('Content-Type', type)
      .send(body);

  it('exports what Excel opens and imports its own export unchanged', async () => {
    const exported = await owner.get(`${base()}/brand-rules.csv`);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(exported.headers['content-disposition']).toMatch(
      /attachment; filename="brand-rules-.+\.csv"/,
    );
    const csv = exported.text;
    expect(
      csv.startsWith('\uFEFFkind;term;replacement;severity;message_de;message_en;inflect\r\n'),
    ).toBe(true);
    expect(csv).toContain('banned;Kunde;Gast;;Bei uns gibt es keine Kunden, nur Gäste.;');

    const before = (await owner.get(`${base()}/brand-rules`)).body.items;
    const imported = await upload(csv);
    expect(imported.status).toBe(200);
    expect(imported.body.imported).toBe(2);
    // The same rules, the same ids: a round trip changes nothing.
    expect(imported.body.items).toEqual(before);
  });

  it('reports every bad row with its line and column and imports nothing', async () => {
    const before = await settingsRow();
    const rules = (await owner.get(`${base()}/brand-rules`)).body;
    const csv = [
      'Art;Begriff;Ersatz;Stufe',
      'verboten;Endkunde;;',
      'verbannt;Zielgruppe;;',
      '',
      'bevorzugt;User;;',
      'verboten;Preis;;ganz schlimm',
    ].join('\r\n');
    const res = await upload(csv);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('BRAND_CSV_INVALID');
    const errors = res.body.error.details.errors as {
      line: number;
      column: number;
      message: string;
    }[];
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [3, 1],
      [5, 3],
      [6, 4],
    ]);
    expect(errors[0]!.message).toMatch(/^Zeile 3, Spalte A: /);
    expect(await settingsRow()).toEqual(before);
    expect((await owner.get(`${base()}/brand-rules`)).body).toEqual(rules);
  });

  it('points at the second line of a term listed twice', async () => {
    const res = await upload('kind,term\nbanned,Kunde\nbanned,Preis\nbanned,KUNDE\n');
    expect(res.status).toBe(422);
    expect(res.body.error.details.errors).toEqual([
      expect.objectContaining({ line: 4, column: 2, field: 'term' }),
    ]);
    expect(res.body.error.details.errors[0].messages.en).toContain('line 2');
  });

  it('reads a file Excel saved as Windows-1252, and JSON as well; merge keeps the other rules', async () => {
    const latin1 = Buffer.from('kind;term;replacement\r\nbanned;Großkunde;Gäste\r\n', 'latin1');
    const merged = await upload(latin1, 'text/csv', '?mode=merge');
    expect(merged.status).toBe(200);
    expect(merged.body.items.map((r: { term: string }) => r.term)).toEqual([
      'Kunde',
      'Social Media Team',
      'Großkunde',
    ]);
    expect(merged.body.items[2].replacement).toBe('Gäste');

    const replaced = await owner.post(`${base()}/brand-rules.csv`, {
      csv: 'kind;term;replacement\nbanned;Kunde;Gast\npreferred;Social Media Team;Community-Team\n',
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.items.map((r: { term: string }) => r.term)).toEqual([
      'Kunde',
      'Social Media Team',
    ]);
  });

  it('refuses other content types, and imports only for admins', async () => {
    const xml = await upload('<rules/>', 'application/xml');
    expect(xml.status).toBe(415);
    expect(xml.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const res = await editor.post(`${base()}/brand-rules.csv`, { csv: 'kind;term\nbanned;X\n' });
    expect(res.status).toBe(403);
    expect((await owner.get(`${base()}/brand-rules`)).body.items).toHaveLength(2);
  });
});

describe('workspace settings', () => {
  it('reads the defaults, and lets admins change rules, limits and the gender style', async () => {
    const text =
      'Unsere Kund*innen bekommen ab heute in allen Filialen der Stadtwerke und auch online einen neuen Service für alle Fragen rund um Strom, Gas und Wasser.';
    const before = await check({ text, platform: 'linkedin' });
    expect(findings(before, 'readability.long-sentence')).toHaveLength(1);
    expect(findings(before, 'gender.style')).toEqual([]);

    const read = await viewer.get(`${base()}/settings`);
    expect(read.status).toBe(200);
    expect(read.body.settings).toEqual({ wordList: ['Frobnitzer'] });

    const saved = await put('/settings', {
      genderStyle: 'colon',
      rules: { 'readability.long-sentence': 'off', 'engagement.no-question': 'off' },
      readability: { maxSentenceWords: { de: 15 } },
      duplicates: { windowDays: 14 },
      wordList: ['Frobnitzer', 'frobnitzer', 'Stadtwerke-App'],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.settings).toMatchObject({
      genderStyle: 'colon',
      wordList: ['Frobnitzer', 'Stadtwerke-App'],
    });
    expect(saved.body.version).toBeGreaterThan(read.body.version);

    const after = await check({ text, platform: 'linkedin' });
    expect(findings(after, 'readability.long-sentence')).toEqual([]);
    const [gender] = findings(after, 'gender.style');
    expect(text.slice(gender!.start, gender!.end)).toBe('Kund*innen');
    expect(gender!.fix!.replacement).toBe('Kund:innen');

    const { rows } = await t.db.query(
      `SELECT action FROM audit_log WHERE action = 'wording.settings_changed'`,
    );
    expect(rows).toHaveLength(1);
  });

  it('refuses a change from a non-admin or with a bad value, and changes nothing', async () => {
    const before = await settingsRow();
    const forbidden = await put('/settings', { genderStyle: 'off' }, editor);
    expect(forbidden.status).toBe(403);
    for (const body of [
      { genderStyle: 'binnen-i' },
      { rules: { 'length.limit': 'off' } },
      { rules: { 'brand.banned': 'fatal' } },
      { duplicates: { windowDays: 0 } },
      { readability: { maxSentenceWords: { de: 15, fr: 20 } } },
      { brandRules: [] },
      { wordList: ['x'.repeat(81)] },
    ]) {
      const res = await put('/settings', body);
      expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect(await settingsRow()).toEqual(before);
  });
});

describe('settings saved against the version read', () => {
  it('refuses to overwrite a word an editor added meanwhile, and saves once the new version is read', async () => {
    const read = await owner.get(`${base()}/settings`);
    const added = await editor.post(`${base()}/words`, { words: ['Quartiersfest'] });
    expect(added.status).toBe(200);
    const before = await settingsRow();

    // The admin's form still holds the list without the editor's word.
    const stale = await owner.put(
      `${base()}/settings`,
      { ...read.body.settings, genderStyle: 'asterisk' },
      { 'If-Match': `"${read.body.version}"` },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect(stale.body.error.details).toEqual({ currentVersion: added.body.version });
    expect(await settingsRow()).toEqual(before);

    const saved = await owner.put(
      `${base()}/settings`,
      { ...added.body.settings, genderStyle: 'asterisk' },
      { 'If-Match': String(added.body.version) },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.settings.wordList).toContain('Quartiersfest');
    expect(saved.body.settings.genderStyle).toBe('asterisk');

    const malformed = await owner.put(`${base()}/settings`, {}, { 'If-Match': 'latest' });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe('near-duplicates', () => {
  const postText =
    'Am Samstag öffnet der Wochenmarkt auf dem Rathausplatz schon um sieben Uhr. Kommt vorbei, es gibt frischen Spargel und Erdbeeren aus der Region!';

  let postId: string;
  beforeAll(async () => {
    await put('/settings', {}); // the default 30-day window
    const created = await owner.post(`/v1/workspaces/${ws}/posts`, {
      text: postText,
      plannedAt: '2026-12-05T09:00',
      variants: [{ channelId: mastodon }, { channelId: x }],
    });
    expect(created.status).toBe(201);
    postId = created.body.id;
  });

  it('finds a post with nearly the same text on the same channel within the window', async () => {
    const text = postText.replace('sieben', 'acht');
    const res = await check({ text, channelId: mastodon, plannedAt: '2026-12-12T09:00' });
    const [dup] = findings(res, 'duplicate.recent');
    expect(dup).toMatchObject({ severity: 'warning' });
    expect(dup!.messages.en).toMatch(/% the same as a post on this channel from 2026-12-05/);

    // Not on another channel, not for the post itself, not outside the window.
    expect(
      findings(
        await check({ text, channelId: linkedin, plannedAt: '2026-12-12T09:00' }),
        'duplicate.recent',
      ),
    ).toEqual([]);
    expect(
      findings(
        await check({ text, channelId: mastodon, plannedAt: '2026-12-12T09:00', postId }),
        'duplicate.recent',
      ),
    ).toEqual([]);
    expect(
      findings(
        await check({ text, channelId: mastodon, plannedAt: '2027-02-01T09:00' }),
        'duplicate.recent',
      ),
    ).toEqual([]);
    expect(
      findings(
        await check({
          text: 'Heute bleibt das Hallenbad wegen einer Reparatur geschlossen.',
          channelId: mastodon,
          plannedAt: '2026-12-12T09:00',
        }),
        'duplicate.recent',
      ),
    ).toEqual([]);
  });

  it('treats the identical text on X as an error', async () => {
    const res = await check({
      text: postText.toUpperCase(),
      channelId: x,
      plannedAt: '2026-12-06T09:00',
    });
    expect(findings(res, 'duplicate.x-identical')).toMatchObject([{ severity: 'error' }]);
  });

  it('follows the post: an edit or a deletion updates the index', async () => {
    const text = postText.replace('sieben', 'acht');
    const at = { channelId: mastodon, plannedAt: '2026-12-12T09:00' };
    const current = (await owner.get(`/v1/workspaces/${ws}/posts/${postId}`)).body;
    const edited = await owner.patch(`/v1/workspaces/${ws}/posts/${postId}`, {
      version: current.version,
      text: 'Der Weihnachtsmarkt beginnt am Montag mit dem Anschnitt des Stollens.',
    });
    expect(edited.status).toBe(200);
    expect(findings(await check({ text, ...at }), 'duplicate.recent')).toEqual([]);

    const similar = 'Der Weihnachtsmarkt beginnt am Montag mit dem Anschnitt des großen Stollens.';
    expect(findings(await check({ text: similar, ...at }), 'duplicate.recent')).toHaveLength(1);
    const removed = await owner.delete(`/v1/workspaces/${ws}/posts/${postId}`, {
      'If-Match': String(edited.body.version),
    });
    expect(removed.status).toBe(204);
    expect(findings(await check({ text: similar, ...at }), 'duplicate.recent')).toEqual([]);
    const { rows } = await t.db.query(`SELECT 1 FROM wording_signatures WHERE post_id = $1`, [
      postId,
    ]);
    expect(rows).toEqual([]);
  });

  it('answers each post with its findings per variant, including the same text on several channels', async () => {
    const created = await owner.post(`/v1/workspaces/${ws}/posts`, {
      text: 'Die Stadtbibliothek hat ab Montag länger geöffnet, jeden Tag bis 20 Uhr. Was lest ihr gerade?',
      variants: [{ channelId: linkedin }, { channelId: mastodon }],
    });
    const post = (await owner.get(`/v1/workspaces/${ws}/posts/${created.body.id}`)).body;
    expect(post.wording.variants.map((v: { channelId: string }) => v.channelId)).toEqual([
      linkedin,
      mastodon,
    ]);
    for (const variant of post.wording.variants)
      expect(variant.findings.map((f: Finding) => f.rule)).toContain('duplicate.cross-channel');
    expect(post.wording.blocking).toEqual([]);
  });
});

describe('keeping the duplicate index complete', () => {
  it('signs posts that were saved before the index existed, and forgets deleted ones', async () => {
    const text =
      'Die Sommerferien beginnen: Das Freibad hat ab Montag täglich von acht bis zwanzig Uhr geöffnet, der Eintritt für Kinder ist frei.';
    const { rows } = await t.db.query(
      `INSERT INTO posts (workspace_id, status, text, author_id, planned_at)
       SELECT w.id, 'draft', $2, m.user_id, '2026-07-01T08:00:00Z'
         FROM workspaces w JOIN memberships m ON m.workspace_id = w.id AND m.role = 'owner'
        WHERE w.slug = $1 LIMIT 1
       RETURNING id`,
      [ws, text],
    );
    const id = rows[0].id as string;
    await t.db.query(
      `INSERT INTO post_variants (post_id, channel_id, position) VALUES ($1, $2, 0)`,
      [id, linkedin],
    );
    const near = {
      text: text.replace('acht', 'neun'),
      channelId: linkedin,
      plannedAt: '2026-07-03T10:00',
    };
    expect(findings(await check(near), 'duplicate.recent')).toEqual([]);

    const maintenance = t.app.get(WordingMaintenance);
    expect(await maintenance.catchUp()).toBeGreaterThanOrEqual(1);
    expect(findings(await check(near), 'duplicate.recent')).toHaveLength(1);
    expect(await maintenance.catchUp()).toBe(0);

    await t.db.query(`UPDATE posts SET deleted_at = now() WHERE id = $1`, [id]);
    await maintenance.runDaily();
    expect(findings(await check(near), 'duplicate.recent')).toEqual([]);
  });
});

describe('the review gate', () => {
  const posts = () => `/v1/workspaces/${ws}/posts`;

  it('will not submit a post whose X variant is over the limit, and says which finding blocks', async () => {
    const created = await owner.post(posts(), {
      text: `${'Baustelle an der Hauptstraße. '.repeat(12)}Fragen?`,
      variants: [{ channelId: x }],
    });
    const res = await owner.post(`${posts()}/${created.body.id}/submit`, {
      version: created.body.version,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('WORDING_BLOCKED');
    expect(res.body.error.details.findings).toEqual([
      expect.objectContaining({ channelId: x, rule: 'length.limit' }),
    ]);
    const after = (await owner.get(`${posts()}/${created.body.id}`)).body;
    expect(after.status).toBe('draft');
    expect(after.version).toBe(created.body.version);
  });

  it('will not approve a post with a banned term, naming the rule’s message', async () => {
    await put('/brand-rules', { items: [] });
    const created = await owner.post(posts(), {
      text: 'Liebe Kunden, was wünscht ihr euch für den Stadtpark?',
      variants: [{ channelId: linkedin }],
    });
    const submitted = await owner.post(`${posts()}/${created.body.id}/submit`, {
      version: created.body.version,
    });
    expect(submitted.status).toBe(200);
    await put('/brand-rules', {
      items: [
        {
          kind: 'banned',
          term: 'Kunde',
          message: { de: 'Bei uns gibt es nur Gäste.', en: 'We only have guests.' },
        },
      ],
    });
    const res = await editor.post(`${posts()}/${created.body.id}/approve`, {
      version: submitted.body.version,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('WORDING_BLOCKED');
    expect(JSON.stringify(res.body.error)).toContain('Bei uns gibt es nur Gäste.');
    expect((await owner.get(`${posts()}/${created.body.id}`)).body.status).toBe('in_review');
  });
});

describe('workspace boundaries', () => {
  it('keeps another workspace’s wording and channels out of reach', async () => {
    const stranger = await addMember(t, owner, ws, 'viewer');
    const own = await stranger.browser.post('/v1/workspaces', { name: 'Eigene Agentur' });
    expect(own.status).toBe(201);
    const other = own.body.slug as string;
    const theirChannel = (
      await stranger.browser.post(`/v1/workspaces/${other}/channels`, {
        name: 'X',
        platform: 'x',
      })
    ).body.id;

    const asOutsider = await new Browser(t.server).post(`/v1/workspaces/${other}/wording/check`, {
      text: 'Hallo',
      platform: 'x',
    });
    expect(asOutsider.status).toBe(401);
    const res = await owner.post(`/v1/workspaces/${other}/wording/check`, {
      text: 'Hallo',
      platform: 'x',
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('WORKSPACE_NOT_FOUND');
    expect((await owner.get(`/v1/workspaces/${other}/wording/settings`)).status).toBe(404);

    const foreign = await check({ text: 'Hallo', channelId: theirChannel });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error).toMatchObject({
      code: 'UNKNOWN_CHANNEL',
      details: { channelIds: [theirChannel] },
    });
    // Their (empty) rules do not mix with ours.
    expect(
      (await stranger.browser.get(`/v1/workspaces/${other}/wording/brand-rules`)).body,
    ).toEqual({
      items: [],
    });
  });
});
