import { type LengthUnit, type Platform } from '../core/types';

export type MediaRules = {
  max: number;
  /** A video (or a GIF treated as one) must be the only attachment. */
  videoAlone: boolean;
  /** How the platform takes a GIF: as an image, converted to a video, or not at all. */
  gif: 'image' | 'video' | 'unsupported';
  mixing: boolean;
  required: boolean;
};

export type PlatformProfile = {
  name: string;
  textLimit: number | null;
  unit: LengthUnit;
  /** Telegram: the limit for a caption under a photo or video. */
  captionLimit?: number;
  /** Bluesky also caps the UTF-8 size of a post. */
  byteLimit?: number;
  /** URLs with http(s) count as this many characters (Mastodon's placeholder length). */
  urlWeight?: number;
  /** Threads counts an emoji as its UTF-8 byte length. */
  emojiAsUtf8Bytes?: boolean;
  maxHashtags?: number;
  maxMentions?: number;
  maxLinks?: number;
  /** Past this many hashtags posts read as spam on this platform (a hint, not a limit). */
  recommendedHashtags?: number;
  media: MediaRules | null;
};

const NO_LIMITS = { textLimit: null, unit: 'graphemes', media: null } as const;

/**
 * Sources and their dates are listed in docs/wording.md. Where a platform documents "characters"
 * without saying how it counts, we count UTF-16 code units: the strictest common reading, and
 * what the Graph APIs and Telegram measure.
 */
export const PLATFORM_PROFILES: Record<Platform, PlatformProfile> = {
  x: {
    name: 'X',
    textLimit: 280,
    unit: 'weighted',
    recommendedHashtags: 2,
    media: { max: 4, videoAlone: true, gif: 'video', mixing: false, required: false },
  },
  bluesky: {
    name: 'Bluesky',
    textLimit: 300,
    unit: 'graphemes',
    byteLimit: 3000,
    recommendedHashtags: 3,
    media: { max: 4, videoAlone: true, gif: 'video', mixing: false, required: false },
  },
  mastodon: {
    name: 'Mastodon',
    textLimit: 500,
    unit: 'graphemes',
    urlWeight: 23,
    recommendedHashtags: 5,
    media: { max: 4, videoAlone: true, gif: 'video', mixing: false, required: false },
  },
  threads: {
    name: 'Threads',
    textLimit: 500,
    unit: 'characters',
    emojiAsUtf8Bytes: true,
    maxLinks: 5,
    recommendedHashtags: 1,
    media: { max: 20, videoAlone: false, gif: 'unsupported', mixing: true, required: false },
  },
  linkedin: {
    name: 'LinkedIn',
    textLimit: 3000,
    unit: 'utf16',
    recommendedHashtags: 5,
    media: { max: 20, videoAlone: true, gif: 'image', mixing: false, required: false },
  },
  instagram: {
    name: 'Instagram',
    textLimit: 2200,
    unit: 'utf16',
    maxHashtags: 30,
    maxMentions: 20,
    recommendedHashtags: 5,
    media: { max: 10, videoAlone: false, gif: 'unsupported', mixing: true, required: true },
  },
  facebook: {
    name: 'Facebook',
    textLimit: 63206,
    unit: 'utf16',
    recommendedHashtags: 3,
    media: { max: 10, videoAlone: true, gif: 'image', mixing: false, required: false },
  },
  telegram: {
    name: 'Telegram',
    textLimit: 4096,
    captionLimit: 1024,
    unit: 'utf16',
    recommendedHashtags: 5,
    media: { max: 10, videoAlone: false, gif: 'video', mixing: true, required: false },
  },
  pinterest: {
    name: 'Pinterest',
    textLimit: 500,
    unit: 'utf16',
    recommendedHashtags: 5,
    media: { max: 5, videoAlone: true, gif: 'image', mixing: false, required: true },
  },
  discord: {
    name: 'Discord',
    textLimit: 2000,
    unit: 'utf16',
    recommendedHashtags: 3,
    media: { max: 10, videoAlone: false, gif: 'image', mixing: true, required: false },
  },
  slack: {
    name: 'Slack',
    textLimit: 40000,
    unit: 'utf16',
    recommendedHashtags: 3,
    media: { max: 10, videoAlone: false, gif: 'image', mixing: true, required: false },
  },
  webhook: { name: 'Webhook', ...NO_LIMITS },
  manual: { name: 'Manual', ...NO_LIMITS },
  sandbox: { name: 'Sandbox', ...NO_LIMITS },
};
