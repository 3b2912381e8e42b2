import {
  BrandRuleSchema as DomainBrandRuleSchema,
  ChannelWordingSettingsSchema as DomainChannelWordingSettingsSchema,
  PLATFORMS,
  WorkspaceWordingSettingsSchema as DomainWorkspaceWordingSettingsSchema,
} from '@postplan/domain';
import { z } from 'zod';
import {
  DateTimeInputSchema,
  IdSchema,
  LocaleSchema,
  MAX_TEXT_LENGTH,
  PlatformSchema,
} from './common';

/**
 * The wording review as the API speaks it. The settings schemas are the domain's own (one source
 * for the engine, the API and the settings screens), made strict so a mistyped field is an error
 * instead of a setting that silently does nothing.
 */

/** Rejects unknown keys at every depth, keeping every check and refinement of the schema. */
function deepStrict<T>(schema: T): T {
  const s: unknown = schema;
  if (s instanceof z.ZodObject) {
    const shape = Object.fromEntries(
      Object.entries(s.shape).map(([key, value]) => [key, deepStrict(value)]),
    );
    return s.clone({ ...s.def, shape, catchall: z.never() }) as T;
  }
  if (s instanceof z.ZodOptional)
    return s.clone({ ...s.def, innerType: deepStrict(s.def.innerType) }) as T;
  if (s instanceof z.ZodNullable)
    return s.clone({ ...s.def, innerType: deepStrict(s.def.innerType) }) as T;
  if (s instanceof z.ZodDefault)
    return s.clone({ ...s.def, innerType: deepStrict(s.def.innerType) }) as T;
  if (s instanceof z.ZodArray) {
    return s.clone({ ...s.def, element: deepStrict(s.def.element) }) as T;
  }
  return schema;
}

export const SeveritySchema = z.enum(['error', 'warning', 'hint']);
export type WordingSeverity = z.infer<typeof SeveritySchema>;

export const LocalizedTextSchema = z.object({ de: z.string(), en: z.string() });

export const LengthUnitSchema = z.enum(['weighted', 'graphemes', 'characters', 'utf16', 'bytes']);

export const WordingLengthSchema = z.object({
  used: z.number().int(),
  limit: z.number().int().nullable().meta({ description: 'null: the platform sets no limit' }),
  unit: LengthUnitSchema.meta({
    description:
      'How the platform counts: weighted (X), graphemes, characters (code points), utf16, bytes',
  }),
});
export type WordingLength = z.infer<typeof WordingLengthSchema>;

export const WordingFixSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  replacement: z.string(),
  /** In the caller's language. */
  label: z.string(),
  labels: LocalizedTextSchema,
});
export type WordingFix = z.infer<typeof WordingFixSchema>;

export const WordingFindingSchema = z.object({
  rule: z.string().meta({ description: 'Rule id, e.g. length.limit or brand.banned' }),
  severity: SeveritySchema,
  message: z.string().meta({ description: "In the caller's language" }),
  messages: LocalizedTextSchema,
  start: z.number().int().meta({ description: 'UTF-16 offset into the text as sent' }),
  end: z.number().int().meta({ description: 'Exclusive' }),
  fix: WordingFixSchema.optional().meta({ description: 'The best fix, when there is one' }),
  fixes: z
    .array(WordingFixSchema)
    .optional()
    .meta({ description: 'Every fix, best first, when there is more than one' }),
  mediaIndex: z.number().int().optional().meta({
    description: 'Set when the finding is about an attached media item, not the text',
  }),
});
export type WordingFinding = z.infer<typeof WordingFindingSchema>;

export const WordingMediaSchema = z.strictObject({
  kind: z.enum(['image', 'video', 'gif']),
  altText: z.string().max(1500).nullable().optional(),
});

export const WordingCheckRequestSchema = z.strictObject({
  text: z.string().max(MAX_TEXT_LENGTH),
  platform: PlatformSchema.optional().meta({
    description: 'The target platform; may be left out when channelId names the channel',
  }),
  channelId: IdSchema.optional().meta({
    description: "Uses the channel's wording settings and its recent posts for duplicates",
  }),
  language: z.enum(['de', 'en']).optional().meta({
    description: "Forces the text's language; otherwise channel, detection, then workspace",
  }),
  postId: IdSchema.optional().meta({
    description: 'The post being edited: left out of its own duplicate search',
  }),
  plannedAt: DateTimeInputSchema.nullable().optional().meta({
    description: 'When the text goes out (duplicate window around it); default now',
  }),
  siblingVariants: z
    .array(z.strictObject({ channelId: IdSchema, text: z.string().max(MAX_TEXT_LENGTH) }))
    .max(50)
    .optional()
    .meta({ description: "The post's texts for its other channels (same text everywhere)" }),
  media: z.array(WordingMediaSchema).max(20).optional(),
  locale: LocaleSchema.optional().meta({
    description: "Language of the messages; default the user's, then the workspace's",
  }),
  skipSpelling: z.boolean().optional(),
});
export type WordingCheckRequest = z.input<typeof WordingCheckRequestSchema>;

export const WordingCheckResponseSchema = z.object({
  findings: z.array(WordingFindingSchema),
  length: WordingLengthSchema,
  language: z.enum(['de', 'en']).meta({ description: 'The language the text was checked in' }),
  readability: z
    .object({
      language: z.enum(['de', 'en']),
      score: z.number().meta({ description: 'Amstad (German) or Flesch (English), 0-100' }),
      band: z.enum([
        'very-easy',
        'easy',
        'fairly-easy',
        'standard',
        'fairly-difficult',
        'difficult',
        'very-difficult',
      ]),
      sentences: z.number().int(),
      words: z.number().int(),
      syllables: z.number().int(),
      averageSentenceLength: z.number(),
      averageSyllablesPerWord: z.number(),
    })
    .optional(),
});
export type WordingCheckResponse = z.infer<typeof WordingCheckResponseSchema>;

// ---- Settings ---------------------------------------------------------------------------------

/** A brand rule as sent: the domain's rule; `id` keeps an existing rule's identity. */
export const BrandRuleInputSchema = deepStrict(
  DomainBrandRuleSchema.safeExtend({ id: IdSchema.optional() }),
);
export type BrandRuleInput = z.input<typeof BrandRuleInputSchema>;

/** A stored brand rule; the shape the engine takes in `workspace.brandRules`. */
export const BrandRuleSchema = z.object({
  id: IdSchema,
  kind: z.enum(['banned', 'preferred']),
  term: z.string(),
  replacement: z.string().optional(),
  severity: SeveritySchema.optional(),
  message: z.object({ de: z.string().optional(), en: z.string().optional() }).optional(),
  inflect: z.boolean().optional(),
  termGender: z.enum(['m', 'f', 'n']).optional(),
  replacementGender: z.enum(['m', 'f', 'n']).optional(),
});
export type BrandRule = z.infer<typeof BrandRuleSchema>;

export const MAX_BRAND_RULES = 5000;

export const BrandRuleListSchema = z.object({ items: z.array(BrandRuleSchema) });
export type BrandRuleList = z.infer<typeof BrandRuleListSchema>;

export const ReplaceBrandRulesRequestSchema = z.strictObject({
  items: z.array(BrandRuleInputSchema).max(MAX_BRAND_RULES),
});
export type ReplaceBrandRulesRequest = z.input<typeof ReplaceBrandRulesRequestSchema>;

export const BrandRulesCsvImportQuerySchema = z.strictObject({
  mode: z.enum(['replace', 'merge']).default('replace').meta({
    description:
      'replace: the file becomes the list; merge: rules with the same kind and term are updated, new ones added',
  }),
});

/** The CSV as JSON, for clients that cannot send text/csv. */
export const BrandRulesCsvImportJsonSchema = z.strictObject({ csv: z.string() });

export const BrandCsvErrorSchema = z.object({
  line: z.number().int(),
  column: z.number().int(),
  field: z.string().optional(),
  message: z.string(),
  messages: LocalizedTextSchema,
});
export type BrandCsvError = z.infer<typeof BrandCsvErrorSchema>;

export const BrandRulesCsvImportResponseSchema = BrandRuleListSchema.extend({
  imported: z.number().int().meta({ description: 'Rows read from the file' }),
});
export type BrandRulesCsvImportResponse = z.infer<typeof BrandRulesCsvImportResponseSchema>;

/**
 * The workspace's wording settings as GET and PUT /wording/settings carry them: everything of the
 * engine's workspace settings except brand rules, which have their own endpoints (CSV, ids).
 */
export const WordingSettingsSchema = deepStrict(
  DomainWorkspaceWordingSettingsSchema.omit({ brandRules: true }),
);
export type WordingSettings = z.input<typeof WordingSettingsSchema>;

export const WordingSettingsResponseSchema = z.object({
  settings: WordingSettingsSchema,
  /** Moves with every change of the settings, brand rules or word list. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type WordingSettingsResponse = z.infer<typeof WordingSettingsResponseSchema>;

/** A channel's own wording settings (language, instance limit, engagement hint ...). */
export const ChannelWordingSchema = deepStrict(
  DomainChannelWordingSettingsSchema.omit({ channelId: true }),
);
export type ChannelWording = z.input<typeof ChannelWordingSchema>;

// ---- A post's wording ---------------------------------------------------------------------------

export const PostVariantWordingSchema = z.object({
  channelId: IdSchema,
  platform: z.enum(PLATFORMS),
  language: z.enum(['de', 'en']),
  findings: z.array(WordingFindingSchema),
  length: WordingLengthSchema,
});
export type PostVariantWording = z.infer<typeof PostVariantWordingSchema>;

export const BlockingFindingSchema = z.object({
  channelId: IdSchema,
  rule: z.string(),
  message: z.string(),
  messages: LocalizedTextSchema,
  start: z.number().int(),
  end: z.number().int(),
});
export type BlockingFinding = z.infer<typeof BlockingFindingSchema>;

/** Findings per variant of a post, and the errors among them that block submit and approve. */
export const PostWordingSchema = z.object({
  variants: z.array(PostVariantWordingSchema),
  blocking: z.array(BlockingFindingSchema),
});
export type PostWording = z.infer<typeof PostWordingSchema>;
