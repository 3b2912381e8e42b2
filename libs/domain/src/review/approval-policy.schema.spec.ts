import { describe, expect, it } from '@jest/globals';
import {
  ApprovalPolicySchema,
  DEFAULT_APPROVAL_POLICY,
  policyLevels,
} from './approval-policy.schema';

const messages = (input: unknown): string[] => {
  const result = ApprovalPolicySchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('ApprovalPolicySchema', () => {
  it('accepts each kind and fills in defaults', () => {
    expect(ApprovalPolicySchema.parse({ kind: 'none' })).toEqual({
      kind: 'none',
      selfApprovalRoles: [],
    });
    expect(
      ApprovalPolicySchema.parse({ kind: 'required', approvers: { roles: ['editor', 'editor'] } }),
    ).toEqual({
      kind: 'required',
      approvers: { roles: ['editor'], userIds: [] },
      selfApprovalRoles: [],
    });
    const levels = ApprovalPolicySchema.parse({
      kind: 'levels',
      levels: [
        { name: 'Redaktion', approvers: { roles: ['editor'] } },
        { name: 'Rechtsabteilung', approvers: { userIds: ['u-1', 'u-2'] }, mode: 'all' },
        { name: 'Kunde', client: true },
      ],
      selfApprovalRoles: ['owner'],
    });
    expect(policyLevels(levels).map((l) => [l.name, l.mode, l.client])).toEqual([
      ['Redaktion', 'any', false],
      ['Rechtsabteilung', 'all', false],
      ['Kunde', 'any', true],
    ]);
  });

  it('accepts mode all with roles: the members holding them are counted when a post is submitted', () => {
    expect(
      messages({
        kind: 'levels',
        levels: [{ name: 'Alle Admins', approvers: { roles: ['admin'] }, mode: 'all' }],
      }),
    ).toEqual([]);
  });

  it('names the level that has no approvers', () => {
    expect(
      messages({
        kind: 'levels',
        levels: [{ name: 'Redaktion', approvers: { roles: [], userIds: [] } }],
      }),
    ).toEqual(['Level "Redaktion" has no approvers: add at least one role or person']);
  });

  it('refuses a required policy without approvers', () => {
    expect(messages({ kind: 'required', approvers: {} })).toEqual([
      'Name who approves: add at least one role or person',
    ]);
  });

  it('refuses "all link holders" on a client level', () => {
    expect(
      messages({ kind: 'levels', levels: [{ name: 'Kunde', client: true, mode: 'all' }] })[0],
    ).toMatch(/review link.*use mode 'any'/);
  });

  it('refuses two levels of the same name, an empty list, unknown roles and unknown kinds', () => {
    const twice = { name: 'redaktion', approvers: { roles: ['editor'] } };
    expect(
      messages({ kind: 'levels', levels: [twice, { ...twice, name: 'Redaktion' }] })[0],
    ).toMatch(/Two levels/);
    expect(messages({ kind: 'levels', levels: [] })).toEqual(['Add at least one approval level']);
    expect(messages({ kind: 'required', approvers: { roles: ['boss'] } })[0]).toMatch(
      /A role is one of owner/,
    );
    expect(messages({ kind: 'sometimes' })[0]).toMatch(/kind is one of/);
  });

  it('rejects unknown fields rather than silently ignoring a typo', () => {
    expect(messages({ kind: 'none', selfApproval: ['owner'] }).length).toBe(1);
  });

  it('has a default policy that is itself valid', () => {
    expect(ApprovalPolicySchema.parse(DEFAULT_APPROVAL_POLICY)).toEqual(DEFAULT_APPROVAL_POLICY);
  });
});
