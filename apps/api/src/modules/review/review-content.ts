import { createHash } from 'node:crypto';
import { type ApprovableContent, contentHash } from '@postplan/domain';

type ContentFields = {
  title: string;
  text: string;
  variants: readonly { channelId: string; text: string | null }[];
};

/** What an approval covers, taken from a stored or about-to-be-stored post. */
export function approvableContent(post: ContentFields): ApprovableContent {
  return {
    title: post.title,
    text: post.text,
    channelIds: post.variants.map((v) => v.channelId),
    variants: post.variants.map((v) => ({ channelId: v.channelId, text: v.text })),
  };
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The content hash (domain definition, v1), computed with Node's native SHA-256. */
export function hashContent(post: ContentFields): string {
  return contentHash(approvableContent(post), sha256);
}
