import { z } from 'zod';
import {
  EmailSchema,
  IdSchema,
  LocaleSchema,
  RoleSchema,
  SlugSchema,
  TimeZoneSchema,
} from './common';

export const HolidayCountrySchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'An ISO 3166-1 country code such as DE');
export const HolidayRegionSchema = z
  .string()
  .regex(/^[A-Z0-9]{1,3}$/, 'A region code such as BY (Bavaria)');

export const WorkspaceSchema = z.object({
  id: IdSchema,
  slug: z.string(),
  name: z.string(),
  timeZone: z.string(),
  locale: LocaleSchema,
  holidayCountry: z.string(),
  holidayRegion: z.string().nullable(),
  createdAt: z.string(),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const CreateWorkspaceRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  slug: SlugSchema.optional(),
  timeZone: TimeZoneSchema.default('Europe/Berlin'),
  locale: LocaleSchema.default('de'),
  holidayCountry: HolidayCountrySchema.default('DE'),
  holidayRegion: HolidayRegionSchema.nullable().optional(),
});
export type CreateWorkspaceRequest = z.input<typeof CreateWorkspaceRequestSchema>;

export const UpdateWorkspaceRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  slug: SlugSchema.optional(),
  timeZone: TimeZoneSchema.optional(),
  locale: LocaleSchema.optional(),
  holidayCountry: HolidayCountrySchema.optional(),
  holidayRegion: HolidayRegionSchema.nullable().optional(),
});
export type UpdateWorkspaceRequest = z.input<typeof UpdateWorkspaceRequestSchema>;

export const MemberSchema = z.object({
  userId: IdSchema,
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  joinedAt: z.string(),
});
export type Member = z.infer<typeof MemberSchema>;

export const MemberListSchema = z.object({ items: z.array(MemberSchema) });
export type MemberList = z.infer<typeof MemberListSchema>;

/**
 * Inviting someone by e-mail. Nobody sets another person's password: the invitee sets their own
 * (a new address) or accepts while signed in (an existing account).
 */
export const AddMemberRequestSchema = z.strictObject({
  email: EmailSchema,
  role: RoleSchema,
});
export type AddMemberRequest = z.input<typeof AddMemberRequestSchema>;

export const UpdateMemberRequestSchema = z.strictObject({ role: RoleSchema });
export type UpdateMemberRequest = z.input<typeof UpdateMemberRequestSchema>;
