import { diffWordsWithSpace } from 'diff';
import { type JsonValue, canonicalJson } from './canonical-json.util';
import { type ApprovableContent, type ApprovableMedia } from './content-hash.rules';

export type DiffSegment = { kind: 'equal' | 'insert' | 'delete'; text: string };
export type TextDiff = { changed: boolean; segments: DiffSegment[] };

/**
 * Word-level diff, whitespace kept as its own tokens so line breaks and double spaces show.
 * Both sides are NFC-normalised first: a change of normalisation form does not change the
 * content hash, so it must not show up as a change to the reviewer either.
 */
export function diffText(before: string, after: string): TextDiff {
  const a = before.normalize('NFC');
  const b = after.normalize('NFC');
  if (a === b) return { changed: false, segments: a === '' ? [] : [{ kind: 'equal', text: a }] };
  const segments: DiffSegment[] = diffWordsWithSpace(a, b).map((part) => ({
    kind: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
    text: part.value,
  }));
  return { changed: true, segments };
}

export type MediaChange =
  | { kind: 'added' | 'removed'; id: string; alt: string | null }
  | { kind: 'alt_changed'; id: string; before: string | null; after: string | null }
  | { kind: 'reordered' };

export type VariantDiff = {
  channelId: string;
  presence: 'added' | 'removed' | 'kept';
  /** Whether the channel used the base text before and after (null override). */
  inheritsBase: { before: boolean; after: boolean };
  /** Diff of the text the channel actually publishes: its override or the base text. */
  text: TextDiff;
  media: MediaChange[];
  optionsChanged: boolean;
  changed: boolean;
};

export type ContentDiff = {
  changed: boolean;
  title: TextDiff;
  text: TextDiff;
  media: MediaChange[];
  optionsChanged: boolean;
  variants: VariantDiff[];
};

const nfc = (s: string | null): string | null => (s === null ? null : s.normalize('NFC'));

export function diffMedia(
  before: readonly ApprovableMedia[],
  after: readonly ApprovableMedia[],
): MediaChange[] {
  const old = new Map(before.map((m) => [m.id, m]));
  const now = new Map(after.map((m) => [m.id, m]));
  const changes: MediaChange[] = [];
  for (const m of before)
    if (!now.has(m.id)) changes.push({ kind: 'removed', id: m.id, alt: m.alt });
  for (const m of after) {
    const previous = old.get(m.id);
    if (!previous) changes.push({ kind: 'added', id: m.id, alt: m.alt });
    else if (nfc(previous.alt) !== nfc(m.alt)) {
      changes.push({ kind: 'alt_changed', id: m.id, before: previous.alt, after: m.alt });
    }
  }
  const keptOrder = (
    list: readonly ApprovableMedia[],
    other: Map<string, ApprovableMedia>,
  ): string[] => list.filter((m) => other.has(m.id)).map((m) => m.id);
  if (keptOrder(before, now).join('\u0000') !== keptOrder(after, old).join('\u0000'))
    changes.push({ kind: 'reordered' });
  return changes;
}

type Options = { [key: string]: JsonValue | undefined };
const sameJson = (a: Options | undefined, b: Options | undefined): boolean =>
  canonicalJson(a ?? {}) === canonicalJson(b ?? {});

type Channel = { text: string | null; media: readonly ApprovableMedia[] | null; options: Options };

function channelsOf(content: ApprovableContent): Map<string, Channel> {
  const channels = new Map<string, Channel>();
  for (const id of content.channelIds ?? [])
    channels.set(id, { text: null, media: null, options: {} });
  for (const v of content.variants ?? []) {
    channels.set(v.channelId, { text: v.text, media: v.media ?? null, options: v.options ?? {} });
  }
  return channels;
}

/** What changed between two revisions, field by field and channel by channel. */
export function diffContent(before: ApprovableContent, after: ApprovableContent): ContentDiff {
  const title = diffText(before.title ?? '', after.title ?? '');
  const text = diffText(before.text, after.text);
  const media = diffMedia(before.media ?? [], after.media ?? []);
  const optionsChanged = !sameJson(before.options, after.options);
  const old = channelsOf(before);
  const now = channelsOf(after);
  const ids = [...new Set([...old.keys(), ...now.keys()])].sort();
  const variants = ids.map((channelId): VariantDiff => {
    const a = old.get(channelId);
    const b = now.get(channelId);
    const presence = !a ? 'added' : !b ? 'removed' : 'kept';
    // A channel that is added or removed is shown against nothing, so every word is new or gone.
    const published = (c: Channel | undefined, content: ApprovableContent): string =>
      c ? (c.text ?? content.text) : '';
    const variantText = diffText(published(a, before), published(b, after));
    const variantMedia = diffMedia(
      a ? (a.media ?? before.media ?? []) : [],
      b ? (b.media ?? after.media ?? []) : [],
    );
    const variantOptions = !sameJson(a?.options, b?.options);
    return {
      channelId,
      presence,
      inheritsBase: { before: a?.text === null, after: b?.text === null },
      text: variantText,
      media: variantMedia,
      optionsChanged: variantOptions,
      changed:
        presence !== 'kept' || variantText.changed || variantMedia.length > 0 || variantOptions,
    };
  });
  return {
    changed:
      title.changed ||
      text.changed ||
      media.length > 0 ||
      optionsChanged ||
      variants.some((v) => v.changed),
    title,
    text,
    media,
    optionsChanged,
    variants,
  };
}
