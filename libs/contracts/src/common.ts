import { PLATFORMS } from '@postplan/domain';
import { z } from 'zod';

export const ROLES = ['owner', 'admin', 'editor', 'author', 'viewer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

const ROLE_RANK: Record<Role, number> = { viewer: 0, author: 1, editor: 2, admin: 3, owner: 4 };

/** Roles are ordered: owner > admin > editor > author > viewer. The API and the UI both ask this. */
export function hasRole(role: Role, atLeast: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[atLeast];
}

export { PLATFORMS };
export const PlatformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof PlatformSchema>;

export const LOCALES = ['de', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

export const IdSchema = z.uuid();

/** The longest text a post or variant may have (Facebook's limit, with room to spare). */
export const MAX_TEXT_LENGTH = 65_000;

/** An instant as the API writes it: ISO 8601 with an explicit offset. */
export const InstantSchema = z.string().meta({
  description: 'ISO 8601 date-time with offset, e.g. 2026-11-21T10:00:00+01:00',
  example: '2026-11-21T10:00:00+01:00',
});

/**
 * A time as a client may send it: with an offset (an instant), or without one (a wall-clock
 * time in the workspace's time zone). Whether such a local time exists, or is ambiguous, is
 * decided by the server against the workspace's zone.
 */
export const DateTimeInputSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/,
    'Expected an ISO 8601 date-time such as 2026-11-21T10:00 or 2026-11-21T10:00+01:00',
  )
  .meta({
    description:
      'ISO 8601 date-time; without an offset it is read as wall-clock time in the workspace time zone',
    example: '2026-11-21T10:00',
  });

/** A day or a date-time, for range bounds. */
export const RangeBoundSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/,
    'Expected a day (2026-11-01) or an ISO 8601 date-time',
  );

export const TimeZoneSchema = z.string().min(1).max(64).meta({ example: 'Europe/Berlin' });

export const SlugSchema = z
  .string()
  .min(2)
  .max(48)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case letters, digits and single hyphens only');

export const EmailSchema = z
  .email()
  .max(254)
  .transform((s) => s.toLowerCase());

export const PasswordSchema = z.string().min(10, 'At least 10 characters').max(256);

export const HexColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour such as #1d4ed8');
