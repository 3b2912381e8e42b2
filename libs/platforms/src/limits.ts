import { type Platform } from '@postplan/domain';
import { type PlatformLimits } from './adapter';
import { X_LIMITS, xOptionsSchema } from './x/x.adapter';
import {
  BLUESKY_LIMITS,
  BLUESKY_TEXT_BYTES,
  blueskyOptionsSchema,
} from './bluesky/bluesky.adapter';
import { DISCORD_LIMITS, discordOptionsSchema } from './discord/discord.adapter';
import { FACEBOOK_LIMITS, facebookOptionsSchema } from './facebook/facebook.adapter';
import { INSTAGRAM_LIMITS, instagramOptionsSchema } from './instagram/instagram.adapter';
import { THREADS_LIMITS, threadsOptionsSchema } from './threads/threads.adapter';
import { LINKEDIN_LIMITS, linkedinOptionsSchema } from './linkedin/linkedin.adapter';
import { MASTODON_LIMITS, mastodonOptionsSchema } from './mastodon/mastodon.adapter';
import { PINTEREST_LIMITS, pinterestOptionsSchema } from './pinterest/pinterest.adapter';
import { SLACK_LIMITS, slackOptionsSchema } from './slack/slack.adapter';
import {
  TELEGRAM_CAPTION_LIMIT,
  TELEGRAM_LIMITS,
  telegramOptionsSchema,
} from './telegram/telegram.adapter';

/**
 * Every adapter's limits and variant options as data, in one place. The wording engine and
 * the editor count with libs/domain's PLATFORM_PROFILES (the web app cannot import this lib);
 * limits.spec.ts fails when the two disagree, so a change lands in both or in neither.
 */
export const ADAPTER_LIMITS = {
  bluesky: BLUESKY_LIMITS,
  mastodon: MASTODON_LIMITS,
  telegram: TELEGRAM_LIMITS,
  discord: DISCORD_LIMITS,
  slack: SLACK_LIMITS,
  linkedin: LINKEDIN_LIMITS,
  x: X_LIMITS,
  pinterest: PINTEREST_LIMITS,
  facebook: FACEBOOK_LIMITS,
  instagram: INSTAGRAM_LIMITS,
  threads: THREADS_LIMITS,
} as const satisfies Partial<Record<Platform, PlatformLimits>>;

/** Limits that only some platforms have. */
export const ADAPTER_EXTRA_LIMITS = {
  bluesky: { textBytes: BLUESKY_TEXT_BYTES },
  telegram: { captionLimit: TELEGRAM_CAPTION_LIMIT },
} as const;

/**
 * The per-platform options a variant may store (`PublishContent.options`), validated by the
 * adapter at publishing. They are defined in libs/contracts (VARIANT_OPTIONS_SCHEMAS), where
 * the API validates a variant's options and the editor builds its form from the same schemas.
 */
export const VARIANT_OPTION_SCHEMAS = {
  bluesky: blueskyOptionsSchema,
  mastodon: mastodonOptionsSchema,
  telegram: telegramOptionsSchema,
  discord: discordOptionsSchema,
  slack: slackOptionsSchema,
  linkedin: linkedinOptionsSchema,
  x: xOptionsSchema,
  pinterest: pinterestOptionsSchema,
  facebook: facebookOptionsSchema,
  instagram: instagramOptionsSchema,
  threads: threadsOptionsSchema,
} as const;
