import type { Channel } from '@postplan/contracts';
import { describe, expect, it } from '@jest/globals';
import { colorDistance, distinctChannelColors, textPreview } from './channel-display';
import { eventEnd } from './post-events';

const channel = (id: string, platform: Channel['platform'], color: string): Channel =>
  ({ id, name: id, platform, color }) as Channel;

describe('distinct channel colours', () => {
  it('tells apart the platforms whose own colours are all blue', () => {
    const channels = [
      channel('bsky', 'bluesky', '#1185fe'),
      channel('li', 'linkedin', '#0a66c2'),
      channel('fb', 'facebook', '#1877f2'),
      channel('tg', 'telegram', '#229ed9'),
      channel('ig', 'instagram', '#d62976'),
    ];
    const colors = [...distinctChannelColors(channels).values()];
    expect(new Set(colors).size).toBe(5);
    for (let i = 0; i < colors.length; i++)
      for (let j = i + 1; j < colors.length; j++)
        expect(colorDistance(colors[i]!, colors[j]!)).toBeGreaterThanOrEqual(25);
    // A colour that stands out stays the channel's own.
    expect(colors[0]).toBe('#1185fe');
    expect(colors[4]).toBe('#d62976');
  });
});

describe('event end', () => {
  it('keeps a post after 23:00 on its own day in the workspace zone', () => {
    expect(eventEnd('2026-11-24T23:30:00+01:00', 'Europe/Berlin')).toBe('2026-11-24T23:00:00.000Z');
    expect(eventEnd('2026-11-24T22:00:00+01:00', 'Europe/Berlin')).toBeUndefined();
    // The zone decides, not the offset written: 23:30 in Berlin is 22:30 in London.
    expect(eventEnd('2026-11-24T23:30:00+01:00', 'Europe/London')).toBeUndefined();
  });
});

describe('text preview', () => {
  it('is one line and cut with an ellipsis', () => {
    expect(textPreview('Erste Zeile\n\nzweite   Zeile')).toBe('Erste Zeile zweite Zeile');
    expect(textPreview('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
