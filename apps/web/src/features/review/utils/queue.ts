import type { ReviewQueueItem } from '@postplan/contracts';

export type QueueTab = 'mine' | 'all';

export function visibleItems(items: readonly ReviewQueueItem[], tab: QueueTab): ReviewQueueItem[] {
  return tab === 'mine' ? items.filter((i) => i.mine) : [...items];
}

/** Only posts the caller may decide on now can be approved in bulk. */
export function selectableIds(items: readonly ReviewQueueItem[]): string[] {
  return items.filter((i) => i.mine).map((i) => i.post.id);
}

/** What the bulk request sends: each post as it was listed, so a changed post is refused. */
export function bulkPayload(items: readonly ReviewQueueItem[], selected: ReadonlySet<string>) {
  return items
    .filter((i) => i.mine && selected.has(i.post.id))
    .map((i) => ({ id: i.post.id, version: i.post.version, contentHash: i.contentHash }));
}

/** Drops selections of posts that left the queue (approved elsewhere, withdrawn). */
export function keepSelectable(
  selected: ReadonlySet<string>,
  items: readonly ReviewQueueItem[],
): Set<string> {
  const allowed = new Set(selectableIds(items));
  return new Set([...selected].filter((id) => allowed.has(id)));
}
