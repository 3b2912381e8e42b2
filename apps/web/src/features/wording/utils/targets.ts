import {
  checkWording,
  type ChannelWordingSettings,
  type MediaItem,
  type Platform,
  type SiblingVariant,
  type UtmDefaults,
  type WorkspaceWordingSettings,
} from '@postplan/domain';
import { fromEngine, type UiFinding } from './findings';
import type { LengthInfo } from './counter';

/** The editor field a text lives in: the base text, or a channel's own text. */
export const BASE_FIELD = 'base';

export type WordingChannel = {
  id: string;
  name: string;
  platform: Platform;
  /** The channel's own wording settings (instance limit, language ...), when known. */
  wording?: ChannelWordingSettings;
};

/**
 * One text as it goes to one channel. A channel without its own text publishes the base text,
 * so the base text is checked once per such channel; without any channel it is checked on its
 * own, with the rules that need no platform.
 */
export type WordingTarget = {
  id: string;
  channel: WordingChannel | null;
  platform: Platform;
  /** BASE_FIELD or the channel id whose own text this is. */
  field: string;
  text: string;
  /** What goes out with the text (the channel's own media, else the post's), for the media rules. */
  media: readonly MediaItem[];
};

/** An attached item as the wording rules see it ('' or null alt text: none). */
export type TargetMedia = { kind: 'image' | 'video'; altText: string | null };

/** A channel's own text ('' for the base text) and its own media (absent or null: the post's). */
export type ChannelText = {
  channelId: string;
  text: string;
  media?: readonly TargetMedia[] | null;
};

const wordingMedia = (list: readonly TargetMedia[]): MediaItem[] =>
  list.map((m) => ({ kind: m.kind, altText: m.altText?.trim() ? m.altText : null }));

export function wordingTargets(
  baseText: string,
  choices: readonly ChannelText[],
  channelsById: ReadonlyMap<string, WordingChannel>,
  baseMedia: readonly TargetMedia[] = [],
): WordingTarget[] {
  const targets: WordingTarget[] = [];
  for (const choice of choices) {
    const channel = channelsById.get(choice.channelId);
    if (!channel) continue;
    const own = choice.text.trim() !== '';
    targets.push({
      id: channel.id,
      channel,
      platform: channel.platform,
      field: own ? channel.id : BASE_FIELD,
      text: own ? choice.text : baseText,
      media: wordingMedia(choice.media ?? baseMedia),
    });
  }
  if (!targets.some((t) => t.field === BASE_FIELD)) {
    targets.push({
      id: BASE_FIELD,
      channel: null,
      platform: 'manual',
      field: BASE_FIELD,
      text: baseText,
      media: wordingMedia(baseMedia),
    });
  }
  return targets;
}

/** The post's texts for its other channels: the same text everywhere is a finding of its own. */
export function siblingsOf(
  target: WordingTarget,
  targets: readonly WordingTarget[],
): SiblingVariant[] {
  return targets
    .filter((t) => t.channel !== null && t.id !== target.id)
    .map((t) => ({ channelId: t.id, platform: t.platform, text: t.text }));
}

export type TargetCheck = { findings: UiFinding[]; length: LengthInfo };

/**
 * The engine, here in the browser, without spelling: the dictionaries stay on the server
 * (see docs/web.md), which answers for spelling and stored posts through the check endpoint.
 */
export function checkTargetLocally(
  target: WordingTarget,
  targets: readonly WordingTarget[],
  workspace: WorkspaceWordingSettings | undefined,
  postId: string | undefined,
  campaignUtm: UtmDefaults | null = null,
): TargetCheck {
  const channel = target.channel;
  const result = checkWording({
    text: target.text,
    platform: target.platform,
    media: target.media,
    ...(channel && campaignUtm ? { campaignUtm } : {}),
    ...(channel ? { channel: { ...channel.wording, channelId: channel.id } } : {}),
    ...(workspace ? { workspace } : {}),
    context: {
      siblingVariants: siblingsOf(target, targets),
      ...(postId ? { postId } : {}),
    },
    skipSpelling: true,
  });
  return {
    findings: result.findings.map((f) => fromEngine(f, channel?.id ?? null)),
    length: result.length,
  };
}
