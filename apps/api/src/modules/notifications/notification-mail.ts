import { type Locale, type NotificationKind } from '@postplan/contracts';

export type MailInput = {
  kind: NotificationKind;
  locale: Locale;
  workspaceName: string;
  workspaceSlug: string;
  postId: string | null;
  postTitle: string | null;
  /** The actor as a person reads it ("Olga", "Kim (via link “Client”)"), or null. */
  actor: string | null;
  data: Record<string, unknown>;
  publicUrl: string;
};

export type RenderedMail = { subject: string; text: string; html: string };

type Parts = {
  subject: string;
  lead: string;
  /** An extra paragraph: a note, a quoted excerpt or a reason. */
  detail?: { label: string; value: string };
  followUp?: string;
  action: string;
};

type Words = {
  someone: string;
  untitled: string;
  workspaceScope: (ws: string) => string;
  channelScope: (channel: string, ws: string) => string;
  note: string;
  excerpt: string;
  reason: string;
  openPost: string;
  openCalendar: string;
  duePosts: (n: number) => string;
  footer: (ws: string) => string;
  settings: string;
  kinds: Record<NotificationKind, (v: Vars) => Omit<Parts, 'action' | 'detail' | 'followUp'>>;
};

type Vars = { actor: string; title: string; scope: string; outcome: string | undefined };

const q = {
  de: (s: string) => `„${s}“`,
  en: (s: string) => `“${s}”`,
};

const WORDS: Record<Locale, Words> = {
  de: {
    someone: 'Jemand',
    untitled: '(ohne Titel)',
    workspaceScope: (ws) => `den Workspace ${ws}`,
    channelScope: (channel, ws) => `den Kanal ${channel} in ${ws}`,
    note: 'Anmerkung',
    excerpt: 'Kommentar',
    reason: 'Grund',
    openPost: 'Beitrag öffnen',
    openCalendar: 'Kalender öffnen',
    duePosts: (n) =>
      n === 1
        ? '1 Beitrag wurde während der Pause fällig und wartet auf eine Entscheidung.'
        : `${n} Beiträge wurden während der Pause fällig und warten auf eine Entscheidung.`,
    footer: (ws) => `Du bekommst diese E-Mail als Mitglied von ${ws} in Postplan.`,
    settings: 'E-Mail-Einstellungen',
    kinds: {
      review_requested: (v) => ({
        subject: `Freigabe angefragt: ${q.de(v.title)}`,
        lead: `${v.actor} bittet dich, ${q.de(v.title)} zu prüfen.`,
      }),
      approved: (v) => ({
        subject: `Freigegeben: ${q.de(v.title)}`,
        lead: `${v.actor} hat ${q.de(v.title)} freigegeben.`,
      }),
      changes_requested: (v) => ({
        subject: `Änderungen gewünscht: ${q.de(v.title)}`,
        lead: `${v.actor} wünscht Änderungen an ${q.de(v.title)}.`,
      }),
      mention: (v) => ({
        subject: `${v.actor} hat dich erwähnt: ${q.de(v.title)}`,
        lead: `${v.actor} hat dich in einem Kommentar zu ${q.de(v.title)} erwähnt.`,
      }),
      approval_expired: (v) => ({
        subject: `Freigabe abgelaufen: ${q.de(v.title)}`,
        lead: `Die geplante Zeit von ${q.de(v.title)} ist erreicht, ohne dass der Beitrag freigegeben war. Er wird nicht veröffentlicht.`,
      }),
      comment: (v) => ({
        subject: `Neuer Kommentar: ${q.de(v.title)}`,
        lead: `${v.actor} hat ${q.de(v.title)} kommentiert.`,
      }),
      workspace_paused: (v) => ({
        subject: `Veröffentlichung gestoppt: ${v.scope}`,
        lead: `${v.actor} hat die Veröffentlichung für ${v.scope} angehalten. Bis zur Fortsetzung geht nichts raus.`,
      }),
      workspace_resumed: (v) => ({
        subject: `Veröffentlichung fortgesetzt: ${v.scope}`,
        lead: `${v.actor} hat die Veröffentlichung für ${v.scope} fortgesetzt.`,
      }),
      publication_alert: (v) => {
        const what: Record<string, string> = {
          failed: 'konnte nicht veröffentlicht werden',
          unconfirmed: 'ist vielleicht veröffentlicht: Bitte prüfen Sie es',
          missed: 'wurde verpasst und nicht veröffentlicht',
          manual_due: 'ist jetzt von Hand zu veröffentlichen',
        };
        const said = what[v.outcome ?? ''] ?? 'braucht Ihre Entscheidung';
        return {
          subject: `Veröffentlichung: ${v.title} ${said}`,
          lead: `${v.title} ${said} (${v.scope}).`,
        };
      },
      channel_alert: (v) => {
        const what: Record<string, string> = {
          expiring: 'läuft bald ab',
          needs_reconnect: 'muss neu verbunden werden',
          revoked: 'wurde von der Plattform widerrufen',
        };
        const said = what[v.outcome ?? ''] ?? 'braucht Aufmerksamkeit';
        return {
          subject: `Kanalverbindung ${said}: ${v.scope}`,
          lead: `Die Verbindung von ${v.scope} ${said}. Verbinden Sie das Konto unter Einstellungen → Kanäle neu, sonst schlagen geplante Veröffentlichungen fehl.`,
        };
      },
    },
  },
  en: {
    someone: 'Someone',
    untitled: '(untitled)',
    workspaceScope: (ws) => `the workspace ${ws}`,
    channelScope: (channel, ws) => `the channel ${channel} in ${ws}`,
    note: 'Note',
    excerpt: 'Comment',
    reason: 'Reason',
    openPost: 'Open the post',
    openCalendar: 'Open the calendar',
    duePosts: (n) =>
      n === 1
        ? '1 post came due during the pause and waits for a decision.'
        : `${n} posts came due during the pause and wait for a decision.`,
    footer: (ws) => `You get this e-mail as a member of ${ws} in Postplan.`,
    settings: 'E-mail settings',
    kinds: {
      review_requested: (v) => ({
        subject: `Review requested: ${q.en(v.title)}`,
        lead: `${v.actor} asks you to review ${q.en(v.title)}.`,
      }),
      approved: (v) => ({
        subject: `Approved: ${q.en(v.title)}`,
        lead: `${v.actor} approved ${q.en(v.title)}.`,
      }),
      changes_requested: (v) => ({
        subject: `Changes requested: ${q.en(v.title)}`,
        lead: `${v.actor} requested changes to ${q.en(v.title)}.`,
      }),
      mention: (v) => ({
        subject: `${v.actor} mentioned you: ${q.en(v.title)}`,
        lead: `${v.actor} mentioned you in a comment on ${q.en(v.title)}.`,
      }),
      approval_expired: (v) => ({
        subject: `Approval expired: ${q.en(v.title)}`,
        lead: `The planned time of ${q.en(v.title)} has come and the post was not approved. It will not be published.`,
      }),
      comment: (v) => ({
        subject: `New comment: ${q.en(v.title)}`,
        lead: `${v.actor} commented on ${q.en(v.title)}.`,
      }),
      workspace_paused: (v) => ({
        subject: `Publishing stopped: ${v.scope}`,
        lead: `${v.actor} paused publishing for ${v.scope}. Nothing goes out until it is resumed.`,
      }),
      workspace_resumed: (v) => ({
        subject: `Publishing resumed: ${v.scope}`,
        lead: `${v.actor} resumed publishing for ${v.scope}.`,
      }),
      publication_alert: (v) => {
        const what: Record<string, string> = {
          failed: 'could not be published',
          unconfirmed: 'may have been published: please check',
          missed: 'was missed and not published',
          manual_due: 'is due to be published by hand now',
        };
        const said = what[v.outcome ?? ''] ?? 'needs your decision';
        return {
          subject: `Publishing: ${v.title} ${said}`,
          lead: `${v.title} ${said} (${v.scope}).`,
        };
      },
      channel_alert: (v) => {
        const what: Record<string, string> = {
          expiring: 'expires soon',
          needs_reconnect: 'must be connected again',
          revoked: 'was revoked by the platform',
        };
        const said = what[v.outcome ?? ''] ?? 'needs attention';
        return {
          subject: `Channel connection ${said}: ${v.scope}`,
          lead: `The connection of ${v.scope} ${said}. Reconnect the account under Settings → Channels, or planned publications will fail.`,
        };
      },
    },
  },
};

const MAX_DETAIL = 500;

/** A string field of the notification's data, trimmed and bounded; anything else is ignored. */
function field(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (!s) return undefined;
  return s.length > MAX_DETAIL ? `${s.slice(0, MAX_DETAIL - 1)}…` : s;
}

/** One line, bounded: a subject never carries a line break into the mail headers. */
function oneLine(s: string, max = 200): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function postUrl(publicUrl: string, slug: string, postId: string | null): string {
  const base = `${publicUrl.replace(/\/+$/, '')}/w/${encodeURIComponent(slug)}/calendar`;
  return postId ? `${base}?post=${encodeURIComponent(postId)}` : base;
}

export function settingsUrl(publicUrl: string, slug: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/w/${encodeURIComponent(slug)}/settings/notifications`;
}

/**
 * The e-mail for one notification, in the recipient's language: plain text and simple HTML
 * with a link to the post. Only known, bounded fields of the data are shown, so nothing a caller
 * happens to put there (an id, a token) ends up in a mailbox.
 */
export function renderNotificationMail(input: MailInput): RenderedMail {
  const w = WORDS[input.locale];
  const channelName = field(input.data, 'channelName');
  const vars: Vars = {
    actor: oneLine(input.actor ?? w.someone, 120),
    title: oneLine(input.postTitle?.trim() || w.untitled, 120),
    scope: oneLine(
      channelName
        ? w.channelScope(channelName, input.workspaceName)
        : w.workspaceScope(input.workspaceName),
      160,
    ),
    outcome: field(input.data, input.kind === 'channel_alert' ? 'status' : 'outcome'),
  };
  const base = w.kinds[input.kind](vars);
  const parts: Parts = {
    ...base,
    action: input.postId ? w.openPost : w.openCalendar,
  };
  const note = field(input.data, 'note');
  const excerpt = field(input.data, 'excerpt');
  const reason = field(input.data, 'reason');
  if (input.kind === 'changes_requested' && note) parts.detail = { label: w.note, value: note };
  if ((input.kind === 'mention' || input.kind === 'comment') && excerpt)
    parts.detail = { label: w.excerpt, value: excerpt };
  if ((input.kind === 'workspace_paused' || input.kind === 'publication_alert') && reason)
    parts.detail = { label: w.reason, value: reason };
  const due = input.data.duePostCount;
  if (input.kind === 'workspace_resumed' && typeof due === 'number' && due > 0)
    parts.followUp = w.duePosts(due);

  const link = postUrl(input.publicUrl, input.workspaceSlug, input.postId);
  const settings = settingsUrl(input.publicUrl, input.workspaceSlug);
  const footer = w.footer(input.workspaceName);

  const text = [
    parts.lead,
    parts.detail ? `${parts.detail.label}: ${parts.detail.value}` : null,
    parts.followUp ?? null,
    `${parts.action}: ${link}`,
    '--',
    `${footer}\n${w.settings}: ${settings}`,
  ]
    .filter((p): p is string => p !== null)
    .join('\n\n');

  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${input.locale}"><head><meta charset="utf-8"><title>${e(oneLine(parts.subject))}</title></head>
<body style="font-family: system-ui, sans-serif; color: #1f2937; line-height: 1.5; max-width: 560px; margin: 0 auto; padding: 16px;">
<p>${e(parts.lead)}</p>
${parts.detail ? `<p><strong>${e(parts.detail.label)}:</strong></p>\n<blockquote style="margin: 0 0 16px; padding-left: 12px; border-left: 3px solid #d1d5db; white-space: pre-wrap;">${e(parts.detail.value)}</blockquote>` : ''}
${parts.followUp ? `<p>${e(parts.followUp)}</p>` : ''}
<p><a href="${e(link)}" style="display: inline-block; padding: 8px 16px; background: #1d4ed8; color: #ffffff; text-decoration: none; border-radius: 6px;">${e(parts.action)}</a></p>
<p style="font-size: 12px; color: #6b7280;">${e(footer)} <a href="${e(settings)}" style="color: #6b7280;">${e(w.settings)}</a></p>
</body></html>`;

  return { subject: oneLine(parts.subject), text, html };
}

type ActorShape =
  | { type: 'user'; userId: string }
  | { type: 'link'; label: string; visitorName: string }
  | { type: 'system' }
  | { type: 'anonymous' };

/** The actor as the recipient reads it: a member's name, or a visitor and the link they came by. */
export function actorLabel(
  actor: ActorShape | null,
  userName: string | null,
  locale: Locale,
): string | null {
  if (!actor) return null;
  switch (actor.type) {
    case 'user':
      return userName;
    case 'link':
      return locale === 'de'
        ? `${actor.visitorName} (über den Link ${q.de(actor.label)})`
        : `${actor.visitorName} (via link ${q.en(actor.label)})`;
    case 'system':
      return 'Postplan';
    case 'anonymous':
      return null;
  }
}
