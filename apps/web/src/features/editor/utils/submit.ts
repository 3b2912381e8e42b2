import { type PostStatus, readErrorDetails } from '@postplan/contracts';

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
 * The findings the server named when it refused to submit (422 WORDING_BLOCKED), read with the
 * error contract: details that are not the contract's yield an empty list, and the generic message.
 */
export function blockersFrom(details: unknown): ServerBlocker[] {
  const read = readErrorDetails('WORDING_BLOCKED', details);
  return (read?.findings ?? []).map((f) => ({
    channelId: f.channelId,
    rule: f.rule,
    message: f.message,
    ...(f.messages ? { messages: f.messages } : {}),
  }));
}
