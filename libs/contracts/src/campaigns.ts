import { z } from 'zod';
import { EDITORIAL_STATUSES } from '@postplan/domain';
import { HexColorSchema, IdSchema, InstantSchema, PlatformSchema } from './common';

const PostStatusSchema = z.enum(EDITORIAL_STATUSES);

/** A calendar day, YYYY-MM-DD, read in the workspace's time zone. */
export const LocalDateSchema = z.iso.date().meta({
  description: 'A calendar day (YYYY-MM-DD) in the workspace time zone',
  example: '2026-03-01',
});

/**
 * One UTM value as the author writes it. Tagging percent-encodes it, so spaces and umlauts are
 * fine; control characters are not.
 */
export const UtmValueSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}]*$/u, 'No control characters');

/**
 * A campaign's UTM defaults. `sources` names `utm_source` per platform; a platform not listed
 * uses its identifier (`instagram`, `linkedin`, ...). See docs/campaigns.md.
 */
export const CampaignUtmSchema = z.strictObject({
  sources: z.partialRecord(PlatformSchema, UtmValueSchema).default({}),
  medium: UtmValueSchema.meta({ example: 'social' }),
  campaign: UtmValueSchema.meta({ example: 'spring-launch' }),
  content: UtmValueSchema.nullable().default(null),
  term: UtmValueSchema.nullable().default(null),
});
export type CampaignUtm = z.output<typeof CampaignUtmSchema>;

export const CampaignGoalSchema = z.object({
  text: z.string(),
  target: z.number().nullable(),
  unit: z.string().nullable(),
});
export type CampaignGoal = z.infer<typeof CampaignGoalSchema>;

export const CampaignGoalInputSchema = z.strictObject({
  text: z.string().trim().max(2000).default(''),
  target: z.number().finite().nullable().default(null),
  unit: z.string().trim().min(1).max(40).nullable().default(null),
});

export const CampaignSchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  name: z.string(),
  color: z.string(),
  startsOn: LocalDateSchema,
  endsOn: LocalDateSchema.meta({ description: 'The last day of the campaign (inclusive)' }),
  goal: CampaignGoalSchema,
  ownerId: IdSchema.nullable().meta({ description: 'A member; null once they left' }),
  channelIds: z.array(IdSchema),
  brief: z.string(),
  utm: CampaignUtmSchema.nullable().meta({
    description: "null: links in the campaign's posts are published as written",
  }),
  postCount: z.number().int().meta({ description: 'Live posts in the campaign' }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const CampaignListSchema = z.object({ items: z.array(CampaignSchema) });
export type CampaignList = z.infer<typeof CampaignListSchema>;

export const MAX_CAMPAIGN_BRIEF = 20_000;

const periodInOrder = (v: { startsOn?: string; endsOn?: string }) =>
  v.startsOn === undefined || v.endsOn === undefined || v.startsOn <= v.endsOn;
const periodMessage = { message: 'The campaign ends on or after its first day', path: ['endsOn'] };

const channelIds = z
  .array(IdSchema)
  .max(50)
  .transform((list) => [...new Set(list)]);

export const CreateCampaignRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    color: HexColorSchema.optional(),
    startsOn: LocalDateSchema,
    endsOn: LocalDateSchema,
    goal: CampaignGoalInputSchema.optional(),
    ownerId: IdSchema.optional().meta({ description: 'A member; default: whoever creates it' }),
    channelIds: channelIds.default([]),
    brief: z.string().max(MAX_CAMPAIGN_BRIEF).default(''),
    utm: CampaignUtmSchema.nullable().default(null),
  })
  .refine(periodInOrder, periodMessage);
export type CreateCampaignRequest = z.input<typeof CreateCampaignRequestSchema>;

export const UpdateCampaignRequestSchema = z
  .strictObject({
    version: z.number().int().positive().optional().meta({
      description: 'The version the change is based on; the If-Match header may carry it instead',
    }),
    name: z.string().trim().min(1).max(120).optional(),
    color: HexColorSchema.optional(),
    startsOn: LocalDateSchema.optional(),
    endsOn: LocalDateSchema.optional(),
    goal: CampaignGoalInputSchema.optional(),
    ownerId: IdSchema.nullable().optional(),
    channelIds: channelIds.optional(),
    brief: z.string().max(MAX_CAMPAIGN_BRIEF).optional(),
    utm: CampaignUtmSchema.nullable().optional().meta({
      description:
        "Replaces the UTM defaults as a whole; a change voids the approval of the campaign's posts whose links it changes",
    }),
  })
  .refine(periodInOrder, periodMessage);
export type UpdateCampaignRequest = z.input<typeof UpdateCampaignRequestSchema>;

export const DeleteCampaignRequestSchema = z.strictObject({
  version: z.number().int().positive().optional(),
});

/** A campaign as the calendar draws it: a band over its period, its posts in its colour. */
export const CalendarCampaignSchema = z.object({
  id: IdSchema,
  name: z.string(),
  color: z.string(),
  startsOn: LocalDateSchema,
  endsOn: LocalDateSchema,
});
export type CalendarCampaign = z.infer<typeof CalendarCampaignSchema>;

/** One target channel of a campaign post, with where its publication stands. */
export const CampaignPostChannelSchema = z.object({
  channelId: IdSchema,
  name: z.string(),
  platform: PlatformSchema,
  publication: z
    .object({
      status: z.string(),
      url: z.string().nullable(),
      publishedAt: z.string().nullable(),
    })
    .nullable()
    .meta({ description: 'null: nothing planned for this channel yet (not approved, or no time)' }),
});

/** A post as the campaign page lists it: on the timeline by status and channel. */
export const CampaignPostSchema = z.object({
  id: IdSchema,
  title: z.string(),
  text: z.string(),
  status: PostStatusSchema,
  plannedAt: InstantSchema.nullable(),
  authorId: IdSchema,
  channels: z.array(CampaignPostChannelSchema),
});
export type CampaignPost = z.infer<typeof CampaignPostSchema>;

/** A campaign with its live posts, in planned order (unplanned ones last). */
export const CampaignDetailSchema = CampaignSchema.extend({
  posts: z.array(CampaignPostSchema),
});
export type CampaignDetail = z.infer<typeof CampaignDetailSchema>;
