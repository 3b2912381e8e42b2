import { type Platform } from '../platform';
import { measureText } from '../wording/platforms/text-length';
import { PLATFORM_PROFILES } from '../wording/platforms/platform-profiles';
import { extractEntities } from '../wording/text/entities';

/**
 * How a channel variant will look on its platform: where the feed folds the text behind its
 * "more", what is over the limit, which link gets a card, and how each image is cropped. Pure:
 * the editor renders it, tests pin it down per platform. Counting is the wording engine's
 * (`measureText`, limits from PLATFORM_PROFILES), so the preview, the counter and the
 * publishing checks agree. The figures are in docs/platforms.md ("Previews").
 */

export type PreviewMediaInput = {
  id: string;
  url: string;
  mimeType: string;
  altText: string | null;
  width: number | null;
  height: number | null;
};

export type PreviewInput = {
  platform: Platform;
  /** The text this channel publishes (its own text, or the base text). */
  text: string;
  /** The post's title (Pinterest shows it, when the options give none). */
  title?: string | null;
  media?: readonly PreviewMediaInput[];
  /** The variant's per-platform options, as stored. */
  options?: Readonly<Record<string, unknown>>;
  /** Who posts: the channel's name and, where known, its handle. */
  account: { name: string; handle?: string | null };
  /** A channel's own limit (a Mastodon instance's, an X Premium account's). */
  characterLimit?: number;
};

export type FoldReason = 'characters' | 'lines' | 'content_warning';
export type MoreLabel = 'more' | 'see_more' | 'show_more';
export type PreviewLayout = 'feed' | 'story' | 'reel' | 'pin';
export type PreviewNote =
  /** Instagram: a URL in a caption is plain text, not a link. */
  | 'links_not_clickable'
  /** An Instagram story shows no caption. */
  | 'story_without_caption'
  /** The platform needs an image and the variant has none. */
  | 'media_required'
  /** More images than the platform takes: the rest are not shown. */
  | 'too_many_media';

export type PreviewText = {
  full: string;
  /** What the feed shows before "more"; the whole text when nothing is folded. */
  visible: string;
  /** Offset in `full` where the fold cuts; null when the whole text is shown. */
  foldIndex: number | null;
  foldReason: FoldReason | null;
  moreLabel: MoreLabel;
  /** The part the platform would refuse: from `start` on, `used` of `limit` in `unit`. */
  overLimit: { start: number; used: number; limit: number; unit: string } | null;
  /** The text is not shown at all (an Instagram story). */
  hidden: boolean;
};

export type PreviewCrop = {
  /** Width / height of the frame the platform shows the image in. */
  aspect: number;
  /** The original's width / height; null when its size is unknown. */
  originalAspect: number | null;
  /** True when the frame cuts part of the image away. */
  cropped: boolean;
};

export type PreviewMedia = PreviewMediaInput & { crop: PreviewCrop };

export type PreviewLink = {
  url: string;
  host: string;
  /** From the text, or from an option (Facebook's link, Pinterest's destination). */
  source: 'text' | 'option';
};

export type PostPreview = {
  platform: Platform;
  platformName: string;
  layout: PreviewLayout;
  header: { name: string; handle: string | null };
  /** Pinterest's pin title. */
  title: string | null;
  /** A Mastodon content warning: the text waits behind it. */
  contentWarning: string | null;
  text: PreviewText;
  media: PreviewMedia[];
  mediaLayout: 'none' | 'single' | 'grid' | 'carousel';
  /** Instagram and Pinterest show the picture first and the text under it. */
  mediaFirst: boolean;
  /** The link that gets a card, or null (media take its place, or the platform draws none). */
  linkCard: PreviewLink | null;
  /** Posted under the post: a comment, or a reply where the platform has no comments. */
  firstComment: string | null;
  notes: PreviewNote[];
};

type AspectRange = { min: number; max: number };

type PreviewRules = {
  /** The feed folds after this many characters, counted in the platform's unit. */
  foldCharacters: number | null;
  /** ... or after this many lines, whichever comes first. */
  foldLines: number | null;
  moreLabel: MoreLabel;
  /** A single image is shown in its own shape, within this range of width / height. */
  single: AspectRange;
  /** Several images: a carousel in the first one's frame, or a grid of fixed tiles. */
  multiple: 'carousel' | 'grid';
  /** Which link gets a card when the post has no media; null when none is drawn. */
  linkCard: 'first' | 'last' | 'option' | null;
  linksClickable: boolean;
};

const FREE: AspectRange = { min: 0, max: Number.POSITIVE_INFINITY };
/** Meta's and LinkedIn's feed frame: 4:5 portrait to 1.91:1 landscape. */
const PORTRAIT_TO_LANDSCAPE: AspectRange = { min: 4 / 5, max: 1.91 };

const RULES: Partial<Record<Platform, PreviewRules>> = {
  instagram: {
    foldCharacters: 125,
    foldLines: 3,
    moreLabel: 'more',
    single: PORTRAIT_TO_LANDSCAPE,
    multiple: 'carousel',
    linkCard: null,
    linksClickable: false,
  },
  linkedin: {
    foldCharacters: 210,
    foldLines: 3,
    moreLabel: 'see_more',
    single: PORTRAIT_TO_LANDSCAPE,
    multiple: 'grid',
    // Postplan posts the text as commentary: LinkedIn draws no card for a link in it.
    linkCard: null,
    linksClickable: true,
  },
  facebook: {
    foldCharacters: 477,
    foldLines: 5,
    moreLabel: 'see_more',
    single: PORTRAIT_TO_LANDSCAPE,
    multiple: 'grid',
    linkCard: 'option',
    linksClickable: true,
  },
  x: {
    foldCharacters: null,
    foldLines: null,
    moreLabel: 'show_more',
    // X shows a single image nearly whole, from 3:4 portrait to 2:1 landscape.
    single: { min: 3 / 4, max: 2 },
    multiple: 'grid',
    linkCard: 'last',
    linksClickable: true,
  },
  bluesky: {
    foldCharacters: null,
    foldLines: null,
    moreLabel: 'show_more',
    // Postplan sends the image's aspect ratio, so Bluesky shows it whole (very tall ones at 1:2).
    single: { min: 1 / 2, max: Number.POSITIVE_INFINITY },
    multiple: 'grid',
    // Links become facets, not an external embed: Bluesky draws no card.
    linkCard: null,
    linksClickable: true,
  },
  mastodon: {
    foldCharacters: null,
    foldLines: null,
    moreLabel: 'show_more',
    // Since Mastodon 4.2 a single image is shown uncropped; several share a 16:9 grid.
    single: { min: 1 / 2, max: Number.POSITIVE_INFINITY },
    multiple: 'grid',
    linkCard: 'first',
    linksClickable: true,
  },
  threads: {
    foldCharacters: null,
    foldLines: null,
    moreLabel: 'more',
    single: PORTRAIT_TO_LANDSCAPE,
    multiple: 'carousel',
    linkCard: 'first',
    linksClickable: true,
  },
  pinterest: {
    foldCharacters: null,
    foldLines: null,
    moreLabel: 'more',
    // Pins are shown in their own shape; taller than 1:2.1 is cut.
    single: { min: 1 / 2.1, max: Number.POSITIVE_INFINITY },
    multiple: 'carousel',
    linkCard: 'option',
    linksClickable: false,
  },
  telegram: {
    foldCharacters: null,
    foldLines: null,
    moreLabel: 'more',
    single: FREE,
    multiple: 'grid',
    linkCard: 'first',
    linksClickable: true,
  },
};

const PLAIN: PreviewRules = {
  foldCharacters: null,
  foldLines: null,
  moreLabel: 'more',
  single: FREE,
  multiple: 'grid',
  linkCard: null,
  linksClickable: true,
};

/** The platforms whose look the editor draws; others get the plain preview. */
export const PREVIEW_PLATFORMS = Object.keys(RULES) as Platform[];

/** A grid's frame is 16:9; its tiles split it (two side by side, three as one tall and two). */
const GRID = 16 / 9;
function gridTiles(count: number): number[] {
  if (count <= 1) return [GRID];
  if (count === 2) return [GRID / 2, GRID / 2];
  if (count === 3) return [GRID / 2, GRID, GRID];
  return Array.from({ length: count }, () => GRID);
}

const STORY = 9 / 16;
const SAME = 0.01;

function aspectOf(m: PreviewMediaInput): number | null {
  return m.width && m.height ? m.width / m.height : null;
}

function framed(m: PreviewMediaInput, aspect: number): PreviewMedia {
  const originalAspect = aspectOf(m);
  return {
    ...m,
    crop: {
      aspect,
      originalAspect,
      cropped: originalAspect !== null && Math.abs(originalAspect - aspect) / aspect > SAME,
    },
  };
}

function clamp(value: number, range: AspectRange): number {
  return Math.min(range.max, Math.max(range.min, value));
}

function cropMedia(
  media: readonly PreviewMediaInput[],
  rules: PreviewRules,
  layout: PreviewLayout,
): Pick<PostPreview, 'media' | 'mediaLayout'> {
  if (media.length === 0) return { media: [], mediaLayout: 'none' };
  if (layout === 'story' || layout === 'reel') {
    return { media: media.map((m) => framed(m, STORY)), mediaLayout: 'single' };
  }
  if (media.length === 1) {
    const own = aspectOf(media[0]!) ?? 1;
    return { media: [framed(media[0]!, clamp(own, rules.single))], mediaLayout: 'single' };
  }
  if (rules.multiple === 'carousel') {
    // Every slide takes the first one's frame.
    const frame = clamp(aspectOf(media[0]!) ?? 1, rules.single);
    return { media: media.map((m) => framed(m, frame)), mediaLayout: 'carousel' };
  }
  const tiles = gridTiles(media.length);
  return { media: media.map((m, i) => framed(m, tiles[i]!)), mediaLayout: 'grid' };
}

/** Where the fold falls: the earlier of the character and the line cut point. */
function foldOf(
  text: string,
  platform: Platform,
  rules: PreviewRules,
): { index: number; reason: FoldReason } | null {
  let best: { index: number; reason: FoldReason } | null = null;
  if (rules.foldCharacters !== null) {
    const cut = measureText(text, platform, { characterLimit: rules.foldCharacters });
    if (cut.overflowStart !== null) best = { index: cut.overflowStart, reason: 'characters' };
  }
  if (rules.foldLines !== null) {
    let seen = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== '\n') continue;
      seen++;
      if (seen === rules.foldLines) {
        // Only a line with text after it is hidden: trailing newlines fold nothing.
        if (text.slice(i).trim() !== '' && (best === null || i < best.index)) {
          best = { index: i, reason: 'lines' };
        }
        break;
      }
    }
  }
  return best;
}

function hostOf(url: string): string {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`).hostname.replace(
      /^www\./,
      '',
    );
  } catch {
    return url;
  }
}

function linkOf(
  text: string,
  rules: PreviewRules,
  options: Readonly<Record<string, unknown>>,
  hasMedia: boolean,
): PreviewLink | null {
  const optionLink = typeof options['link'] === 'string' ? options['link'] : null;
  if (options['disableLinkPreview'] === true) return null;
  if (rules.linkCard === 'option') {
    if (optionLink) return { url: optionLink, host: hostOf(optionLink), source: 'option' };
    // Facebook draws a card for the first link of a text-only post, too.
    if (hasMedia || !rules.linksClickable) return null;
  } else if (rules.linkCard === null || hasMedia) {
    return null;
  }
  const urls = extractEntities(text).filter((e) => e.kind === 'url');
  const chosen = rules.linkCard === 'last' ? urls.at(-1) : urls[0];
  return chosen ? { url: chosen.value, host: hostOf(chosen.value), source: 'text' } : null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

export function buildPostPreview(input: PreviewInput): PostPreview {
  const { platform } = input;
  const profile = PLATFORM_PROFILES[platform];
  const rules = RULES[platform] ?? PLAIN;
  const options = input.options ?? {};
  const allMedia = input.media ?? [];
  const notes: PreviewNote[] = [];

  const format = platform === 'instagram' ? str(options['format']) : null;
  const layout: PreviewLayout =
    format === 'story'
      ? 'story'
      : format === 'reel'
        ? 'reel'
        : platform === 'pinterest'
          ? 'pin'
          : 'feed';

  const maxMedia = profile.media?.max ?? allMedia.length;
  const media =
    layout === 'story' || layout === 'reel' ? allMedia.slice(0, 1) : allMedia.slice(0, maxMedia);
  if (allMedia.length > media.length) notes.push('too_many_media');
  if (profile.media?.required && allMedia.length === 0) notes.push('media_required');

  const text = input.text;
  const limit = measureText(text, platform, {
    ...(input.characterLimit ? { characterLimit: input.characterLimit } : {}),
  });
  const overLimit =
    limit.overflowStart !== null && limit.limit !== null
      ? { start: limit.overflowStart, used: limit.used, limit: limit.limit, unit: limit.unit }
      : null;

  const contentWarning = platform === 'mastodon' ? str(options['spoilerText']) : null;
  const hidden = layout === 'story';
  if (hidden && text.trim() !== '') notes.push('story_without_caption');

  let fold: { index: number; reason: FoldReason } | null = null;
  if (contentWarning) {
    fold = { index: 0, reason: 'content_warning' };
  } else if (platform === 'x' && limit.limit !== null && limit.limit > 280) {
    // An X Premium post longer than a standard one folds at 280 behind "Show more".
    const cut = measureText(text, 'x', { characterLimit: 280 });
    if (cut.overflowStart !== null) fold = { index: cut.overflowStart, reason: 'characters' };
  } else {
    fold = foldOf(text, platform, rules);
  }
  const visibleEnd = fold?.index ?? text.length;

  if (
    !rules.linksClickable &&
    platform === 'instagram' &&
    extractEntities(text).some((e) => e.kind === 'url')
  ) {
    notes.push('links_not_clickable');
  }

  const pinTitle =
    platform === 'pinterest' ? (str(options['title']) ?? str(input.title ?? null)) : null;

  return {
    platform,
    platformName: profile.name,
    layout,
    header: { name: input.account.name, handle: input.account.handle ?? null },
    title: pinTitle,
    contentWarning,
    text: {
      full: text,
      visible: hidden ? '' : text.slice(0, visibleEnd).trimEnd(),
      foldIndex: hidden ? null : (fold?.index ?? null),
      foldReason: hidden ? null : (fold?.reason ?? null),
      moreLabel: rules.moreLabel,
      overLimit,
      hidden,
    },
    ...cropMedia(media, rules, layout),
    mediaFirst: platform === 'instagram' || platform === 'pinterest',
    linkCard: hidden ? null : linkOf(text, rules, options, media.length > 0),
    firstComment: layout === 'story' ? null : str(options['firstComment']),
    notes,
  };
}
