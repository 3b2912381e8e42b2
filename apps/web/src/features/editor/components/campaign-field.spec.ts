import { describe, expect, it } from '@jest/globals';
import type { Channel } from '@postplan/contracts';
import { taggedTexts } from './campaign-field';

const channel = (id: string, platform: Channel['platform']): Channel => ({
  id,
  name: id,
  platform,
  color: '#000000',
  createdAt: '2026-01-01T00:00:00.000Z',
});
const channels = new Map([
  ['insta', channel('insta', 'instagram')],
  ['masto', channel('masto', 'mastodon')],
]);
const utm = {
  sources: { instagram: 'ig' },
  medium: 'social',
  campaign: 'spring',
  content: null,
  term: null,
};

describe('taggedTexts', () => {
  it('shows each channel its own tagged text, its own text where it has one', () => {
    const result = taggedTexts(
      {
        text: 'Base https://a.example',
        channels: [
          { channelId: 'insta', text: '' },
          { channelId: 'masto', text: 'Eigener https://b.example' },
        ],
      },
      { utm },
      channels,
    );
    expect(result.map((r) => [r.channel.id, r.text])).toEqual([
      ['insta', 'Base https://a.example?utm_source=ig&utm_medium=social&utm_campaign=spring'],
      [
        'masto',
        'Eigener https://b.example?utm_source=mastodon&utm_medium=social&utm_campaign=spring',
      ],
    ]);
  });

  it('shows nothing without links, without UTM defaults or without a campaign', () => {
    const values = { text: 'Kein Link', channels: [{ channelId: 'insta', text: '' }] };
    expect(taggedTexts(values, { utm }, channels)).toEqual([]);
    const linked = { ...values, text: 'https://a.example' };
    expect(taggedTexts(linked, { utm: null }, channels)).toEqual([]);
    expect(taggedTexts(linked, undefined, channels)).toEqual([]);
  });
});
