import { z } from 'zod';
import { EDITORIAL_STATUSES } from '@postplan/domain';
import {
  DateTimeInputSchema,
  IdSchema,
  InstantSchema,
  MAX_TEXT_LENGTH,
  RangeBoundSchema,
} from './common';
import { CalendarCampaignSchema } from './campaigns';
import { PostMediaInputListSchema, PostMediaListSchema, VariantMediaSchema } from './media';
import { PublicationSummarySchema } from './publications';
import { PostReviewSchema } from './review';
import { PostWordingSchema } from './wording';

/** Editorial states. Only the transition endpoints change them; see docs/review.md. */
export const POST_STATUSES = EDITORIAL_STATUSES;
export const PostStatusSchema = z.enum(POST_STATUSES);
export type PostStatus = z.infer<typeof PostStatusSchema>;

/** A new post starts as an idea or a draft; every later status is reached by a transition. */
export const NewPostStatusSchema = z.enum(['idea', 'draft']);

export const MAX_TAGS = 30;

export const TagSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^,\s][^,]*$/, 'A tag has no commas');

export const VariantSchema = z.object({
  channelId: IdSchema,
  text: z.string().nullable().meta({ description: 'null: the post uses its base text' }),
  media: VariantMediaSchema.optional(),
});
export type Variant = z.infer<typeof VariantSchema>;

export const VariantInputSchema = z.strictObject({
  channelId: IdSchema,
  text: z.string().max(MAX_TEXT_LENGTH).nullable().default(null),
  media: PostMediaInputListSchema.nullable().optional().meta({
    description:
      "null: the channel uses the post's media; a list (even empty) replaces them; left out: the channel keeps what it has (a new channel: the post's media)",
  }),
});

export const PostSchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  status: PostStatusSchema,
  title: z.string(),
  text: z.string(),
  plannedAt: InstantSchema.nullable(),
  tags: z.array(z.string()),
  variants: z.array(VariantSchema),
  media: PostMediaListSchema.optional().meta({
    description: 'The base media in order; a variant with its own list replaces them',
  }),
  authorId: IdSchema,
  campaignId: IdSchema.nullable().meta({ description: 'The campaign the post belongs to, if any' }),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  publications: z.array(PublicationSummarySchema).optional().meta({
    description:
      'Publishing status per target channel (present once the post was approved and planned)',
  }),
  channelAlerts: z
    .array(
      z.object({
        channelId: IdSchema,
        status: z.enum(['expiring', 'needs_reconnect', 'revoked']),
      }),
    )
    .optional()
    .meta({
      description:
        'In the calendar: target channels whose account connection expires, or was revoked, before this post goes out',
    }),
});
export type Post = z.infer<typeof PostSchema>;

/** One post as its own endpoints answer: the calendar's fields plus its review and wording state. */
export const PostDetailSchema = PostSchema.extend({
  review: PostReviewSchema,
  wording: PostWordingSchema.meta({
    description: 'Wording findings per variant; `blocking` lists the errors that hold up review',
  }),
});
export type PostDetail = z.infer<typeof PostDetailSchema>;

const tags = z
  .array(TagSchema)
  .max(MAX_TAGS)
  .transform((list) => [...new Set(list)]);

const variants = z
  .array(VariantInputSchema)
  .max(50)
  .refine((list) => new Set(list.map((v) => v.channelId)).size === list.length, {
    message: 'Each channel may appear only once',
  });

export const CreatePostRequestSchema = z.strictObject({
  title: z.string().trim().max(200).default(''),
  text: z.string().max(MAX_TEXT_LENGTH),
  plannedAt: DateTimeInputSchema.nullable().optional(),
  tags: tags.default([]),
  variants: variants.default([]),
  media: PostMediaInputListSchema.default([]),
  status: NewPostStatusSchema.default('draft'),
  campaignId: IdSchema.nullable().default(null),
});
export type CreatePostRequest = z.input<typeof CreatePostRequestSchema>;

export const UpdatePostRequestSchema = z.strictObject({
  version: z.number().int().positive().optional().meta({
    description: 'The version the change is based on; the If-Match header may carry it instead',
  }),
  title: z.string().trim().max(200).optional(),
  text: z.string().max(MAX_TEXT_LENGTH).optional(),
  plannedAt: DateTimeInputSchema.nullable().optional(),
  tags: tags.optional(),
  variants: variants.optional(),
  media: PostMediaInputListSchema.optional(),
  campaignId: IdSchema.nullable().optional().meta({
    description:
      "Moves the post into a campaign (null: out of it). Voids an approval when the campaign's UTM tagging changes the post's links",
  }),
});
export type UpdatePostRequest = z.input<typeof UpdatePostRequestSchema>;

export const DeletePostRequestSchema = z.strictObject({
  version: z.number().int().positive().optional(),
});

const csv = <O>(item: z.ZodType<O, string>) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(50));

export const PostListQuerySchema = z.strictObject({
  from: RangeBoundSchema.optional(),
  to: RangeBoundSchema.optional(),
  status: csv(PostStatusSchema).optional(),
  channel: csv(IdSchema).optional(),
  tag: csv(TagSchema).optional(),
  author: csv(IdSchema).optional(),
  campaign: csv(IdSchema).optional().meta({ description: 'Only posts of these campaigns' }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((v) => /[\p{L}\p{N}]/u.test(v), 'Search for at least one letter or digit')
    .optional()
    .meta({
      description:
        'Full-text search over title, texts (base and per channel) and tags, with the workspace language’s stemming (German: "Kisten" finds "Kiste"); every word must match, the last may be a prefix',
    }),
  unscheduled: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({
      description: 'true: only posts without a planned time (the ideas backlog)',
    }),
  deleted: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({
      description: 'true: only deleted posts (the bin), to restore them',
    }),
});
export type PostListQuery = z.input<typeof PostListQuerySchema>;

export const PostListSchema = z.object({
  items: z.array(PostSchema),
  timeZone: z.string(),
  campaigns: z.array(CalendarCampaignSchema).meta({
    description:
      'Campaigns whose period overlaps the range (or all, without one), with those of the listed posts',
  }),
});
export type PostList = z.infer<typeof PostListSchema>;

/** The words of a search, as the API matches them: letters and digits, at most 10. */
export function searchWords(q: string): string[] {
  return (q.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 10).map((w) => w.toLowerCase());
}
