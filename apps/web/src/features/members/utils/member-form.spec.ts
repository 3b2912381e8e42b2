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

describe('the invitation form', () => {
  const filled = { ...emptyMemberForm(), email: ' anna@example.com ', role: 'admin' as const };

  it('sends the trimmed address and the role, and never a password', () => {
    expect(toAddMemberRequest(filled)).toEqual({
      ok: true,
      request: { email: 'anna@example.com', role: 'admin' },
    });
  });

  it('starts as an editor', () => {
    expect(emptyMemberForm().role).toBe('editor');
  });

  it('names a wrong address', () => {
    expect(toAddMemberRequest(emptyMemberForm())).toEqual({
      ok: false,
      errors: { email: 'form.invalidEmail' },
    });
    expect(toAddMemberRequest({ ...filled, email: 'anna@' })).toEqual({
      ok: false,
      errors: { email: 'form.invalidEmail' },
    });
  });

  it('puts a server-side issue at its field', () => {
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
