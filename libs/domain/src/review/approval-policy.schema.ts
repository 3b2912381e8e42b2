import { z } from 'zod';
import { MEMBER_ROLES } from './review.model';

/**
 * The workspace's approval policy as admins enter it. Messages are written for the admin who
 * sees them next to the form field, so they say what to do, not what the schema expected.
 */

const roleSchema = z.enum(MEMBER_ROLES, { error: `A role is one of ${MEMBER_ROLES.join(', ')}` });
const userIdSchema = z.string().trim().min(1, 'A user id is empty').max(100);
const unique = <T>(list: T[]): T[] => [...new Set(list)];

export const ApproverSetSchema = z.strictObject({
  roles: z.array(roleSchema).max(MEMBER_ROLES.length).default([]).transform(unique),
  userIds: z.array(userIdSchema).max(200).default([]).transform(unique),
});
export type ApproverSet = z.output<typeof ApproverSetSchema>;

const hasApprovers = (a: ApproverSet): boolean => a.roles.length > 0 || a.userIds.length > 0;

export const ApprovalLevelSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'Give the level a name, e.g. "Redaktion"').max(60),
    approvers: ApproverSetSchema.default({ roles: [], userIds: [] }),
    mode: z
      .enum(['any', 'all'], { error: "mode is 'any' (one approver is enough) or 'all'" })
      .default('any'),
    client: z.boolean().default(false),
  })
  .superRefine((level, ctx) => {
    // A client level is approved by whoever holds an approving review link, so it may list no
    // members; every other level would be impossible to approve without approvers.
    if (!level.client && !hasApprovers(level.approvers)) {
      ctx.addIssue({
        code: 'custom',
        path: ['approvers'],
        message: `Level "${level.name}" has no approvers: add at least one role or person`,
      });
    }
    // "All link holders" cannot be counted: links are handed on and never enumerated.
    if (level.client && level.mode === 'all') {
      ctx.addIssue({
        code: 'custom',
        path: ['mode'],
        message: `Level "${level.name}" is approved through a review link, where "all approvers" cannot be known; use mode 'any'`,
      });
    }
  });
export type ApprovalLevel = z.output<typeof ApprovalLevelSchema>;

const selfApprovalRoles = z
  .array(roleSchema)
  .max(MEMBER_ROLES.length)
  .default([])
  .transform(unique);

const approversRequired = (a: ApproverSet): boolean => hasApprovers(a);
const noApproversMessage = 'Name who approves: add at least one role or person';

export const ApprovalPolicySchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('none'), selfApprovalRoles }),
    z.strictObject({
      kind: z.literal('optional'),
      approvers: ApproverSetSchema.refine(approversRequired, noApproversMessage),
      selfApprovalRoles,
    }),
    z.strictObject({
      kind: z.literal('required'),
      approvers: ApproverSetSchema.refine(approversRequired, noApproversMessage),
      selfApprovalRoles,
    }),
    z.strictObject({
      kind: z.literal('levels'),
      levels: z
        .array(ApprovalLevelSchema)
        .min(1, 'Add at least one approval level')
        .max(10, 'At most 10 approval levels')
        .superRefine((levels, ctx) => {
          const seen = new Set<string>();
          levels.forEach((level, i) => {
            const key = level.name.toLowerCase();
            if (seen.has(key)) {
              ctx.addIssue({
                code: 'custom',
                path: [i, 'name'],
                message: `Two levels are called "${level.name}"; give each level its own name`,
              });
            }
            seen.add(key);
          });
        }),
      selfApprovalRoles,
    }),
  ],
  { error: "kind is one of 'none', 'optional', 'required', 'levels'" },
);
export type ApprovalPolicy = z.output<typeof ApprovalPolicySchema>;
export type ApprovalPolicyInput = z.input<typeof ApprovalPolicySchema>;
export type ApprovalPolicyKind = ApprovalPolicy['kind'];

/** The policy every new workspace starts with: one approval by an owner, admin or editor. */
export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = {
  kind: 'required',
  approvers: { roles: ['owner', 'admin', 'editor'], userIds: [] },
  selfApprovalRoles: [],
};

/**
 * The levels a round walks through. 'required' and 'optional' are one 'any' level, so the
 * evaluation has a single shape; 'none' has no levels at all.
 */
export function policyLevels(policy: ApprovalPolicy): ApprovalLevel[] {
  switch (policy.kind) {
    case 'none':
      return [];
    case 'optional':
    case 'required':
      return [{ name: 'approval', approvers: policy.approvers, mode: 'any', client: false }];
    case 'levels':
      return policy.levels;
  }
}
