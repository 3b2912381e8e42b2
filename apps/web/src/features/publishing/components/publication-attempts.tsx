import type { Channel, WorkspaceMembership } from '@postplan/contracts';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { usePostPublications } from '../api/use-publications';
import { plannedMinute } from '../utils/countdown';
import { PublicationBadge } from './publication-badge';
import './publishing.css';

type PublicationAttemptsProps = {
  workspace: WorkspaceMembership;
  postId: string;
  channels: readonly Channel[];
};

/**
 * The publishing side of a post's history: per channel how many attempts it took, how each
 * ended, and the last error. Shown above the audit timeline, which names who decided what.
 */
export function PublicationAttempts({ workspace, postId, channels }: PublicationAttemptsProps) {
  const { t, intlLocale } = useI18n();
  const list = usePostPublications(workspace.slug, postId);
  const items = list.data?.items ?? [];
  // Loading and errors are the publishing section's to show; the history only adds what it knows.
  if (items.length === 0) return null;
  const names = new Map(channels.map((c) => [c.id, c.name] as const));
  const when = (iso: string) => plannedMinute(iso, workspace.timeZone, intlLocale);
  return (
    <section className="publication-attempts" data-testid="publication-attempts">
      <h4 className="publication-attempts__title">{t('publishing.history.title')}</h4>
      <ul className="publication-attempts__list">
        {items.map((p) => (
          <li key={p.id} data-testid="publication-attempt" data-status={p.status}>
            <span className="publication__channel">
              {names.get(p.channelId) ?? t('publishing.unknownChannel')}
            </span>{' '}
            <PublicationBadge status={p.status} />
            <span className="publishing-log__sub">
              {t('publishing.history.planned', { when: when(p.dueAt) })}
              {' · '}
              {t('publishing.history.attempts', { count: p.attempts })}
              {p.publishedAt &&
                ` · ${t('publishing.log.publishedAt', { when: when(p.publishedAt) })}`}
            </span>
            {p.lastError && (
              <span className="publishing-log__sub">
                {t('publishing.history.lastError', {
                  reason: p.lastError.message,
                  code: p.lastError.code,
                })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
