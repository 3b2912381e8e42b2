import type { PostDetail, PostStatus } from '@postplan/contracts';
import type { MessageKey } from '../../../lib/i18n/messages-en';

type Reason = PostDetail['review']['statusReason'];

/**
 * One sentence on why the post is where it is, e.g. "Back in review: the text changed after
 * approval". The status names the state; the reason tells how it got there.
 */
export function statusExplanation(
  status: PostStatus,
  reason: Reason,
  approvalKind: 'reviewed' | 'not_required' | null = null,
): MessageKey {
  switch (status) {
    case 'idea':
      return 'review.explain.idea';
    case 'draft':
      switch (reason) {
        case 'promoted':
          return 'review.explain.draftPromoted';
        case 'withdrawn':
          return 'review.explain.draftWithdrawn';
        case 'reopened':
          return 'review.explain.draftReopened';
        case 'content_changed':
          return 'review.explain.draftBlocked';
        default:
          return 'review.explain.draft';
      }
    case 'in_review':
      return reason === 'content_changed'
        ? 'review.explain.inReviewChanged'
        : 'review.explain.inReview';
    case 'changes_requested':
      return 'review.explain.changesRequested';
    case 'approved':
      return approvalKind === 'not_required' || reason === 'released_without_review'
        ? 'review.explain.released'
        : 'review.explain.approved';
    case 'approval_expired':
      return 'review.explain.expired';
  }
}
