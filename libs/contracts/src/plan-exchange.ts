import { z } from 'zod';
import {
  IdSchema,
  InstantSchema,
  PasswordSchema,
  PlatformSchema,
  RangeBoundSchema,
} from './common';
import { PostListQuerySchema, PostSchema, PostStatusSchema } from './posts';

// ---- Export -------------------------------------------------------------------------------------

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json', 'ics', 'html', 'pdf'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** A calendar selection, with the calendar's own filters (campaigns included). */
export const ExportQuerySchema = PostListQuerySchema.pick({
  status: true,
  channel: true,
  tag: true,
  author: true,
  campaign: true,
}).extend({
  from: RangeBoundSchema,
  to: RangeBoundSchema.meta({ description: 'Exclusive, as in the calendar' }),
  delimiter: z.enum(['semicolon', 'comma']).optional().meta({
    description: 'CSV only: `semicolon` (default, what German Excel opens) or `comma`',
  }),
  lang: z.enum(['de', 'en']).optional().meta({
    description: 'Column headings and print labels; default: the workspace locale',
  }),
  view: z.enum(['week', 'month']).optional().meta({
    description: 'Print and PDF only: a week or a month per page (default week)',
  }),
});
export type ExportQuery = z.input<typeof ExportQuerySchema>;

/** A campaign's report covers the campaign's posts, whatever their time: no range. */
export const CampaignReportQuerySchema = ExportQuerySchema.pick({ delimiter: true, lang: true });

export const ExportJsonSchema = z.object({
  timeZone: z.string(),
  from: InstantSchema,
  to: InstantSchema,
  items: z.array(PostSchema),
});
export type ExportJson = z.infer<typeof ExportJsonSchema>;

/** The columns of the CSV and XLSX exports, in order; the import recognises them by name. */
export const EXPORT_COLUMNS = [
  'post_id',
  'planned',
  'utc_offset',
  'channel',
  'platform',
  'status',
  'title',
  'text',
  'channel_text',
  'tags',
  'author',
  'campaign',
  'image_url',
  'alt_text',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

// ---- Calendar feeds (ICS subscriptions) --------------------------------------------------------

export const CalendarFeedSchema = z.object({
  url: z.string().nullable().meta({
    description: 'The secret subscription address; null while the member has none',
  }),
  createdAt: InstantSchema.nullable(),
});
export type CalendarFeed = z.infer<typeof CalendarFeedSchema>;

// ---- Import -------------------------------------------------------------------------------------

/** What a column of the file can mean. */
export const IMPORT_FIELDS = [
  'post_id',
  'planned',
  'date',
  'time',
  'utc_offset',
  'title',
  'text',
  'channel_text',
  'link',
  'image_url',
  'alt_text',
  'channel',
  'tags',
  'campaign',
  'status',
] as const;
export const ImportFieldSchema = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportFieldSchema>;

export const ImportMappingSchema = z
  .strictObject({
    columns: z
      .partialRecord(ImportFieldSchema, z.number().int().min(0).max(499))
      .meta({ description: 'Which column (0-based) holds each field; unmapped fields are absent' }),
    dateOrder: z.enum(['dmy', 'mdy']).default('dmy').meta({
      description: 'How to read 03/04/2026: day first (dmy, default) or month first (mdy)',
    }),
  })
  .superRefine((m, ctx) => {
    if (m.columns.text === undefined && m.columns.channel_text === undefined) {
      ctx.addIssue({ code: 'custom', path: ['columns', 'text'], message: 'Map a text column' });
    }
  });
export type ImportMapping = z.input<typeof ImportMappingSchema>;

export const IMPORT_STATES = ['uploaded', 'running', 'done', 'failed'] as const;

export const ImportJobSchema = z.object({
  id: IdSchema,
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  state: z.enum(IMPORT_STATES),
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())).meta({ description: 'The first rows, as text' }),
  totalRows: z.number().int(),
  suggestedMapping: z.object({
    columns: z.partialRecord(ImportFieldSchema, z.number().int()),
    dateOrder: z.enum(['dmy', 'mdy']),
  }),
  progress: z.object({ processed: z.number().int(), total: z.number().int() }),
  importedPosts: z.number().int().nullable(),
  error: z.string().nullable(),
  createdAt: InstantSchema,
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

export const IMPORT_ISSUE_CODES = [
  'INVALID_DATE',
  'LOCAL_TIME_DOES_NOT_EXIST',
  'LOCAL_TIME_AMBIGUOUS',
  'UNKNOWN_CHANNEL',
  'TEXT_TOO_LONG',
  'TEXT_MISSING',
  'TITLE_TOO_LONG',
  'INVALID_TAG',
  'INVALID_OFFSET',
  'IMAGE_URL_INVALID',
  'TOO_MANY_IMAGES',
  'ALT_TEXT_TOO_LONG',
  'UNKNOWN_CAMPAIGN',
  // Found by the import itself (it fetches each image), not by the dry run:
  'IMAGE_FETCH_FAILED',
  'IMAGE_REJECTED',
] as const;
export const ImportIssueCodeSchema = z.enum(IMPORT_ISSUE_CODES);
export type ImportIssueCode = z.infer<typeof ImportIssueCodeSchema>;

export const ImportIssueSchema = z.object({
  row: z.number().int().meta({ description: 'The line in the file (the header is row 1)' }),
  column: z.string().nullable().meta({ description: "The column's heading" }),
  code: ImportIssueCodeSchema,
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

export const ImportRowOutcomeSchema = z.object({
  row: z.number().int(),
  outcome: z.enum(['create', 'error']),
  postKey: z.string().meta({ description: 'Rows with the same key become one post' }),
  title: z.string(),
  plannedAt: InstantSchema.nullable(),
  channel: z.string().nullable(),
});
export type ImportRowOutcome = z.infer<typeof ImportRowOutcomeSchema>;

export const ImportReportSchema = z.object({
  ok: z.boolean().meta({ description: 'No errors: the import would create every post' }),
  rows: z.number().int(),
  posts: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  outcomes: z.array(ImportRowOutcomeSchema),
  issues: z.array(ImportIssueSchema),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const ImportResultSchema = z.object({
  job: ImportJobSchema,
  report: ImportReportSchema,
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

/** IMAGE_FETCH_FAILED and IMAGE_REJECTED: every row whose image could not be attached. */
export const ImportImageProblemsSchema = z.object({
  issues: z.array(ImportIssueSchema),
});

// ---- Share links ---------------------------------------------------------------------------------

export const SHARE_LINK_LABEL_MAX = 80;

const idSet = z
  .array(IdSchema)
  .min(1)
  .max(100)
  .transform((ids) => [...new Set(ids)]);

export const CreateShareLinkRequestSchema = z.strictObject({
  label: z.string().trim().min(1).max(SHARE_LINK_LABEL_MAX),
  from: RangeBoundSchema.meta({ description: 'Start of the period, a day or a date-time' }),
  to: RangeBoundSchema.meta({ description: 'End of the period, exclusive' }),
  channelIds: idSet.nullable().optional().meta({ description: 'null or absent: every channel' }),
  expiresAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/)
    .nullable()
    .optional()
    .meta({ description: 'Optional end of the link; without an offset: workspace time' }),
  password: PasswordSchema.optional(),
});
export type CreateShareLinkRequest = z.input<typeof CreateShareLinkRequestSchema>;

export const ShareLinkSchema = z.object({
  id: IdSchema,
  label: z.string(),
  from: InstantSchema,
  to: InstantSchema,
  channelIds: z.array(IdSchema).nullable(),
  expiresAt: InstantSchema.nullable(),
  passwordProtected: z.boolean(),
  state: z.enum(['active', 'expired', 'revoked']),
  url: z.string().nullable().meta({ description: 'The address to send; null once revoked' }),
  createdAt: InstantSchema,
  createdBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
  revokedAt: InstantSchema.nullable(),
  lastUsedAt: InstantSchema.nullable(),
});
export type ShareLink = z.infer<typeof ShareLinkSchema>;

export const ShareLinkListSchema = z.object({ items: z.array(ShareLinkSchema) });
export type ShareLinkList = z.infer<typeof ShareLinkListSchema>;

export const SharedPlanInfoSchema = z.object({
  label: z.string(),
  workspaceName: z.string(),
  timeZone: z.string(),
  from: InstantSchema,
  to: InstantSchema,
  expiresAt: InstantSchema.nullable(),
  passwordRequired: z.boolean(),
  unlocked: z.boolean(),
  channels: z.array(z.object({ id: IdSchema, name: z.string(), platform: PlatformSchema })),
  feedUrl: z.string().nullable().meta({ description: 'The ICS feed, once unlocked' }),
});
export type SharedPlanInfo = z.infer<typeof SharedPlanInfoSchema>;

export const UnlockShareLinkRequestSchema = z.strictObject({
  password: z.string().min(1).max(256),
});

export const SharedPostSchema = z.object({
  id: IdSchema,
  title: z.string(),
  status: PostStatusSchema,
  plannedAt: InstantSchema,
  texts: z.array(
    z.object({
      channel: z.object({ id: IdSchema, name: z.string(), platform: PlatformSchema }).nullable(),
      text: z.string(),
    }),
  ),
});
export type SharedPost = z.infer<typeof SharedPostSchema>;

export const SharedPostListSchema = z.object({
  items: z.array(SharedPostSchema),
  timeZone: z.string(),
});
export type SharedPostList = z.infer<typeof SharedPostListSchema>;
