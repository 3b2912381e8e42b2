import { z } from 'zod';
import { TokenScopeSchema } from './auth';
import { IdSchema, PlatformSchema, RoleSchema } from './common';
import { ERROR_CODES, type ErrorCode } from './errors';
import { MediaKindSchema, MediaProblemSchema } from './media';
import { ContestStatusSchema, EntryCsvReportSchema } from './contests';
import { ImportImageProblemsSchema, ImportReportSchema } from './plan-exchange';
import { PostSchema, PostStatusSchema } from './posts';

/**
 * The shape of `details` for every error code, the one contract between the API (which builds
 * errors with `apiError` and checks what it sends against these) and its clients (which read
 * them with `readErrorDetails` instead of guessing). A code whose details are `z.undefined()`
 * never carries any. Changing a shape here is a breaking change of the API.
 */

const none = z.undefined();

/** One problem with a field: `path` is dotted (`variants.0.text`), empty for the whole body. */
export const ValidationIssueSchema = z.looseObject({
  path: z.string(),
  message: z.string(),
  code: z.string().optional(),
});
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;

export const ValidationFailedDetailsSchema = z.object({ issues: z.array(ValidationIssueSchema) });

/**
 * INVALID_TEXT: a string PostgreSQL cannot store (U+0000, a lone UTF-16 surrogate) or a URL part
 * whose percent-encoding is not UTF-8. `path` is the field path inside the body or the query
 * (`variants.0.text`, `q`), or the index of the URL path segment (`0` is `api`).
 */
export const InvalidTextDetailsSchema = z.object({
  location: z.enum(['body', 'query', 'path']),
  path: z.string(),
  problem: z.enum(['NUL', 'LONE_SURROGATE', 'MALFORMED_ENCODING']),
});
export type InvalidTextDetails = z.infer<typeof InvalidTextDetailsSchema>;

/**
 * STALE_VERSION, one shape wherever it happens: what was stale, its version now, and for a post
 * the post as it is now (so an editor can show the other version without another request).
 * `reason` is `text_moved` when a comment's selected words are no longer where the client saw
 * them.
 */
export const StaleVersionDetailsSchema = z.object({
  resource: z.enum(['post', 'approval_policy', 'wording_settings', 'campaign', 'contest']),
  currentVersion: z.number().int(),
  current: PostSchema.optional(),
  reason: z.enum(['version', 'text_moved']),
});
export type StaleVersionDetails = z.infer<typeof StaleVersionDetailsSchema>;

const RetryAfterSchema = z.object({ retryAfterSeconds: z.number().int().positive() });
const Localized = z.object({ de: z.string(), en: z.string() });

export const WordingBlockerSchema = z.looseObject({
  channelId: z.string().nullable(),
  rule: z.string(),
  message: z.string(),
  messages: Localized.optional(),
});
export type WordingBlocker = z.infer<typeof WordingBlockerSchema>;

export const CsvRowErrorSchema = z.object({
  line: z.number().int(),
  column: z.number().int(),
  field: z.string().optional(),
  message: z.string(),
  messages: Localized.optional(),
});

export const ERROR_DETAILS = {
  VALIDATION_FAILED: ValidationFailedDetailsSchema,
  INVALID_TEXT: InvalidTextDetailsSchema,
  MALFORMED_JSON: none,
  PAYLOAD_TOO_LARGE: none,
  UNSUPPORTED_MEDIA_TYPE: none,
  ROUTE_NOT_FOUND: none,
  UNAUTHENTICATED: none,
  INVALID_CREDENTIALS: z.object({ field: z.literal('currentPassword') }).optional(),
  TOO_MANY_ATTEMPTS: RetryAfterSchema,
  CSRF_TOKEN_INVALID: none,
  FORBIDDEN_ROLE: z.object({ required: RoleSchema, role: RoleSchema.optional() }).optional(),
  SETUP_ALREADY_DONE: none,
  WORKSPACE_NOT_FOUND: none,
  SLUG_TAKEN: z.object({ slug: z.string() }),
  INVALID_TIME_ZONE: z.object({ timeZone: z.string() }),
  LOCAL_TIME_DOES_NOT_EXIST: z.object({
    local: z.string(),
    timeZone: z.string(),
    nextValid: z.string(),
  }),
  LOCAL_TIME_AMBIGUOUS: z.object({
    local: z.string(),
    timeZone: z.string(),
    candidates: z.tuple([z.string(), z.string()]),
  }),
  INVALID_DATE_RANGE: none,
  MEMBER_NOT_FOUND: none,
  MEMBER_EXISTS: none,
  LAST_OWNER: none,
  TOKEN_NOT_FOUND: none,
  CHANNEL_NOT_FOUND: none,
  UNKNOWN_CHANNEL: z.object({ channelIds: z.array(z.string()) }),
  VARIANT_OPTIONS_INVALID: z.object({
    channels: z.array(
      z.object({
        channelId: z.string(),
        platform: PlatformSchema,
        issues: z.array(z.object({ path: z.string(), message: z.string() })),
      }),
    ),
  }),
  CHANNEL_SETTINGS_INVALID: ValidationFailedDetailsSchema,
  CHANNEL_CREDENTIALS_INVALID: ValidationFailedDetailsSchema,
  /** The platform's own answer to the check (TOKEN_REVOKED, TELEGRAM_BOT_CANNOT_POST ...). */
  CHANNEL_VERIFY_FAILED: z.object({
    platformCode: z.string(),
    errorClass: z.enum(['retryable', 'permanent', 'unknown']),
  }),
  CHANNEL_CONNECT_KIND_WRONG: z.object({ kind: z.enum(['form', 'oauth', 'none']) }),
  OAUTH_NOT_CONFIGURED: z.object({ variable: z.string() }),
  OAUTH_STATE_INVALID: z.object({
    reason: z.enum(['unknown', 'expired', 'used', 'other_session', 'denied']),
  }),
  OAUTH_EXCHANGE_FAILED: z.object({ status: z.number().int().nullable() }),
  /** The sign-in worked but manages nothing this channel could publish to. */
  OAUTH_NO_ACCOUNTS: z.object({ platform: z.enum(['facebook', 'instagram', 'linkedin']) }),
  OAUTH_CHOICE_NOT_FOUND: none,
  OAUTH_CHOICE_EXPIRED: z.object({ expiredAt: z.string() }),
  OAUTH_CHOICE_USED: none,
  OAUTH_CHOICE_OTHER_USER: none,
  OAUTH_ACCOUNT_NOT_OFFERED: z.object({ accountId: z.string() }),
  /** Publications still waiting on the channel: untick it in those posts, or pause it. */
  CHANNEL_IN_USE: z.object({ waiting: z.number().int() }),
  POST_NOT_FOUND: none,
  POST_NOT_DELETED: none,
  VERSION_REQUIRED: none,
  STALE_VERSION: StaleVersionDetailsSchema,
  TRANSITION_NOT_ALLOWED: z
    .object({ from: PostStatusSchema, action: z.string(), allowed: z.array(z.string()) })
    .optional(),
  NOT_ALLOWED_VIA_LINK: none,
  SELF_APPROVAL_FORBIDDEN: z
    .object({ reason: z.enum(['SIGNED_IN_AS_AUTHOR', 'LINK_CREATED_BY_AUTHOR']) })
    .optional(),
  NOT_AN_APPROVER: none,
  LEVEL_NOT_REACHED: z.object({
    currentLevel: z.number().int(),
    requestedLevel: z.number().int(),
  }),
  ALREADY_DECIDED: none,
  WORDING_BLOCKED: z.object({ findings: z.array(WordingBlockerSchema) }),
  CONTENT_CHANGED: z.object({ roundContentHash: z.string(), currentContentHash: z.string() }),
  NO_ELIGIBLE_APPROVER: z.object({ level: z.string() }),
  NOT_YET_DUE: none,
  REVIEW_ROUND_MISSING: none,
  ANCHOR_RANGE_INVALID: z.object({
    start: z.number(),
    end: z.number(),
    length: z.number().int(),
  }),
  SUGGESTION_OUTDATED: z.object({ quote: z.string() }),
  REVISION_NOT_FOUND: z.object({ number: z.number().int() }),
  COMMENT_NOT_FOUND: none,
  NOT_COMMENT_AUTHOR: none,
  SUGGESTION_NOT_OPEN: z.object({ state: z.enum(['accepted', 'dismissed']) }),
  REVIEW_LINK_NOT_FOUND: none,
  REVIEW_LINK_EXPIRED: none,
  REVIEW_LINK_PASSWORD_REQUIRED: none,
  REVIEW_LINK_PASSWORD_WRONG: none,
  REVIEW_LINK_PERMISSION_MISSING: none,
  REVIEW_LINK_SCOPE_PARTIAL: none,
  UNKNOWN_POST: z.object({ postIds: z.array(z.string()) }),
  NOTIFICATION_NOT_FOUND: z.object({ ids: z.array(z.string()) }).optional(),
  ALREADY_PAUSED: z.object({ channelId: IdSchema.nullable() }),
  NOT_PAUSED: z.object({ channelId: IdSchema.nullable() }),
  POST_NOT_DUE: z.object({ postIds: z.array(IdSchema) }),
  PLANNED_TIME_IN_PAST: z.object({ postId: IdSchema, plannedAt: z.string() }),
  BRAND_CSV_INVALID: z.object({
    errors: z.array(CsvRowErrorSchema),
    total: z.number().int(),
  }),
  BRAND_RULE_DUPLICATE: z.object({
    index: z.number().int(),
    duplicateOf: z.number().int(),
    term: z.string(),
  }),
  WEAK_PASSWORD: z.discriminatedUnion('reason', [
    z.object({ reason: z.literal('too_short'), minLength: z.number().int() }),
    z.object({
      reason: z.literal('too_common'),
      score: z.number().int(),
      warning: z.string().nullable(),
    }),
  ]),
  INVITATION_NOT_FOUND: none,
  INVITATION_EXPIRED: none,
  INVITATION_SIGN_IN_REQUIRED: none,
  EMAIL_NOT_VERIFIED: none,
  PASSWORD_RESET_INVALID: none,
  TOKEN_EXPIRED: none,
  TOKEN_SCOPE_MISSING: z.object({ required: TokenScopeSchema, scopes: z.array(TokenScopeSchema) }),
  SESSION_REQUIRED: none,
  IMPORT_NOT_FOUND: none,
  IMPORT_FILE_INVALID: none,
  IMPORT_HAS_ERRORS: ImportReportSchema.omit({ outcomes: true }),
  IMPORT_ALREADY_RUN: none,
  IMAGE_FETCH_FAILED: ImportImageProblemsSchema,
  IMAGE_REJECTED: ImportImageProblemsSchema,
  SHARE_LINK_NOT_FOUND: none,
  SHARE_LINK_EXPIRED: none,
  SHARE_LINK_PASSWORD_REQUIRED: none,
  SHARE_LINK_PASSWORD_WRONG: none,
  FEED_NOT_FOUND: none,
  PDF_RENDERER_UNAVAILABLE: z.object({ chromiumPath: z.string() }),
  PUBLICATION_NOT_FOUND: none,
  PUBLICATION_STATE_CONFLICT: z.object({ status: z.string(), allowed: z.array(z.string()) }),
  POST_NOT_APPROVED: z.object({ status: z.string() }).optional(),
  NOTHING_TO_PUBLISH: none,
  MEDIA_NOT_FOUND: none,
  MEDIA_FILE_MISSING: z.object({ field: z.string() }),
  /** `bytes` is null when the upload was cut off at the limit (the full size is unknown). */
  MEDIA_TOO_LARGE: z.object({
    kind: MediaKindSchema.nullable(),
    bytes: z.number().int().nullable(),
    maxBytes: z.number().int(),
  }),
  /** `detected`: what the first bytes say (null: nothing we know). */
  MEDIA_TYPE_UNSUPPORTED: z.object({ detected: z.string().nullable() }),
  /** The file is a `detected` behind a name or Content-Type that says `declared`. */
  MEDIA_TYPE_MISMATCH: z.object({ detected: z.string(), declared: z.string() }),
  MEDIA_FILE_DAMAGED: z.object({ reason: z.enum(['truncated', 'unreadable']) }),
  MEDIA_DIMENSIONS_TOO_LARGE: z.object({
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    maxPixels: z.number().int(),
  }),
  MEDIA_IN_USE: z.object({ postIds: z.array(IdSchema) }),
  UNKNOWN_MEDIA: z.object({ mediaIds: z.array(z.string()) }),
  MEDIA_PLATFORM_REJECTED: z.object({ problems: z.array(MediaProblemSchema) }),
  MEDIA_PROCESSING_UNAVAILABLE: z.object({ tool: z.enum(['ffprobe', 'ffmpeg', 'storage']) }),
  CONTEST_NOT_FOUND: none,
  CONTEST_NOT_OPEN: z.object({ status: ContestStatusSchema }),
  CONTEST_PERIOD_NOT_ENDED: z.object({ entriesUntil: z.string() }),
  CONTEST_RULES_MISSING: none,
  CONTEST_NO_ELIGIBLE_ENTRANTS: z.object({ entrants: z.number().int() }),
  CONTEST_NOT_COMMITTED: z.object({ status: ContestStatusSchema }),
  CONTEST_ALREADY_DRAWN: z.object({ drawnAt: z.string() }),
  CONTEST_NOT_DRAWN: none,
  CONTEST_NO_ALTERNATE_LEFT: z.object({ alternates: z.number().int() }),
  CONTEST_ENTRANT_NOT_FOUND: z.object({ entrantId: z.string() }),
  CONTEST_NOT_A_WINNER: z.object({ entrantId: z.string() }),
  CONTEST_ENTRIES_CSV_INVALID: EntryCsvReportSchema,
  CONTEST_ENTRANT_DATA_DELETED: z.object({ deletedAt: z.string() }),
  CAMPAIGN_NOT_FOUND: none,
  UNKNOWN_CAMPAIGN: z.object({ campaignId: z.string() }),
  CAMPAIGN_HAS_POSTS: z.object({ postCount: z.number().int() }),
  CAMPAIGN_OWNER_NOT_MEMBER: z.object({ ownerId: z.string() }),
  INTERNAL_ERROR: none,
} as const satisfies Record<ErrorCode, z.ZodType>;

export type ErrorDetails<C extends ErrorCode> = z.output<(typeof ERROR_DETAILS)[C]>;

/** What an error factory takes after the message: nothing, or the code's details. */
export type ErrorDetailsArgs<C extends ErrorCode> = [ErrorDetails<C>] extends [undefined]
  ? []
  : undefined extends ErrorDetails<C>
    ? [details?: ErrorDetails<C>]
    : [details: ErrorDetails<C>];

export type ApiErrorOf<C extends ErrorCode> = {
  code: C;
  message: string;
  details?: ErrorDetails<C>;
};

/**
 * One factory per code: `errorFactories.STALE_VERSION(message, details)` builds the error
 * body's `error` part with the details the code's schema describes (the compiler checks them).
 */
export type ErrorFactories = {
  [C in ErrorCode]: (message: string, ...details: ErrorDetailsArgs<C>) => ApiErrorOf<C>;
};

export const errorFactories = Object.fromEntries(
  ERROR_CODES.map((code) => [
    code,
    (message: string, details?: unknown) =>
      details === undefined ? { code, message } : { code, message, details },
  ]),
) as ErrorFactories;

/** Whether `details` are what `code` promises; the API checks every error it sends with it. */
export function errorDetailsProblem(code: ErrorCode, details: unknown): string | null {
  const result = ERROR_DETAILS[code].safeParse(details);
  return result.success
    ? null
    : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

/**
 * A client's way to read an error's details: typed by the code, or null when they are missing
 * or not what the contract says (an older server, a proxy's answer).
 */
export function readErrorDetails<C extends ErrorCode>(
  code: C,
  details: unknown,
): ErrorDetails<C> | null {
  const result = ERROR_DETAILS[code].safeParse(details);
  return result.success && result.data !== undefined ? (result.data as ErrorDetails<C>) : null;
}
