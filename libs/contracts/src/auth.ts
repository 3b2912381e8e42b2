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
export const WorkspaceMembershipSchema = WorkspaceSchema.omit({
  createdAt: true,
  catchUpMinutes: true,
}).extend({
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

export const CreateTokenRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
});
export type CreateTokenRequest = z.input<typeof CreateTokenRequestSchema>;

export const TokenSummarySchema = z.object({
  id: IdSchema,
  name: z.string(),
  prefix: z.string().meta({ description: 'The first characters of the token, to recognise it' }),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type TokenSummary = z.infer<typeof TokenSummarySchema>;

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
