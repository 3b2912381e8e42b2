import type { ApprovalPolicy, ApprovalPolicyInput } from '@postplan/contracts';

/** Can a client approve through a link under this policy? Only a client level counts. */
export function hasClientLevel(policy: ApprovalPolicy): boolean {
  return policy.kind === 'levels' && policy.levels.some((level) => level.client);
}

/**
 * The policy with a client level at the end, as "approve" on a review link needs it. The team's
 * own approval stays first; "none" becomes the client's approval alone.
 */
export function withClientLevel(
  policy: ApprovalPolicy,
  names: { team: string; client: string },
): ApprovalPolicyInput {
  const client = { name: names.client, client: true, mode: 'any' as const };
  const selfApprovalRoles = policy.selfApprovalRoles;
  switch (policy.kind) {
    case 'none':
      return { kind: 'levels', levels: [client], selfApprovalRoles };
    case 'optional':
    case 'required':
      return {
        kind: 'levels',
        levels: [{ name: names.team, approvers: policy.approvers, mode: 'any' }, client],
        selfApprovalRoles,
      };
    case 'levels': {
      if (hasClientLevel(policy)) return policy;
      const taken = new Set(policy.levels.map((l) => l.name.toLowerCase()));
      let name = names.client;
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${names.client} ${n}`;
      return { ...policy, levels: [...policy.levels, { ...client, name }] };
    }
  }
}
