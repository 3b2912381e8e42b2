import { createHash } from 'node:crypto';
import { type ApprovableContent, type ApprovableVariant, contentHash } from '@postplan/domain';

type ContentFields = {
  title: string;
  text: string;
  variants: readonly {
    channelId: string;
    text: string | null;
    /** Absent or {}: no options; either way the same hash. */
    options?: Readonly<Record<string, unknown>>;
  }[];
};

/** What an approval covers, taken from a stored or about-to-be-stored post. */
export function approvableContent(post: ContentFields): ApprovableContent {
  return {
    title: post.title,
    text: post.text,
    channelIds: post.variants.map((v) => v.channelId),
    variants: post.variants.map((v) => ({
      channelId: v.channelId,
      text: v.text,
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
