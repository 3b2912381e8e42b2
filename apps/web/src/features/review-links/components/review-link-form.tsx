import {
  ReviewLinkPermissionSchema,
  type Channel,
  type CreatedReviewLink,
  type WorkspaceMembership,
} from '@postplan/contracts';
import { useMemo, useState, type FormEvent } from 'react';
import { Field } from '../../../components/ui/field';
import { isApiError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useCreateReviewLink, usePickablePosts } from '../api/use-review-links';
import { ClientLevelNotice } from './client-level-notice';
import {
  addDays,
  emptyLinkForm,
  MAX_EXPIRY_DAYS,
  toCreateRequest,
  toggle,
  type LinkForm,
  type LinkFormErrors,
} from '../utils/link-form';
import { dayIn, formatDay } from '../utils/visitor';
import { DateInput } from '../../../components/ui/date-time-inputs';

type Props = {
  workspace: WorkspaceMembership;
  channels: Channel[];
  today: string;
  onCreated: (link: CreatedReviewLink) => void;
  onCancel: () => void;
};

/** Server-side refusals that belong to one field of the form. */
function fieldOfIssue(path: string): keyof LinkFormErrors | null {
  if (path === 'expiresAt') return 'expiresOn';
  if (path === 'label') return 'label';
  if (path === 'password') return 'password';
  if (path.startsWith('scope')) return 'scope';
  return null;
}

export function ReviewLinkForm({ workspace, channels, today, onCreated, onCancel }: Props) {
  const { t, intlLocale } = useI18n();
  const create = useCreateReviewLink(workspace.slug);
  const [form, setForm] = useState<LinkForm>(() => emptyLinkForm(today));
  const [errors, setErrors] = useState<LinkFormErrors>({});
  const [filter, setFilter] = useState('');
  const posts = usePickablePosts(workspace.slug, today, addDays(today, 365), form.usePosts);

  const set = <K extends keyof LinkForm>(key: K, value: LinkForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  const pickable = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    return (posts.data?.items ?? []).filter(
      (p) =>
        !needle ||
        p.title.toLocaleLowerCase().includes(needle) ||
        p.text.toLocaleLowerCase().includes(needle),
    );
  }, [posts.data, filter]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = toCreateRequest(form, today);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    create.mutate(result.request, {
      onSuccess: onCreated,
      onError: (error) => {
        if (!isApiError(error, 'VALIDATION_FAILED')) return;
        const issues = (error.details as { issues?: { path: string }[] } | undefined)?.issues;
        const field = issues?.[0] ? fieldOfIssue(issues[0].path) : null;
        if (field === 'expiresOn') setErrors({ expiresOn: 'reviewLinks.error.expiry' });
        if (field === 'scope') setErrors({ scope: 'reviewLinks.error.scope' });
      },
    });
  };

  const err = (key: keyof LinkFormErrors) => {
    const k = errors[key];
    return k ? t(k) : null;
  };

  return (
    <form
      className="review-link-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="rl-form-title"
    >
      <h2 id="rl-form-title" className="review-links__subtitle">
        {t('reviewLinks.form.title')}
      </h2>
      {create.isError && (
        <div className="alert alert--error" role="alert">
          {errorMessage(create.error, t)}
        </div>
      )}
      <Field
        label={t('reviewLinks.form.label')}
        hint={t('reviewLinks.form.labelHint')}
        error={err('label')}
      >
        <input
          type="text"
          value={form.label}
          maxLength={80}
          onChange={(e) => set('label', e.target.value)}
        />
      </Field>

      <fieldset className="review-link-form__group">
        <legend className="field__label">{t('reviewLinks.form.permission')}</legend>
        {ReviewLinkPermissionSchema.options.map((permission) => (
          <label key={permission} className="choice review-link-form__choice">
            <input
              type="radio"
              name="permission"
              value={permission}
              checked={form.permission === permission}
              onChange={() => set('permission', permission)}
            />
            <span>{t(`reviewLinks.permission.${permission}`)}</span>
          </label>
        ))}
        {form.permission === 'approve' && <ClientLevelNotice workspace={workspace} />}
      </fieldset>

      <fieldset
        className="review-link-form__group"
        aria-describedby="rl-scope-hint"
        aria-invalid={errors.scope ? true : undefined}
      >
        <legend className="field__label">{t('reviewLinks.form.scope')}</legend>
        <p id="rl-scope-hint" className="field__hint">
          {t('reviewLinks.form.scopeHint')}
        </p>
        {errors.scope && <p className="field__error">{t(errors.scope)}</p>}

        <label className="choice review-link-form__choice">
          <input
            type="checkbox"
            checked={form.usePeriod}
            onChange={(e) => set('usePeriod', e.target.checked)}
          />
          <span>{t('reviewLinks.form.period')}</span>
        </label>
        {form.usePeriod && (
          <div className="review-link-form__nested review-link-form__row">
            <Field label={t('reviewLinks.form.from')} error={err('period')}>
              <DateInput value={form.from} onValueChange={(v) => set('from', v)} />
            </Field>
            <Field label={t('reviewLinks.form.to')}>
              <DateInput value={form.to} min={form.from} onValueChange={(v) => set('to', v)} />
            </Field>
          </div>
        )}

        <label className="choice review-link-form__choice">
          <input
            type="checkbox"
            checked={form.useChannels}
            onChange={(e) => set('useChannels', e.target.checked)}
          />
          <span>{t('reviewLinks.form.channels')}</span>
        </label>
        {form.useChannels && (
          <div className="review-link-form__nested">
            {channels.length === 0 && (
              <p className="field__hint">{t('reviewLinks.form.noChannels')}</p>
            )}
            {channels.map((channel) => (
              <label key={channel.id} className="choice review-link-form__choice">
                <input
                  type="checkbox"
                  checked={form.channelIds.includes(channel.id)}
                  onChange={(e) =>
                    set('channelIds', toggle(form.channelIds, channel.id, e.target.checked))
                  }
                />
                <span>{channel.name}</span>
              </label>
            ))}
            {errors.channels && <p className="field__error">{t(errors.channels)}</p>}
          </div>
        )}

        <label className="choice review-link-form__choice">
          <input
            type="checkbox"
            checked={form.usePosts}
            onChange={(e) => set('usePosts', e.target.checked)}
          />
          <span>{t('reviewLinks.form.posts')}</span>
        </label>
        {form.usePosts && (
          <div className="review-link-form__nested">
            <Field label={t('reviewLinks.form.postsFilter')}>
              <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
            </Field>
            {posts.isPending && <p className="field__hint">{t('reviewLinks.form.postsLoading')}</p>}
            {posts.isError && <p className="field__error">{errorMessage(posts.error, t)}</p>}
            {posts.isSuccess && pickable.length === 0 && (
              <p className="field__hint">{t('reviewLinks.form.postsEmpty')}</p>
            )}
            <ul className="review-link-form__posts">
              {pickable.map((post) => (
                <li key={post.id}>
                  <label className="choice review-link-form__choice">
                    <input
                      type="checkbox"
                      checked={form.postIds.includes(post.id)}
                      onChange={(e) =>
                        set('postIds', toggle(form.postIds, post.id, e.target.checked))
                      }
                    />
                    <span>
                      {post.title || post.text.slice(0, 60) || t('reviewLinks.form.untitled')}
                      {post.plannedAt && (
                        <span className="review-link-form__post-date">
                          {' · '}
                          {formatDay(dayIn(post.plannedAt, workspace.timeZone), intlLocale)}
                        </span>
                      )}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            {errors.posts && <p className="field__error">{t(errors.posts)}</p>}
          </div>
        )}
      </fieldset>

      <div className="review-link-form__row">
        <Field
          label={t('reviewLinks.form.expiresOn')}
          hint={t('reviewLinks.form.expiresHint', { zone: workspace.timeZone })}
          error={err('expiresOn')}
        >
          <DateInput
            value={form.expiresOn}
            min={today}
            max={addDays(today, MAX_EXPIRY_DAYS)}
            onValueChange={(v) => set('expiresOn', v)}
          />
        </Field>
        <Field
          label={t('reviewLinks.form.password')}
          hint={t('reviewLinks.form.passwordHint')}
          error={err('password')}
        >
          <input
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => set('password', e.target.value)}
          />
        </Field>
      </div>

      <div className="review-link-form__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('reviewLinks.form.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? t('reviewLinks.form.submitting') : t('reviewLinks.form.submit')}
        </button>
      </div>
    </form>
  );
}
