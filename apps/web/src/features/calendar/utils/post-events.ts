import type { Channel, Post } from '@postplan/contracts';
import { toLocal } from '@postplan/domain';

export const FALLBACK_COLOR = '#64748b';

export type PostEventInput = {
  id: string;
  title: string;
  start: string;
  /** Set when the default hour would run past midnight: the post belongs to its own day. */
  end?: string;
  allDay: false;
  startEditable: boolean;
  durationEditable: false;
  /** Keyboard users reach every post with Tab and open it with Enter. */
  interactive: true;
  color: string;
  contrastColor: string;
  extendedProps: { kind: 'post'; post: Post };
};

/** A title for places with little room: the title, else the first line of the text. */
export function displayTitle(post: Pick<Post, 'title' | 'text'>, untitled: string): string {
  const title = post.title.trim();
  if (title) return title;
  const firstLine = post.text.trim().split('\n')[0]?.trim() ?? '';
  if (!firstLine) return untitled;
  return firstLine.length > 60 ? `${firstLine.slice(0, 59)}…` : firstLine;
}

/** The colour of the post's first target channel, so a glance tells where a post goes. */
export function channelColor(
  post: Pick<Post, 'variants'>,
  channels: ReadonlyMap<string, Channel>,
): string {
  const first = post.variants[0];
  return (first && channels.get(first.channelId)?.color) || FALLBACK_COLOR;
}

/** Black or white, whichever reads better on the colour (WCAG relative luminance). */
export function readableTextColor(hex: string): string {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) return '#ffffff';
  const value = parseInt(match[1], 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
  return luminance > 0.4 ? '#111827' : '#ffffff';
}

const HOUR = 60 * 60_000;
const MIN_DURATION = 15 * 60_000;

/**
 * Where a post's block ends: an hour after it starts, but never past the end of its day in the
 * workspace's zone, so a post at 23:30 is not drawn across two days.
 */
export function eventEnd(plannedAt: string, timeZone: string): string | undefined {
  const start = new Date(plannedAt);
  const local = toLocal(start, timeZone);
  const msToMidnight =
    ((23 - local.hour) * 60 + (59 - local.minute)) * 60_000 + (60 - local.second) * 1000;
  if (msToMidnight >= HOUR) return undefined;
  const length = Math.max(Math.min(msToMidnight, HOUR), Math.min(MIN_DURATION, msToMidnight));
  return new Date(start.getTime() + length).toISOString();
}

export function postToEvent(
  post: Post,
  channels: ReadonlyMap<string, Channel>,
  options: {
    editable: boolean;
    untitled: string;
    /** Display colours per channel (distinctChannelColors); else the channel's own. */
    colors?: ReadonlyMap<string, string>;
    timeZone?: string;
  },
): PostEventInput | null {
  if (!post.plannedAt) return null;
  const first = post.variants[0];
  const color = (first && options.colors?.get(first.channelId)) || channelColor(post, channels);
  const end = options.timeZone ? eventEnd(post.plannedAt, options.timeZone) : undefined;
  return {
    id: post.id,
    title: displayTitle(post, options.untitled),
    start: post.plannedAt,
    ...(end ? { end } : {}),
    allDay: false,
    startEditable: options.editable,
    durationEditable: false,
    interactive: true,
    color,
    contrastColor: readableTextColor(color),
    extendedProps: { kind: 'post', post },
  };
}
