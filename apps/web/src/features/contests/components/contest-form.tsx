import { CampaignListSchema, type WorkspaceMembership } from '@postplan/contracts';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { DateInput, TimeInput } from '../../../components/ui/date-time-inputs';
import { Field } from '../../../components/ui/field';
import { apiRequest } from '../../../lib/api/api-client';
import { api } from '../../../lib/api/endpoints';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import {
  hasErrors,
  searchWindow,
  validateContestForm,
  winnersCount,
  type ContestFormErrors,
  type ContestFormValues,
  type PrizeRow,
} from '../utils/contest-form';

type Props = {
  workspace: WorkspaceMembership;
  initial: ContestFormValues;
  /** Titles of posts already linked, so they show by name before any search. */
  linkedPosts?: { id: string; title: string }[];
  submitLabel: string;
  submitting: boolean;
  /** What the server refused, with the fields it named (`fieldErrors`) marked in the form. */
  serverError: unknown;
  serverFieldErrors?: ContestFormErrors;
  readOnly?: boolean;
  /** The campaign is given by where the form was opened: no choice offered. */
  campaignFixed?: boolean;
  onSubmit: (values: ContestFormValues) => void;
  onCancel?: () => void;
};

function toggle(list: string[], id: string, on: boolean): string[] {
  return on ? [...new Set([...list, id])] : list.filter((x) => x !== id);
}

/**
 * The contest's fields: what is won, when one can enter (wall-clock time in the workspace's
 * zone), how, who may, and who organises it. Checked here before sending; the server checks again.
 */
export function ContestForm({
  workspace,
  initial,
  linkedPosts = [],
  submitLabel,
  submitting,
  serverError,
  serverFieldErrors,
  readOnly = false,
  campaignFixed = false,
  onSubmit,
  onCancel,
}: Props) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ContestFormErrors>({});
  const [search, setSearch] = useState('');
  const [titles, setTitles] = useState(() => new Map(linkedPosts.map((p) => [p.id, p.title])));
  const shown = { ...serverFieldErrors, ...errors };

  const query = search.trim();
  const posts = useQuery({
    queryKey: ['workspaces', workspace.slug, 'posts', 'contest-picker', query],
    queryFn: async ({ signal }) => {
      // Contest posts are planned around now: the calendar's widest window, and the ideas.
      const window = searchWindow(workspace.timeZone);
      const [planned, ideas] = await Promise.all([
        api.posts(workspace.slug, { q: query, ...window }, signal),
        api.posts(workspace.slug, { q: query, unscheduled: 'true' }, signal),
      ]);
      return { items: [...planned.items, ...ideas.items] };
    },
    enabled: (values.viaPosts || values.viaKeyword) && query.length >= 2 && !readOnly,
  });

  const campaigns = useQuery({
    queryKey: ['workspaces', workspace.slug, 'campaigns', 'contest-choice'],
    queryFn: () =>
      apiRequest(`/v1/workspaces/${encodeURIComponent(workspace.slug)}/campaigns`, {
        schema: CampaignListSchema,
      }),
    enabled: !campaignFixed,
    retry: false,
    staleTime: 60_000,
  });

  const set = <K extends keyof ContestFormValues>(key: K, value: ContestFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (Object.keys(errors).length > 0) setErrors({});
  };
  const setPrize = (index: number, change: Partial<PrizeRow>) =>
    set(
      'prizes',
      values.prizes.map((p, i) => (i === index ? { ...p, ...change } : p)),
    );
  const err = (key: keyof ContestFormErrors) => {
    const k = shown[key];
    return k ? t(k, { zone: workspace.timeZone }) : null;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateContestForm(values, workspace.timeZone);
    setErrors(found);
    if (hasErrors(found)) {
      // The first field that needs attention gets the focus, so a keyboard user lands there.
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    onSubmit(values);
  };

  const zoneHint = t('contests.form.zoneHint', { zone: workspace.timeZone });

  return (
    <form ref={formRef} className="contest-form" onSubmit={submit} noValidate>
      {serverError != null && (
        <div className="alert alert--error" role="alert">
          {errorMessage(serverError, t)}
        </div>
      )}
      {hasErrors(errors) && (
        <div className="alert alert--error" role="alert">
          {t('contests.form.fixErrors', { count: Object.keys(errors).length })}
        </div>
      )}
      <fieldset className="contest-form__section" disabled={readOnly}>
        <legend className="contest-form__legend">{t('contests.form.section.prize')}</legend>
        {/* Offered once the workspace has campaigns; a contest may always stand alone. */}
        {!campaignFixed && campaigns.isSuccess && campaigns.data.items.length > 0 && (
          <Field label={t('contests.form.campaign')}>
            <select value={values.campaignId} onChange={(e) => set('campaignId', e.target.value)}>
              <option value="">{t('contests.form.noCampaign')}</option>
              {campaigns.data.items.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label={t('contests.form.title')} error={err('title')}>
          <input type="text" value={values.title} onChange={(e) => set('title', e.target.value)} />
        </Field>
        <Field label={t('contests.form.description')}>
          <textarea
            rows={2}
            value={values.description}
            onChange={(e) => set('description', e.target.value)}
          />
        </Field>
        <div className="contest-form__prizes">
          {values.prizes.map((prize, index) => (
            <div key={index} className="contest-form__prize">
              <Field
                label={t('contests.form.prizeName', { number: index + 1 })}
                error={index === 0 ? err('prizes') : null}
              >
                <input
                  type="text"
                  value={prize.name}
                  onChange={(e) => setPrize(index, { name: e.target.value })}
                />
              </Field>
              <Field label={t('contests.form.prizeQuantity')} className="contest-form__quantity">
                <input
                  type="text"
                  inputMode="numeric"
                  value={prize.quantity}
                  onChange={(e) => setPrize(index, { quantity: e.target.value })}
                />
              </Field>
              <Field label={t('contests.form.prizeValue')} className="contest-form__value">
                <input
                  type="text"
                  value={prize.value}
                  onChange={(e) => setPrize(index, { value: e.target.value })}
                />
              </Field>
              {values.prizes.length > 1 && (
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() =>
                    set(
                      'prizes',
                      values.prizes.filter((_, i) => i !== index),
                    )
                  }
                >
                  {t('contests.form.removePrize', { number: index + 1 })}
                </button>
              )}
            </div>
          ))}
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              set('prizes', [...values.prizes, { name: '', quantity: '1', value: '' }])
            }
          >
            {t('contests.form.addPrize')}
          </button>
          <p className="field__hint" aria-live="polite">
            {t('contests.form.winnersTotal', { count: winnersCount(values.prizes) })}
          </p>
        </div>
        <Field
          label={t('contests.form.alternates')}
          hint={t('contests.form.alternatesHint')}
          error={err('alternates')}
          className="contest-form__narrow"
        >
          <input
            type="text"
            inputMode="numeric"
            value={values.alternates}
            onChange={(e) => set('alternates', e.target.value)}
          />
        </Field>
      </fieldset>

      <fieldset className="contest-form__section" disabled={readOnly}>
        <legend className="contest-form__legend">{t('contests.form.section.period')}</legend>
        <p className="field__hint">{zoneHint}</p>
        <div className="contest-form__row">
          <Field label={t('contests.form.startDate')} error={err('start')}>
            <DateInput value={values.startDate} onValueChange={(v) => set('startDate', v)} />
          </Field>
          <Field label={t('contests.form.startTime')}>
            <TimeInput value={values.startTime} onValueChange={(v) => set('startTime', v)} />
          </Field>
        </div>
        <div className="contest-form__row">
          <Field
            label={t('contests.form.endDate')}
            hint={t('contests.form.endHint')}
            error={err('end')}
          >
            <DateInput
              value={values.endDate}
              min={values.startDate || undefined}
              onValueChange={(v) => set('endDate', v)}
            />
          </Field>
          <Field label={t('contests.form.endTime')}>
            <TimeInput value={values.endTime} onValueChange={(v) => set('endTime', v)} />
          </Field>
        </div>
      </fieldset>

      <fieldset
        className="contest-form__section"
        disabled={readOnly}
        aria-invalid={shown.methods ? true : undefined}
      >
        <legend className="contest-form__legend">{t('contests.form.section.methods')}</legend>
        {shown.methods && <p className="field__error">{t(shown.methods)}</p>}
        <Choice
          checked={values.viaPosts}
          onChange={(on) => set('viaPosts', on)}
          label={t('contests.form.viaPosts')}
          hint={t('contests.form.viaPostsHint')}
        />
        {(values.viaPosts || values.viaKeyword) && (
          <div className="contest-form__nested">
            {values.postIds.length > 0 && (
              <ul className="contest-form__linked" aria-label={t('contests.form.linkedPosts')}>
                {values.postIds.map((id) => (
                  <li key={id}>
                    <span>{titles.get(id) || t('contests.untitledPost')}</span>
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      onClick={() => set('postIds', toggle(values.postIds, id, false))}
                    >
                      {t('contests.form.unlinkPost', {
                        title: titles.get(id) || t('contests.untitledPost'),
                      })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <Field
              label={t('contests.form.findPost')}
              hint={t('contests.form.findPostHint')}
              error={err('postIds')}
            >
              <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
            </Field>
            {posts.isFetching && <p className="field__hint">{t('app.loading')}</p>}
            {posts.isError && <p className="field__error">{errorMessage(posts.error, t)}</p>}
            {posts.isSuccess && posts.data.items.length === 0 && (
              <p className="field__hint">{t('contests.form.noPostsFound')}</p>
            )}
            {posts.isSuccess && posts.data.items.length > 0 && (
              <ul className="contest-form__found">
                {posts.data.items.slice(0, 20).map((post) => (
                  <li key={post.id}>
                    <label className="choice">
                      <input
                        type="checkbox"
                        checked={values.postIds.includes(post.id)}
                        onChange={(e) => {
                          const title = post.title || post.text.slice(0, 60);
                          setTitles((m) => new Map(m).set(post.id, title));
                          set('postIds', toggle(values.postIds, post.id, e.target.checked));
                        }}
                      />
                      <span>
                        {post.title || post.text.slice(0, 60) || t('contests.untitledPost')}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <Choice
          checked={values.viaKeyword}
          onChange={(on) => set('viaKeyword', on)}
          label={t('contests.form.viaKeyword')}
          hint={t('contests.form.viaKeywordHint')}
        />
        {values.viaKeyword && (
          <div className="contest-form__nested">
            <Field label={t('contests.form.keyword')} error={err('keyword')}>
              <input
                type="text"
                value={values.keyword}
                placeholder="#Adventsgewinnspiel"
                onChange={(e) => set('keyword', e.target.value)}
              />
            </Field>
          </div>
        )}
        <Choice
          checked={values.viaCsv}
          onChange={(on) => set('viaCsv', on)}
          label={t('contests.form.viaCsv')}
          hint={t('contests.form.viaCsvHint')}
        />
      </fieldset>

      <fieldset className="contest-form__section" disabled={readOnly}>
        <legend className="contest-form__legend">{t('contests.form.section.eligibility')}</legend>
        <div className="contest-form__row">
          <Field
            label={t('contests.form.minimumAge')}
            hint={t('contests.form.minimumAgeHint')}
            error={err('minimumAge')}
          >
            <input
              type="text"
              inputMode="numeric"
              value={values.minimumAge}
              onChange={(e) => set('minimumAge', e.target.value)}
            />
          </Field>
          <Field
            label={t('contests.form.countries')}
            hint={t('contests.form.countriesHint')}
            error={err('countries')}
          >
            <input
              type="text"
              value={values.countries}
              onChange={(e) => set('countries', e.target.value)}
            />
          </Field>
        </div>
        <Choice
          checked={values.onePerPerson}
          onChange={(on) => set('onePerPerson', on)}
          label={t('contests.form.onePerPerson')}
        />
        <Choice
          checked={values.excludeStaff}
          onChange={(on) => set('excludeStaff', on)}
          label={t('contests.form.excludeStaff')}
        />
        <div className="contest-form__row">
          <Field
            label={t('contests.form.excludePreviousWinners')}
            hint={t('contests.form.excludePreviousWinnersHint')}
            error={err('excludePreviousWinners')}
          >
            <input
              type="text"
              inputMode="numeric"
              value={values.excludePreviousWinners}
              onChange={(e) => set('excludePreviousWinners', e.target.value)}
            />
          </Field>
          <Field
            label={t('contests.form.requiredMentions')}
            hint={t('contests.form.requiredMentionsHint')}
            error={err('requiredMentions')}
          >
            <input
              type="text"
              inputMode="numeric"
              value={values.requiredMentions}
              onChange={(e) => set('requiredMentions', e.target.value)}
            />
          </Field>
        </div>
        <Field label={t('contests.form.staffHandles')} hint={t('contests.form.staffHandlesHint')}>
          <textarea
            rows={2}
            value={values.staffHandles}
            onChange={(e) => set('staffHandles', e.target.value)}
          />
        </Field>
        <Field
          label={t('contests.form.retentionDays')}
          hint={t('contests.form.retentionDaysHint')}
          error={err('retentionDays')}
          className="contest-form__narrow"
        >
          <input
            type="text"
            inputMode="numeric"
            value={values.retentionDays}
            onChange={(e) => set('retentionDays', e.target.value)}
          />
        </Field>
      </fieldset>

      <fieldset className="contest-form__section" disabled={readOnly}>
        <legend className="contest-form__legend">{t('contests.form.section.organiser')}</legend>
        <Field label={t('contests.form.organiserName')} error={err('organiserName')}>
          <input
            type="text"
            autoComplete="organization"
            value={values.organiserName}
            onChange={(e) => set('organiserName', e.target.value)}
          />
        </Field>
        <Field label={t('contests.form.organiserAddress')} error={err('organiserAddress')}>
          <textarea
            rows={2}
            value={values.organiserAddress}
            onChange={(e) => set('organiserAddress', e.target.value)}
          />
        </Field>
        <Field label={t('contests.form.organiserEmail')} error={err('organiserEmail')}>
          <input
            type="email"
            value={values.organiserEmail}
            onChange={(e) => set('organiserEmail', e.target.value)}
          />
        </Field>
      </fieldset>

      {!readOnly && (
        <div className="contest-form__actions">
          {onCancel && (
            <button type="button" className="button" onClick={onCancel}>
              {t('contests.form.cancel')}
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? t('contests.form.saving') : submitLabel}
          </button>
        </div>
      )}
    </form>
  );
}

function Choice({
  checked,
  onChange,
  label,
  hint,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
  label: string;
  hint?: ReactNode;
}) {
  const hintId = useId();
  return (
    <div className="contest-form__choice">
      <label className="choice">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={hint ? hintId : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>{label}</span>
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
