import type { ChannelChoice, PostFormValues } from './post-form';

/**
 * Channels the person unticked with their own text or options, kept until the post is saved:
 * ticking the channel again (or "Undo") brings them back instead of starting empty.
 */
export type ParkedTexts = Readonly<Record<string, ChannelChoice>>;

export type ChannelToggle = {
  values: PostFormValues;
  parked: ParkedTexts;
  /** The channel that was just unticked with its own text, for the undo offer; null if none. */
  removed: ChannelChoice | null;
};

export function untickChannel(
  values: PostFormValues,
  parked: ParkedTexts,
  channelId: string,
): ChannelToggle {
  const choice = values.channels.find((c) => c.channelId === channelId);
  if (!choice) return { values, parked, removed: null };
  return {
    values: { ...values, channels: values.channels.filter((c) => c.channelId !== channelId) },
    parked:
      choice.text || choice.options || choice.media ? { ...parked, [channelId]: choice } : parked,
    removed: choice.text ? choice : null,
  };
}

/** Ticks a channel; its parked text comes back. `order` keeps the channels in their list order. */
export function tickChannel(
  values: PostFormValues,
  parked: ParkedTexts,
  channelId: string,
  order: readonly string[],
): ChannelToggle {
  if (values.channels.some((c) => c.channelId === channelId)) {
    return { values, parked, removed: null };
  }
  const { [channelId]: kept = { channelId, text: '' }, ...rest } = parked;
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  const channels = [...values.channels, kept].sort((a, b) => rank(a.channelId) - rank(b.channelId));
  return { values: { ...values, channels }, parked: rest, removed: null };
}
