import {
  ApprovalPolicySchema,
  type ApprovalPolicy,
  type ApprovalPolicyInput,
  type Role,
  readErrorDetails,
} from '@postplan/contracts';
import type { Translate } from '../../../lib/i18n/translate';

export type PolicyKind = ApprovalPolicy['kind'];
export const POLICY_KINDS: readonly PolicyKind[] = ['none', 'optional', 'required', 'levels'];

export type ApproversForm = { roles: Role[]; userIds: string[] };
export type LevelForm = {
  /** Stable across reordering, for React keys and focus. */
  key: string;
  name: string;
  mode: 'any' | 'all';
  client: boolean;
  approvers: ApproversForm;
};
export type PolicyForm = {
  kind: PolicyKind;
  /** The approvers of "required" and "optional". */
  approvers: ApproversForm;
  levels: LevelForm[];
  selfApprovalRoles: Role[];
};

const DEFAULT_APPROVERS: ApproversForm = { roles: ['owner', 'admin', 'editor'], userIds: [] };

let nextKey = 0;
const newKey = () => `level-${++nextKey}`;

export function emptyLevel(): LevelForm {
  return {
    key: newKey(),
    name: '',
    mode: 'any',
    client: false,
    approvers: { roles: [], userIds: [] },
  };
}

/**
 * The form keeps what every kind needs, so switching kinds back and forth loses nothing: the
 * approvers of "required" seed the first level, and the other way round.
 */
export function policyToForm(policy: ApprovalPolicy): PolicyForm {
  const copy = (a: { roles: readonly Role[]; userIds: readonly string[] }): ApproversForm => ({
    roles: [...a.roles],
    userIds: [...a.userIds],
  });
  switch (policy.kind) {
    case 'none':
      return {
        kind: 'none',
        approvers: copy(DEFAULT_APPROVERS),
        levels: [{ ...emptyLevel(), approvers: copy(DEFAULT_APPROVERS) }],
        selfApprovalRoles: [...policy.selfApprovalRoles],
      };
    case 'optional':
    case 'required':
      return {
        kind: policy.kind,
        approvers: copy(policy.approvers),
        levels: [{ ...emptyLevel(), approvers: copy(policy.approvers) }],
        selfApprovalRoles: [...policy.selfApprovalRoles],
      };
    case 'levels':
      return {
        kind: 'levels',
        approvers: copy(policy.levels[0]?.approvers ?? DEFAULT_APPROVERS),
        levels: policy.levels.map((l) => ({
          key: newKey(),
          name: l.name,
          mode: l.mode,
          client: l.client,
          approvers: copy(l.approvers),
        })),
        selfApprovalRoles: [...policy.selfApprovalRoles],
      };
  }
}

export function formToPolicy(form: PolicyForm): ApprovalPolicyInput {
  const selfApprovalRoles = [...form.selfApprovalRoles];
  switch (form.kind) {
    case 'none':
      return { kind: 'none', selfApprovalRoles };
    case 'optional':
    case 'required':
      return { kind: form.kind, approvers: { ...form.approvers }, selfApprovalRoles };
    case 'levels':
      return {
        kind: 'levels',
        levels: form.levels.map((l) => ({
          name: l.name.trim(),
          approvers: { ...l.approvers },
          // Link holders cannot be counted, so a client level is always "any".
          mode: l.client ? 'any' : l.mode,
          client: l.client,
        })),
        selfApprovalRoles,
      };
  }
}

/** Field errors by path, e.g. "approvers", "levels.1.name", "levels" (the list as a whole). */
export type FieldErrors = ReadonlyMap<string, string>;

export type Issue = { path: string; code?: string; message: string };

/** Issues from the API's VALIDATION_FAILED details, with paths relative to the policy. */
export function issuesFromDetails(details: unknown): Issue[] {
  const read = readErrorDetails('VALIDATION_FAILED', details);
  return (read?.issues ?? []).map((i) => ({
    path: i.path.replace(/^policy\.?/, ''),
    ...(i.code ? { code: i.code } : {}),
    message: i.message,
  }));
}

/**
 * Puts each issue at the field it is about, in the reader's language where the case is known;
 * otherwise the API's own sentence (written for this form) is shown.
 */
export function fieldErrors(issues: readonly Issue[], t: Translate): FieldErrors {
  const errors = new Map<string, string>();
  for (const issue of issues) {
    const level = /^levels\.(\d+)\.(name|approvers|mode)/.exec(issue.path);
    let key = issue.path;
    let message = issue.message;
    if (level) {
      key = `levels.${level[1]}.${level[2]}`;
      if (level[2] === 'name')
        message =
          issue.code === 'custom' ? t('policy.error.duplicateName') : t('policy.error.name');
      if (level[2] === 'approvers') message = t('policy.error.noApprovers');
      if (level[2] === 'mode') message = t('policy.error.clientAll');
    } else if (issue.path.startsWith('approvers')) {
      key = 'approvers';
      // The API names people who are not members at approvers.userIds; the schema's own rule
      // (nobody named) sits at approvers.
      message =
        issue.path === 'approvers.userIds'
          ? t('policy.error.notMember')
          : t('policy.error.noApprovers');
    } else if (issue.path === 'levels') {
      message =
        issue.code === 'too_big' ? t('policy.error.tooManyLevels') : t('policy.error.noLevels');
    }
    if (!errors.has(key)) errors.set(key, message);
  }
  return errors;
}

/** The same rules the API applies, checked before sending. */
export function validatePolicyForm(form: PolicyForm, t: Translate): FieldErrors {
  const parsed = ApprovalPolicySchema.safeParse(formToPolicy(form));
  if (parsed.success) return new Map();
  return fieldErrors(
    parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      code: i.code,
      message: i.message,
    })),
    t,
  );
}

export function moveLevel(levels: readonly LevelForm[], from: number, to: number): LevelForm[] {
  if (to < 0 || to >= levels.length) return [...levels];
  const next = [...levels];
  const [moved] = next.splice(from, 1);
  if (moved) next.splice(to, 0, moved);
  return next;
}
