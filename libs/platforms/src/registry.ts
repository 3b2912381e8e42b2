import { type Platform } from '@postplan/domain';
import { type PlatformAdapter, PublishError } from './adapter';
import { type BlueskyAdapterOptions, createBlueskyAdapter } from './bluesky/bluesky.adapter';
import { type DiscordAdapterOptions, createDiscordAdapter } from './discord/discord.adapter';
import { type FacebookAdapterOptions, createFacebookAdapter } from './facebook/facebook.adapter';
import { type LinkedinAdapterOptions, createLinkedinAdapter } from './linkedin/linkedin.adapter';
import { createManualAdapter } from './manual/manual.adapter';
import { type MastodonAdapterOptions, createMastodonAdapter } from './mastodon/mastodon.adapter';
import {
  type PinterestAdapterOptions,
  createPinterestAdapter,
} from './pinterest/pinterest.adapter';
import { type SlackAdapterOptions, createSlackAdapter } from './slack/slack.adapter';
import { type TelegramAdapterOptions, createTelegramAdapter } from './telegram/telegram.adapter';
import { type WebhookAdapterOptions, createWebhookAdapter } from './webhook/webhook.adapter';
import { type XAdapterOptions, createXAdapter } from './x/x.adapter';

/**
 * What adapters need from the process: configuration (API roots, timeouts), and for tests,
 * base URLs of the fakes and injected resolvers.
 */
export type AdapterDependencies = {
  webhook?: WebhookAdapterOptions;
  bluesky?: BlueskyAdapterOptions;
  mastodon?: MastodonAdapterOptions;
  telegram?: TelegramAdapterOptions;
  discord?: DiscordAdapterOptions;
  slack?: SlackAdapterOptions;
  linkedin?: LinkedinAdapterOptions;
  x?: XAdapterOptions;
  pinterest?: PinterestAdapterOptions;
  facebook?: FacebookAdapterOptions;
};

export type AdapterFactory = (deps: AdapterDependencies) => PlatformAdapter;

/**
 * One factory per platform that has an adapter. Adding a platform is one line here plus its
 * adapter file, fake and tests (docs/platforms.md). `sandbox` is added with the engine.
 */
export const ADAPTER_FACTORIES: Partial<Record<Platform, AdapterFactory>> = {
  webhook: (deps) => createWebhookAdapter(deps.webhook),
  manual: () => createManualAdapter(),
  bluesky: (deps) => createBlueskyAdapter(deps.bluesky),
  mastodon: (deps) => createMastodonAdapter(deps.mastodon),
  telegram: (deps) => createTelegramAdapter(deps.telegram),
  discord: (deps) => createDiscordAdapter(deps.discord),
  slack: (deps) => createSlackAdapter(deps.slack),
  linkedin: (deps) => createLinkedinAdapter(deps.linkedin),
  x: (deps) => createXAdapter(deps.x),
  pinterest: (deps) => createPinterestAdapter(deps.pinterest),
  facebook: (deps) => createFacebookAdapter(deps.facebook),
};

export function hasAdapter(platform: Platform): boolean {
  return ADAPTER_FACTORIES[platform] !== undefined;
}

/**
 * The adapter for a platform. A platform without one yet is a permanent failure
 * (PLATFORM_NOT_SUPPORTED): retrying will not make it appear.
 */
export function adapterFor(platform: Platform, deps: AdapterDependencies = {}): PlatformAdapter {
  const factory = ADAPTER_FACTORIES[platform];
  if (!factory) {
    throw new PublishError(
      'permanent',
      'PLATFORM_NOT_SUPPORTED',
      `Postplan cannot publish to ${platform} yet.`,
    );
  }
  return factory(deps);
}
