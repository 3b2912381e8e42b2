import { LINK_PERMISSIONS } from '@postplan/domain';
import { z } from 'zod';
import {
  DateTimeInputSchema,
  IdSchema,
  InstantSchema,
  PasswordSchema,
  PlatformSchema,
  RangeBoundSchema,
} from './common';
import { MAX_COMMENT_LENGTH } from './comments';
import { PostStatusSchema } from './posts';

/**
 * Review links: people outside the workspace (a client, a works council) see, comment on or
 * approve posts through a secret URL, without an account. Permissions are ordered: each
 * includes the ones before it (approving needs seeing).
 */
export const ReviewLinkPermissionSchema = z.enum(LINK_PERMISSIONS, {
  error: "permission is 'view', 'comment' or 'approve'",
});
export type ReviewLinkPermission = z.infer<typeof ReviewLinkPermissionSchema>;

export const REVIEW_LINK_STATES = ['active', 'expired', 'revoked'] as const;
export const ReviewLinkStateSchema = z.enum(REVIEW_LINK_STATES);
export type ReviewLinkState = z.infer<typeof ReviewLinkStateSchema>;

export const REVIEW_LINK_LABEL_MAX = 80;
export const VISITOR_NAME_MAX = 80;

const idSet = z
  .array(IdSchema)
  .min(1)
  .max(500)
  .transform((ids) => [...new Set(ids)]);

/**
 * What a link shows: planned times in [from, to), posts going to any of the channels, posts
 * picked by hand; every given part must match. A bare day means midnight in the workspace's
 * time zone, as in the calendar. A link that shows everything is refused.
 */
export const ReviewLinkScopeInputSchema = z
  .strictObject({
    from: RangeBoundSchema.nullable().optional(),
    to: RangeBoundSchema.nullable().optional().meta({ description: 'Exclusive' }),
    channelIds: idSet.nullable().optional(),
    postIds: idSet.nullable().optional(),
  })
  .superRefine((scope, ctx) => {
    if (!scope.from && !scope.to && !scope.channelIds && !scope.postIds) {
      ctx.addIssue({
        code: 'custom',
        message: 'Limit the link to a period, to channels or to posts',
      });
    }
  });
export type ReviewLinkScopeInput = z.input<typeof ReviewLinkScopeInputSchema>;

export const CreateReviewLinkRequestSchema = z.strictObject({
  label: z.string().trim().min(1).max(REVIEW_LINK_LABEL_MAX),
  permission: ReviewLinkPermissionSchema,
  scope: ReviewLinkScopeInputSchema,
  expiresAt: DateTimeInputSchema.meta({
    description:
      'Required; in the future and at most 180 days ahead. Without an offset: workspace time',
  }),
  password: PasswordSchema.optional().meta({
    description: 'Optional; visitors must enter it before they see anything',
  }),
});
export type CreateReviewLinkRequest = z.input<typeof CreateReviewLinkRequestSchema>;

export const ReviewLinkScopeSchema = z.object({
  from: InstantSchema.nullable(),
  to: InstantSchema.nullable(),
  channelIds: z.array(IdSchema).nullable(),
  postIds: z.array(IdSchema).nullable(),
});
export type ReviewLinkScope = z.infer<typeof ReviewLinkScopeSchema>;

/** A link as owners and admins see it. The token is never part of it. */
export const ReviewLinkSchema = z.object({
  id: IdSchema,
  label: z.string(),
  permission: ReviewLinkPermissionSchema,
  scope: ReviewLinkScopeSchema,
  expiresAt: InstantSchema,
  passwordProtected: z.boolean(),
  state: ReviewLinkStateSchema,
  createdAt: InstantSchema,
  createdBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
  revokedAt: InstantSchema.nullable(),
  lastUsedAt: InstantSchema.nullable().meta({
    description: 'When a visitor last used the link (to the minute)',
  }),
});
export type ReviewLink = z.infer<typeof ReviewLinkSchema>;

export const ReviewLinkListSchema = z.object({ items: z.array(ReviewLinkSchema) });
export type ReviewLinkList = z.infer<typeof ReviewLinkListSchema>;

export const CreatedReviewLinkSchema = ReviewLinkSchema.extend({
  token: z.string().meta({ description: 'The secret; shown once and never again' }),
  url: z.string().meta({ description: 'The address to send to the visitor: /r/<token>' }),
});
export type CreatedReviewLink = z.infer<typeof CreatedReviewLinkSchema>;

// The visitor's side, under /api/v1/review/{token}

/** The visitor's own name: shown in the history as "name (via link 'label')". */
export const VisitorNameSchema = z
  .string()
  .trim()
  .min(1, 'Please enter your name')
  .max(VISITOR_NAME_MAX)
  .regex(/^[^\p{Cc}\u202A-\u202E\u2066-\u2069]+$/u, 'A name without control characters');

export const ReviewLinkInfoSchema = z.object({
  label: z.string(),
  workspaceName: z.string(),
  permission: ReviewLinkPermissionSchema,
  expiresAt: InstantSchema,
  timeZone: z.string(),
  passwordRequired: z.boolean(),
  unlocked: z.boolean().meta({
    description: 'Whether this browser may see the posts now (always true without a password)',
  }),
});
export type ReviewLinkInfo = z.infer<typeof ReviewLinkInfoSchema>;

export const UnlockReviewLinkRequestSchema = z.strictObject({
  visitorName: VisitorNameSchema,
  password: z.string().min(1).max(256),
});
export type UnlockReviewLinkRequest = z.input<typeof UnlockReviewLinkRequestSchema>;

export const UnlockReviewLinkResponseSchema = z.object({
  unlockedUntil: InstantSchema,
});
export type UnlockReviewLinkResponse = z.infer<typeof UnlockReviewLinkResponseSchema>;

export const ReviewPostTextSchema = z.object({
  channel: z
    .object({ id: IdSchema, name: z.string(), platform: PlatformSchema })
    .nullable()
    .meta({ description: 'null: a post without channels; its base text' }),
  text: z.string().meta({ description: 'What this channel publishes' }),
});
export type ReviewPostText = z.infer<typeof ReviewPostTextSchema>;

/** A client approval level of the post's current review round. */
export const ReviewClientLevelSchema = z.object({
  index: z.number().int(),
  name: z.string(),
  satisfied: z.boolean(),
  current: z.boolean().meta({ description: 'The level the round waits for now' }),
  approvedBy: z.array(z.string()),
});
export type ReviewClientLevel = z.infer<typeof ReviewClientLevelSchema>;

export const ReviewVisitorDecisionSchema = z.object({
  name: z.string(),
  decision: z.enum(['approve', 'request_changes']),
  at: InstantSchema,
  note: z.string().nullable(),
});
export type ReviewVisitorDecision = z.infer<typeof ReviewVisitorDecisionSchema>;

export const ReviewPostSchema = z.object({
  id: IdSchema,
  title: z.string(),
  status: PostStatusSchema,
  plannedAt: InstantSchema.nullable().meta({ description: "In the workspace's time zone" }),
  contentHash: z.string().meta({ description: 'Send it back when deciding' }),
  texts: z.array(ReviewPostTextSchema),
  clientLevels: z.array(ReviewClientLevelSchema),
  decisions: z.array(ReviewVisitorDecisionSchema).meta({
    description: 'Decisions of the current round taken through review links',
  }),
  can: z.object({ comment: z.boolean(), approve: z.boolean(), requestChanges: z.boolean() }),
});
export type ReviewPost = z.infer<typeof ReviewPostSchema>;

export const ReviewPostListSchema = z.object({
  items: z.array(ReviewPostSchema),
  timeZone: z.string(),
});
export type ReviewPostList = z.infer<typeof ReviewPostListSchema>;

export const VisitorApproveRequestSchema = z.strictObject({
  visitorName: VisitorNameSchema,
  contentHash: z.string().min(1).max(100).meta({
    description: 'The content hash the visitor was shown; nobody approves words they did not see',
  }),
  note: z.string().trim().max(2000).optional(),
});
export type VisitorApproveRequest = z.input<typeof VisitorApproveRequestSchema>;

export const VisitorRequestChangesRequestSchema = z.strictObject({
  visitorName: VisitorNameSchema,
  contentHash: z.string().min(1).max(100).optional(),
  note: z.string().trim().min(1, 'Say what should change').max(2000),
});
export type VisitorRequestChangesRequest = z.input<typeof VisitorRequestChangesRequestSchema>;

export const VisitorCommentRequestSchema = z.strictObject({
  visitorName: VisitorNameSchema,
  body: z.string().trim().min(1, 'Write a comment').max(MAX_COMMENT_LENGTH),
});
export type VisitorCommentRequest = z.input<typeof VisitorCommentRequestSchema>;
