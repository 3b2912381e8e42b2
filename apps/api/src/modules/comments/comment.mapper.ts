import {
  type Comment,
  type CommentAnchor,
  type CommentAuthor,
  type CommentThread,
} from '@postplan/contracts';
import { reanchor, type TextAnchor } from '@postplan/domain';
import { type CommentRow } from './comments.repository';

/** The texts of a post that comments can point into. */
export type PostTexts = {
  text: string;
  variants: readonly { channelId: string; text: string | null }[];
};

/**
 * The text an anchor belongs to: the base text, or the variant's own text. A comment on a
 * variant whose override was removed (or whose channel left the post) has nothing to point at.
 */
export function anchoredText(post: PostTexts, channelId: string | null): string | null {
  if (channelId === null) return post.text;
  return post.variants.find((v) => v.channelId === channelId)?.text ?? null;
}

export function storedAnchor(row: CommentRow): TextAnchor | null {
  if (row.anchor_quote === null) return null;
  return {
    quote: row.anchor_quote,
    prefix: row.anchor_prefix ?? '',
    suffix: row.anchor_suffix ?? '',
    start: row.anchor_start ?? 0,
    end: row.anchor_end ?? 0,
  };
}

function toAnchor(row: CommentRow, post: PostTexts): CommentAnchor | null {
  const anchor = storedAnchor(row);
  if (!anchor) return null;
  const text = anchoredText(post, row.anchor_channel_id);
  const found = text === null ? ({ outdated: true } as const) : reanchor(anchor, text);
  const outdated = 'outdated' in found;
  return {
    channelId: row.anchor_channel_id,
    quote: anchor.quote,
    original: { start: anchor.start, end: anchor.end },
    range: outdated ? null : { start: found.start, end: found.end },
    outdated,
  };
}

function toAuthor(row: CommentRow): CommentAuthor {
  if (row.author_type === 'link') {
    return {
      type: 'link',
      linkId: row.link_id!,
      label: row.link_label ?? '',
      visitorName: row.visitor_name ?? '',
    };
  }
  return { type: 'user', userId: row.author_user_id!, name: row.author_name ?? '' };
}

const person = (id: string | null, name: string | null) =>
  id === null ? null : { userId: id, name: name ?? '' };

/** A deleted comment keeps its place in the thread, but not its words. */
export function toComment(row: CommentRow): Comment {
  const deleted = row.deleted_at !== null;
  return {
    id: row.id,
    postId: row.post_id,
    parentId: row.parent_id,
    author: toAuthor(row),
    body: deleted ? null : row.body,
    mentions: deleted ? [] : row.mentions,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deleted,
    postVersion: row.post_version,
  };
}

export function toThread(root: CommentRow, replies: CommentRow[], post: PostTexts): CommentThread {
  const deleted = root.deleted_at !== null;
  return {
    ...toComment(root),
    anchor: toAnchor(root, post),
    suggestion:
      root.suggestion === null || root.suggestion_state === null || deleted
        ? null
        : {
            text: root.suggestion,
            state: root.suggestion_state,
            decidedAt: root.suggestion_decided_at?.toISOString() ?? null,
            decidedBy: person(root.suggestion_decided_by, root.suggestion_decided_by_name),
          },
    resolvedAt: root.resolved_at?.toISOString() ?? null,
    resolvedBy: person(root.resolved_by, root.resolved_by_name),
    replies: replies.filter((r) => r.deleted_at === null).map(toComment),
  };
}

/**
 * Groups a post's comments into threads in the order they were started. A deleted first
 * comment stays as a placeholder while replies remain; deleted replies are left out.
 */
export function toThreads(rows: CommentRow[], post: PostTexts): CommentThread[] {
  const replies = new Map<string, CommentRow[]>();
  for (const row of rows) {
    if (row.parent_id === null) continue;
    const list = replies.get(row.parent_id) ?? [];
    list.push(row);
    replies.set(row.parent_id, list);
  }
  return rows
    .filter((row) => row.parent_id === null)
    .map((root) => toThread(root, replies.get(root.id) ?? [], post))
    .filter((thread) => !thread.deleted || thread.replies.length > 0);
}
