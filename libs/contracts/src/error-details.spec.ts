import { describe, expect, it } from '@jest/globals';
import {
  ERROR_DETAILS,
  type ErrorDetails,
  errorDetailsProblem,
  errorFactories,
  readErrorDetails,
} from './error-details';
import { ERROR_CODES, ErrorBodySchema, type ErrorCode } from './errors';

const id = '00000000-0000-4000-8000-000000000001';

/**
 * One example of every code's details, as the API sends them. The type makes a new code
 * impossible to leave out; the test below makes a schema that refuses its own example fail.
 */
const EXAMPLES: { [C in ErrorCode]: ErrorDetails<C> } = {
  VALIDATION_FAILED: {
    issues: [{ path: 'scope.to', message: 'A period needs an end', code: 'custom' }],
  },
  INVALID_TEXT: { location: 'body', path: 'variants.0.text', problem: 'NUL' },
  MALFORMED_JSON: undefined,
  PAYLOAD_TOO_LARGE: undefined,
  UNSUPPORTED_MEDIA_TYPE: undefined,
  ROUTE_NOT_FOUND: undefined,
  UNAUTHENTICATED: undefined,
  INVALID_CREDENTIALS: { field: 'currentPassword' },
  TOO_MANY_ATTEMPTS: { retryAfterSeconds: 900 },
  CSRF_TOKEN_INVALID: undefined,
  FORBIDDEN_ROLE: { required: 'editor', role: 'author' },
  SETUP_ALREADY_DONE: undefined,
  WORKSPACE_NOT_FOUND: undefined,
  SLUG_TAKEN: { slug: 'nord' },
  INVALID_TIME_ZONE: { timeZone: 'Mars/Olympus' },
  LOCAL_TIME_DOES_NOT_EXIST: {
    local: '2026-03-29T02:30',
    timeZone: 'Europe/Berlin',
    nextValid: '2026-03-29T03:00:00+02:00',
  },
  LOCAL_TIME_AMBIGUOUS: {
    local: '2026-10-25T02:30',
    timeZone: 'Europe/Berlin',
    candidates: ['2026-10-25T02:30:00+02:00', '2026-10-25T02:30:00+01:00'],
  },
  INVALID_DATE_RANGE: undefined,
  MEMBER_NOT_FOUND: undefined,
  MEMBER_EXISTS: undefined,
  LAST_OWNER: undefined,
  TOKEN_NOT_FOUND: undefined,
  CHANNEL_NOT_FOUND: undefined,
  UNKNOWN_CHANNEL: { channelIds: [id] },
  VARIANT_OPTIONS_INVALID: {
    channels: [
      {
        channelId: id,
        platform: 'linkedin',
        issues: [{ path: 'visibility', message: 'Invalid option' }],
      },
    ],
  },
  CHANNEL_SETTINGS_INVALID: {
    issues: [
      { path: 'settings.chatId', message: 'A public channel as @name', code: 'invalid_format' },
    ],
  },
  CHANNEL_CREDENTIALS_INVALID: {
    issues: [{ path: 'credentials.botToken', message: 'The token @BotFather gave' }],
  },
  CHANNEL_VERIFY_FAILED: { platformCode: 'TOKEN_REVOKED', errorClass: 'permanent' },
  CHANNEL_CONNECT_KIND_WRONG: { kind: 'oauth' },
  OAUTH_NOT_CONFIGURED: { variable: 'POSTPLAN_X_CLIENT_ID' },
  OAUTH_STATE_INVALID: { reason: 'used' },
  OAUTH_EXCHANGE_FAILED: { status: 400 },
  OAUTH_NO_ACCOUNTS: { platform: 'facebook' },
  OAUTH_CHOICE_NOT_FOUND: undefined,
  OAUTH_CHOICE_EXPIRED: { expiredAt: '2030-03-02T08:15:00.000Z' },
  OAUTH_CHOICE_USED: undefined,
  OAUTH_CHOICE_OTHER_USER: undefined,
  OAUTH_ACCOUNT_NOT_OFFERED: { accountId: '104857600999' },
  CHANNEL_IN_USE: { waiting: 3 },
  POST_NOT_FOUND: undefined,
  POST_NOT_DELETED: undefined,
  VERSION_REQUIRED: undefined,
  STALE_VERSION: { resource: 'approval_policy', currentVersion: 4, reason: 'version' },
  TRANSITION_NOT_ALLOWED: { from: 'draft', action: 'approve', allowed: ['submit'] },
  NOT_ALLOWED_VIA_LINK: undefined,
  SELF_APPROVAL_FORBIDDEN: { reason: 'LINK_CREATED_BY_AUTHOR' },
  NOT_AN_APPROVER: undefined,
  LEVEL_NOT_REACHED: { currentLevel: 0, requestedLevel: 1 },
  ALREADY_DECIDED: undefined,
  WORDING_BLOCKED: {
    findings: [{ channelId: null, rule: 'spelling', message: 'Tippfehler', start: 0, end: 3 }],
  },
  CONTENT_CHANGED: { roundContentHash: 'a', currentContentHash: 'b' },
  NO_ELIGIBLE_APPROVER: { level: 'Redaktion' },
  NOT_YET_DUE: undefined,
  REVIEW_ROUND_MISSING: undefined,
  ANCHOR_RANGE_INVALID: { start: 3, end: 3, length: 10 },
  SUGGESTION_OUTDATED: { quote: 'Montag' },
  REVISION_NOT_FOUND: { number: 9 },
  COMMENT_NOT_FOUND: undefined,
  NOT_COMMENT_AUTHOR: undefined,
  SUGGESTION_NOT_OPEN: { state: 'accepted' },
  REVIEW_LINK_NOT_FOUND: undefined,
  REVIEW_LINK_EXPIRED: undefined,
  REVIEW_LINK_PASSWORD_REQUIRED: undefined,
  REVIEW_LINK_PASSWORD_WRONG: undefined,
  REVIEW_LINK_PERMISSION_MISSING: undefined,
  REVIEW_LINK_SCOPE_PARTIAL: undefined,
  UNKNOWN_POST: { postIds: [id] },
  NOTIFICATION_NOT_FOUND: { ids: [id] },
  ALREADY_PAUSED: { channelId: null },
  NOT_PAUSED: { channelId: id },
  POST_NOT_DUE: { postIds: [id] },
  PLANNED_TIME_IN_PAST: { postId: id, plannedAt: '2026-12-01T10:00:00+01:00' },
  BRAND_CSV_INVALID: {
    errors: [{ line: 2, column: 1, message: 'Leer', messages: { de: 'Leer', en: 'Empty' } }],
    total: 1,
  },
  BRAND_RULE_DUPLICATE: { index: 3, duplicateOf: 1, term: 'E-Mail' },
  WEAK_PASSWORD: { reason: 'too_common', score: 1, warning: null },
  INVITATION_NOT_FOUND: undefined,
  INVITATION_EXPIRED: undefined,
  INVITATION_SIGN_IN_REQUIRED: undefined,
  EMAIL_NOT_VERIFIED: undefined,
  PASSWORD_RESET_INVALID: undefined,
  TOKEN_EXPIRED: undefined,
  TOKEN_SCOPE_MISSING: { required: 'write', scopes: ['read'] },
  SESSION_REQUIRED: undefined,
  IMPORT_NOT_FOUND: undefined,
  IMPORT_FILE_INVALID: undefined,
  IMPORT_HAS_ERRORS: { ok: false, rows: 3, posts: 2, errors: 1, warnings: 0, issues: [] },
  IMPORT_ALREADY_RUN: undefined,
  IMAGE_FETCH_FAILED: { issues: [] },
  IMAGE_REJECTED: { issues: [] },
  SHARE_LINK_NOT_FOUND: undefined,
  SHARE_LINK_EXPIRED: undefined,
  SHARE_LINK_PASSWORD_REQUIRED: undefined,
  SHARE_LINK_PASSWORD_WRONG: undefined,
  FEED_NOT_FOUND: undefined,
  PDF_RENDERER_UNAVAILABLE: { chromiumPath: 'chromium' },
  PUBLICATION_NOT_FOUND: undefined,
  PUBLICATION_STATE_CONFLICT: { status: 'sending', allowed: ['failed'] },
  POST_NOT_APPROVED: { status: 'draft' },
  NOTHING_TO_PUBLISH: undefined,
  MEDIA_NOT_FOUND: undefined,
  MEDIA_FILE_MISSING: { field: 'file' },
  MEDIA_TOO_LARGE: { kind: 'image', bytes: 40_000_000, maxBytes: 31_457_280 },
  MEDIA_TYPE_UNSUPPORTED: { detected: 'application/pdf' },
  MEDIA_TYPE_MISMATCH: { detected: 'image/png', declared: 'image/jpeg' },
  MEDIA_FILE_DAMAGED: { reason: 'truncated' },
  MEDIA_DIMENSIONS_TOO_LARGE: { width: 30_000, height: 30_000, maxPixels: 100_000_000 },
  MEDIA_IN_USE: { postIds: [id] },
  UNKNOWN_MEDIA: { mediaIds: [id] },
  MEDIA_PLATFORM_REJECTED: {
    problems: [
      {
        channelId: id,
        platform: 'bluesky',
        mediaId: id,
        rule: 'image_size',
        message: 'Bluesky takes images up to 1 MB; this one has 2.4 MB',
        messages: {
          de: 'Bluesky nimmt Bilder bis 1 MB; dieses hat 2,4 MB',
          en: 'Bluesky takes images up to 1 MB; this one has 2.4 MB',
        },
      },
    ],
  },
  MEDIA_PROCESSING_UNAVAILABLE: { tool: 'ffprobe' },
  CONTEST_NOT_FOUND: undefined,
  CONTEST_NOT_OPEN: { status: 'committed' },
  CONTEST_PERIOD_NOT_ENDED: { entriesUntil: '2026-12-24T18:00:00+01:00' },
  CONTEST_RULES_MISSING: undefined,
  CONTEST_NO_ELIGIBLE_ENTRANTS: { entrants: 3 },
  CONTEST_NOT_COMMITTED: { status: 'open' },
  CONTEST_ALREADY_DRAWN: { drawnAt: '2026-12-24T18:05:00Z' },
  CONTEST_NOT_DRAWN: undefined,
  CONTEST_NO_ALTERNATE_LEFT: { alternates: 2 },
  CONTEST_ENTRANT_NOT_FOUND: { entrantId: 'E-0123456789abcdef' },
  CONTEST_NOT_A_WINNER: { entrantId: 'E-0123456789abcdef' },
  CONTEST_ENTRIES_CSV_INVALID: {
    dryRun: false,
    ok: false,
    encoding: 'windows-1252',
    rows: 2,
    imported: 0,
    issues: [
      {
        line: 3,
        column: 'handle',
        code: 'HANDLE_MISSING',
        severity: 'error',
        message: 'No handle',
      },
    ],
  },
  CONTEST_ENTRANT_DATA_DELETED: { deletedAt: '2027-03-24T03:00:00Z' },
  CAMPAIGN_NOT_FOUND: undefined,
  UNKNOWN_CAMPAIGN: { campaignId: id },
  CAMPAIGN_HAS_POSTS: { postCount: 3 },
  CAMPAIGN_OWNER_NOT_MEMBER: { ownerId: id },
  INTERNAL_ERROR: undefined,
};

describe('the error contract', () => {
  it('has a details schema for every code, and no schema without a code', () => {
    expect(Object.keys(ERROR_DETAILS).sort()).toEqual([...ERROR_CODES].sort());
  });

  it.each(ERROR_CODES.map((code) => [code]))(
    '%s: its factory builds a body whose details match the schema',
    (code) => {
      const details = EXAMPLES[code];
      expect(errorDetailsProblem(code, details)).toBeNull();
      const factory = errorFactories[code] as (message: string, details?: unknown) => unknown;
      const error = factory('Something to act on', details);
      expect(ErrorBodySchema.safeParse({ error }).success).toBe(true);
      expect(error).toEqual(
        details === undefined
          ? { code, message: 'Something to act on' }
          : { code, message: 'Something to act on', details },
      );
    },
  );

  it('refuses details a code does not carry, and the shapes STALE_VERSION used to have', () => {
    expect(errorDetailsProblem('POST_NOT_FOUND', { id })).not.toBeNull();
    expect(errorDetailsProblem('STALE_VERSION', { currentVersion: 3 })).not.toBeNull();
    expect(errorDetailsProblem('STALE_VERSION', { current: {} })).not.toBeNull();
    expect(errorDetailsProblem('VALIDATION_FAILED', { input: 'x' })).not.toBeNull();
    expect(errorDetailsProblem('TOO_MANY_ATTEMPTS', undefined)).not.toBeNull();
  });

  it('lets clients read details typed by the code, or null when they are not the contract', () => {
    const stale = readErrorDetails('STALE_VERSION', EXAMPLES.STALE_VERSION);
    expect(stale?.currentVersion).toBe(4);
    expect(readErrorDetails('STALE_VERSION', { currentVersion: 4 })).toBeNull();
    expect(readErrorDetails('LOCAL_TIME_AMBIGUOUS', null)).toBeNull();
    expect(readErrorDetails('POST_NOT_FOUND', undefined)).toBeNull();
  });
});
