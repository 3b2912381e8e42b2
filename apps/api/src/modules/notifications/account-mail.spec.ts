import { renderAccountMail } from './account-mail';

describe('renderAccountMail', () => {
  it('writes an invitation in the workspace language with the link, the role and the expiry', () => {
    const mail = renderAccountMail({
      kind: 'invitation',
      locale: 'de',
      link: 'https://postplan.example/invite/tok',
      workspaceName: 'Stadtwerke Social',
      inviterName: 'Olga Owner',
      role: 'editor',
      expiresAt: '2026-12-10T09:00:00.000Z',
    });
    expect(mail.subject).toBe('Einladung zu Stadtwerke Social in Postplan');
    expect(mail.text).toContain('Olga Owner lädt Sie als Redakteur:in in den Workspace');
    expect(mail.text).toContain('Einladung ansehen: https://postplan.example/invite/tok');
    expect(mail.text).toContain('10. Dezember 2026');
  });

  it('keeps names a person chose to one escaped line', () => {
    const mail = renderAccountMail({
      kind: 'invitation',
      locale: 'en',
      link: 'https://postplan.example/invite/tok',
      workspaceName: 'Evil\r\nBcc: x@example.com <b>',
      inviterName: '<script>alert(1)</script>',
      role: 'viewer',
      expiresAt: '2026-12-10T09:00:00.000Z',
    });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
  });

  it('says in a reset mail what happens, and what to do if it was not you', () => {
    const mail = renderAccountMail({
      kind: 'password_reset',
      locale: 'en',
      link: 'https://postplan.example/reset-password/tok',
      expiresAt: '2026-12-10T09:00:00.000Z',
    });
    expect(mail.subject).toBe('Reset your Postplan password');
    expect(mail.text).toContain('Set a new password: https://postplan.example/reset-password/tok');
    expect(mail.text).toContain('signed out everywhere');
    expect(mail.text).toContain('If this was not you');
  });
});
