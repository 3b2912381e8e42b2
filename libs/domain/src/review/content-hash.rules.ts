import { type JsonValue, canonicalJson } from './canonical-json.util';
import { sha256Hex } from './sha256.util';

/**
 * What an approval covers. The planned time, tags and internal notes are deliberately absent:
 * moving a post or retagging it must not void its approval (DESIGN: "moving the planned time
 * does not").
 */
export type ApprovableMedia = {
  id: string;
  /** SHA-256 (hex) of the stored file: replacing the bytes behind an id is a change too. */
  sha256?: string | null;
  alt: string | null;
};

export type ApprovableVariant = {
  channelId: string;
  /** null: the channel publishes the base text. */
  text: string | null;
  /** null or absent: the channel publishes the base media. */
  media?: readonly ApprovableMedia[] | null;
  /** Platform-specific settings of this channel (first comment, link preview, ...). */
  options?: { [key: string]: JsonValue | undefined };
};

export type ApprovableContent = {
  title?: string | null;
  text: string;
  media?: readonly ApprovableMedia[];
  /** Target channels; a channel without an entry in `variants` publishes base text and media. */
  channelIds?: readonly string[];
  variants?: readonly ApprovableVariant[];
  /** Post-wide per-platform settings, keyed by platform id. */
  options?: { [key: string]: JsonValue | undefined };
  /**
   * The text a channel publishes where it differs from what `text` and `variants` say: its
   * links tagged with the campaign's UTM parameters (docs/campaigns.md). Absent or empty when
   * nothing is tagged, so content without tagged links hashes exactly as before.
   */
  published?: readonly { channelId: string; text: string }[];
};

/** Bumped whenever the canonical form changes, so old approvals can never match by accident. */
export const CONTENT_HASH_VERSION = 1;

export class ContentHashError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentHashError';
  }
}

const canonicalMedia = (media: readonly ApprovableMedia[]): JsonValue =>
  media.map((m) =>
    m.sha256 ? { id: m.id, sha256: m.sha256, alt: m.alt } : { id: m.id, alt: m.alt },
  );

/**
 * The canonical document that is hashed. Variants become one entry per target channel, sorted
 * by channel id, so "channel listed without a variant" and "variant with nothing overridden"
 * are the same content. Media keep their order: it is the order of a carousel.
 */
export function canonicalContent(content: ApprovableContent): JsonValue {
  const byChannel = new Map<string, ApprovableVariant>();
  for (const variant of content.variants ?? []) {
    if (byChannel.has(variant.channelId)) {
      throw new ContentHashError(`The channel ${variant.channelId} has two variants`);
    }
    byChannel.set(variant.channelId, variant);
  }
  const channelIds = [...new Set([...(content.channelIds ?? []), ...byChannel.keys()])].sort(
    (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  const published = [...(content.published ?? [])].sort((a, b) =>
    a.channelId < b.channelId ? -1 : a.channelId > b.channelId ? 1 : 0,
  );
  return {
    v: CONTENT_HASH_VERSION,
    title: content.title ?? '',
    text: content.text,
    media: canonicalMedia(content.media ?? []),
    options: content.options ?? {},
    variants: channelIds.map((channelId) => {
      const variant = byChannel.get(channelId);
      return {
        channelId,
        text: variant?.text ?? null,
        media: variant?.media ? canonicalMedia(variant.media) : null,
        options: variant?.options ?? {},
      };
    }),
    ...(published.length > 0
      ? { published: published.map((p) => ({ channelId: p.channelId, text: p.text })) }
      : {}),
  };
}

/**
 * SHA-256 (hex) of the canonical JSON of the approvable content. Pass `hasher` to use a
 * platform implementation; it must be SHA-256 over UTF-8 and return lowercase hex.
 */
export function contentHash(
  content: ApprovableContent,
  hasher: (text: string) => string = sha256Hex,
): string {
  return hasher(canonicalJson(canonicalContent(content)));
}
