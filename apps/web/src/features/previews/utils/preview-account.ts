import type { Channel } from '@postplan/contracts';

/** Platforms whose posts show a display name with an @handle beside it. */
const HANDLE_PLATFORMS: ReadonlySet<Channel['platform']> = new Set(['x', 'bluesky', 'mastodon']);

/**
 * Who a preview says is posting: the connected account as the platform names it, not the
 * channel's name in Postplan. The account name comes from the connection check
 * (`connection.accountName`): a handle (`@brand.bsky.social`, `@stadtwerke@social.example`)
 * is shown as the handle beside the channel's name, the way X, Bluesky and Mastodon put the
 * display name beside the handle; a name (a LinkedIn or Facebook page, an Instagram user
 * name) replaces the channel's name. A channel without a connected account keeps its name.
 */
export function previewAccount(channel: Pick<Channel, 'name' | 'platform' | 'connection'>): {
  name: string;
  handle: string | null;
} {
  const account = channel.connection?.connected ? channel.connection.accountName?.trim() : null;
  if (!account) return { name: channel.name, handle: null };
  if (account.startsWith('@') && account.length > 1) {
    return { name: channel.name, handle: account.slice(1) };
  }
  // Stored without the check (the handle as typed): still a handle where the platform has them.
  if (HANDLE_PLATFORMS.has(channel.platform) && /^[\w.-]+(@[\w.-]+)?$/.test(account)) {
    return { name: channel.name, handle: account };
  }
  return { name: account, handle: null };
}
