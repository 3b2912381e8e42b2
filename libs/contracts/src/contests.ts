import { z } from 'zod';
import {
  DateTimeInputSchema,
  IdSchema,
  InstantSchema,
  LocaleSchema,
  PlatformSchema,
} from './common';

/**
 * Contests (Gewinnspiele): a contest, its rules (Teilnahmebedingungen) in versions, its entries
 * and entrants, the commitment to the eligible list and the verifiable draw. See docs/contests.md
 * for the lifecycle and for how anyone re-computes a draw.
 */

// ---- The contest --------------------------------------------------------------------------------

/**
 * `open`: being set up or collecting entries (`phase` says which, from the entry period);
 * `committed`: entries frozen and the eligible list published as a SHA-256 commitment;
 * `drawn`: winners and alternates fixed. A contest never goes back.
 */
export const CONTEST_STATUSES = ['open', 'committed', 'drawn'] as const;
export const ContestStatusSchema = z.enum(CONTEST_STATUSES);
export type ContestStatus = z.infer<typeof ContestStatusSchema>;

/** Where the entry period is, from the server's clock. */
export const CONTEST_PHASES = ['upcoming', 'running', 'ended'] as const;
export const ContestPhaseSchema = z.enum(CONTEST_PHASES);
export type ContestPhase = z.infer<typeof ContestPhaseSchema>;

/** How people take part; a contest may allow several. */
export const ENTRY_METHODS = ['comment', 'keyword', 'csv'] as const;
export const EntryMethodSchema = z.enum(ENTRY_METHODS);
export type EntryMethod = z.infer<typeof EntryMethodSchema>;

export const MAX_PRIZES = 20;
export const MAX_WINNERS = 100;
export const MAX_ALTERNATES = 100;

export const PrizeSchema = z.object({
  name: z.string(),
  quantity: z.number().int().meta({ description: 'How many winners receive this prize' }),
  value: z.string().nullable().meta({ description: 'Free text, e.g. "UVP 199 €"' }),
});
export type Prize = z.infer<typeof PrizeSchema>;

export const PrizeInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  quantity: z.number().int().min(1).max(MAX_WINNERS).default(1),
  value: z.string().trim().max(100).nullable().default(null),
});

/** ISO 3166-1 alpha-2, upper case (DE, AT, CH). */
export const CountryCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'A two-letter country code such as DE')
  .transform((c) => c.toUpperCase());

export const EligibilitySchema = z.object({
  minimumAge: z.number().int().nullable().meta({ description: 'null: no age limit' }),
  countries: z
    .array(z.string())
    .meta({ description: 'ISO 3166-1 alpha-2 codes; empty: no restriction' }),
  onePerPerson: z.boolean().meta({
    description: 'true: several entries of one person count once (they are merged either way)',
  }),
  excludeStaff: z.boolean().meta({
    description: "true: the workspace's members and the listed staff handles/emails are excluded",
  }),
  staffHandles: z.array(z.string()).meta({
    description: 'Further handles (with or without @) or email addresses of staff to exclude',
  }),
  excludePreviousWinnersOfLast: z.number().int().meta({
    description: 'Winners of the workspace’s last N drawn contests are excluded; 0: none',
  }),
  requiredMentions: z.number().int().meta({
    description: 'How many other accounts an entry must mention (@name); 0: none',
  }),
  keyword: z.string().nullable().meta({
    description: 'A keyword or hashtag an entry must contain (case-insensitive); null: none',
  }),
});
export type Eligibility = z.infer<typeof EligibilitySchema>;

export const EligibilityInputSchema = z.strictObject({
  minimumAge: z.number().int().min(0).max(99).nullable().default(null),
  countries: z
    .array(CountryCodeSchema)
    .max(60)
    .default([])
    .transform((l) => [...new Set(l)]),
  onePerPerson: z.boolean().default(true),
  excludeStaff: z.boolean().default(true),
  staffHandles: z.array(z.string().trim().min(1).max(254)).max(500).default([]),
  excludePreviousWinnersOfLast: z.number().int().min(0).max(50).default(0),
  requiredMentions: z.number().int().min(0).max(20).default(0),
  keyword: z.string().trim().min(1).max(100).nullable().default(null),
});

export const OrganiserSchema = z.object({
  name: z.string(),
  address: z.string().meta({ description: 'Postal address, lines separated by \\n' }),
  email: z.string().nullable(),
});
export type Organiser = z.infer<typeof OrganiserSchema>;

export const OrganiserInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().min(1).max(500),
  email: z.email().max(254).nullable().default(null),
});

export const ContestSchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  campaignId: IdSchema.nullable().meta({ description: 'null: the contest stands alone' }),
  title: z.string(),
  description: z.string(),
  status: ContestStatusSchema,
  phase: ContestPhaseSchema,
  prizes: z.array(PrizeSchema),
  winnersCount: z.number().int().meta({ description: 'The sum of the prizes’ quantities' }),
  alternatesCount: z.number().int(),
  entriesFrom: InstantSchema.meta({ description: 'Start of the entry period, workspace offset' }),
  entriesUntil: InstantSchema.meta({ description: 'End of the entry period (exclusive)' }),
  timeZone: z.string(),
  entryMethods: z.array(EntryMethodSchema),
  eligibility: EligibilitySchema,
  organiser: OrganiserSchema,
  retentionDays: z.number().int().meta({
    description: 'Entrant data is deleted this many days after the draw (certificate kept)',
  }),
  postIds: z.array(IdSchema).meta({ description: 'The contest post(s) entries come from' }),
  rulesVersion: z.number().int().nullable().meta({
    description: 'The latest saved rules version; null until rules are saved',
  }),
  publicToken: z.string().meta({ description: 'Unguessable id of the public pages' }),
  rulesUrl: z.string().meta({ description: 'Public address of the current rules (link it)' }),
  verificationUrl: z.string().meta({ description: 'Public verification page of the draw' }),
  counts: z.object({
    entries: z.number().int(),
    entrants: z.number().int(),
    eligible: z.number().int(),
    excluded: z.number().int(),
  }),
  entrantDataDeletedAt: InstantSchema.nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Contest = z.infer<typeof ContestSchema>;

export const ContestListSchema = z.object({ items: z.array(ContestSchema) });
export type ContestList = z.infer<typeof ContestListSchema>;

export const ContestListQuerySchema = z.strictObject({
  campaign: IdSchema.optional(),
  status: ContestStatusSchema.optional(),
});

const contestFields = {
  campaignId: IdSchema.nullable(),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000),
  prizes: z.array(PrizeInputSchema).min(1).max(MAX_PRIZES),
  alternatesCount: z.number().int().min(0).max(MAX_ALTERNATES),
  entriesFrom: DateTimeInputSchema,
  entriesUntil: DateTimeInputSchema,
  entryMethods: z
    .array(EntryMethodSchema)
    .min(1)
    .transform((l) => [...new Set(l)]),
  eligibility: EligibilityInputSchema,
  organiser: OrganiserInputSchema,
  retentionDays: z.number().int().min(1).max(365),
  postIds: z
    .array(IdSchema)
    .max(20)
    .transform((l) => [...new Set(l)]),
};

export const CreateContestRequestSchema = z.strictObject({
  ...contestFields,
  campaignId: contestFields.campaignId.default(null),
  description: contestFields.description.default(''),
  alternatesCount: contestFields.alternatesCount.default(2),
  entryMethods: contestFields.entryMethods.default(['comment']),
  eligibility: contestFields.eligibility.default({
    minimumAge: null,
    countries: [],
    onePerPerson: true,
    excludeStaff: true,
    staffHandles: [],
    excludePreviousWinnersOfLast: 0,
    requiredMentions: 0,
    keyword: null,
  }),
  retentionDays: contestFields.retentionDays.default(90),
  postIds: contestFields.postIds.default([]),
});
export type CreateContestRequest = z.input<typeof CreateContestRequestSchema>;

/** Only while `open`; once committed the fields that decide the draw are fixed. */
export const UpdateContestRequestSchema = z.strictObject({
  version: z.number().int().positive().optional().meta({
    description: 'The version the change is based on; the If-Match header may carry it instead',
  }),
  campaignId: contestFields.campaignId.optional(),
  title: contestFields.title.optional(),
  description: contestFields.description.optional(),
  prizes: contestFields.prizes.optional(),
  alternatesCount: contestFields.alternatesCount.optional(),
  entriesFrom: contestFields.entriesFrom.optional(),
  entriesUntil: contestFields.entriesUntil.optional(),
  entryMethods: contestFields.entryMethods.optional(),
  eligibility: contestFields.eligibility.optional(),
  organiser: contestFields.organiser.optional(),
  retentionDays: contestFields.retentionDays.optional(),
  postIds: contestFields.postIds.optional(),
});
export type UpdateContestRequest = z.input<typeof UpdateContestRequestSchema>;

// ---- Rules (Teilnahmebedingungen) ---------------------------------------------------------------

export const MAX_RULES_LENGTH = 50_000;

export const RulesVersionSchema = z.object({
  version: z.number().int(),
  de: z.string(),
  en: z.string(),
  generated: z.boolean().meta({
    description: 'true: saved exactly as generated from the fields; false: edited by hand',
  }),
  hash: z.string().meta({ description: 'SHA-256 (hex) over the canonical JSON {de,en}' }),
  createdAt: InstantSchema,
  createdBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
});
export type RulesVersion = z.infer<typeof RulesVersionSchema>;

export const RulesVersionListSchema = z.object({ items: z.array(RulesVersionSchema) });
export type RulesVersionList = z.infer<typeof RulesVersionListSchema>;

/** The rules as generated from the contest's current fields, not saved. */
export const GeneratedRulesSchema = z.object({
  de: z.string(),
  en: z.string(),
});
export type GeneratedRules = z.infer<typeof GeneratedRulesSchema>;

/** Save a new version: `generate: true` saves the generated text, otherwise `de` and `en`. */
export const SaveRulesRequestSchema = z
  .strictObject({
    generate: z.boolean().optional(),
    de: z.string().trim().min(1).max(MAX_RULES_LENGTH).optional(),
    en: z.string().trim().min(1).max(MAX_RULES_LENGTH).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.generate) {
      if (r.de !== undefined || r.en !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['generate'],
          message: 'Either generate or send texts',
        });
      }
      return;
    }
    for (const lang of ['de', 'en'] as const) {
      if (r[lang] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [lang],
          message: 'Send the rules in German and English',
        });
      }
    }
  });
export type SaveRulesRequest = z.input<typeof SaveRulesRequestSchema>;

/** The public rules page: the latest version (or one by `?version=`), no login. */
export const PublicRulesSchema = z.object({
  contestTitle: z.string(),
  organiser: z.string(),
  version: z.number().int(),
  hash: z.string(),
  text: z.string(),
  language: LocaleSchema,
  alternate: z.object({ language: LocaleSchema, url: z.string() }),
  updatedAt: InstantSchema,
});
export type PublicRules = z.infer<typeof PublicRulesSchema>;

// ---- Entries, entrants, exclusions --------------------------------------------------------------

export const ENTRY_SOURCES = ['comment', 'csv'] as const;
export const EntrySourceSchema = z.enum(ENTRY_SOURCES);

/**
 * Why an entrant does not take part in the draw. Rules decided from the entry; `manual` is a
 * person's decision with a reason.
 */
export const EXCLUSION_RULES = [
  'outside_period',
  'missing_keyword',
  'too_few_mentions',
  'staff',
  'previous_winner',
  'under_age',
  'country',
  'manual',
] as const;
export const ExclusionRuleSchema = z.enum(EXCLUSION_RULES);
export type ExclusionRule = z.infer<typeof ExclusionRuleSchema>;

export const ExclusionSchema = z.object({
  rule: ExclusionRuleSchema,
  reason: z.string().meta({ description: 'Why, in the workspace language' }),
  reasons: z.object({ de: z.string(), en: z.string() }),
  entryId: IdSchema.nullable().meta({ description: 'The entry that failed; null: the person' }),
  by: z.object({ id: IdSchema, name: z.string() }).nullable().meta({
    description: 'Who excluded by hand (`manual`); null for rules',
  }),
});
export type Exclusion = z.infer<typeof ExclusionSchema>;

export const EntrySchema = z.object({
  id: IdSchema,
  entrantId: z.string().meta({ description: 'The person’s pseudonym in this contest' }),
  source: EntrySourceSchema,
  platform: PlatformSchema.nullable().meta({ description: 'null: a CSV row without one' }),
  handle: z.string().nullable().meta({ description: 'null once entrant data was deleted' }),
  commentId: z.string().nullable(),
  text: z.string().nullable(),
  enteredAt: InstantSchema,
  mentions: z.number().int(),
  counted: z.boolean().meta({
    description: 'false: a further entry of the same person (merged) or one that failed a rule',
  }),
  exclusion: ExclusionSchema.nullable(),
  collectedAt: InstantSchema,
});
export type Entry = z.infer<typeof EntrySchema>;

export const EntrantSchema = z.object({
  id: z.string().meta({
    description: 'Pseudonym: "E-" and 16 hex digits of HMAC-SHA-256 over the person key',
  }),
  platform: PlatformSchema.nullable(),
  handle: z.string().nullable(),
  maskedHandle: z.string().meta({ description: 'As the certificate shows it, e.g. "@ma…na"' }),
  entries: z.number().int(),
  eligible: z.boolean(),
  exclusions: z.array(ExclusionSchema),
});
export type Entrant = z.infer<typeof EntrantSchema>;

export const EntryListSchema = z.object({ items: z.array(EntrySchema) });
export type EntryList = z.infer<typeof EntryListSchema>;

export const EntrantListSchema = z.object({
  items: z.array(EntrantSchema),
  counts: z.object({
    entries: z.number().int(),
    entrants: z.number().int(),
    eligible: z.number().int(),
    excluded: z.number().int(),
  }),
});
export type EntrantList = z.infer<typeof EntrantListSchema>;

export const ExcludeEntrantRequestSchema = z.strictObject({
  reason: z.string().trim().min(3).max(500),
});

/** Result of collecting the contest posts' comments through the channels' adapters. */
export const CollectEntriesResultSchema = z.object({
  added: z.number().int(),
  seen: z.number().int(),
  sources: z.array(
    z.object({
      postId: IdSchema,
      channelId: IdSchema,
      platform: PlatformSchema,
      outcome: z.enum(['collected', 'not_supported', 'not_published', 'failed']),
      added: z.number().int(),
      message: z.string().nullable(),
    }),
  ),
});
export type CollectEntriesResult = z.infer<typeof CollectEntriesResultSchema>;

/**
 * CSV columns, by heading (German or English; case and spaces ignored): handle (required),
 * platform, comment_id, text, entered_at (ISO, or dd.mm.yyyy hh:mm workspace time), email,
 * birth_date or age, country.
 */
export const ENTRY_CSV_COLUMNS = [
  'handle',
  'platform',
  'comment_id',
  'text',
  'entered_at',
  'email',
  'birth_date',
  'age',
  'country',
] as const;

export const ENTRY_CSV_ISSUE_CODES = [
  'HANDLE_MISSING',
  'UNKNOWN_PLATFORM',
  'INVALID_DATE',
  'LOCAL_TIME_DOES_NOT_EXIST',
  'LOCAL_TIME_AMBIGUOUS',
  'INVALID_AGE',
  'INVALID_COUNTRY',
  'INVALID_EMAIL',
  'TEXT_TOO_LONG',
  'DUPLICATE_ROW',
] as const;
export const EntryCsvIssueCodeSchema = z.enum(ENTRY_CSV_ISSUE_CODES);

export const EntryCsvIssueSchema = z.object({
  line: z.number().int().meta({ description: 'The line in the file (the header is line 1)' }),
  column: z.string().nullable(),
  code: EntryCsvIssueCodeSchema,
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type EntryCsvIssue = z.infer<typeof EntryCsvIssueSchema>;

export const EntryCsvReportSchema = z.object({
  dryRun: z.boolean(),
  ok: z.boolean().meta({ description: 'No errors: every row is (or would be) imported' }),
  encoding: z.enum(['utf-8', 'windows-1252', 'utf-16le', 'utf-16be']),
  rows: z.number().int(),
  imported: z.number().int().meta({ description: 'Rows stored (0 on a dry run or with errors)' }),
  issues: z.array(EntryCsvIssueSchema),
});
export type EntryCsvReport = z.infer<typeof EntryCsvReportSchema>;

// ---- Commitment and draw ------------------------------------------------------------------------

export const DRAW_ALGORITHMS = ['fisher-yates-sha256-v1'] as const;
export const DrawAlgorithmSchema = z.enum(DRAW_ALGORITHMS);
export type DrawAlgorithm = z.infer<typeof DrawAlgorithmSchema>;

export const CommitmentSchema = z.object({
  committedAt: InstantSchema,
  committedBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
  algorithm: DrawAlgorithmSchema,
  rulesVersion: z.number().int(),
  rulesHash: z.string(),
  eligibleCount: z.number().int(),
  entrantCount: z.number().int(),
  excludedCount: z.number().int(),
  entryCount: z.number().int(),
  listHash: z.string().meta({
    description: 'SHA-256 (hex) of the eligible pseudonyms, sorted, joined with "\\n"',
  }),
  secretHash: z.string().meta({
    description: 'SHA-256 (hex) of the server secret; the secret is revealed with the draw',
  }),
});
export type Commitment = z.infer<typeof CommitmentSchema>;

export const DrawnEntrantSchema = z.object({
  rank: z.number().int().meta({ description: '1-based position in the draw order' }),
  entrantId: z.string(),
  maskedHandle: z.string(),
  platform: PlatformSchema.nullable(),
  prize: z.string().nullable().meta({ description: 'Winners only; null for an alternate' }),
});
export type DrawnEntrant = z.infer<typeof DrawnEntrantSchema>;

export const ReplacementSchema = z.object({
  at: InstantSchema,
  replacedEntrantId: z.string(),
  byEntrantId: z.string().meta({ description: 'The alternate who moved up' }),
  reason: z.string(),
  recordedBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
});
export type Replacement = z.infer<typeof ReplacementSchema>;

export const DrawResultSchema = z.object({
  drawnAt: InstantSchema,
  drawnBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
  algorithm: DrawAlgorithmSchema,
  secret: z.string().meta({ description: 'The server secret (64 hex digits), revealed now' }),
  publicValue: z.string().meta({
    description: 'The value supplied after the commitment by a second person',
  }),
  publicValueBy: z.string().meta({ description: 'Who supplied it (name as entered)' }),
  seed: z.string().meta({ description: 'SHA-256 (hex), see docs/contests.md' }),
  order: z.array(z.string()).meta({
    description: 'Pseudonyms in draw order: winners first, then alternates',
  }),
  winners: z.array(DrawnEntrantSchema),
  alternates: z.array(DrawnEntrantSchema),
  currentWinners: z.array(DrawnEntrantSchema).meta({
    description: 'The winners after replacements (the original result is kept in `winners`)',
  }),
  replacements: z.array(ReplacementSchema),
});
export type DrawResult = z.infer<typeof DrawResultSchema>;

/** The contest's draw state as members see it. */
export const ContestDrawSchema = z.object({
  commitment: CommitmentSchema.nullable(),
  result: DrawResultSchema.nullable(),
});
export type ContestDraw = z.infer<typeof ContestDrawSchema>;

export const CommitRequestSchema = z.strictObject({
  version: z.number().int().positive().optional(),
});

export const DrawRequestSchema = z.strictObject({
  publicValue: z.string().trim().min(4).max(200).meta({
    description:
      'Chosen by a second person only after the commitment was published (e.g. read out on a live stream, the notary’s number)',
  }),
  publicValueBy: z.string().trim().min(1).max(200),
});
export type DrawRequest = z.input<typeof DrawRequestSchema>;

export const RedrawRequestSchema = z.strictObject({
  entrantId: z.string().min(1).max(40).meta({ description: 'The winner who is replaced' }),
  reason: z.string().trim().min(3).max(500),
});
export type RedrawRequest = z.input<typeof RedrawRequestSchema>;

// ---- Winner notification ------------------------------------------------------------------------

export const WinnerNotificationSchema = z.object({
  id: IdSchema,
  entrantId: z.string(),
  kind: z.enum(['reply', 'direct_message']),
  platform: PlatformSchema.nullable(),
  postId: IdSchema.nullable().meta({
    description: 'The draft post holding the reply; it goes through review like any post',
  }),
  text: z.string(),
  status: z.enum(['draft', 'approved', 'sent']),
  createdAt: InstantSchema,
});
export type WinnerNotification = z.infer<typeof WinnerNotificationSchema>;

export const WinnerNotificationListSchema = z.object({ items: z.array(WinnerNotificationSchema) });

export const DraftNotificationRequestSchema = z.strictObject({
  entrantId: z.string().min(1).max(40),
  kind: z.enum(['reply', 'direct_message']).default('reply'),
  language: LocaleSchema.optional(),
});

// ---- Public verification ------------------------------------------------------------------------

export const VerificationSchema = z.object({
  contest: z.object({
    title: z.string(),
    organiser: z.string(),
    entriesFrom: InstantSchema,
    entriesUntil: InstantSchema,
    timeZone: z.string(),
    rulesUrl: z.string(),
  }),
  status: ContestStatusSchema,
  commitment: CommitmentSchema.omit({ committedBy: true }).nullable(),
  eligible: z.array(z.string()).meta({
    description: 'The sorted eligible pseudonyms the list hash covers (empty before the commit)',
  }),
  draw: DrawResultSchema.omit({ drawnBy: true })
    .extend({
      replacements: z.array(ReplacementSchema.omit({ recordedBy: true })),
    })
    .nullable(),
  recomputed: z
    .object({
      listHashMatches: z.boolean(),
      secretHashMatches: z.boolean(),
      seed: z.string(),
      seedMatches: z.boolean(),
      order: z.array(z.string()),
      orderMatches: z.boolean(),
    })
    .nullable()
    .meta({ description: 'The server re-running the published algorithm on the published inputs' }),
  certificateUrl: z.string().nullable(),
  certificatePdfUrl: z.string().nullable(),
});
export type Verification = z.infer<typeof VerificationSchema>;

/** What the certificate (HTML and PDF) shows; the same data as the verification, for rendering. */
export const CertificateSchema = VerificationSchema.extend({
  verificationUrl: z.string(),
  generatedAt: InstantSchema,
});
export type Certificate = z.infer<typeof CertificateSchema>;
