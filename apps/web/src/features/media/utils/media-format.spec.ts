import { describe, expect, it } from '@jest/globals';
import { formatBytes, formatDuration, mediaFiles } from './media-format';

describe('media formatting', () => {
  it('writes sizes in decimal units in the reader’s language', () => {
    expect(formatBytes(2_400_000, 'de')).toBe('2,4 MB');
    expect(formatBytes(2_400_000, 'en')).toBe('2.4 MB');
    expect(formatBytes(830_000, 'en')).toBe('830 kB');
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(20_971_520, 'de')).toBe('21 MB');
  });

  it('writes a video length as a player does', () => {
    expect(formatDuration(60_000)).toBe('1:00');
    expect(formatDuration(9_400)).toBe('0:09');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('keeps images and videos from a drop, and files the browser cannot type', () => {
    const file = (name: string, type: string) => new File(['x'], name, { type });
    const kept = mediaFiles([
      file('a.png', 'image/png'),
      file('b.pdf', 'application/pdf'),
      file('c.mov', 'video/quicktime'),
      file('d.heic', ''),
    ]);
    expect(kept.map((f) => f.name)).toEqual(['a.png', 'c.mov', 'd.heic']);
  });
});
