import { actorLabel, renderNotificationMail, type MailInput } from './notification-mail';

const base: MailInput = {
  kind: 'review_requested',
  locale: 'de',
  workspaceName: 'Agentur Nord',
  workspaceSlug: 'agentur-nord',
  postId: '00000000-0000-4000-8000-000000000001',
  postTitle: 'Adventsgewinnspiel',
  actor: 'Olga Owner',
  data: {},
  publicUrl: 'https://postplan.example/',
};

describe('renderNotificationMail', () => {
  it('writes German text with the post link and the settings link', () => {
    const mail = renderNotificationMail(base);
    expect(mail.subject).toBe('Freigabe angefragt: „Adventsgewinnspiel“');
    expect(mail.text).toContain('Olga Owner bittet dich, „Adventsgewinnspiel“ zu prüfen.');
    expect(mail.text).toContain(
      'Beitrag öffnen: https://postplan.example/w/agentur-nord/calendar?post=00000000-0000-4000-8000-000000000001',
    );
    expect(mail.text).toContain(
      'E-Mail-Einstellungen: https://postplan.example/w/agentur-nord/settings/notifications',
    );
    expect(mail.html).toContain(
      'href="https://postplan.example/w/agentur-nord/calendar?post=00000000-0000-4000-8000-000000000001"',
    );
  });

  it('writes English for an English reader', () => {
    const mail = renderNotificationMail({ ...base, locale: 'en', kind: 'approved' });
    expect(mail.subject).toBe('Approved: “Adventsgewinnspiel”');
    expect(mail.text).toContain('Olga Owner approved “Adventsgewinnspiel”.');
  });

  it('escapes what people wrote, in the HTML part', () => {
    const mail = renderNotificationMail({
      ...base,
      kind: 'changes_requested',
      postTitle: '<script>alert(1)</script>',
      data: { note: 'Bitte "Sie" statt <b>du</b>' },
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).toContain('Bitte &quot;Sie&quot; statt &lt;b&gt;du&lt;/b&gt;');
    expect(mail.text).toContain('Anmerkung: Bitte "Sie" statt <b>du</b>');
  });

  it('keeps line breaks out of the subject', () => {
    const mail = renderNotificationMail({ ...base, postTitle: 'Zeile 1\r\nBcc: evil@example.com' });
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('shows only known fields of the data, never a stray token', () => {
    const mail = renderNotificationMail({
      ...base,
      kind: 'workspace_paused',
      postId: null,
      postTitle: null,
      data: {
        reason: 'Shitstorm zum Gewinnspiel',
        token: 'pp_secret_token',
        channelName: 'Instagram',
      },
    });
    expect(mail.subject).toBe('Veröffentlichung gestoppt: den Kanal Instagram in Agentur Nord');
    expect(mail.text).toContain('Grund: Shitstorm zum Gewinnspiel');
    expect(mail.text).toContain(
      'Kalender öffnen: https://postplan.example/w/agentur-nord/calendar',
    );
    expect(mail.text + mail.html).not.toContain('pp_secret_token');
  });

  it('counts the posts that wait for a decision after a resume', () => {
    const mail = renderNotificationMail({
      ...base,
      locale: 'en',
      kind: 'workspace_resumed',
      postId: null,
      postTitle: null,
      data: { duePostCount: 3 },
    });
    expect(mail.text).toContain('3 posts came due during the pause and wait for a decision.');
  });

  it('names a visitor with the link they came by', () => {
    expect(actorLabel({ type: 'link', label: 'Kunde', visitorName: 'Kim' }, null, 'de')).toBe(
      'Kim (über den Link „Kunde“)',
    );
    expect(renderNotificationMail({ ...base, actor: null }).text).toContain('Jemand bittet dich');
  });
});
