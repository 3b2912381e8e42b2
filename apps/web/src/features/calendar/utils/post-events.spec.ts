import type { Channel, Post } from '@postplan/contracts';
import { describe, expect, it } from '@jest/globals';
import {
  channelColor,
  displayTitle,
  FALLBACK_COLOR,
  postToEvent,
  readableTextColor,
} from './post-events';

const post = (over: Partial<Post> = {}): Post => ({
  id: '00000000-0000-4000-8000-000000000001',
  version: 3,
  status: 'draft',
  title: 'Teaser',
  text: 'Body',
  plannedAt: '2026-11-24T12:30:00+01:00',
  tags: [],
  variants: [],
  authorId: '00000000-0000-4000-8000-0000000000aa',
  campaignId: null,
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
  deletedAt: null,
  ...over,
});

const channel = (id: string, color: string): Channel => ({
  id,
  name: id,
  platform: 'instagram',
  color,
  createdAt: '',
});
const channels = new Map([
  ['ig', channel('ig', '#db2777')],
  ['li', channel('li', '#0a66c2')],
]);

describe('post events', () => {
  it('take the colour of the first target channel', () => {
    expect(
      channelColor(
        post({
          variants: [
            { channelId: 'li', text: null },
            { channelId: 'ig', text: null },
          ],
        }),
        channels,
      ),
    ).toBe('#0a66c2');
    expect(channelColor(post(), channels)).toBe(FALLBACK_COLOR);
    expect(channelColor(post({ variants: [{ channelId: 'gone', text: null }] }), channels)).toBe(
      FALLBACK_COLOR,
    );
  });

  it('are draggable only when the user may edit the post', () => {
    expect(postToEvent(post(), channels, { editable: false, untitled: '' })?.startEditable).toBe(
      false,
    );
    expect(postToEvent(post(), channels, { editable: true, untitled: '' })?.startEditable).toBe(
      true,
    );
  });

  it('leave unscheduled posts to the ideas list', () => {
    expect(
      postToEvent(post({ plannedAt: null }), channels, { editable: true, untitled: '' }),
    ).toBeNull();
  });

  it('fall back to the first line of the text, then to a placeholder, for a title', () => {
    expect(displayTitle({ title: '  ', text: 'First line\nsecond' }, 'Untitled')).toBe(
      'First line',
    );
    expect(displayTitle({ title: '', text: '' }, 'Untitled')).toBe('Untitled');
    expect(displayTitle({ title: '', text: 'x'.repeat(80) }, 'Untitled')).toHaveLength(60);
  });

  it('write in black or white, whichever reads on the channel colour', () => {
    expect(readableTextColor('#fde68a')).toBe('#111827');
    expect(readableTextColor('#1d4ed8')).toBe('#ffffff');
  });
});
