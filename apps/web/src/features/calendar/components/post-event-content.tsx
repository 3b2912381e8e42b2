import type { CalendarCampaign, Post } from '@postplan/contracts';
import type { ReactNode } from 'react';
import { StatusBadge } from '../../../components/ui/status-badge';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { eventThumbnail, type EventThumbnail } from '../utils/event-thumbnail';

type PostEventContentProps = {
  post: Post;
  title: string;
  timeText: string;
  draggable: boolean;
  /** What other features show on the event (publishing status per channel), from the app. */
  extra?: ReactNode;
  /** Where the post goes (ChannelIcons). */
  channels?: ReactNode;
  /** The campaign the post belongs to: a marker in its colour. */
  campaign?: CalendarCampaign | undefined;
};

/** A post's campaign, as a mark in the campaign's colour with its name for those who ask. */
export function CampaignMarker({ campaign }: { campaign: CalendarCampaign }) {
  const { t } = useI18n();
  return (
    <span
      className="campaign-marker"
      data-testid="campaign-marker"
      data-campaign-id={campaign.id}
      style={{ background: campaign.color }}
      title={t('campaigns.marker', { name: campaign.name })}
      aria-label={t('campaigns.marker', { name: campaign.name })}
    />
  );
}

/** What a post looks like inside the calendar; the test ids are stable, FullCalendar's classes are not. */
export function PostEventContent({
  post,
  title,
  timeText,
  draggable,
  extra,
  channels,
  campaign,
}: PostEventContentProps) {
  const { t } = useI18n();
  const statusLabel = t(`status.${post.status}`);
  const thumbnail = eventThumbnail(post);
  return (
    <div
      className={`post-event post-event--${post.status}`}
      data-testid="calendar-event"
      data-post-id={post.id}
      data-status={post.status}
      data-draggable={draggable ? 'true' : 'false'}
      data-campaign-id={campaign?.id}
      style={campaign ? { boxShadow: `inset 4px 0 0 ${campaign.color}` } : undefined}
      title={t('calendar.eventLabel', { time: timeText, title, status: statusLabel })}
    >
      <span className="post-event__meta">
        {timeText && <span className="post-event__time">{timeText}</span>}
        <StatusBadge status={post.status} label={statusLabel} />
        {campaign && <CampaignMarker campaign={campaign} />}
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
      <span className="post-event__body">
        {thumbnail && <EventThumbnailImage thumbnail={thumbnail} />}
        <span className="post-event__title">{title}</span>
      </span>
      {extra}
    </div>
  );
}

/**
 * The post's first picture, small: the use's alt text is the image's alt (empty when it has
 * none: the title beside it already names the post). Lazy, so a month of posts does not load
 * every thumbnail before the grid is drawn.
 */
export function EventThumbnailImage({ thumbnail }: { thumbnail: EventThumbnail }) {
  return (
    <img
      className={`event-thumb event-thumb--${thumbnail.kind}`}
      data-testid="event-thumbnail"
      src={thumbnail.url}
      alt={thumbnail.alt}
      loading="lazy"
      decoding="async"
      width={24}
      height={24}
      draggable={false}
    />
  );
}

export function CampaignBandContent({ campaign }: { campaign: CalendarCampaign }) {
  return (
    <span
      className="campaign-band"
      data-testid="campaign-band"
      data-campaign-id={campaign.id}
      title={campaign.name}
    >
      {campaign.name}
    </span>
  );
}

export function HolidayContent({ name }: { name: string }) {
  return (
    <span className="holiday-label" data-testid="holiday" title={name}>
      {name}
    </span>
  );
}
