import { ROLES, type ApprovalPolicy, type Role } from '@postplan/contracts';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useToast } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api/api-error';
import { useMembers } from '../../../lib/api/queries';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useReloadApprovalPolicy, useSaveApprovalPolicy } from '../api/use-approval-policy';
import {
  emptyLevel,
  fieldErrors,
  formToPolicy,
  issuesFromDetails,
  moveLevel,
  policyToForm,
  POLICY_KINDS,
  validatePolicyForm,
  type ApproversForm,
  type FieldErrors,
  type LevelForm,
  type PolicyForm as Form,
} from '../utils/policy-form';

type PolicyFormProps = {
  workspace: string;
  policy: ApprovalPolicy;
  /** The version `policy` was read at: a save made against it must not overwrite later changes. */
  version: number;
  editable: boolean;
};

const toggled = <T,>(list: readonly T[], value: T, on: boolean): T[] =>
  on ? [...new Set([...list, value])] : list.filter((v) => v !== value);

/** Kind, levels with their approvers, and self-approval: the approval policy as a form. */
export function PolicyForm({ workspace, policy, version, editable }: PolicyFormProps) {
  const { t } = useI18n();
  const toast = useToast();
  const id = useId();
  const [form, setForm] = useState<Form>(() => policyToForm(policy));
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  // The version the form's content was read at. It follows the form, not the cache: a refetch
  // in the background (say, on returning to the tab) must not make an old form look current.
  const [baseVersion, setBaseVersion] = useState(version);
  const save = useSaveApprovalPolicy(workspace);
  const reload = useReloadApprovalPolicy(workspace);
  const members = useMembers(workspace, true);
  const people = useMemo(
    () => [...(members.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    [members.data],
  );

  const update = (patch: Partial<Form>) => {
    setForm((current) => ({ ...current, ...patch }));
    setFormError(null);
    setConflict(false);
  };
  const showSaved = (saved: { policy: ApprovalPolicy; version: number }) => {
    // A saved policy comes back normalised: the form starts from it again.
    setForm(policyToForm(saved.policy));
    setBaseVersion(saved.version);
    setErrors(new Map());
    setFormError(null);
    setConflict(false);
  };
  const updateLevel = (index: number, patch: Partial<LevelForm>) =>
    update({ levels: form.levels.map((l, i) => (i === index ? { ...l, ...patch } : l)) });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!editable) return;
    const local = validatePolicyForm(form, t);
    setErrors(local);
    if (local.size > 0) {
      setFormError(t('policy.invalid'));
      return;
    }
    save.mutate(
      { policy: formToPolicy(form), version: baseVersion },
      {
        onSuccess: (saved) => {
          showSaved(saved);
          toast.show({ tone: 'success', message: t('policy.saved') });
        },
        onError: (error) => {
          if (isApiError(error, 'VALIDATION_FAILED')) {
            setErrors(fieldErrors(issuesFromDetails(error.details), t));
            setFormError(t('policy.invalid'));
            return;
          }
          // Another admin saved meanwhile: keep this form and let the admin load theirs,
          // rather than overwrite their levels unseen.
          const stale = isApiError(error, 'STALE_VERSION');
          setConflict(stale);
          setFormError(stale ? t('policy.stale') : errorMessage(error, t));
        },
      },
    );
  };

  const loadCurrent = () => {
    void reload().then(showSaved, (error: unknown) => setFormError(errorMessage(error, t)));
  };

  const approversPicker = (
    value: ApproversForm,
    onChange: (next: ApproversForm) => void,
    prefix: string,
    error: string | undefined,
    legend: string,
  ) => (
    <fieldset
      className="policy-form__group"
      aria-describedby={error ? `${prefix}-error` : undefined}
    >
      <legend className="field__label">{legend}</legend>
      <p className="field__hint">{t('policy.approvers.roles')}</p>
      <div className="policy-checks">
        {ROLES.map((role) => (
          <label key={role} className="choice">
            <input
              type="checkbox"
              checked={value.roles.includes(role)}
              onChange={(e) =>
                onChange({ ...value, roles: toggled(value.roles, role, e.target.checked) })
              }
            />
            {t(`role.${role}`)}
          </label>
        ))}
      </div>
      <p className="field__hint">{t('policy.approvers.people')}</p>
      {members.isError ? (
        <p className="field__hint">{t('policy.approvers.noMembers')}</p>
      ) : (
        <div className="policy-checks">
          {people.map((m) => (
            <label key={m.userId} className="choice">
              <input
                type="checkbox"
                checked={value.userIds.includes(m.userId)}
                onChange={(e) =>
                  onChange({
                    ...value,
                    userIds: toggled(value.userIds, m.userId, e.target.checked),
                  })
                }
              />
              {m.name}
            </label>
          ))}
        </div>
      )}
      {error && (
        <p id={`${prefix}-error`} className="field__error" data-testid="policy-error">
          {error}
        </p>
      )}
    </fieldset>
  );

  return (
    <form className="policy-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-kind`}>
      <fieldset disabled={!editable} className="policy-form">
        {formError && (
          <div className="alert alert--error" role="alert" data-testid="policy-form-error">
            <p>{formError}</p>
            {conflict && (
              <button type="button" className="button button--small" onClick={loadCurrent}>
                {t('policy.loadCurrent')}
              </button>
            )}
            {form.kind === 'levels' && errors.get('approvers') && <p>{errors.get('approvers')}</p>}
            {errors.get('levels') && <p>{errors.get('levels')}</p>}
          </div>
        )}

        <fieldset className="policy-form__group">
          <legend id={`${id}-kind`} className="field__label">
            {t('policy.kind.legend')}
          </legend>
          <div className="policy-form__kinds">
            {POLICY_KINDS.map((kind) => (
              <label key={kind} className="policy-kind">
                <input
                  type="radio"
                  name={`${id}-kind`}
                  value={kind}
                  checked={form.kind === kind}
                  onChange={() => update({ kind })}
                />
                <span>
                  <span className="policy-kind__name">{t(`policy.kind.${kind}`)}</span>
                  <span className="policy-kind__hint">{t(`policy.kind.${kind}.hint`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        {(form.kind === 'required' || form.kind === 'optional') &&
          approversPicker(
            form.approvers,
            (approvers) => update({ approvers }),
            `${id}-approvers`,
            errors.get('approvers'),
            t('policy.approvers.legend'),
          )}

        {form.kind === 'levels' && (
          <div className="policy-form__group">
            {form.levels.map((level, index) => {
              const number = index + 1;
              const nameError = errors.get(`levels.${index}.name`);
              const modeError = errors.get(`levels.${index}.mode`);
              return (
                <fieldset key={level.key} className="policy-level" data-testid="policy-level">
                  <legend>
                    {level.name.trim()
                      ? t('policy.level.legend', { number, name: level.name.trim() })
                      : t('policy.level.unnamed', { number })}
                  </legend>
                  <div className="field">
                    <label htmlFor={`${id}-${level.key}-name`} className="field__label">
                      {t('policy.level.name')}
                    </label>
                    <input
                      id={`${id}-${level.key}-name`}
                      value={level.name}
                      maxLength={60}
                      placeholder={t('policy.level.namePlaceholder')}
                      aria-invalid={nameError ? true : undefined}
                      aria-describedby={nameError ? `${id}-${level.key}-name-error` : undefined}
                      onChange={(e) => updateLevel(index, { name: e.target.value })}
                    />
                    {nameError && (
                      <p id={`${id}-${level.key}-name-error`} className="field__error">
                        {nameError}
                      </p>
                    )}
                  </div>
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={level.client}
                      aria-describedby={`${id}-${level.key}-client-hint`}
                      onChange={(e) =>
                        updateLevel(index, {
                          client: e.target.checked,
                          ...(e.target.checked ? { mode: 'any' as const } : {}),
                        })
                      }
                    />
                    {t('policy.level.client')}
                  </label>
                  <p id={`${id}-${level.key}-client-hint`} className="field__hint">
                    {t('policy.level.clientHint')}
                  </p>
                  <div className="field">
                    <label htmlFor={`${id}-${level.key}-mode`} className="field__label">
                      {t('policy.level.mode')}
                    </label>
                    <select
                      id={`${id}-${level.key}-mode`}
                      value={level.client ? 'any' : level.mode}
                      disabled={level.client}
                      aria-invalid={modeError ? true : undefined}
                      onChange={(e) =>
                        updateLevel(index, { mode: e.target.value === 'all' ? 'all' : 'any' })
                      }
                    >
                      <option value="any">{t('policy.level.modeAny')}</option>
                      <option value="all">{t('policy.level.modeAll')}</option>
                    </select>
                    {modeError && <p className="field__error">{modeError}</p>}
                  </div>
                  {approversPicker(
                    level.approvers,
                    (approvers) => updateLevel(index, { approvers }),
                    `${id}-${level.key}-approvers`,
                    errors.get(`levels.${index}.approvers`),
                    t('policy.approvers.legend'),
                  )}
                  <div className="policy-level__tools">
                    <button
                      type="button"
                      className="button button--small"
                      disabled={index === 0}
                      onClick={() => update({ levels: moveLevel(form.levels, index, index - 1) })}
                    >
                      {t('policy.level.up', { number })}
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={index === form.levels.length - 1}
                      onClick={() => update({ levels: moveLevel(form.levels, index, index + 1) })}
                    >
                      {t('policy.level.down', { number })}
                    </button>
                    <button
                      type="button"
                      className="button button--small button--danger"
                      disabled={form.levels.length === 1}
                      onClick={() => update({ levels: form.levels.filter((_, i) => i !== index) })}
                    >
                      {t('policy.level.remove', { number })}
                    </button>
                  </div>
                </fieldset>
              );
            })}
            <div>
              <button
                type="button"
                className="button"
                disabled={form.levels.length >= 10}
                onClick={() => update({ levels: [...form.levels, emptyLevel()] })}
              >
                {t('policy.level.add')}
              </button>
            </div>
          </div>
        )}

        {form.kind !== 'none' && (
          <fieldset className="policy-form__group" aria-describedby={`${id}-self-hint`}>
            <legend className="field__label">{t('policy.self.legend')}</legend>
            <p id={`${id}-self-hint`} className="field__hint">
              {t('policy.self.hint')}
            </p>
            <div className="policy-checks">
              {ROLES.map((role: Role) => (
                <label key={role} className="choice">
                  <input
                    type="checkbox"
                    checked={form.selfApprovalRoles.includes(role)}
                    onChange={(e) =>
                      update({
                        selfApprovalRoles: toggled(form.selfApprovalRoles, role, e.target.checked),
                      })
                    }
                  />
                  {t(`role.${role}`)}
                </label>
              ))}
            </div>
          </fieldset>
        )}

        {editable && (
          <div className="policy-form__footer">
            <button
              type="submit"
              className="button button--primary"
              disabled={save.isPending}
              data-testid="policy-save"
            >
              {save.isPending ? t('policy.saving') : t('policy.save')}
            </button>
          </div>
        )}
      </fieldset>
    </form>
  );
}
