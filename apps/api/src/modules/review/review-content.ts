import { createHash } from 'node:crypto';
import {
  type ApprovableContent,
  type ApprovableMedia,
  type ApprovableVariant,
  contentHash,
} from '@postplan/domain';

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
    /** Absent or {}: no options; either way the same hash. */
    options?: Readonly<Record<string, unknown>>;
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
      // Options are part of what is approved: changing one voids an approval like an edit.
      ...(v.options && Object.keys(v.options).length > 0
        ? { options: v.options as NonNullable<ApprovableVariant['options']> }
        : {}),
    })),
  };
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The content hash (domain definition, v1), computed with Node's native SHA-256. */
export function hashContent(post: ContentFields): string {
  return contentHash(approvableContent(post), sha256);
}
