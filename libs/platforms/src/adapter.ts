import { type LengthUnit, type Platform } from '@postplan/domain';
import { type z } from 'zod';

/**
 * The one seam between the publishing engine and a platform. The engine owns the outbox,
 * leases, retries and alerts; an adapter only speaks the platform's HTTP API and says what
 * an answer means. Adding a platform is one file implementing this, its fake server and its
 * tests (see docs/publishing.md).
 */
export interface PlatformAdapter {
  readonly platform: Platform;
  /** What the platform accepts and how fast: the engine, the wording engine and the editor read the same data. */
  readonly limits: PlatformLimits;
  /**
   * True when calling publish twice with the same idempotency key can never post twice (the
   * platform deduplicates on the key, or the adapter writes to a client-chosen record key).
   * Only then may a lease that expired while `sending` be retried instead of becoming
   * `unconfirmed`.
   */
  readonly idempotent: boolean;

  /**
   * Sends one publication. Called once per attempt. Resolves with where the post now lives;
   * rejects with a PublishError that classifies the failure. Any other rejection is treated
   * as `unknown` (the engine cannot tell whether anything was sent).
   */
  publish(request: PublishRequest): Promise<PublishResult>;

  /**
   * Asks the platform whether an attempt whose outcome is unknown did go out. Adapters that
   * cannot tell leave it out; their unconfirmed rows wait for a person.
   */
  reconcile?(request: PublishRequest): Promise<ReconcileResult>;

  /** Checks that the channel's settings and credentials work, without posting anything. */
  verify?(channel: ChannelTarget, signal: AbortSignal): Promise<VerifyResult>;

  /**
   * The comments and replies under one of our posts (a contest's entries), oldest first, every
   * level of a thread. `since` (when given) leaves out what was written before it. Adapters whose
   * platform offers no way to read replies leave it out. Rejects with a PublishError.
   */
  listReplies?(
    channel: ChannelTarget,
    platformPostId: string,
    since: Date | null,
    signal: AbortSignal,
  ): Promise<PlatformReply[]>;
}

/** A comment or reply as a platform shows it. */
export type PlatformReply = {
  /** The platform's id of the comment (stable: collecting twice finds the same ids). */
  id: string;
  /** The author's handle as people write it (without a leading @). */
  authorHandle: string;
  authorName: string | null;
  text: string;
  /** ISO 8601 in UTC. */
  createdAt: string;
  /** The comment this one answers; null for a direct answer to the post. */
  parentId: string | null;
};

/** The channel as an adapter sees it: its settings and, decrypted, its secrets. */
export type ChannelTarget = {
  id: string;
  name: string;
  platform: Platform;
  /** Non-secret settings (a webhook URL, a board id, an instance URL), validated by the adapter. */
  settings: Readonly<Record<string, unknown>>;
  /** Secrets (tokens, signing keys), decrypted only for the call; never logged. */
  credentials: Readonly<Record<string, string>> | null;
};

export type PublishMedia = {
  id: string;
  /** The engine always fills kind, durationMs and sha256; older callers may leave them out. */
  kind?: 'image' | 'video';
  /**
   * Where the platform (or the adapter) fetches the bytes: a signed, time-limited URL to
   * Postplan's public media route, valid long enough for one publishing attempt.
   */
  url: string;
  mimeType: string;
  altText: string | null;
  width: number | null;
  height: number | null;
  durationMs?: number | null;
  bytes: number;
  sha256?: string;
};

/** Exactly what was approved: the text of this channel's variant, with the post's context. */
export type PublishContent = {
  postId: string;
  title: string | null;
  text: string;
  tags: readonly string[];
  media: readonly PublishMedia[];
  /** Per-platform options stored in the variant (first comment, board, visibility ...). */
  options: Readonly<Record<string, unknown>>;
  /** The planned instant, ISO 8601 in UTC. */
  plannedAt: string;
  /** The hash the approval was bound to; the engine re-checked it when claiming. */
  contentHash: string;
};

export type PublishRequest = {
  /** The publication id: stable across attempts, the idempotency key every adapter sends. */
  idempotencyKey: string;
  attempt: number;
  channel: ChannelTarget;
  content: PublishContent;
  /**
   * Progress an earlier attempt saved (an Instagram container id, a Bluesky record key), so a
   * retry continues instead of starting again. Null on the first attempt.
   */
  checkpoint: Readonly<Record<string, unknown>> | null;
  /** Stores progress durably before the adapter takes the next irreversible step. */
  saveCheckpoint(checkpoint: Record<string, unknown>): Promise<void>;
  /** Aborted when the lease runs out or the process stops. */
  signal: AbortSignal;
};

export type PublishResult = {
  /** The platform's id of the post; stored the moment the platform returns it. */
  platformPostId: string;
  /** A link a person can open, where the platform has one. */
  url: string | null;
};

export type ReconcileResult =
  | { status: 'published'; platformPostId: string; url: string | null }
  /** The platform says for certain that nothing went out: safe to publish again. */
  | { status: 'absent' }
  /** The platform cannot tell (yet): a person decides. */
  | { status: 'unknown'; reason: string };

export type VerifyResult =
  | { ok: true; accountName: string | null; expiresAt: string | null }
  | { ok: false; error: PublishError };

/** Width divided by height: 0.8 is 4:5 (portrait), 1.91 is 1.91:1 (landscape). */
export type AspectRatioRange = { min: number; max: number };

export type PlatformLimits = {
  /** Counted the way the wording engine counts (`utf16`: JavaScript string length, as the Graph APIs and Telegram measure). */
  text: { max: number; unit: LengthUnit } | null;
  media: {
    maxCount: number;
    maxImageBytes: number | null;
    maxVideoBytes: number | null;
    mimeTypes: readonly string[];
    /** Width divided by height, inclusive bounds, per kind; null: any shape. */
    aspectRatio: { image: AspectRatioRange | null; video: AspectRatioRange | null };
    /** The longest video the platform takes; null: no limit of its own (only the size). */
    maxVideoDurationMs: number | null;
    required: boolean;
  } | null;
  /** At most this many calls in flight per channel. */
  concurrency: number;
  /** At most this many calls per channel in any rolling minute; null for no limit of ours. */
  perMinute: number | null;
};

export const ERROR_CLASSES = ['retryable', 'permanent', 'unknown'] as const;
/**
 * retryable: nothing was sent, try again later (connection refused, 429, a 5xx the platform
 * documents as not applied). permanent: it will never work as it is (validation, revoked
 * token). unknown: it may have been sent (a timeout after the request left, a crash).
 */
export type ErrorClass = (typeof ERROR_CLASSES)[number];

/** How an adapter reports a failure: a class, a stable code, and a message a person can act on. */
export class PublishError extends Error {
  override readonly name = 'PublishError';
  constructor(
    readonly errorClass: ErrorClass,
    /** Stable, upper snake case, e.g. `RATE_LIMITED`, `TOKEN_REVOKED`, `TIMEOUT_AFTER_SEND`. */
    readonly code: string,
    message: string,
    readonly options: {
      /** From the platform's retry-after (or reset) header; the engine waits at least this long. */
      retryAfterMs?: number;
      /** The platform said the post already exists and named it (a duplicate answer). */
      existing?: PublishResult;
      cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }
}

export function isPublishError(e: unknown): e is PublishError {
  return e instanceof PublishError;
}

/**
 * The variant's options for this platform, parsed, or a permanent OPTIONS_INVALID that says
 * which: options the editor let through but the platform cannot take will never publish.
 */
export function variantOptions<S extends z.ZodType>(
  schema: S,
  request: PublishRequest,
  invalid: string,
): z.output<S> {
  const parsed = schema.safeParse(request.content.options);
  if (!parsed.success) throw new PublishError('permanent', 'OPTIONS_INVALID', invalid);
  return parsed.data;
}
