import {
  type ApprovalPolicy,
  ApprovalPolicySchema,
  type ApprovalPolicyInput,
} from './approval-policy.schema';
import { type ReviewActor, type ReviewState, type TransitionContext } from './review.model';

/** Shared by the review specs: a cast of people and a post, so each test states only its twist. */

export const AUTHOR = 'u-anna';
export const EDITOR = 'u-ben';
export const CHIEF = 'u-carla';
export const LEGAL = 'u-dieter';

export const author: ReviewActor = { userId: AUTHOR, role: 'author', isAuthor: true };
export const editor: ReviewActor = { userId: EDITOR, role: 'editor', isAuthor: false };
export const chief: ReviewActor = { userId: CHIEF, role: 'admin', isAuthor: false };
export const legal: ReviewActor = { userId: LEGAL, role: 'viewer', isAuthor: false };
export const client: ReviewActor = {
  userId: 'link-7',
  role: 'guest',
  isAuthor: false,
  viaLink: { linkId: 'link-7' },
};

export const policy = (input: ApprovalPolicyInput): ApprovalPolicy =>
  ApprovalPolicySchema.parse(input);

export const requiredPolicy = policy({
  kind: 'required',
  approvers: { roles: ['editor', 'admin'] },
});

export const NOW = new Date('2026-06-01T08:00:00Z');

export const ctx = (extra: Partial<TransitionContext> = {}): TransitionContext => ({
  now: NOW,
  contentHash: 'hash-1',
  ...extra,
});

export const draftPost = (extra: Partial<ReviewState> = {}): ReviewState => ({
  status: 'draft',
  authorId: AUTHOR,
  plannedAt: '2026-06-05T10:00:00Z',
  round: null,
  approval: null,
  ...extra,
});

/** Unwraps a result that the test expects to succeed, with the failure in the message if not. */
export function expectOk<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}
