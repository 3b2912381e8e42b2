import type { PublicationStatus } from '@postplan/contracts';
import { useI18n } from '../../../lib/i18n/i18n-context';
import './publishing.css';

/** A glyph per status, so the badge does not rely on colour alone; the label says it in words. */
const ICONS: Record<PublicationStatus, string> = {
  pending: '◷',
  sending: '➚',
  published: '✓',
  failed: '✕',
  unconfirmed: '?',
  missed: '⊘',
  cancelled: '–',
};

export function PublicationBadge({ status }: { status: PublicationStatus }) {
  const { t } = useI18n();
  return (
    <span
      className={`publication-badge publication-badge--${status}`}
      data-publication-status={status}
    >
      <span className="publication-badge__icon" aria-hidden="true">
        {ICONS[status]}
      </span>
      {t(`publishing.status.${status}`)}
    </span>
  );
}

export function publicationIcon(status: PublicationStatus): string {
  return ICONS[status];
}
