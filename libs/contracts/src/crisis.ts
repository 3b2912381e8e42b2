import { z } from 'zod';
import { DateTimeInputSchema, IdSchema, InstantSchema, PlatformSchema } from './common';

export const MAX_PAUSE_REASON_LENGTH = 500;

/** Why publishing stops: required, so everyone who sees the banner knows what is going on. */
export const PauseRequestSchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1, 'Give a reason, so the team knows why publishing stopped')
    .max(MAX_PAUSE_REASON_LENGTH, `At most ${MAX_PAUSE_REASON_LENGTH} characters`),
});
export type PauseRequest = z.input<typeof PauseRequestSchema>;

/** A member who acted; null when their account was deleted since. */
const PersonSchema = z.object({ userId: IdSchema, name: z.string() });

export const PauseSchema = z.object({
  id: IdSchema,
  scope: z.enum(['workspace', 'channel']),
  channel: z.object({ id: IdSchema, name: z.string(), platform: PlatformSchema }).nullable(),
  reason: z.string(),
  pausedAt: z.string(),
  pausedBy: PersonSchema.nullable(),
  resumedAt: z.string().nullable(),
  resumedBy: PersonSchema.nullable(),
});
export type Pause = z.infer<typeof PauseSchema>;

export const PauseStateSchema = z.object({
  workspace: PauseSchema.nullable().meta({ description: 'The workspace-wide pause, if active' }),
  channels: z.array(PauseSchema).meta({ description: 'Active pauses of single channels' }),
  duePostCount: z.number().int().meta({
    description: 'Posts that came due during an ended pause and still wait for a decision',
  }),
});
export type PauseState = z.infer<typeof PauseStateSchema>;

export const DuePostSchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  title: z.string(),
  text: z.string().meta({ description: 'The base text, shortened to 280 characters' }),
  plannedAt: InstantSchema,
  channelIds: z.array(IdSchema),
  pauseIds: z.array(IdSchema).meta({ description: 'The pauses that held this post' }),
});
export type DuePost = z.infer<typeof DuePostSchema>;

export const DuePostListSchema = z.object({ items: z.array(DuePostSchema), timeZone: z.string() });
export type DuePostList = z.infer<typeof DuePostListSchema>;

export const ResumeResponseSchema = z.object({
  pause: PauseSchema,
  state: PauseStateSchema,
  duePosts: z.array(DuePostSchema),
});
export type ResumeResponse = z.infer<typeof ResumeResponseSchema>;

export const DUE_POST_ACTIONS = ['publish_now', 'reschedule', 'skip'] as const;
export const DuePostActionSchema = z.enum(DUE_POST_ACTIONS);
export type DuePostAction = z.infer<typeof DuePostActionSchema>;

export const DuePostDecisionSchema = z.discriminatedUnion('action', [
  z.strictObject({ postId: IdSchema, action: z.literal('publish_now') }),
  z.strictObject({ postId: IdSchema, action: z.literal('skip') }),
  z.strictObject({
    postId: IdSchema,
    action: z.literal('reschedule'),
    plannedAt: DateTimeInputSchema,
  }),
]);
export type DuePostDecision = z.input<typeof DuePostDecisionSchema>;

export const DecideDuePostsRequestSchema = z.strictObject({
  decisions: z
    .array(DuePostDecisionSchema)
    .min(1)
    .max(200)
    .refine((list) => new Set(list.map((d) => d.postId)).size === list.length, {
      message: 'Each post may appear only once',
    }),
});
export type DecideDuePostsRequest = z.input<typeof DecideDuePostsRequestSchema>;

export const DecideDuePostsResponseSchema = z.object({
  items: z.array(
    z.object({
      postId: IdSchema,
      action: DuePostActionSchema,
      plannedAt: InstantSchema.nullable(),
      version: z.number().int(),
    }),
  ),
  remaining: z.array(DuePostSchema),
});
export type DecideDuePostsResponse = z.infer<typeof DecideDuePostsResponseSchema>;

export const PauseHistoryQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
export type PauseHistoryQuery = z.input<typeof PauseHistoryQuerySchema>;

export const PauseHistorySchema = z.object({
  items: z.array(PauseSchema),
  nextCursor: z.string().nullable(),
});
export type PauseHistory = z.infer<typeof PauseHistorySchema>;
