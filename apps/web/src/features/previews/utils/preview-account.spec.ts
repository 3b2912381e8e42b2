import type { Channel, ChannelConnection } from '@postplan/contracts';
import { describe, expect, it } from '@jest/globals';
import { previewAccount } from './preview-account';

const connection = (accountName: string | null, connected = true): ChannelConnection => ({
  connected,
  status: connected ? 'connected' : 'not_connected',
  kind: 'form',
  accountName,
  connectedAt: null,
  verifiedAt: null,
  expiresAt: null,
  lastError: null,
  configured: true,
});
const channel = (
  platform: Channel['platform'],
  c?: ChannelConnection,
): Pick<Channel, 'name' | 'platform' | 'connection'> => ({
  name: 'Stadtwerke',
  platform,
  ...(c ? { connection: c } : {}),
});

describe('previewAccount', () => {
  it('shows a connected handle beside the channel’s name', () => {
    expect(previewAccount(channel('bluesky', connection('@brand.bsky.social')))).toEqual({
      name: 'Stadtwerke',
      handle: 'brand.bsky.social',
    });
    expect(previewAccount(channel('mastodon', connection('@sw@social.example')))).toEqual({
      name: 'Stadtwerke',
      handle: 'sw@social.example',
    });
    expect(previewAccount(channel('x', connection('@stadtwerke'))).handle).toBe('stadtwerke');
  });

  it('reads a handle stored without its @ as one on handle platforms', () => {
    expect(previewAccount(channel('bluesky', connection('brand.bsky.social'))).handle).toBe(
      'brand.bsky.social',
    );
  });

  it('puts an account’s name (a page, a user name) in place of the channel’s name', () => {
    expect(previewAccount(channel('linkedin', connection('Stadtwerke Musterstadt GmbH')))).toEqual({
      name: 'Stadtwerke Musterstadt GmbH',
      handle: null,
    });
    expect(previewAccount(channel('instagram', connection('stadtwerke.ms')))).toEqual({
      name: 'stadtwerke.ms',
      handle: null,
    });
  });

  it('keeps the channel’s name while no account is connected', () => {
    expect(previewAccount(channel('facebook'))).toEqual({ name: 'Stadtwerke', handle: null });
    expect(previewAccount(channel('bluesky', connection('@old.bsky.social', false)))).toEqual({
      name: 'Stadtwerke',
      handle: null,
    });
    expect(previewAccount(channel('x', connection(null))).handle).toBeNull();
  });
});
