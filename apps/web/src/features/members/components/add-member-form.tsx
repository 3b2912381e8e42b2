import type { InvitationCreated, WorkspaceMembership } from '@postplan/contracts';
import { useState, type FormEvent } from 'react';
import { Field } from '../../../components/ui/field';
import { useToast } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api/api-error';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { grantableRoles } from '../../../lib/permissions';
import { useInvite } from '../api/use-members';
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
 * Invites a colleague by e-mail. Nobody sets a password for someone else: the colleague opens
 * the invitation (by e-mail, or the link shown here once) and chooses their own, or accepts it
 * with the account they already have. The answer is the same either way.
 */
export function AddMemberForm({ workspace }: { workspace: WorkspaceMembership }) {
  const { t } = useI18n();
  const toast = useToast();
  const invite = useInvite(workspace.slug);
  const [form, setForm] = useState<MemberFormValues>(emptyMemberForm);
  const [errors, setErrors] = useState<MemberFormErrors>({});
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const [copied, setCopied] = useState(false);

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
    setCreated(null);
    setCopied(false);
    invite.mutate(result.request, {
      onSuccess: (answer) => {
        toast.show({
          tone: 'success',
          message: t('members.invited', {
            email: answer.invitation.email,
            role: t(`role.${answer.invitation.role}`),
          }),
        });
        setCreated(answer);
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

  const copy = () => {
    if (!created) return;
    void navigator.clipboard?.writeText(created.inviteUrl).then(() => setCopied(true));
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
      {invite.isError && (
        <div className="alert alert--error" role="alert" data-testid="add-member-error">
          {memberErrorMessage(invite.error, t)}
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
      </div>
      <div className="member-form__actions">
        <button type="submit" className="button button--primary" disabled={invite.isPending}>
          {invite.isPending ? t('members.add.submitting') : t('members.add.submit')}
        </button>
      </div>
      {created && (
        <div className="notice" role="status" data-testid="invite-link">
          <p>
            {created.emailSent
              ? t('members.inviteLink.mailed', { email: created.invitation.email })
              : t('members.inviteLink.noMail', { email: created.invitation.email })}
          </p>
          <Field label={t('members.inviteLink.label')} hint={t('members.inviteLink.hint')}>
            <input
              type="text"
              readOnly
              value={created.inviteUrl}
              onFocus={(e) => e.target.select()}
            />
          </Field>
          <button type="button" className="button button--small" onClick={copy}>
            {copied ? t('members.inviteLink.copied') : t('members.inviteLink.copy')}
          </button>
        </div>
      )}
    </form>
  );
}
