import { type Platform } from './common';
import { z } from 'zod';

/**
 * The per-platform options a post's channel variant may carry (`variants[].options`). The API
 * validates a variant's options with its channel's schema, the adapter validates them again at
 * publishing with the same schema, and the editor builds its form from them. Every schema is
 * strict: an option a platform does not know is refused, never silently dropped.
 */

const httpUrl = z.url({ protocol: /^https?$/ }).max(2048);
const comment = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .meta({ description: 'Posted right after the post, as its author' });

/** Instagram caps a comment like its caption. */
export const INSTAGRAM_FIRST_COMMENT_MAX = 2200;
/** LinkedIn's documented comment length. */
export const LINKEDIN_FIRST_COMMENT_MAX = 1250;
export const FACEBOOK_FIRST_COMMENT_MAX = 8000;
/** A reply is a post of its own: the same limits apply. */
export const BLUESKY_REPLY_MAX = 300;
export const MASTODON_REPLY_MAX = 500;
export const PINTEREST_TITLE_MAX = 100;

export const blueskyOptionsSchema = z.strictObject({
  /** Languages of the post (BCP 47), at most three, as Bluesky's apps allow. */
  langs: z
    .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/))
    .max(3)
    .optional(),
  /** Posted as a reply to the post (Bluesky has no comments). */
  firstComment: comment(BLUESKY_REPLY_MAX).optional(),
});
export type BlueskyOptions = z.infer<typeof blueskyOptionsSchema>;

export const mastodonOptionsSchema = z.strictObject({
  visibility: z.enum(['public', 'unlisted', 'private', 'direct']).optional(),
  /** A content warning shown before the text. */
  spoilerText: z.string().max(500).optional(),
  sensitive: z.boolean().optional(),
  /** ISO 639 language of the status. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
  /** Posted as a reply to the status, with the same visibility. */
  firstComment: comment(MASTODON_REPLY_MAX).optional(),
});
export type MastodonOptions = z.infer<typeof mastodonOptionsSchema>;

export const telegramOptionsSchema = z.strictObject({
  /** Sends without a notification sound (disable_notification). */
  silent: z.boolean().optional(),
  disableLinkPreview: z.boolean().optional(),
});
export type TelegramOptions = z.infer<typeof telegramOptionsSchema>;

export const discordOptionsSchema = z.strictObject({
  /** The name shown instead of the webhook's (webhooks only). */
  username: z.string().min(1).max(80).optional(),
  suppressEmbeds: z.boolean().optional(),
});
export type DiscordOptions = z.infer<typeof discordOptionsSchema>;

export const slackOptionsSchema = z.strictObject({ unfurlLinks: z.boolean().optional() });
export type SlackOptions = z.infer<typeof slackOptionsSchema>;

export const LINKEDIN_VISIBILITIES = ['PUBLIC', 'CONNECTIONS', 'LOGGED_IN'] as const;
export const linkedinOptionsSchema = z.strictObject({
  /** PUBLIC for everyone; CONNECTIONS only for a member's network; LOGGED_IN for members only. */
  visibility: z.enum(LINKEDIN_VISIBILITIES).optional(),
  firstComment: comment(LINKEDIN_FIRST_COMMENT_MAX).optional(),
});
export type LinkedinOptions = z.infer<typeof linkedinOptionsSchema>;

export const X_REPLY_SETTINGS = ['following', 'mentionedUsers', 'subscribers'] as const;
export const xOptionsSchema = z.strictObject({
  /** Who may reply (reply_settings); everyone when left out. */
  replySettings: z.enum(X_REPLY_SETTINGS).optional(),
});
export type XOptions = z.infer<typeof xOptionsSchema>;

export const pinterestOptionsSchema = z.strictObject({
  /** The board to pin to; the channel's board when left out. */
  boardId: z
    .string()
    .regex(/^\d{1,25}$/, 'A board id is a number, as Pinterest shows it')
    .optional(),
  /** Where the pin leads. */
  link: httpUrl.optional(),
  /** The pin's title; the post's title when left out. */
  title: z.string().trim().min(1).max(PINTEREST_TITLE_MAX).optional(),
});
export type PinterestOptions = z.infer<typeof pinterestOptionsSchema>;

export const facebookOptionsSchema = z.strictObject({
  /** A link shown as a card under the text. */
  link: httpUrl.optional(),
  firstComment: comment(FACEBOOK_FIRST_COMMENT_MAX).optional(),
});
export type FacebookOptions = z.infer<typeof facebookOptionsSchema>;

export const INSTAGRAM_FORMATS = ['post', 'reel', 'story'] as const;
export const instagramOptionsSchema = z.strictObject({
  /** A feed post (one medium or a carousel), a reel (one video) or a story (one medium, no caption). */
  format: z.enum(INSTAGRAM_FORMATS).optional(),
  firstComment: comment(INSTAGRAM_FIRST_COMMENT_MAX).optional(),
});
export type InstagramOptions = z.infer<typeof instagramOptionsSchema>;

export const THREADS_REPLY_CONTROLS = [
  'everyone',
  'accounts_you_follow',
  'mentioned_only',
] as const;
export const threadsOptionsSchema = z.strictObject({
  /** Who may reply. */
  replyControl: z.enum(THREADS_REPLY_CONTROLS).optional(),
});
export type ThreadsOptions = z.infer<typeof threadsOptionsSchema>;

/** The sandbox shows a first comment under its post, so the whole path can be tried out. */
export const sandboxOptionsSchema = z.strictObject({ firstComment: comment(2000).optional() });

/** Platforms without options of their own: only an empty object is accepted. */
const noOptions = z.strictObject({});

export const VARIANT_OPTIONS_SCHEMAS = {
  x: xOptionsSchema,
  bluesky: blueskyOptionsSchema,
  mastodon: mastodonOptionsSchema,
  threads: threadsOptionsSchema,
  linkedin: linkedinOptionsSchema,
  instagram: instagramOptionsSchema,
  facebook: facebookOptionsSchema,
  telegram: telegramOptionsSchema,
  pinterest: pinterestOptionsSchema,
  discord: discordOptionsSchema,
  slack: slackOptionsSchema,
  webhook: noOptions,
  manual: noOptions,
  sandbox: sandboxOptionsSchema,
} as const satisfies Record<Platform, z.ZodType>;

export type VariantOptionsOf<P extends Platform> = z.infer<(typeof VARIANT_OPTIONS_SCHEMAS)[P]>;

/** What the API stores for a variant: a JSON object, checked against its channel's platform. */
export const VariantOptionsSchema = z.record(z.string(), z.unknown()).meta({
  description:
    "Per-platform options of this channel (first comment, board, visibility ...); validated against the channel's platform, {} when none",
});
export type VariantOptions = z.infer<typeof VariantOptionsSchema>;

export type VariantOptionsIssue = { path: string; message: string };

/**
 * Validates a variant's options against its platform. Empty values a form leaves behind
 * (an empty first comment) are dropped first, so "nothing entered" stores `{}` and hashes
 * like a variant without options.
 */
export function parseVariantOptions(
  platform: Platform,
  options: unknown,
):
  | { success: true; data: Record<string, unknown> }
  | { success: false; issues: VariantOptionsIssue[] } {
  const cleaned =
    options && typeof options === 'object' && !Array.isArray(options)
      ? Object.fromEntries(
          Object.entries(options as Record<string, unknown>).filter(
            ([, v]) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === ''),
          ),
        )
      : options;
  const parsed = VARIANT_OPTIONS_SCHEMAS[platform].safeParse(cleaned);
  if (parsed.success) return { success: true, data: parsed.data };
  return {
    success: false,
    issues: parsed.error.issues.map((i) => ({
      path:
        i.path.map(String).join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(',') : ''),
      message: i.message,
    })),
  };
}
