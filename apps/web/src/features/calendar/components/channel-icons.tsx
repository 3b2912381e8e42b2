import type { Channel, Post } from '@postplan/contracts';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { PLATFORM_GLYPHS } from '../utils/channel-display';
import { readableTextColor } from '../utils/post-events';
import './channel-icons.css';

type ChannelIconsProps = {
  post: Pick<Post, 'variants'>;
  channelsById: ReadonlyMap<string, Channel>;
  colors: ReadonlyMap<string, string>;
};

/** One small platform mark per channel a post goes to, each named for screen readers. */
export function ChannelIcons({ post, channelsById, colors }: ChannelIconsProps) {
  const { t } = useI18n();
  const channels = post.variants.flatMap((v) => {
    const channel = channelsById.get(v.channelId);
    return channel ? [channel] : [];
  });
  if (channels.length === 0) return null;
  const names = channels.map((c) =>
    t('calendar.channelIcon', { name: c.name, platform: t(`platform.${c.platform}`) }),
  );
  return (
    <span
      className="channel-icons"
      data-testid="event-channels"
      role="img"
      aria-label={t('calendar.channelsOf', { names: names.join(', ') })}
      title={names.join(', ')}
    >
      {channels.map((c) => (
        <ChannelMark key={c.id} channel={c} color={colors.get(c.id) ?? c.color} />
      ))}
    </span>
  );
}

function ChannelMark({ channel, color }: { channel: Channel; color: string }) {
  return (
    <span
      className="channel-mark"
      data-platform={channel.platform}
      aria-hidden="true"
      style={{ background: color, color: readableTextColor(color) }}
    >
      {PLATFORM_GLYPHS[channel.platform]}
    </span>
  );
}

type ChannelLegendProps = {
  channels: readonly Channel[];
  colors: ReadonlyMap<string, string>;
};

/** Which mark and colour stands for which channel. */
export function ChannelLegend({ channels, colors }: ChannelLegendProps) {
  const { t } = useI18n();
  if (channels.length === 0) return null;
  return (
    <section
      className="channel-legend"
      aria-label={t('calendar.legend')}
      data-testid="channel-legend"
    >
      <h2 className="channel-legend__title">{t('calendar.legend')}</h2>
      <ul className="channel-legend__list">
        {channels.map((c) => (
          <li key={c.id} className="channel-legend__item" data-channel-id={c.id}>
            <ChannelMark channel={c} color={colors.get(c.id) ?? c.color} />
            <span>
              {c.name}{' '}
              <span className="channel-legend__platform">({t(`platform.${c.platform}`)})</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
