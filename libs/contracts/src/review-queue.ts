import { z } from 'zod';
import { InstantSchema } from './common';
import { PostSchema } from './posts';

export const ReviewQueueItemSchema = z.object({
  post: PostSchema,
  contentHash: z.string(),
  round: z.number().int(),
  level: z.object({ index: z.number().int(), name: z.string(), client: z.boolean() }).nullable(),
  waitingSince: InstantSchema,
  /** The caller may decide on the current level now. */
  mine: z.boolean(),
});
export type ReviewQueueItem = z.infer<typeof ReviewQueueItemSchema>;

export const ReviewQueueSchema = z.object({ items: z.array(ReviewQueueItemSchema) });
export type ReviewQueue = z.infer<typeof ReviewQueueSchema>;
