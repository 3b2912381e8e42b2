import { AddMemberRequestSchema, type AddMemberRequest, type Role } from '@postplan/contracts';
import { isApiError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/i18n/error-message';
import type { MessageKey } from '../../../lib/i18n/messages-en';
import type { Translate } from '../../../lib/i18n/translate';

export type MemberFormValues = {
  email: string;
  role: Role;
};

export type MemberFormField = 'email';
export type MemberFormErrors = Partial<Record<MemberFormField, MessageKey>>;

/** What each field says when it is refused, here or by the server. */
export const MEMBER_FIELD_MESSAGES: Record<MemberFormField, MessageKey> = {
  email: 'form.invalidEmail',
};

/** A new colleague is an editor unless the admin says otherwise. */
export function emptyMemberForm(): MemberFormValues {
  return { email: '', role: 'editor' };
}

/** The field a server-side issue path (`email`, …) belongs to, if any. */
export function memberFormField(path: string): MemberFormField | null {
  return path.split('.')[0] === 'email' ? 'email' : null;
}

/**
 * Validates with the API's own schema. Only the address and the role: the colleague chooses
 * their own name and password when they accept.
 */
export function toAddMemberRequest(
  values: MemberFormValues,
): { ok: true; request: AddMemberRequest } | { ok: false; errors: MemberFormErrors } {
  const request: AddMemberRequest = { email: values.email.trim(), role: values.role };
  const errors: MemberFormErrors = {};
  const result = AddMemberRequestSchema.safeParse(request);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = memberFormField(issue.path.map(String).join('.'));
      if (field) errors[field] ??= MEMBER_FIELD_MESSAGES[field];
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, request };
}

/** The day someone joined, in the workspace's zone and the reader's language. */
export function formatJoined(iso: string, intlLocale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeZone }).format(
    new Date(iso),
  );
}

/**
 * The sentence for a refusal. `FORBIDDEN_ROLE` with `required: owner` is the grant rule (only an
 * owner makes, changes or removes an owner), which says more than the generic role message.
 */
export function memberErrorMessage(error: unknown, t: Translate): string {
  if (isApiError(error, 'FORBIDDEN_ROLE')) {
    const details = error.details as { required?: unknown } | undefined;
    if (details?.required === 'owner') return t('members.error.ownerOnly');
  }
  return errorMessage(error, t);
}
