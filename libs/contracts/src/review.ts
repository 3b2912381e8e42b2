import { ApprovalPolicySchema, EDITORIAL_STATUSES } from '@postplan/domain';
import { z } from 'zod';
import { IdSchema, InstantSchema } from './common';

export { ApprovalPolicySchema };
export type { ApprovalPolicy, ApprovalPolicyInput } from '@postplan/domain';

/** Why a post is in its status, e.g. back in review because its content changed. */
export const STATUS_REASONS = [
  'created',
  'promoted',
  'submitted',
  'approved',
  'released_without_review',
  'changes_requested',
  'withdrawn',
  'reopened',
  'content_changed',
  'planned_time_reached',
] as const;
export const StatusReasonSchema = z.enum(STATUS_REASONS);

export const ReviewDecisionSchema = z.object({
  userId: z.string(),
  name: z.string().meta({ description: 'The member, or "name (via link \'label\')"' }),
  level: z.number().int(),
  decision: z.enum(['approve', 'request_changes']),
  at: InstantSchema,
  note: z.string().optional(),
  viaLinkId: z.string().optional(),
  /** For a decision through a review link: who the visitor said they are, and the link's label. */
  viaLink: z.object({ visitorName: z.string(), label: z.string() }).optional(),
});

export const ReviewLevelSchema = z.object({
  index: z.number().int(),
  name: z.string(),
  mode: z.enum(['any', 'all']),
  client: z.boolean(),
  satisfied: z.boolean(),
  approvedBy: z.array(z.string()),
  /** Mode all: who still has to approve; mode any: who could approve. */
  waitingFor: z.array(z.string()),
});

export const ReviewRoundSchema = z.object({
  number: z.number().int(),
  startedAt: InstantSchema,
  contentHash: z.string(),
  policyKind: z.enum(['none', 'optional', 'required', 'levels']),
  levels: z.array(ReviewLevelSchema),
  currentLevel: z.number().int().nullable(),
  decisions: z.array(ReviewDecisionSchema),
});

export const ApprovalSchema = z.object({
  contentHash: z.string(),
  at: InstantSchema,
  kind: z.enum(['reviewed', 'not_required']),
  round: z.number().int().nullable(),
  approverIds: z.array(z.string()),
});

/** The review side of a post, as every post answer carries it. */
export const PostReviewSchema = z.object({
  contentHash: z.string().meta({ description: 'SHA-256 of the approvable content (v1)' }),
  statusReason: StatusReasonSchema.nullable(),
  approval: ApprovalSchema.nullable(),
  round: ReviewRoundSchema.nullable(),
  /** What the caller may do now, for the buttons the UI offers. */
  can: z.object({
    promote: z.boolean(),
    submit: z.boolean(),
    approve: z.boolean(),
    requestChanges: z.boolean(),
    withdraw: z.boolean(),
    reopen: z.boolean(),
  }),
});
export type PostReview = z.infer<typeof PostReviewSchema>;

export const TransitionRequestSchema = z.strictObject({
  version: z.number().int().positive().optional().meta({
    description: 'The version acted on; the If-Match header may carry it instead',
  }),
  note: z.string().trim().max(2000).optional(),
  contentHash: z.string().max(100).optional().meta({
    description: 'approve / request-changes: the content hash the reviewer was shown',
  }),
  requestReview: z.boolean().optional().meta({
    description: 'submit under an optional policy: ask for a review instead of releasing at once',
  }),
  level: z.number().int().min(0).max(20).optional(),
});
export type TransitionRequest = z.input<typeof TransitionRequestSchema>;

export const BulkApproveRequestSchema = z.strictObject({
  posts: z
    .array(
      z.strictObject({
        id: IdSchema,
        version: z.number().int().positive(),
        contentHash: z.string().max(100),
      }),
    )
    .min(1)
    .max(100),
  note: z.string().trim().max(2000).optional(),
});
export const BulkApproveResultSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      ok: z.boolean(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});

export const ApprovalPolicyRequestSchema = z.strictObject({ policy: ApprovalPolicySchema });

export const ApprovalPolicyResponseSchema = z.object({
  policy: ApprovalPolicySchema,
  version: z.number().int().min(0).meta({
    description: 'Send it back as If-Match when saving, so a change made meanwhile is not lost',
  }),
  updatedAt: InstantSchema.nullable(),
});

// Revisions and diffs

/** One media use as an approval covers it (docs/media.md, "The approval hash"). */
const ApprovableMediaSchema = z.object({
  id: z.string(),
  sha256: z.string().nullable().optional(),
  alt: z.string().nullable(),
});
const ApprovableVariantSchema = z.object({
  channelId: z.string(),
  text: z.string().nullable(),
  media: z.array(ApprovableMediaSchema).nullable().optional().meta({
    description: "The channel's own media; absent or null: the post's",
  }),
  options: z.record(z.string(), z.unknown()).optional(),
});
export const RevisionContentSchema = z.object({
  title: z.string().nullable().optional(),
  text: z.string(),
  media: z.array(ApprovableMediaSchema).optional(),
  channelIds: z.array(z.string()).optional(),
  variants: z.array(ApprovableVariantSchema).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
});

export const RevisionSchema = z.object({
  id: IdSchema,
  number: z.number().int(),
  createdAt: InstantSchema,
  contentHash: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  content: RevisionContentSchema,
});
export type Revision = z.infer<typeof RevisionSchema>;
export const RevisionListSchema = z.object({ items: z.array(RevisionSchema) });

const DiffSegmentSchema = z.object({
  kind: z.enum(['equal', 'insert', 'delete']),
  text: z.string(),
});
const TextDiffSchema = z.object({ changed: z.boolean(), segments: z.array(DiffSegmentSchema) });
export const ContentDiffSchema = z.object({
  changed: z.boolean(),
  title: TextDiffSchema,
  text: TextDiffSchema,
  optionsChanged: z.boolean(),
  media: z.array(z.unknown()),
  variants: z.array(
    z.object({
      channelId: z.string(),
      presence: z.enum(['added', 'removed', 'kept']),
      inheritsBase: z.object({ before: z.boolean(), after: z.boolean() }),
      text: TextDiffSchema,
      media: z.array(z.unknown()),
      optionsChanged: z.boolean(),
      changed: z.boolean(),
    }),
  ),
});
export type ContentDiff = z.infer<typeof ContentDiffSchema>;

export const DiffQuerySchema = z.strictObject({
  from: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ description: 'Revision number (0: empty)' }),
  to: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .meta({ description: 'Revision number; default: the latest' }),
  since: z
    .enum(['last_approval', 'last_round', 'my_last_review'])
    .optional()
    .meta({ description: 'Instead of from: a baseline chosen by the review history' }),
});
export const DiffResponseSchema = z.object({
  from: RevisionSchema.nullable(),
  to: RevisionSchema,
  diff: ContentDiffSchema,
});
export type DiffResponse = z.infer<typeof DiffResponseSchema>;

// Audit log

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: InstantSchema,
  workspaceId: z.string().nullable(),
  actor: z.object({
    type: z.enum(['user', 'link', 'system', 'anonymous']),
    userId: z.string().nullable(),
    linkId: z.string().nullable(),
    name: z
      .string()
      .nullable()
      .meta({ description: 'Display name at read time, or "name (via link \'label\')"' }),
    /** For a visitor through a review link: their name and the link's label, to word in any language. */
    viaLink: z.object({ visitorName: z.string(), label: z.string() }).optional(),
  }),
  action: z.string(),
  postId: z.string().nullable(),
  subject: z.object({ type: z.string(), id: z.string() }).nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  reason: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z.strictObject({
  action: z
    .string()
    .max(80)
    .regex(/^[a-z_.]+\*?$/, 'An action such as post.approved or post.*')
    .optional(),
  actor: IdSchema.optional(),
  post: IdSchema.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: z
    .string()
    .regex(/^\d{1,18}$/, 'A cursor from a previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const AuditPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

export { EDITORIAL_STATUSES };
