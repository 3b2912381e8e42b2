import type { Channel, PublicationSummary } from '@postplan/contracts';
import type { MouseEvent } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { countdown, formatCountdown } from '../utils/countdown';
import { byAttention } from '../utils/publication-actions';
import { publicationIcon } from './publication-badge';
import { useNow } from './use-now';
import './publishing.css';

type PublicationChipsProps = {
  publications: readonly PublicationSummary[] | undefined;
  channelsById: ReadonlyMap<string, Channel>;
};

const HOUR = 3_600_000;

/**
 * The compact per-channel status a calendar event carries: a glyph and a word per channel, the
 * countdown within the last hour, and the published post's link. Everything else is in the editor.
 */
export function PublicationChips({ publications, channelsById }: PublicationChipsProps) {
  const { t } = useI18n();
  const items = byAttention(publications ?? []).filter((p) => p.status !== 'cancelled');
  const now = useNow((current) =>
    items.some((p) => p.status === 'pending' && Date.parse(p.dueAt) - current < HOUR)
      ? 1000
      : 30_000,
  );
  if (items.length === 0) return null;
  const units = {
    day: t('publishing.unit.day'),
    hour: t('publishing.unit.hour'),
    minute: t('publishing.unit.minute'),
    second: t('publishing.unit.second'),
  };
  // The event opens the editor on click: a link inside it must only open the post.
  const keepToLink = (event: MouseEvent) => event.stopPropagation();

  return (
    <span className="publication-chips" data-testid="publication-chips">
      {items.map((p) => {
        const channel = channelsById.get(p.channelId)?.name ?? t('publishing.unknownChannel');
        const status = t(`publishing.status.${p.status}`);
        const left =
          p.status === 'pending' && Date.parse(p.dueAt) - now < HOUR
            ? formatCountdown(countdown(now, Date.parse(p.dueAt)), units)
            : null;
        const label = t('publishing.chip.label', { channel, status });
        const content = (
          <>
            <span aria-hidden="true">{publicationIcon(p.status)}</span>
            <span className="visually-hidden">{label}</span>
            <span className="publication-chip__text" aria-hidden="true">
              {left ?? status}
            </span>
          </>
        );
        return p.status === 'published' && p.url ? (
          <a
            key={p.id}
            href={p.url}
            target="_blank"
            rel="noopener noreferrer"
            className={`publication-chip publication-chip--${p.status}`}
            data-testid="publication-chip"
            data-status={p.status}
            title={t('publishing.chip.open', { channel })}
            aria-label={t('publishing.chip.open', { channel })}
            onClick={keepToLink}
          >
            {content}
          </a>
        ) : (
          <span
            key={p.id}
            className={`publication-chip publication-chip--${p.status}`}
            data-testid="publication-chip"
            data-status={p.status}
            title={label}
          >
            {content}
          </span>
        );
      })}
    </span>
  );
}
