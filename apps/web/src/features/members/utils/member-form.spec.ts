import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../../lib/api/api-error';
import { createTranslate } from '../../../lib/i18n/translate';
import {
  emptyMemberForm,
  formatJoined,
  memberErrorMessage,
  memberFormField,
  toAddMemberRequest,
} from './member-form';

describe('the add-member form', () => {
  const filled = {
    ...emptyMemberForm(),
    email: ' anna@example.com ',
    name: ' Anna Beispiel ',
    role: 'admin' as const,
    password: 'geheim-genug-1',
  };

  it('sends the trimmed entries with the role and the initial password', () => {
    expect(toAddMemberRequest(filled)).toEqual({
      ok: true,
      request: {
        email: 'anna@example.com',
        name: 'Anna Beispiel',
        role: 'admin',
        password: 'geheim-genug-1',
      },
    });
  });

  it('starts as an editor', () => {
    expect(emptyMemberForm().role).toBe('editor');
  });

  it('names every field that is wrong, and asks for a password even though the API would not', () => {
    expect(toAddMemberRequest(emptyMemberForm())).toEqual({
      ok: false,
      errors: {
        email: 'form.invalidEmail',
        name: 'form.required',
        password: 'members.error.password',
      },
    });
    expect(toAddMemberRequest({ ...filled, email: 'anna@', password: 'kurz' })).toEqual({
      ok: false,
      errors: { email: 'form.invalidEmail', password: 'members.error.password' },
    });
  });

  it('puts a server-side issue at its field', () => {
    expect(memberFormField('password')).toBe('password');
    expect(memberFormField('email')).toBe('email');
    expect(memberFormField('role')).toBeNull();
  });

  it('shows the day someone joined in the workspace zone', () => {
    // 23:30 UTC on 31 March is already 1 April in Berlin.
    expect(formatJoined('2026-03-31T23:30:00Z', 'en-GB', 'Europe/Berlin')).toBe('1 Apr 2026');
    expect(formatJoined('2026-03-31T23:30:00Z', 'de-DE', 'Europe/Berlin')).toBe('01.04.2026');
  });

  it('explains the owner rule rather than a generic role refusal', () => {
    const t = createTranslate('en');
    const ownerOnly = new ApiError(403, 'FORBIDDEN_ROLE', 'x', { required: 'owner' });
    const notAdmin = new ApiError(403, 'FORBIDDEN_ROLE', 'x', {
      required: 'admin',
      role: 'editor',
    });
    expect(memberErrorMessage(ownerOnly, t)).toBe(
      'Only an owner can make someone an owner, or change or remove an owner.',
    );
    expect(memberErrorMessage(notAdmin, t)).toBe('Your role does not allow this.');
    expect(memberErrorMessage(new ApiError(409, 'LAST_OWNER', 'x'), t)).toBe(
      'A workspace needs at least one owner: make someone else owner first.',
    );
  });
});
