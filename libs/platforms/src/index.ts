export * from './adapter';
export * from './deadline';
export * from './http-errors';
export * from './registry';
export * from './manual/manual.adapter';
export * from './sandbox/sandbox.adapter';
export * from './webhook/webhook-address';
export * from './webhook/webhook.adapter';
export {
  downloadPinned,
  DownloadError,
  type DownloadFailure,
  type Downloaded,
  type DownloadOptions,
} from './webhook/webhook-transport';
export * from './testing/fake-server';
export * from './http/platform-http';
export * from './bluesky/bluesky.adapter';
export * from './bluesky/bluesky-facets';
export * from './bluesky/bluesky-tid';
export * from './mastodon/mastodon.adapter';
export * from './mastodon/mastodon.fake';
export * from './telegram/telegram.adapter';
export * from './telegram/telegram.fake';
export * from './discord/discord.adapter';
export * from './discord/discord.fake';
export * from './slack/slack.adapter';
export * from './slack/slack.fake';
export * from './linkedin/linkedin.adapter';
export * from './linkedin/linkedin-little-text';
export * from './linkedin/linkedin.fake';
export * from './limits';
export * from './media-check';
export * from './x/x.adapter';
export * from './pinterest/pinterest.adapter';
export * from './pinterest/pinterest.fake';
export * from './facebook/facebook.adapter';
export * from './facebook/facebook.fake';
export * from './meta/meta-container';
export * from './meta/meta-container.fake';
export * from './instagram/instagram.adapter';
export * from './instagram/instagram.fake';
export * from './threads/threads.adapter';
export * from './threads/threads.fake';
