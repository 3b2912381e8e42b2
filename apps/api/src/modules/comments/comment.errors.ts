import { AppError } from '../../common/errors/app-error';

export type CommentErrorCode =
  | 'COMMENT_NOT_FOUND'
  | 'NOT_COMMENT_AUTHOR'
  | 'SUGGESTION_NOT_OPEN'
  | 'SUGGESTION_OUTDATED'
  | 'ANCHOR_RANGE_INVALID'
  | 'UNKNOWN_CHANNEL'
  | 'POST_NOT_FOUND'
  | 'STALE_VERSION'
  | 'FORBIDDEN_ROLE'
  | 'VALIDATION_FAILED';

export class CommentError<C extends CommentErrorCode = CommentErrorCode> extends AppError<C> {}

export const commentNotFound = () =>
  new CommentError('COMMENT_NOT_FOUND', 'There is no such comment on this post.');
