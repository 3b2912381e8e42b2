import type { PostStatus } from '@postplan/contracts';

/** Drafts go to review; so do posts sent back with changes requested, once reworked. */
export function canSubmitForReview(status: PostStatus): boolean {
  return status === 'draft' || status === 'changes_requested';
}

export type ServerBlocker = {
  channelId: string | null;
  rule: string;
  message: string;
  messages?: { de: string; en: string };
};

/**
 * The findings the server named when it refused to submit (422 WORDING_BLOCKED). Read
 * defensively: a details shape we do not know yields an empty list, and the generic message.
 */
export function blockersFrom(details: unknown): ServerBlocker[] {
  if (typeof details !== 'object' || details === null) return [];
  const list = (details as { findings?: unknown }).findings;
  if (!Array.isArray(list)) return [];
  const blockers: ServerBlocker[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const { channelId, rule, message, messages } = item as Record<string, unknown>;
    if (typeof message !== 'string' || typeof rule !== 'string') continue;
    const blocker: ServerBlocker = {
      channelId: typeof channelId === 'string' ? channelId : null,
      rule,
      message,
    };
    if (isLocalized(messages)) blocker.messages = messages;
    blockers.push(blocker);
  }
  return blockers;
}

function isLocalized(value: unknown): value is { de: string; en: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { de, en } = value as Record<string, unknown>;
  return typeof de === 'string' && typeof en === 'string';
}
