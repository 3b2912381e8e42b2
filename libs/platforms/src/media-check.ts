import { type Platform } from '@postplan/domain';
import { type AspectRatioRange, type PlatformLimits } from './adapter';

/** One attached file as the checks see it: what the probe measured, never what a client said. */
export type CheckedMedia = {
  id: string;
  kind: 'image' | 'video';
  mimeType: string;
  bytes: number;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  altText: string | null;
};

export type MediaCheckRule =
  | 'count'
  | 'required'
  | 'format'
  | 'image_size'
  | 'video_size'
  | 'aspect_ratio'
  | 'video_duration'
  | 'alt_text';

export type MediaCheckProblem = {
  mediaId: string | null;
  rule: MediaCheckRule;
  /** Both languages, each naming the platform, so the API and the editor say the same. */
  messages: { de: string; en: string };
};

const PLATFORM_NAMES: Record<Platform, string> = {
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  threads: 'Threads',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  facebook: 'Facebook',
  telegram: 'Telegram',
  pinterest: 'Pinterest',
  discord: 'Discord',
  slack: 'Slack',
  webhook: 'Webhook',
  manual: 'Manual',
  sandbox: 'Sandbox',
};

export const platformName = (platform: Platform): string => PLATFORM_NAMES[platform];

/** 1,000,000 bytes as "1 MB", 5,242,880 as "5 MB": decimal megabytes, one decimal when needed. */
export function formatMegabytes(bytes: number, locale: 'de' | 'en'): string {
  const mb = bytes / 1_000_000;
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: mb < 10 ? 1 : 0 }).format(mb);
  return `${text} MB`;
}

function formatSeconds(ms: number, locale: 'de' | 'en'): string {
  const seconds = Math.round(ms / 100) / 10;
  if (seconds >= 120 && seconds % 60 === 0) {
    const minutes = seconds / 60;
    return locale === 'de' ? `${minutes} Minuten` : `${minutes} minutes`;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(seconds)} s`;
}

function formatRatio(r: number, locale: 'de' | 'en'): string {
  const fmt = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
  return r >= 1 ? `${fmt(r)}:1` : `1:${fmt(1 / r)}`;
}

/** A little tolerance, so 1080 x 1350 counts as exactly 4:5 however it is rounded. */
const RATIO_EPSILON = 0.005;

const outside = (ratio: number, range: AspectRatioRange) =>
  ratio < range.min - RATIO_EPSILON || ratio > range.max + RATIO_EPSILON;

/**
 * What a platform would refuse in a channel's media, from the adapter's limits as data: count,
 * whether media are required, format, size, aspect ratio and video length; with
 * `altTextRequired` (the workspace's setting) also missing alt text. An empty list: the
 * platform takes them. Used before approval and again at publishing.
 */
export function checkMedia(
  platform: Platform,
  limits: PlatformLimits,
  media: readonly CheckedMedia[],
  options: { altTextRequired: boolean } = { altTextRequired: false },
): MediaCheckProblem[] {
  const name = platformName(platform);
  const problems: MediaCheckProblem[] = [];
  const add = (mediaId: string | null, rule: MediaCheckRule, de: string, en: string) =>
    problems.push({ mediaId, rule, messages: { de, en } });

  const rules = limits.media;
  if (rules === null) {
    if (media.length > 0) {
      add(null, 'count', `${name} veröffentlicht keine Medien.`, `${name} takes no media.`);
    }
    return problems;
  }
  if (rules.required && media.length === 0) {
    add(
      null,
      'required',
      `${name} braucht mindestens ein Bild oder Video.`,
      `${name} needs at least one image or video.`,
    );
  }
  if (media.length > rules.maxCount) {
    add(
      null,
      'count',
      `${name} nimmt höchstens ${rules.maxCount} Medien; angehängt sind ${media.length}.`,
      `${name} takes at most ${rules.maxCount} media; ${media.length} are attached.`,
    );
  }
  for (const m of media) {
    if (!rules.mimeTypes.includes(m.mimeType)) {
      add(
        m.id,
        'format',
        `${name} nimmt kein ${m.mimeType}; erlaubt: ${rules.mimeTypes.join(', ')}.`,
        `${name} does not take ${m.mimeType}; allowed: ${rules.mimeTypes.join(', ')}.`,
      );
    }
    const maxBytes = m.kind === 'image' ? rules.maxImageBytes : rules.maxVideoBytes;
    if (maxBytes !== null && m.bytes > maxBytes) {
      const what = m.kind === 'image' ? ['Bilder', 'images'] : ['Videos', 'videos'];
      add(
        m.id,
        m.kind === 'image' ? 'image_size' : 'video_size',
        `${name} nimmt ${what[0]} bis ${formatMegabytes(maxBytes, 'de')}; diese Datei hat ${formatMegabytes(m.bytes, 'de')}.`,
        `${name} takes ${what[1]} up to ${formatMegabytes(maxBytes, 'en')}; this file has ${formatMegabytes(m.bytes, 'en')}.`,
      );
    }
    const range = rules.aspectRatio[m.kind];
    if (range && m.width && m.height && outside(m.width / m.height, range)) {
      const ratio = m.width / m.height;
      add(
        m.id,
        'aspect_ratio',
        `${name} nimmt Seitenverhältnisse von ${formatRatio(range.min, 'de')} bis ${formatRatio(range.max, 'de')}; diese Datei hat ${formatRatio(ratio, 'de')} (${m.width} × ${m.height}).`,
        `${name} takes aspect ratios from ${formatRatio(range.min, 'en')} to ${formatRatio(range.max, 'en')}; this file is ${formatRatio(ratio, 'en')} (${m.width} × ${m.height}).`,
      );
    }
    if (
      m.kind === 'video' &&
      rules.maxVideoDurationMs !== null &&
      m.durationMs !== null &&
      m.durationMs > rules.maxVideoDurationMs
    ) {
      add(
        m.id,
        'video_duration',
        `${name} nimmt Videos bis ${formatSeconds(rules.maxVideoDurationMs, 'de')}; dieses dauert ${formatSeconds(m.durationMs, 'de')}.`,
        `${name} takes videos up to ${formatSeconds(rules.maxVideoDurationMs, 'en')}; this one runs ${formatSeconds(m.durationMs, 'en')}.`,
      );
    }
    if (options.altTextRequired && !m.altText?.trim()) {
      add(
        m.id,
        'alt_text',
        `Für ${name}: Alternativtext fehlt (der Arbeitsbereich verlangt ihn).`,
        `For ${name}: alt text is missing (the workspace requires it).`,
      );
    }
  }
  return problems;
}
