import type { Member, WorkspaceMembership } from '@postplan/contracts';
import { useState, type FormEvent } from 'react';
import { Field } from '../../../components/ui/field';
import { useToast } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api/api-error';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { grantableRoles } from '../../../lib/permissions';
import { useAddMember } from '../api/use-members';
import {
  emptyMemberForm,
  MEMBER_FIELD_MESSAGES,
  memberErrorMessage,
  memberFormField,
  toAddMemberRequest,
  type MemberFormErrors,
  type MemberFormValues,
} from '../utils/member-form';

/**
 * Adds a colleague by e-mail. A new address becomes an account with the initial password
 * entered here; an address that already has an account is added as it is.
 */
export function AddMemberForm({ workspace }: { workspace: WorkspaceMembership }) {
  const { t } = useI18n();
  const toast = useToast();
  const add = useAddMember(workspace.slug);
  const [form, setForm] = useState<MemberFormValues>(emptyMemberForm);
  const [errors, setErrors] = useState<MemberFormErrors>({});

  const set = <K extends keyof MemberFormValues>(key: K, value: MemberFormValues[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = toAddMemberRequest(form);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    add.mutate(result.request, {
      onSuccess: (member: Member) => {
        toast.show({
          tone: 'success',
          message: t('members.added', { name: member.name, role: t(`role.${member.role}`) }),
        });
        setForm(emptyMemberForm());
      },
      onError: (error) => {
        if (!isApiError(error, 'VALIDATION_FAILED')) return;
        const issues = (error.details as { issues?: { path?: unknown }[] } | undefined)?.issues;
        const next: MemberFormErrors = {};
        for (const issue of issues ?? []) {
          const field = typeof issue.path === 'string' ? memberFormField(issue.path) : null;
          if (field) next[field] ??= MEMBER_FIELD_MESSAGES[field];
        }
        setErrors(next);
      },
    });
  };

  const err = (key: keyof MemberFormErrors) => {
    const k = errors[key];
    return k ? t(k) : null;
  };

  return (
    <form
      className="settings-section"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="members-add-title"
      data-testid="add-member-form"
    >
      <h2 id="members-add-title" className="settings-section__title">
        {t('members.add.title')}
      </h2>
      <p className="members-page__intro">{t('members.add.intro')}</p>
      {add.isError && (
        <div className="alert alert--error" role="alert" data-testid="add-member-error">
          {memberErrorMessage(add.error, t)}
        </div>
      )}
      <div className="member-form__grid">
        <Field label={t('members.add.email')} error={err('email')}>
          <input
            type="email"
            autoComplete="off"
            value={form.email}
            maxLength={254}
            required
            onChange={(e) => set('email', e.target.value)}
          />
        </Field>
        <Field label={t('members.add.name')} error={err('name')}>
          <input
            type="text"
            autoComplete="off"
            value={form.name}
            maxLength={120}
            required
            onChange={(e) => set('name', e.target.value)}
          />
        </Field>
        <Field label={t('members.add.role')} hint={t('members.add.roleHint')}>
          <select
            value={form.role}
            onChange={(e) => set('role', e.target.value as MemberFormValues['role'])}
          >
            {grantableRoles(workspace.role).map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('members.add.password')}
          hint={t('members.add.passwordHint')}
          error={err('password')}
        >
          <input
            type="password"
            autoComplete="new-password"
            value={form.password}
            maxLength={256}
            required
            onChange={(e) => set('password', e.target.value)}
          />
        </Field>
      </div>
      <div className="member-form__actions">
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          {add.isPending ? t('members.add.submitting') : t('members.add.submit')}
        </button>
      </div>
    </form>
  );
}
