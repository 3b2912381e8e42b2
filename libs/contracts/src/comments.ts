import { z } from 'zod';
import { IdSchema, InstantSchema, MAX_TEXT_LENGTH } from './common';
import { PostDetailSchema } from './posts';

export const MAX_COMMENT_LENGTH = 5_000;

export const SUGGESTION_STATES = ['open', 'accepted', 'dismissed'] as const;
export const SuggestionStateSchema = z.enum(SUGGESTION_STATES);
export type SuggestionState = z.infer<typeof SuggestionStateSchema>;

/** A member, or a visitor of a review link who gave their name. */
export const CommentAuthorSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user'), userId: IdSchema, name: z.string() }),
  z.object({
    type: z.literal('link'),
    linkId: IdSchema,
    label: z.string(),
    visitorName: z.string(),
  }),
]);
export type CommentAuthor = z.infer<typeof CommentAuthorSchema>;

const RangeSchema = z.object({ start: z.number().int(), end: z.number().int() });

/**
 * Where an anchored comment points. `original` is the range in the text it was written on;
 * `range` is where the quoted words stand in the current text, or null with `outdated: true`
 * when they are gone. Offsets are UTF-16 code units, as in JavaScript and the editor.
 */
export const CommentAnchorSchema = z.object({
  channelId: IdSchema.nullable().meta({
    description: "null: the base text; else that channel's variant",
  }),
  quote: z.string(),
  original: RangeSchema,
  range: RangeSchema.nullable(),
  outdated: z.boolean(),
});
export type CommentAnchor = z.infer<typeof CommentAnchorSchema>;

const PersonSchema = z.object({ userId: IdSchema, name: z.string() });

export const SuggestionSchema = z.object({
  text: z.string().meta({ description: 'The proposed replacement of the anchored words' }),
  state: SuggestionStateSchema,
  decidedAt: InstantSchema.nullable(),
  decidedBy: PersonSchema.nullable(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const CommentMentionSchema = z.object({
  userId: IdSchema,
  start: z.number().int(),
  end: z.number().int(),
});

export const CommentSchema = z.object({
  id: IdSchema,
  postId: IdSchema,
  parentId: IdSchema.nullable(),
  author: CommentAuthorSchema,
  body: z.string().nullable().meta({ description: 'null once the comment is deleted' }),
  mentions: z.array(CommentMentionSchema),
  createdAt: InstantSchema,
  editedAt: InstantSchema.nullable(),
  deleted: z.boolean(),
  /** The post version the comment was written on. */
  postVersion: z.number().int(),
});
export type Comment = z.infer<typeof CommentSchema>;

/** A thread: its first comment (anchor, suggestion, resolution) and the replies in order. */
export const CommentThreadSchema = CommentSchema.extend({
  anchor: CommentAnchorSchema.nullable(),
  suggestion: SuggestionSchema.nullable(),
  resolvedAt: InstantSchema.nullable(),
  resolvedBy: PersonSchema.nullable(),
  replies: z.array(CommentSchema),
});
export type CommentThread = z.infer<typeof CommentThreadSchema>;

export const CommentThreadListSchema = z.object({
  items: z.array(CommentThreadSchema),
  postVersion: z.number().int().meta({
    description: 'The post version the anchors were placed against',
  }),
});
export type CommentThreadList = z.infer<typeof CommentThreadListSchema>;

const body = z.string().trim().max(MAX_COMMENT_LENGTH);

export const CommentAnchorInputSchema = z.strictObject({
  channelId: IdSchema.nullable().default(null),
  start: z.number().int().min(0).max(MAX_TEXT_LENGTH),
  end: z.number().int().min(0).max(MAX_TEXT_LENGTH),
  quote: z.string().max(MAX_TEXT_LENGTH).optional().meta({
    description:
      'The selected words as the client saw them; when they no longer stand at start..end the comment is refused with STALE_VERSION',
  }),
});

export const CreateCommentRequestSchema = z
  .strictObject({
    body: body.default(''),
    anchor: CommentAnchorInputSchema.optional(),
    suggestion: z.string().max(MAX_TEXT_LENGTH).optional().meta({
      description: 'A replacement for the anchored words ("" deletes them); needs an anchor',
    }),
    parentId: IdSchema.optional().meta({ description: 'Reply to this thread' }),
  })
  .superRefine((v, ctx) => {
    if (v.parentId && (v.anchor || v.suggestion !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['parentId'],
        message: 'A reply belongs to its thread: it has no anchor or suggestion of its own',
      });
    }
    if (v.suggestion !== undefined && !v.anchor) {
      ctx.addIssue({
        code: 'custom',
        path: ['suggestion'],
        message: 'A suggestion replaces selected words: send an anchor with it',
      });
    }
    if (v.body === '' && v.suggestion === undefined) {
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'Write a comment' });
    }
    if (v.anchor && v.anchor.end <= v.anchor.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['anchor', 'end'],
        message: 'Select at least one character: end must be after start',
      });
    }
  });
export type CreateCommentRequest = z.input<typeof CreateCommentRequestSchema>;

export const UpdateCommentRequestSchema = z
  .strictObject({
    body: body.optional(),
    suggestion: z.string().max(MAX_TEXT_LENGTH).optional().meta({
      description: 'Change the proposed replacement while the suggestion is open',
    }),
  })
  .refine((v) => v.body !== undefined || v.suggestion !== undefined, {
    message: 'Send the new body or suggestion',
  });
export type UpdateCommentRequest = z.input<typeof UpdateCommentRequestSchema>;

export const AcceptSuggestionRequestSchema = z.strictObject({
  version: z.number().int().positive().meta({
    description: 'The post version the person accepting saw; a newer one answers STALE_VERSION',
  }),
});
export type AcceptSuggestionRequest = z.input<typeof AcceptSuggestionRequestSchema>;

export const AcceptSuggestionResponseSchema = z.object({
  thread: CommentThreadSchema,
  post: PostDetailSchema.meta({ description: 'The post after the edit: a new version' }),
});
export type AcceptSuggestionResponse = z.infer<typeof AcceptSuggestionResponseSchema>;
