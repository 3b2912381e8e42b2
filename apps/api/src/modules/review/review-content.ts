import { createHash } from 'node:crypto';
import {
  type ApprovableContent,
  type ApprovableMedia,
  contentHash,
  type Platform,
  publishedText,
  type UtmDefaults,
} from '@postplan/domain';

/** One attached file as the hash sees it: which item, its stored bytes' SHA-256, the alt text of this use. */
type ContentMedia = { mediaId: string; sha256: string; altText: string | null };

/** Which contest rules a contest post carries: their version is part of what gets approved. */
export type ContestRulesRef = { contestId: string; version: number; hash: string };

type ContentFields = {
  title: string;
  text: string;
  media?: readonly ContentMedia[];
  variants: readonly {
    channelId: string;
    text: string | null;
    media?: readonly ContentMedia[] | null;
  }[];
  contest_rules?: ContestRulesRef | null;
  /** The UTM defaults of the post's campaign (null: not in a campaign, or it tags nothing). */
  campaign_utm?: UtmDefaults | null;
  /** Each target channel's platform: its links' `utm_source`. */
  channel_platforms?: Readonly<Record<string, Platform>> | null;
};

const approvableMedia = (media: readonly ContentMedia[]): ApprovableMedia[] =>
  media.map((m) => ({ id: m.mediaId, sha256: m.sha256, alt: m.altText }));

/** What each channel publishes once its links are tagged, where that differs from its text. */
function publishedTexts(post: ContentFields): { channelId: string; text: string }[] {
  const utm = post.campaign_utm;
  if (!utm) return [];
  return post.variants.flatMap((v) => {
    const platform = post.channel_platforms?.[v.channelId];
    if (!platform) return [];
    const text = v.text ?? post.text;
    const tagged = publishedText(text, utm, platform);
    return tagged === text ? [] : [{ channelId: v.channelId, text: tagged }];
  });
}

/** What an approval covers, taken from a stored or about-to-be-stored post. */
export function approvableContent(post: ContentFields): ApprovableContent {
  const published = publishedTexts(post);
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
    // Absent for posts of no contest, so their hashes stay what they were.
    ...(post.contest_rules
      ? {
          options: {
            contest: {
              id: post.contest_rules.contestId,
              rulesVersion: post.contest_rules.version,
              rulesHash: post.contest_rules.hash,
            },
          },
        }
      : {}),
    ...(published.length > 0 ? { published } : {}),
  };
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The content hash (domain definition, v1), computed with Node's native SHA-256. */
export function hashContent(post: ContentFields): string {
  return contentHash(approvableContent(post), sha256);
}
