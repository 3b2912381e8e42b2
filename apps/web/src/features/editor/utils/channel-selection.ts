import type { ChannelChoice, PostFormValues } from './post-form';

/**
 * Texts of channels the person unticked, kept until the post is saved: ticking the channel again
 * (or "Undo") brings its own text back instead of starting from an empty field.
 */
export type ParkedTexts = Readonly<Record<string, string>>;

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
    parked: choice.text ? { ...parked, [channelId]: choice.text } : parked,
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
  const { [channelId]: text = '', ...rest } = parked;
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  const channels = [...values.channels, { channelId, text }].sort(
    (a, b) => rank(a.channelId) - rank(b.channelId),
  );
  return { values: { ...values, channels }, parked: rest, removed: null };
}
