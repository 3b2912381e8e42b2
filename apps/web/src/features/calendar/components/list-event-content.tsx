import type { CalendarCampaign, Channel, Post } from '@postplan/contracts';
import { StatusBadge } from '../../../components/ui/status-badge';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { textPreview } from '../utils/channel-display';
import { ChannelIcons } from './channel-icons';
import { eventThumbnail } from '../utils/event-thumbnail';
import { CampaignMarker, EventThumbnailImage } from './post-event-content';

type ListEventContentProps = {
  post: Post;
  title: string;
  channelsById: ReadonlyMap<string, Channel>;
  colors: ReadonlyMap<string, string>;
  campaign?: CalendarCampaign | undefined;
};

/** A post in the list view: title, status, where it goes, and the start of its text. */
export function ListEventContent({
  post,
  title,
  channelsById,
  colors,
  campaign,
}: ListEventContentProps) {
  const { t } = useI18n();
  const preview = textPreview(post.text);
  const thumbnail = eventThumbnail(post);
  const names = post.variants.flatMap((v) => {
    const c = channelsById.get(v.channelId);
    return c ? [c.name] : [];
  });
  return (
    <div
      className="list-event"
      data-testid="calendar-event"
      data-post-id={post.id}
      data-status={post.status}
    >
      <span className="list-event__head">
        {thumbnail && <EventThumbnailImage thumbnail={thumbnail} />}
        <span className="list-event__title">{title}</span>
        <StatusBadge status={post.status} label={t(`status.${post.status}`)} />
        {campaign && <CampaignMarker campaign={campaign} />}
        <ChannelIcons post={post} channelsById={channelsById} colors={colors} />
        {names.length > 0 && (
          <span className="list-event__channels" data-testid="event-channel-names">
            {names.join(', ')}
          </span>
        )}
      </span>
      <span className="list-event__preview" data-testid="event-preview">
        {preview || t('calendar.list.noText')}
      </span>
    </div>
  );
}
