import { SetupRequestSchema, type SetupRequest } from '@postplan/contracts';
import type { MessageKey } from '../../../lib/i18n/messages-en';

export type SetupFormValues = {
  name: string;
  email: string;
  password: string;
  workspaceName: string;
  timeZone: string;
  locale: 'de' | 'en';
};

export type SetupFieldErrors = Partial<Record<keyof SetupFormValues, MessageKey>>;

const MESSAGES: Record<keyof SetupFormValues, MessageKey> = {
  name: 'form.required',
  email: 'form.invalidEmail',
  password: 'setup.passwordTooShort',
  workspaceName: 'form.required',
  timeZone: 'form.required',
  locale: 'form.required',
};

const isField = (key: PropertyKey | undefined): key is keyof SetupFormValues =>
  typeof key === 'string' && key in MESSAGES;

/** Validates with the API's own schema, so the form and the server agree on what is valid. */
export function validateSetup(
  values: SetupFormValues,
): { ok: true; request: SetupRequest } | { ok: false; errors: SetupFieldErrors } {
  const request: SetupRequest = {
    ...values,
    name: values.name.trim(),
    email: values.email.trim(),
    workspaceName: values.workspaceName.trim(),
  };
  const result = SetupRequestSchema.safeParse(request);
  if (result.success) return { ok: true, request };
  const errors: SetupFieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (isField(field)) errors[field] ??= MESSAGES[field];
  }
  return { ok: false, errors };
}
