import type { Notification } from '@postplan/contracts';
import type { Translate } from '../../../lib/i18n/translate';

function actorName(n: Notification, t: Translate): string {
  const a = n.actor;
  if (!a) return t('notifications.someone');
  switch (a.type) {
    case 'user':
      return a.name || t('notifications.someone');
    case 'link':
      return t('notifications.viaLink', { name: a.visitorName, label: a.label });
    case 'system':
      return t('app.name');
  }
}

function text(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** A comment's words, or the note that it was deleted (its words are gone from the server too). */
function commentDetail(data: Record<string, unknown>, t: Translate): string | undefined {
  return data.commentDeleted === true ? t('notifications.commentDeleted') : text(data, 'excerpt');
}

/** One sentence saying what happened, and an optional detail (a note, a quote, a reason). */
export function describeNotification(
  n: Notification,
  t: Translate,
): { summary: string; detail?: string } {
  const params = {
    actor: actorName(n, t),
    title: n.post?.title.trim() || t('notifications.untitled'),
    scope: text(n.data, 'channelName')
      ? t('notifications.scope.channel', { channel: text(n.data, 'channelName')! })
      : t('notifications.scope.workspace', { workspace: n.workspace.name }),
  };
  switch (n.kind) {
    case 'review_requested':
      return { summary: t('notifications.kind.review_requested', params) };
    case 'approved':
      return { summary: t('notifications.kind.approved', params) };
    case 'changes_requested':
      return {
        summary: t('notifications.kind.changes_requested', params),
        detail: text(n.data, 'note'),
      };
    case 'mention':
      return { summary: t('notifications.kind.mention', params), detail: commentDetail(n.data, t) };
    case 'approval_expired':
      return { summary: t('notifications.kind.approval_expired', params) };
    case 'comment':
      return { summary: t('notifications.kind.comment', params), detail: commentDetail(n.data, t) };
    case 'workspace_paused':
      return {
        summary: t('notifications.kind.workspace_paused', params),
        detail: text(n.data, 'reason'),
      };
    case 'workspace_resumed': {
      const due = n.data.duePostCount;
      return {
        summary: t('notifications.kind.workspace_resumed', params),
        detail:
          typeof due === 'number' && due > 0
            ? t('notifications.duePosts', { count: due })
            : undefined,
      };
    }
    case 'publication_alert': {
      // Named by the channel itself: "on Instagram" reads better than "on the channel Instagram".
      const alert = {
        ...params,
        channel: text(n.data, 'channelName') ?? t('notifications.publication.someChannel'),
      };
      const outcome = text(n.data, 'outcome');
      const key =
        outcome === 'failed' ||
        outcome === 'unconfirmed' ||
        outcome === 'missed' ||
        outcome === 'manual_due'
          ? (`notifications.kind.publication_alert.${outcome}` as const)
          : 'notifications.kind.publication_alert';
      return { summary: t(key, alert), detail: text(n.data, 'reason') };
    }
    case 'channel_alert': {
      const channel = text(n.data, 'channelName') ?? t('notifications.publication.someChannel');
      const status = text(n.data, 'status');
      const key =
        status === 'expiring' || status === 'needs_reconnect' || status === 'revoked'
          ? (`notifications.kind.channel_alert.${status}` as const)
          : 'notifications.kind.channel_alert';
      const planned = n.data.plannedPosts;
      return {
        summary: t(key, { ...params, channel }),
        detail:
          typeof planned === 'number' && planned > 0
            ? t('notifications.channelAlert.planned', { count: planned })
            : undefined,
      };
    }
  }
}

/** Where a notification leads: the post in its workspace's calendar, or that calendar. */
export function notificationHref(n: Notification): string {
  if (n.kind === 'channel_alert') {
    return `/w/${encodeURIComponent(n.workspace.slug)}/settings/channels`;
  }
  const base = `/w/${encodeURIComponent(n.workspace.slug)}/calendar`;
  return n.post ? `${base}?post=${encodeURIComponent(n.post.id)}` : base;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "5 minutes ago", "vor 2 Stunden"; older than a week: the date. */
export function relativeTime(iso: string, now: Date, intlLocale: string): string {
  const diff = Date.parse(iso) - now.getTime();
  if (Math.abs(diff) >= 7 * 86_400_000) {
    return new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium' }).format(new Date(iso));
  }
  const rtf = new Intl.RelativeTimeFormat(intlLocale, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return rtf.format(Math.trunc(diff / ms), unit);
  }
  return rtf.format(0, 'minute');
}
