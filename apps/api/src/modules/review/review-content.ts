import { createHash } from 'node:crypto';
import { type ApprovableContent, type ApprovableMedia, contentHash } from '@postplan/domain';

/** One attached file as the hash sees it: which item, its stored bytes' SHA-256, the alt text of this use. */
type ContentMedia = { mediaId: string; sha256: string; altText: string | null };

type ContentFields = {
  title: string;
  text: string;
  media?: readonly ContentMedia[];
  variants: readonly {
    channelId: string;
    text: string | null;
    media?: readonly ContentMedia[] | null;
  }[];
};

const approvableMedia = (media: readonly ContentMedia[]): ApprovableMedia[] =>
  media.map((m) => ({ id: m.mediaId, sha256: m.sha256, alt: m.altText }));

/** What an approval covers, taken from a stored or about-to-be-stored post. */
export function approvableContent(post: ContentFields): ApprovableContent {
  return {
    title: post.title,
    text: post.text,
    ...(post.media?.length ? { media: approvableMedia(post.media) } : {}),
    channelIds: post.variants.map((v) => v.channelId),
    variants: post.variants.map((v) => ({
      channelId: v.channelId,
      text: v.text,
      ...(v.media ? { media: approvableMedia(v.media) } : {}),
    })),
  };
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The content hash (domain definition, v1), computed with Node's native SHA-256. */
export function hashContent(post: ContentFields): string {
  return contentHash(approvableContent(post), sha256);
}
