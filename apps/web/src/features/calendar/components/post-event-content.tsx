import type { Post } from '@postplan/contracts';
import type { ReactNode } from 'react';
import { StatusBadge } from '../../../components/ui/status-badge';
import { useI18n } from '../../../lib/i18n/i18n-context';

type PostEventContentProps = {
  post: Post;
  title: string;
  timeText: string;
  draggable: boolean;
  /** What other features show on the event (publishing status per channel), from the app. */
  extra?: ReactNode;
  /** Where the post goes (ChannelIcons). */
  channels?: ReactNode;
};

/** What a post looks like inside the calendar; the test ids are stable, FullCalendar's classes are not. */
export function PostEventContent({
  post,
  title,
  timeText,
  draggable,
  extra,
  channels,
}: PostEventContentProps) {
  const { t } = useI18n();
  const statusLabel = t(`status.${post.status}`);
  return (
    <div
      className={`post-event post-event--${post.status}`}
      data-testid="calendar-event"
      data-post-id={post.id}
      data-status={post.status}
      data-draggable={draggable ? 'true' : 'false'}
      title={t('calendar.eventLabel', { time: timeText, title, status: statusLabel })}
    >
      <span className="post-event__meta">
        {timeText && <span className="post-event__time">{timeText}</span>}
        <StatusBadge status={post.status} label={statusLabel} />
      </span>
      {channels}
      {post.channelAlerts && post.channelAlerts.length > 0 && (
        <span
          className="post-event__alert"
          data-testid="event-channel-alert"
          role="img"
          aria-label={t('calendar.channelAlert')}
          title={t('calendar.channelAlert')}
        >
          ⚠
        </span>
      )}
      <span className="post-event__title">{title}</span>
      {extra}
    </div>
  );
}

export function HolidayContent({ name }: { name: string }) {
  return (
    <span className="holiday-label" data-testid="holiday" title={name}>
      {name}
    </span>
  );
}
