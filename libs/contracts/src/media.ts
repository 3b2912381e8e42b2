import { z } from 'zod';
import { IdSchema, InstantSchema, PlatformSchema } from './common';

/**
 * The media library: images and videos uploaded once per workspace and reused in any number
 * of posts. See docs/media.md for the decisions behind these shapes.
 *
 * Endpoints (all under /api/v1/workspaces/{ws}, tenant-scoped: another workspace's media id
 * answers 404 MEDIA_NOT_FOUND):
 *
 *   POST   /media                 multipart/form-data, field `file` (one file), optional
 *                                 fields `altText` and `name` -> 201 MediaItem
 *   GET    /media?q=&kind=&cursor=&limit=           -> MediaList (newest first)
 *   GET    /media/{mediaId}                         -> MediaItem
 *   PATCH  /media/{mediaId}       UpdateMediaRequest -> MediaItem
 *   DELETE /media/{mediaId}                         -> 204, or 409 MEDIA_IN_USE
 *   GET    /media/{mediaId}/file                    -> the stored bytes (authenticated)
 *   GET    /media/{mediaId}/thumbnail               -> a JPEG at most 480 px wide (authenticated)
 *   POST   /media/check           MediaCheckRequest -> MediaCheckResponse (read-only: what
 *                                 submit would say about these media on these channels)
 *   GET    /media-settings                          -> MediaSettings
 *   PUT    /media-settings        UpdateMediaSettingsRequest -> MediaSettings (admins)
 *
 * Posts: `media: PostMediaInput[]` on create/update (the base media), and per variant
 * `media: PostMediaInput[] | null` (null: the post's media). Answers carry PostMedia.
 */
export const MEDIA_PATHS = {
  collection: (ws: string) => `/api/v1/workspaces/${encodeURIComponent(ws)}/media`,
  item: (ws: string, id: string) =>
    `/api/v1/workspaces/${encodeURIComponent(ws)}/media/${encodeURIComponent(id)}`,
  file: (ws: string, id: string) =>
    `/api/v1/workspaces/${encodeURIComponent(ws)}/media/${encodeURIComponent(id)}/file`,
  thumbnail: (ws: string, id: string) =>
    `/api/v1/workspaces/${encodeURIComponent(ws)}/media/${encodeURIComponent(id)}/thumbnail`,
  check: (ws: string) => `/api/v1/workspaces/${encodeURIComponent(ws)}/media/check`,
  settings: (ws: string) => `/api/v1/workspaces/${encodeURIComponent(ws)}/media-settings`,
} as const;

/** The multipart field that carries the file. */
export const MEDIA_UPLOAD_FIELD = 'file';

export const MEDIA_KINDS = ['image', 'video'] as const;
export const MediaKindSchema = z.enum(MEDIA_KINDS);
export type MediaKind = z.infer<typeof MediaKindSchema>;

/**
 * The formats the library accepts, as detected from the file's first bytes (never from the
 * name or the client's Content-Type). What each platform takes is narrower; see
 * libs/platforms limits.
 */
export const MEDIA_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'video/mp4',
  'video/quicktime',
  'video/webm',
] as const;
export const MediaMimeTypeSchema = z.enum(MEDIA_MIME_TYPES);
export type MediaMimeType = z.infer<typeof MediaMimeTypeSchema>;

/** Alt text: what a screen reader says instead of the picture. 1,000 fits every platform we know (X: 1,000; Mastodon: 1,500; Bluesky: 2,000). */
export const MAX_ALT_TEXT_LENGTH = 1000;

export const AltTextSchema = z
  .string()
  .trim()
  .max(MAX_ALT_TEXT_LENGTH)
  .transform((s) => (s === '' ? null : s))
  .nullable();

export const MediaNameSchema = z.string().trim().min(1).max(200);

export const MediaItemSchema = z.object({
  id: IdSchema,
  kind: MediaKindSchema,
  /** The name it was uploaded with (for search and display); never used to decide the type. */
  name: z.string(),
  mimeType: MediaMimeTypeSchema,
  bytes: z.number().int().nonnegative(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  /** Videos only; null for images. */
  durationMs: z.number().int().nonnegative().nullable(),
  /** The video's codec as ffprobe names it (`h264`, `hevc`, `vp9`); null for images. */
  videoCodec: z.string().nullable(),
  /** The library's alt text: the default a post copies when it attaches the item. */
  altText: z.string().nullable(),
  /** Hex SHA-256 of the stored bytes (after EXIF/GPS were stripped); part of the approval hash. */
  sha256: z.string(),
  /** Authenticated API paths (relative to the origin); open them with the session or a token. */
  thumbnailUrl: z.string(),
  url: z.string(),
  /** How many live (not deleted) posts use it, in their base media or a variant's. */
  usageCount: z.number().int().nonnegative(),
  uploadedBy: IdSchema.nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type MediaItem = z.infer<typeof MediaItemSchema>;

/** What POST /media answers (201): the new library item. */
export const MediaUploadResponseSchema = MediaItemSchema;
export type MediaUploadResponse = MediaItem;

/** The non-file fields of the multipart upload. */
export const MediaUploadFieldsSchema = z.strictObject({
  altText: AltTextSchema.optional(),
  name: MediaNameSchema.optional(),
});
export type MediaUploadFields = z.input<typeof MediaUploadFieldsSchema>;

export const MediaListQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200).optional().meta({
    description: 'Every word must occur in the name or the alt text (case-insensitive)',
  }),
  kind: MediaKindSchema.optional(),
  cursor: z.string().max(200).optional().meta({
    description: 'The `nextCursor` of the previous page',
  }),
  limit: z.coerce.number().int().min(1).max(100).default(40),
});
export type MediaListQuery = z.input<typeof MediaListQuerySchema>;

export const MediaListSchema = z.object({
  items: z.array(MediaItemSchema),
  /** Null on the last page. */
  nextCursor: z.string().nullable(),
});
export type MediaList = z.infer<typeof MediaListSchema>;

export const UpdateMediaRequestSchema = z
  .strictObject({
    altText: AltTextSchema.optional(),
    name: MediaNameSchema.optional(),
  })
  .refine((v) => v.altText !== undefined || v.name !== undefined, {
    message: 'Nothing to change',
  });
export type UpdateMediaRequest = z.input<typeof UpdateMediaRequestSchema>;

/** At most this many media on a post or a variant (no platform takes more than 20). */
export const MAX_MEDIA_PER_POST = 20;

/**
 * How a post (or one variant) attaches a library item. The order of the list is the order on
 * the platform. Alt text is stored per use: a post keeps the alt text it was approved with even
 * when the library's text changes later. Left out (undefined) on write, the API copies the
 * library item's alt text; null means "no alt text" on purpose.
 */
export const PostMediaInputSchema = z.strictObject({
  mediaId: IdSchema,
  altText: AltTextSchema.optional(),
});
export type PostMediaInput = z.input<typeof PostMediaInputSchema>;

export const PostMediaInputListSchema = z
  .array(PostMediaInputSchema)
  .max(MAX_MEDIA_PER_POST)
  .refine((list) => new Set(list.map((m) => m.mediaId)).size === list.length, {
    message: 'Each media item may appear only once',
  });

/** One attached item as a post answers it: the use (id, alt text) plus what the library knows. */
export const PostMediaSchema = z.object({
  mediaId: IdSchema,
  altText: z.string().nullable(),
  kind: MediaKindSchema,
  name: z.string(),
  mimeType: MediaMimeTypeSchema,
  bytes: z.number().int().nonnegative(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  durationMs: z.number().int().nonnegative().nullable(),
  sha256: z.string(),
  thumbnailUrl: z.string(),
  url: z.string(),
});
export type PostMedia = z.infer<typeof PostMediaSchema>;

/**
 * On the post: `media` (the base media, like the base text). On a variant: `media` null means
 * "the post's media", a list (even empty) replaces them for that channel.
 */
export const PostMediaListSchema = z.array(PostMediaSchema);
export const VariantMediaSchema = PostMediaListSchema.nullable().meta({
  description: "null: the channel uses the post's media",
});

/** A problem a platform would have with a channel's media: submit/approve refuse with these. */
export const MEDIA_RULES = [
  'count',
  'required',
  'format',
  'image_size',
  'video_size',
  'aspect_ratio',
  'video_duration',
  'mixed',
  'alt_text',
] as const;
export const MediaRuleSchema = z.enum(MEDIA_RULES);
export type MediaRule = z.infer<typeof MediaRuleSchema>;

export const MediaProblemSchema = z.object({
  channelId: IdSchema,
  platform: z.string(),
  mediaId: IdSchema.nullable(),
  rule: MediaRuleSchema,
  message: z.string(),
  messages: z.object({ de: z.string(), en: z.string() }),
});
export type MediaProblem = z.infer<typeof MediaProblemSchema>;

/**
 * The live check while a post is edited: the media as they stand in the editor (not yet saved),
 * checked exactly as submit and approve will check them. Each entry is written as on a save
 * (`altText` left out: the library's text), so the answer matches what saving would store.
 */
export const MediaCheckRequestSchema = z.strictObject({
  media: PostMediaInputListSchema.default([]).meta({ description: "The post's media in order" }),
  channels: z
    .array(
      z.strictObject({
        channelId: IdSchema,
        media: PostMediaInputListSchema.nullable().default(null).meta({
          description: "The channel's own media in order; null or left out: the post's media",
        }),
      }),
    )
    .max(50)
    .refine((list) => new Set(list.map((c) => c.channelId)).size === list.length, {
      message: 'Each channel may appear only once',
    })
    .meta({ description: 'The target channels' }),
});
export type MediaCheckRequest = z.input<typeof MediaCheckRequestSchema>;

/** One thing a platform would refuse; `mediaId` null when it is about the whole list (count). */
export const MediaCheckProblemSchema = z.object({
  mediaId: IdSchema.nullable(),
  rule: MediaRuleSchema,
  messages: z.object({ de: z.string(), en: z.string() }),
});
export type MediaCheckProblem = z.infer<typeof MediaCheckProblemSchema>;

export const MediaCheckChannelSchema = z.object({
  channelId: IdSchema,
  platform: PlatformSchema,
  /** Empty: the platform takes these media (or it has no media rules). */
  problems: z.array(MediaCheckProblemSchema),
});
export type MediaCheckChannel = z.infer<typeof MediaCheckChannelSchema>;

/** Every requested channel, in the request's order. */
export const MediaCheckResponseSchema = z.object({
  channels: z.array(MediaCheckChannelSchema),
});
export type MediaCheckResponse = z.infer<typeof MediaCheckResponseSchema>;

/** Workspace setting: with `altTextRequired`, an image or video without alt text blocks submit and approval. Limits come from the environment. */
export const MediaSettingsSchema = z.object({
  altTextRequired: z.boolean(),
  maxImageBytes: z.number().int().positive(),
  maxVideoBytes: z.number().int().positive(),
});
export type MediaSettings = z.infer<typeof MediaSettingsSchema>;

export const UpdateMediaSettingsRequestSchema = z.strictObject({
  altTextRequired: z.boolean(),
});
