import { describe, expect, it } from '@jest/globals';
import { ApprovalPolicySchema, type ApprovalPolicy } from '@postplan/contracts';
import { hasClientLevel, withClientLevel } from './client-level';

const names = { team: 'Redaktion', client: 'Kunde' };
const approvers = { roles: ['editor' as const], userIds: [] };

describe('adding a client level', () => {
  it('keeps the team’s approval first and adds the client after it', () => {
    const policy: ApprovalPolicy = { kind: 'required', approvers, selfApprovalRoles: [] };
    expect(hasClientLevel(policy)).toBe(false);
    const next = ApprovalPolicySchema.parse(withClientLevel(policy, names));
    expect(next).toMatchObject({
      kind: 'levels',
      levels: [
        { name: 'Redaktion', approvers, client: false },
        { name: 'Kunde', client: true, mode: 'any' },
      ],
    });
    expect(hasClientLevel(next)).toBe(true);
  });

  it('appends to existing levels without a name clash, and leaves a policy with one alone', () => {
    const policy = ApprovalPolicySchema.parse({
      kind: 'levels',
      levels: [{ name: 'Kunde', approvers }],
    });
    const next = ApprovalPolicySchema.parse(withClientLevel(policy, names));
    expect(next.kind === 'levels' && next.levels.map((l) => l.name)).toEqual(['Kunde', 'Kunde 2']);
    expect(withClientLevel(next, names)).toBe(next);
  });

  it('turns "no approval" into the client’s approval', () => {
    const next = ApprovalPolicySchema.parse(
      withClientLevel({ kind: 'none', selfApprovalRoles: [] }, names),
    );
    expect(next).toMatchObject({ kind: 'levels', levels: [{ client: true }] });
  });
});
