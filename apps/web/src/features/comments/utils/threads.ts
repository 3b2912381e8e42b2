import type { CommentThread } from '@postplan/contracts';

/** Words selected in one text of the post, ready to comment on. */
export type CommentSelection = {
  /** null: the base text; else the channel whose own text it is. */
  channelId: string | null;
  start: number;
  end: number;
  quote: string;
};

/** A highlighted range in one editor, linked to its thread. */
export type CommentHighlight = {
  threadId: string;
  from: number;
  to: number;
  /** The thread proposes a replacement for these words. */
  suggestion: boolean;
};

export function selectionForComment(
  text: string,
  from: number,
  to: number,
  channelId: string | null,
): CommentSelection | null {
  const start = Math.max(0, Math.min(from, to));
  const end = Math.min(text.length, Math.max(from, to));
  const quote = text.slice(start, end);
  if (quote.trim() === '') return null;
  return { channelId, start, end, quote };
}

/** The open, placeable threads of one text, as editor highlights. */
export function highlightsFor(
  threads: readonly CommentThread[],
  channelId: string | null,
): CommentHighlight[] {
  const result: CommentHighlight[] = [];
  for (const thread of threads) {
    const anchor = thread.anchor;
    if (!anchor?.range || anchor.channelId !== channelId || thread.resolvedAt) continue;
    result.push({
      threadId: thread.id,
      from: anchor.range.start,
      to: anchor.range.end,
      suggestion: thread.suggestion?.state === 'open',
    });
  }
  return result;
}

/**
 * The sidebar's order: threads on words in the order the words stand (base text first, then
 * each channel's text), then general and outdated threads, oldest first.
 */
export function sortThreads(
  threads: readonly CommentThread[],
  channelOrder: readonly string[] = [],
): CommentThread[] {
  const textRank = (channelId: string | null) =>
    channelId === null ? 0 : 1 + Math.max(0, channelOrder.indexOf(channelId));
  const key = (t: CommentThread): [number, number, number, string] => {
    const range = t.anchor?.range;
    if (!t.anchor || !range) return [1, 0, 0, t.createdAt];
    return [0, textRank(t.anchor.channelId), range.start, t.createdAt];
  };
  return [...threads].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2] || ka[3].localeCompare(kb[3]);
  });
}

export function splitByResolution(threads: readonly CommentThread[]): {
  open: CommentThread[];
  resolved: CommentThread[];
} {
  return {
    open: threads.filter((t) => t.resolvedAt === null),
    resolved: threads.filter((t) => t.resolvedAt !== null),
  };
}
