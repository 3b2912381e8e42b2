import { type Locale, type Role } from '@postplan/contracts';
import { type RenderedMail } from './notification-mail';

export type AccountMailKind = 'invitation' | 'password_reset';

export type AccountMailInput =
  | {
      kind: 'invitation';
      locale: Locale;
      link: string;
      workspaceName: string;
      inviterName: string | null;
      role: Role;
      expiresAt: string;
    }
  | { kind: 'password_reset'; locale: Locale; link: string; expiresAt: string };

const ROLE_NAMES: Record<Locale, Record<Role, string>> = {
  de: {
    owner: 'Inhaber:in',
    admin: 'Admin',
    editor: 'Redakteur:in',
    author: 'Autor:in',
    viewer: 'Leser:in',
  },
  en: { owner: 'owner', admin: 'admin', editor: 'editor', author: 'author', viewer: 'viewer' },
};

function oneLine(s: string, max = 120): string {
  const flat = s.replace(/[\r\n\t]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function when(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(iso));
}

/**
 * Mail about the account itself: an invitation to a workspace, a password reset. Addressed to
 * the address, not to a member; the same text whether or not the address has an account, so
 * the mail tells an onlooker nothing either. Names are the only inputs a person chose: they are
 * flattened to one line and escaped.
 */
export function renderAccountMail(input: AccountMailInput): RenderedMail {
  const de = input.locale === 'de';
  let subject: string;
  let lead: string;
  let action: string;
  let after: string;
  if (input.kind === 'invitation') {
    const ws = oneLine(input.workspaceName);
    const by = input.inviterName ? oneLine(input.inviterName, 80) : null;
    const role = ROLE_NAMES[input.locale][input.role];
    subject = de ? `Einladung zu ${ws} in Postplan` : `Invitation to ${ws} on Postplan`;
    lead = de
      ? `${by ?? 'Jemand'} lädt Sie als ${role} in den Workspace „${ws}“ ein.`
      : `${by ?? 'Someone'} invites you to the workspace “${ws}” as ${role}.`;
    action = de ? 'Einladung ansehen' : 'View the invitation';
    after = de
      ? `Der Link gilt bis ${when(input.expiresAt, 'de')} (UTC) und nur einmal. Wenn Sie niemanden dort kennen, ignorieren Sie diese E-Mail einfach.`
      : `The link works once, until ${when(input.expiresAt, 'en')} (UTC). If you know nobody there, simply ignore this e-mail.`;
  } else {
    subject = de ? 'Passwort für Postplan neu setzen' : 'Reset your Postplan password';
    lead = de
      ? 'Jemand hat verlangt, das Passwort Ihres Postplan-Kontos neu zu setzen.'
      : 'Someone asked to reset the password of your Postplan account.';
    action = de ? 'Neues Passwort setzen' : 'Set a new password';
    after = de
      ? `Der Link gilt bis ${when(input.expiresAt, 'de')} (UTC) und nur einmal; danach sind Sie überall abgemeldet. Waren Sie das nicht, ignorieren Sie diese E-Mail: Ihr Passwort bleibt, wie es ist.`
      : `The link works once, until ${when(input.expiresAt, 'en')} (UTC); afterwards you are signed out everywhere. If this was not you, ignore this e-mail: your password stays as it is.`;
  }
  const text = [lead, `${action}: ${input.link}`, after].join('\n\n');
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${input.locale}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; color: #1f2937; line-height: 1.5; max-width: 560px; margin: 0 auto; padding: 16px;">
<p>${e(lead)}</p>
<p><a href="${e(input.link)}" style="display: inline-block; padding: 8px 16px; background: #1d4ed8; color: #ffffff; text-decoration: none; border-radius: 6px;">${e(action)}</a></p>
<p style="font-size: 12px; color: #6b7280;">${e(after)}</p>
</body></html>`;
  return { subject: oneLine(subject), text, html };
}
