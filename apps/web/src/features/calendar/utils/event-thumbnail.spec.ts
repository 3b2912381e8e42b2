import type { PostMedia } from '@postplan/contracts';
import { describe, expect, it } from '@jest/globals';
import { eventThumbnail } from './event-thumbnail';

const media = (id: string, kind: PostMedia['kind'], altText: string | null): PostMedia => ({
  mediaId: id,
  altText,
  kind,
  name: `${id}.${kind === 'image' ? 'jpg' : 'mp4'}`,
  mimeType: kind === 'image' ? 'image/jpeg' : 'video/mp4',
  bytes: 1000,
  width: 800,
  height: 600,
  durationMs: kind === 'video' ? 5000 : null,
  sha256: 'a'.repeat(64),
  thumbnailUrl: `/api/v1/workspaces/w/media/${id}/thumbnail`,
  url: `/api/v1/workspaces/w/media/${id}/file`,
});

describe('eventThumbnail', () => {
  it('shows nothing for a post without media', () => {
    expect(eventThumbnail({ media: [], variants: [{ channelId: 'c', text: null }] })).toBeNull();
    expect(eventThumbnail({ variants: [] })).toBeNull();
  });

  it('takes the first image with its alt text, even behind a video', () => {
    const post = {
      media: [
        media('v1', 'video', 'Film'),
        media('i1', 'image', 'Der Hafen'),
        media('i2', 'image', null),
      ],
      variants: [],
    };
    expect(eventThumbnail(post)).toEqual({
      url: '/api/v1/workspaces/w/media/i1/thumbnail',
      alt: 'Der Hafen',
      kind: 'image',
    });
  });

  it('falls back to a video’s poster frame, and gives an empty alt for no alt text', () => {
    expect(eventThumbnail({ media: [media('v1', 'video', null)], variants: [] })).toEqual({
      url: '/api/v1/workspaces/w/media/v1/thumbnail',
      alt: '',
      kind: 'video',
    });
  });

  it('uses a channel’s own media when the post has none of its own', () => {
    const post = {
      media: [],
      variants: [
        { channelId: 'a', text: null, media: [] },
        { channelId: 'b', text: null, media: [media('p1', 'image', 'Pin')] },
      ],
    };
    expect(eventThumbnail(post)?.alt).toBe('Pin');
  });
});
