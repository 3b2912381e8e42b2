import type {
  CreatePostRequest,
  MediaCheckRequest,
  MediaItem,
  Post,
  PostMedia,
  PostStatus,
  UpdatePostRequest,
  VariantOptions,
} from '@postplan/contracts';
import { formatInZone, resolveLocal, toLocal } from '@postplan/domain';

/**
 * A target channel in the form: its own text ('' for the base text) and its per-platform
 * options. `options` is absent for a channel ticked in this session and never given options:
 * the save then leaves the stored ones alone.
 */
export type ChannelChoice = {
  channelId: string;
  text: string;
  options?: VariantOptions;
  /**
   * The channel's own media, in its order: null for the post's media, a list (even empty) to
   * replace them on this channel. Absent while the channel follows the post's media as loaded
   * (or was ticked in this session): the save leaves them out and the API keeps what it has (a
   * new channel: the post's media). `null` is sent only when someone switched back.
   */
  media?: MediaDraft[] | null;
};

/** An attached library item, in order: the alt text is this post's own ('' for none). */
export type MediaDraft = Pick<
  PostMedia,
  'mediaId' | 'kind' | 'name' | 'mimeType' | 'width' | 'height' | 'thumbnailUrl' | 'url'
> & { altText: string };

export function mediaDraft(item: MediaItem | PostMedia): MediaDraft {
  return {
    mediaId: 'mediaId' in item ? item.mediaId : item.id,
    kind: item.kind,
    name: item.name,
    mimeType: item.mimeType,
    width: item.width,
    height: item.height,
    thumbnailUrl: item.thumbnailUrl,
    url: item.url,
    altText: item.altText ?? '',
  };
}

/** The editor's form: the planned time as wall-clock date and time in the workspace zone. */
export type PostFormValues = {
  title: string;
  text: string;
  status: PostStatus;
  date: string;
  time: string;
  tags: string;
  channels: ChannelChoice[];
  /** The post's media, in the order the platforms show them. */
  media: MediaDraft[];
  /** The campaign the post belongs to; '' for none. */
  campaignId: string;
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function emptyForm(
  slot: { date: string; time: string } | null,
  status: PostStatus,
): PostFormValues {
  return {
    title: '',
    text: '',
    status,
    date: slot?.date ?? '',
    time: slot?.time ?? '',
    tags: '',
    channels: [],
    media: [],
    campaignId: '',
  };
}

export function postToForm(post: Post, timeZone: string): PostFormValues {
  let date = '';
  let time = '';
  if (post.plannedAt) {
    const local = toLocal(new Date(post.plannedAt), timeZone);
    date = `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}`;
    time = `${pad(local.hour)}:${pad(local.minute)}`;
  }
  return {
    title: post.title,
    text: post.text,
    status: post.status,
    date,
    time,
    tags: post.tags.join(', '),
    // A post read without its options (an older answer) leaves them out: saving keeps them.
    channels: post.variants.map((v) => ({
      channelId: v.channelId,
      text: v.text ?? '',
      ...(v.options ? { options: v.options } : {}),
      // Absent: the channel follows the post's media (and a save leaves that alone).
      ...(v.media ? { media: v.media.map(mediaDraft) } : {}),
    })),
    media: (post.media ?? []).map(mediaDraft),
    campaignId: post.campaignId ?? '',
  };
}

export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  for (const part of input.split(',')) {
    const tag = part.trim().replace(/^#/, '');
    if (tag) seen.add(tag);
  }
  return [...seen];
}

export type TimeCheck =
  | { kind: 'unscheduled' }
  | { kind: 'incomplete' }
  | { kind: 'exact'; local: string; instant: string }
  | { kind: 'nonexistent'; local: string; next: string }
  | { kind: 'ambiguous'; local: string; candidates: [string, string] };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/**
 * Checks the wall-clock time against the workspace zone before anything is sent, so the person
 * learns at once that 02:30 does not exist on the night the clocks spring forward, or that it
 * happens twice when they fall back. The server checks again; it has the last word.
 */
export function checkPlannedTime(
  values: Pick<PostFormValues, 'date' | 'time'>,
  timeZone: string,
): TimeCheck {
  if (!values.date && !values.time) return { kind: 'unscheduled' };
  const d = DATE.exec(values.date);
  const t = TIME.exec(values.time);
  if (!d || !t) return { kind: 'incomplete' };
  const local = `${values.date}T${values.time}`;
  const resolution = resolveLocal(
    {
      year: Number(d[1]),
      month: Number(d[2]),
      day: Number(d[3]),
      hour: Number(t[1]),
      minute: Number(t[2]),
      second: 0,
      millisecond: 0,
    },
    timeZone,
  );
  switch (resolution.kind) {
    case 'exact':
      return { kind: 'exact', local, instant: formatInZone(resolution.instant, timeZone) };
    case 'nonexistent':
      return { kind: 'nonexistent', local, next: formatInZone(resolution.nextValid, timeZone) };
    case 'ambiguous':
      return {
        kind: 'ambiguous',
        local,
        candidates: [
          formatInZone(resolution.earlier, timeZone),
          formatInZone(resolution.later, timeZone),
        ],
      };
  }
}

/** "2026-10-25T02:30:00+02:00" -> "+02:00" */
export function offsetOf(instant: string): string {
  const match = /(Z|[+-]\d{2}:\d{2})$/.exec(instant);
  if (!match?.[1]) return '';
  return match[1] === 'Z' ? '+00:00' : match[1];
}

/** The plannedAt to send: the chosen instant for an ambiguous time, else wall-clock time without offset. */
export function plannedAtFromForm(
  values: Pick<PostFormValues, 'date' | 'time'>,
  chosenInstant: string | null,
): string | null {
  if (!values.date || !values.time) return null;
  return chosenInstant ?? `${values.date}T${values.time}`;
}

/** The options as they are sent: what a person left empty is not an option. */
export function cleanOptions(options: VariantOptions): VariantOptions {
  return Object.fromEntries(
    Object.entries(options).filter(
      ([, v]) =>
        v !== undefined && v !== null && v !== false && !(typeof v === 'string' && !v.trim()),
    ),
  );
}

const mediaInput = (list: readonly MediaDraft[]) =>
  list.map((m) => ({ mediaId: m.mediaId, altText: m.altText.trim() || null }));

function mediaFromForm(values: PostFormValues) {
  return mediaInput(values.media);
}

function variantsFromForm(values: PostFormValues) {
  return values.channels.map((c) => ({
    channelId: c.channelId,
    text: c.text.trim() ? c.text : null,
    ...(c.options ? { options: cleanOptions(c.options) } : {}),
    ...(c.media !== undefined ? { media: c.media === null ? null : mediaInput(c.media) } : {}),
  }));
}

/**
 * The live media check's question for the form as it stands: every ticked channel with its own
 * list (null: the post's), entries written as a save writes them. Null without channels: there
 * is nothing to check against.
 */
export function mediaCheckRequest(
  values: Pick<PostFormValues, 'media' | 'channels'>,
): MediaCheckRequest | null {
  if (values.channels.length === 0) return null;
  return {
    media: mediaInput(values.media),
    channels: values.channels.map((c) => ({
      channelId: c.channelId,
      media: c.media ? mediaInput(c.media) : null,
    })),
  };
}

/** The media a channel publishes: its own list, else the post's. */
export function channelMedia(values: PostFormValues, channelId: string): readonly MediaDraft[] {
  return values.channels.find((c) => c.channelId === channelId)?.media ?? values.media;
}

export function createRequest(
  values: PostFormValues,
  chosenInstant: string | null,
): CreatePostRequest {
  return {
    title: values.title.trim(),
    text: values.text,
    // A new post starts as an idea or a draft; every later status comes from a transition.
    status: values.status === 'idea' ? 'idea' : 'draft',
    plannedAt: plannedAtFromForm(values, chosenInstant),
    tags: parseTags(values.tags),
    variants: variantsFromForm(values),
    media: mediaFromForm(values),
    campaignId: values.campaignId || null,
  };
}

/**
 * Only what changed. In particular an unchanged planned time is not sent again: re-sending it
 * as wall-clock time could turn a post in the repeated hour into an "ambiguous" error.
 */
export function updateRequest(
  values: PostFormValues,
  original: PostFormValues,
  chosenInstant: string | null,
  originalInstant: string | null,
): Omit<UpdatePostRequest, 'version'> {
  const patch: Omit<UpdatePostRequest, 'version'> = {};
  if (values.title.trim() !== original.title.trim()) patch.title = values.title.trim();
  if (values.text !== original.text) patch.text = values.text;
  const tags = parseTags(values.tags);
  if (tags.join('\u0000') !== parseTags(original.tags).join('\u0000')) patch.tags = tags;
  const media = mediaFromForm(values);
  if (JSON.stringify(media) !== JSON.stringify(mediaFromForm(original))) patch.media = media;
  const variants = variantsFromForm(values);
  if (JSON.stringify(variants) !== JSON.stringify(variantsFromForm(original)))
    patch.variants = variants;
  if (values.campaignId !== original.campaignId) patch.campaignId = values.campaignId || null;
  const timeChanged = values.date !== original.date || values.time !== original.time;
  if (timeChanged || (chosenInstant !== null && chosenInstant !== originalInstant)) {
    patch.plannedAt = plannedAtFromForm(values, chosenInstant);
  }
  return patch;
}

export function isBlank(values: PostFormValues): boolean {
  return !values.text.trim() && !values.title.trim();
}
