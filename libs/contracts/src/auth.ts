import { z } from 'zod';
import { WorkspaceSchema } from './workspaces';
import {
  EmailSchema,
  IdSchema,
  LocaleSchema,
  PasswordSchema,
  RoleSchema,
  SlugSchema,
  TimeZoneSchema,
} from './common';

export const LoginRequestSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.input<typeof LoginRequestSchema>;

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string(),
  locale: LocaleSchema.nullable(),
});
export type User = z.infer<typeof UserSchema>;

/** A workspace as its member sees it in /me: the workspace, and the member's role in it. */
export const WorkspaceMembershipSchema = WorkspaceSchema.omit({ createdAt: true }).extend({
  role: RoleSchema,
});
export type WorkspaceMembership = z.infer<typeof WorkspaceMembershipSchema>;

export const MeResponseSchema = z.object({
  user: UserSchema,
  workspaces: z.array(WorkspaceMembershipSchema),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const LoginResponseSchema = MeResponseSchema;
export type LoginResponse = MeResponse;

export const UpdateMeRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  locale: LocaleSchema.nullable().optional(),
});
export type UpdateMeRequest = z.input<typeof UpdateMeRequestSchema>;

/**
 * What a personal API token may do. read: every GET; write: posts, channels and other content
 * changes; review: submit, approve, request changes, withdraw, comment; admin: workspace
 * settings, members and invitations, review links, the crisis stop. No scope lets a token
 * create tokens, change a password or sign sessions out: those need a browser session.
 */
export const TOKEN_SCOPES = ['read', 'write', 'review', 'admin'] as const;
export const TokenScopeSchema = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof TokenScopeSchema>;

/** The longest a token may live when it has an expiry: two years. */
export const MAX_TOKEN_DAYS = 730;

export const CreateTokenRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  scopes: z
    .array(TokenScopeSchema)
    .min(1)
    .max(TOKEN_SCOPES.length)
    .refine((s) => new Set(s).size === s.length, 'Each scope once')
    .default(['read'])
    .meta({ description: 'What the token may do; default: read only' }),
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(MAX_TOKEN_DAYS)
    .nullable()
    .default(null)
    .meta({ description: 'Days until the token stops working; null: it does not expire' }),
});
export type CreateTokenRequest = z.input<typeof CreateTokenRequestSchema>;

export const TokenSummarySchema = z.object({
  id: IdSchema,
  name: z.string(),
  prefix: z.string().meta({ description: 'The first characters of the token, to recognise it' }),
  scopes: z.array(TokenScopeSchema),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type TokenSummary = z.infer<typeof TokenSummarySchema>;

export const TokenListSchema = z.object({ items: z.array(TokenSummarySchema) });
export type TokenList = z.infer<typeof TokenListSchema>;

export const CreatedTokenSchema = TokenSummarySchema.extend({
  token: z.string().meta({ description: 'The secret; shown once and never again' }),
});
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;

export const SetupStatusSchema = z.object({ needed: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatusSchema>;

export const SetupRequestSchema = z.strictObject({
  email: EmailSchema,
  name: z.string().trim().min(1).max(120),
  password: PasswordSchema,
  workspaceName: z.string().trim().min(1).max(120),
  workspaceSlug: SlugSchema.optional(),
  timeZone: TimeZoneSchema.default('Europe/Berlin'),
  locale: LocaleSchema.default('de'),
});
export type SetupRequest = z.input<typeof SetupRequestSchema>;

/** A new password: the length the schema checks, plus a strength check on the server (WEAK_PASSWORD). */
export const NewPasswordSchema = PasswordSchema;

export const ChangePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: NewPasswordSchema,
});
export type ChangePasswordRequest = z.input<typeof ChangePasswordRequestSchema>;

export const PasswordResetRequestSchema = z.strictObject({ email: EmailSchema });
export type PasswordResetRequest = z.input<typeof PasswordResetRequestSchema>;

/** Secrets in links (invitations, password resets): 32 random bytes, base64url. */
export const LinkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Not a valid link');

export const PasswordResetConfirmSchema = z.strictObject({
  token: LinkTokenSchema,
  password: NewPasswordSchema,
});
export type PasswordResetConfirm = z.input<typeof PasswordResetConfirmSchema>;

export const PasswordResetAcceptedSchema = z.object({
  accepted: z.literal(true).meta({
    description: 'Always true: whether the address has an account is not told',
  }),
});
export type PasswordResetAccepted = z.infer<typeof PasswordResetAcceptedSchema>;

export const InvitationStatusSchema = z.enum([
  'pending',
  'accepted',
  'declined',
  'revoked',
  'expired',
]);

/** A pending invitation as the workspace's owners and admins see it. */
export const InvitationSchema = z.object({
  id: IdSchema,
  email: z.string(),
  role: RoleSchema,
  invitedBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

export const InvitationListSchema = z.object({ items: z.array(InvitationSchema) });
export type InvitationList = z.infer<typeof InvitationListSchema>;

/**
 * The answer to inviting someone: the same for an address with or without an account.
 * inviteUrl is shown once, to hand over where e-mail does not reach.
 */
export const InvitationCreatedSchema = z.object({
  invitation: InvitationSchema,
  inviteUrl: z.string().meta({ description: 'The link for the invitee; shown once' }),
  emailSent: z.boolean().meta({ description: 'Whether an e-mail goes out (SMTP configured)' }),
});
export type InvitationCreated = z.infer<typeof InvitationCreatedSchema>;

/** What the holder of an invitation link sees before joining. */
export const InvitationPreviewSchema = z.object({
  workspaceName: z.string(),
  role: RoleSchema,
  email: z.string(),
  invitedBy: z.string().nullable(),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

export const RegisterFromInvitationSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  password: NewPasswordSchema,
});
export type RegisterFromInvitation = z.input<typeof RegisterFromInvitationSchema>;

/** An invitation waiting for the signed-in person's answer. */
export const PendingInvitationSchema = z.object({
  id: IdSchema,
  workspaceName: z.string(),
  role: RoleSchema,
  invitedBy: z.string().nullable(),
  expiresAt: z.string(),
});
export type PendingInvitation = z.infer<typeof PendingInvitationSchema>;
export const PendingInvitationListSchema = z.object({ items: z.array(PendingInvitationSchema) });
export type PendingInvitationList = z.infer<typeof PendingInvitationListSchema>;
