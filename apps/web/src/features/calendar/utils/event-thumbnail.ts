import type { Post, PostMedia } from '@postplan/contracts';

/** The small picture a calendar entry shows: a thumbnail URL and the use's alt text ('' for none). */
export type EventThumbnail = { url: string; alt: string; kind: PostMedia['kind'] };

/**
 * The post's first picture for its calendar entry: the first image of its media (a video's
 * poster frame only when it has no image), else that of the first channel with media of its
 * own, so a post whose base has none but whose channels do still shows one. The calendar's
 * answer carries both lists (docs/media.md), so no further request is needed.
 */
export function eventThumbnail(post: Pick<Post, 'media' | 'variants'>): EventThumbnail | null {
  const lists = [post.media ?? [], ...post.variants.map((v) => v.media ?? [])];
  const list = lists.find((l) => l.length > 0);
  if (!list) return null;
  const first = list.find((m) => m.kind === 'image') ?? list[0]!;
  return { url: first.thumbnailUrl, alt: first.altText ?? '', kind: first.kind };
}
