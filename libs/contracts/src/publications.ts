import { z } from 'zod';
import { IdSchema, InstantSchema, PlatformSchema, RangeBoundSchema } from './common';

/**
 * Publishing: one publication per (approved, planned post, target channel). See
 * docs/publishing.md for what each status means to a person.
 */
export const PUBLICATION_STATUSES = [
  'pending',
  'sending',
  'published',
  'failed',
  'unconfirmed',
  'missed',
  'cancelled',
] as const;
export const PublicationStatusSchema = z.enum(PUBLICATION_STATUSES);
export type PublicationStatus = z.infer<typeof PublicationStatusSchema>;

/** How the platform's answer was classified: retryable (nothing sent), permanent, unknown (may have been sent). */
export const PUBLISH_ERROR_CLASSES = ['retryable', 'permanent', 'unknown'] as const;
export const PublishErrorClassSchema = z.enum(PUBLISH_ERROR_CLASSES);
export type PublishErrorClass = z.infer<typeof PublishErrorClassSchema>;

export const PublicationErrorSchema = z.object({
  code: z.string().meta({ description: 'Stable, upper snake case, e.g. RATE_LIMITED' }),
  message: z.string().meta({ description: 'What went wrong, in words a person can act on' }),
  class: PublishErrorClassSchema,
});
export type PublicationError = z.infer<typeof PublicationErrorSchema>;

export const PublicationSchema = z.object({
  id: IdSchema,
  postId: IdSchema,
  channelId: IdSchema,
  platform: PlatformSchema,
  status: PublicationStatusSchema,
  dueAt: InstantSchema.meta({ description: 'When it is (or was) due, UTC' }),
  attempts: z.number().int(),
  nextAttemptAt: InstantSchema.nullable().meta({
    description: 'pending: when the next attempt starts (dueAt, or later after a retryable error)',
  }),
  platformPostId: z.string().nullable(),
  url: z.string().nullable().meta({ description: 'Where the published post can be opened' }),
  lastError: PublicationErrorSchema.nullable(),
  publishedAt: InstantSchema.nullable(),
  updatedAt: InstantSchema,
});
export type Publication = z.infer<typeof PublicationSchema>;

export const PublicationListSchema = z.object({ items: z.array(PublicationSchema) });
export type PublicationList = z.infer<typeof PublicationListSchema>;

/** The compact per-channel status a calendar event carries, for badges. */
export const PublicationSummarySchema = z.object({
  id: IdSchema,
  channelId: IdSchema,
  status: PublicationStatusSchema,
  dueAt: InstantSchema,
  url: z.string().nullable(),
});
export type PublicationSummary = z.infer<typeof PublicationSummarySchema>;

/** One line of the workspace's publishing log: what, where, when, the outcome and who acted last. */
export const PublicationLogEntrySchema = PublicationSchema.extend({
  post: z.object({ id: IdSchema, title: z.string(), authorId: IdSchema, authorName: z.string() }),
  channel: z.object({ id: IdSchema, name: z.string(), platform: PlatformSchema }),
  lastActor: z.object({ userId: IdSchema, name: z.string() }).nullable().meta({
    description:
      'The person whose action last changed it (confirm, publish again ...); null: the engine',
  }),
});
export type PublicationLogEntry = z.infer<typeof PublicationLogEntrySchema>;

const statusList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(PublicationStatusSchema).max(7));

export const PublicationLogQuerySchema = z.strictObject({
  status: statusList.optional().meta({ description: 'Comma-separated statuses' }),
  from: RangeBoundSchema.optional().meta({ description: 'dueAt >= from (a day or date-time)' }),
  to: RangeBoundSchema.optional().meta({ description: 'dueAt < to' }),
  channel: IdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().meta({ description: 'nextCursor of the previous page' }),
});
export type PublicationLogQuery = z.input<typeof PublicationLogQuerySchema>;

export const PublicationLogSchema = z.object({
  items: z.array(PublicationLogEntrySchema),
  nextCursor: z.string().nullable(),
});
export type PublicationLog = z.infer<typeof PublicationLogSchema>;

const httpUrl = z
  .url({ protocol: /^https?$/, message: 'An http:// or https:// address' })
  .max(2000);

/**
 * "It is online, here is the link": an unconfirmed publication was published after all, or a
 * manual one was done by hand. POST .../publications/{id}/confirm
 */
export const ConfirmPublicationRequestSchema = z.strictObject({
  url: httpUrl,
  platformPostId: z.string().trim().min(1).max(500).optional(),
  note: z.string().trim().max(500).optional(),
});
export type ConfirmPublicationRequest = z.input<typeof ConfirmPublicationRequestSchema>;

/**
 * POST .../publications/{id}/publish-again (unconfirmed, failed or missed: due now),
 * .../retry (failed: due now) and .../skip (missed: cancelled). The note goes to the audit log.
 */
export const PublicationActionRequestSchema = z.strictObject({
  note: z.string().trim().max(500).optional(),
});
export type PublicationActionRequest = z.input<typeof PublicationActionRequestSchema>;

/** POST .../posts/{id}/publish-now: an approved post's pending publications become due now. */
export const PublishNowRequestSchema = z.strictObject({
  version: z.number().int().positive().optional().meta({
    description: 'The post version the person saw; If-Match may carry it instead',
  }),
});
export type PublishNowRequest = z.input<typeof PublishNowRequestSchema>;
