import { z } from 'zod';

/**
 * Every error code the API can answer with. Clients (the web app, scripts) switch on these;
 * they never change meaning once released. The HTTP status for each lives in the API's
 * exception filter, which the compiler forces to cover this whole list.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_TEXT',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'ROUTE_NOT_FOUND',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'CSRF_TOKEN_INVALID',
  'FORBIDDEN_ROLE',
  'SETUP_ALREADY_DONE',
  'WORKSPACE_NOT_FOUND',
  'SLUG_TAKEN',
  'INVALID_TIME_ZONE',
  'LOCAL_TIME_DOES_NOT_EXIST',
  'LOCAL_TIME_AMBIGUOUS',
  'INVALID_DATE_RANGE',
  'MEMBER_NOT_FOUND',
  'MEMBER_EXISTS',
  'LAST_OWNER',
  'TOKEN_NOT_FOUND',
  // accounts: invitations, passwords, tokens
  'WEAK_PASSWORD',
  'INVITATION_NOT_FOUND',
  'INVITATION_EXPIRED',
  'INVITATION_SIGN_IN_REQUIRED',
  'EMAIL_NOT_VERIFIED',
  'PASSWORD_RESET_INVALID',
  'TOKEN_EXPIRED',
  'TOKEN_SCOPE_MISSING',
  'SESSION_REQUIRED',
  'CHANNEL_NOT_FOUND',
  'UNKNOWN_CHANNEL',
  'POST_NOT_FOUND',
  'POST_NOT_DELETED',
  'VERSION_REQUIRED',
  'STALE_VERSION',
  // review and approval
  'TRANSITION_NOT_ALLOWED',
  'NOT_ALLOWED_VIA_LINK',
  'SELF_APPROVAL_FORBIDDEN',
  'NOT_AN_APPROVER',
  'LEVEL_NOT_REACHED',
  'ALREADY_DECIDED',
  'WORDING_BLOCKED',
  'CONTENT_CHANGED',
  'NO_ELIGIBLE_APPROVER',
  'NOT_YET_DUE',
  'REVIEW_ROUND_MISSING',
  'ANCHOR_RANGE_INVALID',
  'SUGGESTION_OUTDATED',
  'REVISION_NOT_FOUND',
  // comments on the wording
  'COMMENT_NOT_FOUND',
  'NOT_COMMENT_AUTHOR',
  'SUGGESTION_NOT_OPEN',
  // client review links
  'REVIEW_LINK_NOT_FOUND',
  'REVIEW_LINK_EXPIRED',
  'REVIEW_LINK_PASSWORD_REQUIRED',
  'REVIEW_LINK_PASSWORD_WRONG',
  'REVIEW_LINK_PERMISSION_MISSING',
  'REVIEW_LINK_SCOPE_PARTIAL',
  'UNKNOWN_POST',
  // notifications and the crisis stop
  'NOTIFICATION_NOT_FOUND',
  'ALREADY_PAUSED',
  'NOT_PAUSED',
  'POST_NOT_DUE',
  'PLANNED_TIME_IN_PAST',
  // publishing
  'PUBLICATION_NOT_FOUND',
  'PUBLICATION_STATE_CONFLICT',
  'POST_NOT_APPROVED',
  'NOTHING_TO_PUBLISH',
  // wording review
  'BRAND_CSV_INVALID',
  'BRAND_RULE_DUPLICATE',
  // export, import and share links
  'IMPORT_NOT_FOUND',
  'IMPORT_FILE_INVALID',
  'IMPORT_HAS_ERRORS',
  'IMPORT_ALREADY_RUN',
  'SHARE_LINK_NOT_FOUND',
  'SHARE_LINK_EXPIRED',
  'SHARE_LINK_PASSWORD_REQUIRED',
  'SHARE_LINK_PASSWORD_WRONG',
  'FEED_NOT_FOUND',
  'PDF_RENDERER_UNAVAILABLE',
  // campaigns
  'CAMPAIGN_NOT_FOUND',
  'UNKNOWN_CAMPAIGN',
  'CAMPAIGN_HAS_POSTS',
  'CAMPAIGN_OWNER_NOT_MEMBER',
  'INTERNAL_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
