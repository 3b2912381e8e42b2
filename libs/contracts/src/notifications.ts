import { z } from 'zod';
import { IdSchema } from './common';

/** What a person can be told about. In-app is always on; e-mail is a per-user choice per kind. */
export const NOTIFICATION_KINDS = [
  'review_requested',
  'approved',
  'changes_requested',
  'mention',
  'approval_expired',
  'comment',
  'workspace_paused',
  'workspace_resumed',
  'publication_alert',
  'channel_alert',
] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

/**
 * E-mail on or off for a kind when the person has not chosen. Comments are frequent, so their
 * e-mail starts off; everything that asks for action or tells of a crisis starts on.
 */
export const DEFAULT_EMAIL_SETTINGS: Record<NotificationKind, boolean> = {
  review_requested: true,
  approved: true,
  changes_requested: true,
  mention: true,
  approval_expired: true,
  comment: false,
  workspace_paused: true,
  workspace_resumed: true,
  publication_alert: true,
  channel_alert: true,
};

/** Who caused a notification, as the recipient sees it. */
export const NotificationActorSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user'), userId: IdSchema, name: z.string() }),
  z.object({ type: z.literal('link'), label: z.string(), visitorName: z.string() }),
  z.object({ type: z.literal('system') }),
]);
export type NotificationActor = z.infer<typeof NotificationActorSchema>;

export const NotificationSchema = z.object({
  id: IdSchema,
  kind: NotificationKindSchema,
  workspace: z.object({ id: IdSchema, slug: z.string(), name: z.string() }),
  post: z
    .object({ id: IdSchema, title: z.string() })
    .nullable()
    .meta({ description: 'The post it is about, if any; open it in the workspace calendar' }),
  actor: NotificationActorSchema.nullable(),
  data: z.record(z.string(), z.unknown()).meta({
    description:
      'Kind-specific details: note (changes requested), excerpt (mention, comment; gone and commentDeleted: true once the comment is deleted), reason, scope and channelName (pause, resume); outcome (failed, unconfirmed, missed, manual_due), channelName, reason, publicationId (publication_alert); status (expiring, needs_reconnect, revoked), channelName, channelId, expiresAt, plannedPosts (channel_alert)',
  }),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({ description: 'true: only unread notifications' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional().meta({ description: 'nextCursor of the previous page' }),
});
export type NotificationListQuery = z.input<typeof NotificationListQuerySchema>;

export const NotificationListSchema = z.object({
  items: z.array(NotificationSchema),
  unreadCount: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const MarkNotificationsReadRequestSchema = z.strictObject({
  ids: z
    .array(IdSchema)
    .min(1)
    .max(200)
    .transform((ids) => [...new Set(ids)]),
});
export type MarkNotificationsReadRequest = z.input<typeof MarkNotificationsReadRequestSchema>;

export const MarkNotificationsReadResponseSchema = z.object({
  updated: z.number().int().meta({ description: 'How many were unread until now' }),
  unreadCount: z.number().int(),
});
export type MarkNotificationsReadResponse = z.infer<typeof MarkNotificationsReadResponseSchema>;

export const NotificationSettingsSchema = z.object({
  emailAvailable: z
    .boolean()
    .meta({ description: 'false: this server sends no e-mail (no SMTP configured)' }),
  kinds: z.array(
    z.object({
      kind: NotificationKindSchema,
      inApp: z.literal(true),
      email: z.boolean(),
    }),
  ),
});
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

export const UpdateNotificationSettingsRequestSchema = z.strictObject({
  email: z
    .strictObject(
      Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.boolean().optional()])) as Record<
        NotificationKind,
        z.ZodOptional<z.ZodBoolean>
      >,
    )
    .meta({ description: 'E-mail on or off per kind; kinds not named keep their setting' }),
});
export type UpdateNotificationSettingsRequest = z.input<
  typeof UpdateNotificationSettingsRequestSchema
>;
