import type { CampaignDetail, Platform, WorkspaceMembership } from '@postplan/contracts';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Field } from '../../../components/ui/field';
import { useToast } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api/api-error';
import { useChannels, useMembers } from '../../../lib/api/queries';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { canListMembers } from '../../../lib/permissions';
import { useDeleteCampaign, useUpdateCampaign } from '../api/use-campaigns';
import { campaignToForm, campaignUpdate, type CampaignFormValues } from '../utils/campaign-form';

type Props = { workspace: WorkspaceMembership; campaign: CampaignDetail; editable: boolean };

/** Everything a campaign holds, its UTM defaults included; saved against its version. */
export function CampaignSettingsForm({ workspace, campaign, editable }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const navigate = useNavigate();
  const { channels } = useChannels(workspace.slug);
  const members = useMembers(workspace.slug, canListMembers(workspace.role));
  const update = useUpdateCampaign(workspace.slug, campaign.id);
  const remove = useDeleteCampaign(workspace.slug, campaign.id);
  const [values, setValues] = useState<CampaignFormValues>(() => campaignToForm(campaign));
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof CampaignFormValues>(key: K, value: CampaignFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const chosenChannels = channels.filter((c) => values.channelIds.includes(c.id));
  const platforms = [
    ...new Set<Platform>(
      (chosenChannels.length ? chosenChannels : channels).map((c) => c.platform),
    ),
  ];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const result = campaignUpdate(values);
    if (!result.ok) {
      setError(t(`campaigns.form.${result.problem}`));
      return;
    }
    setError(null);
    // A saved campaign has a new version, which remounts this form: the promise still settles.
    update.mutateAsync({ version: campaign.version, body: result.body }).then(
      () => toast.show({ tone: 'success', message: t('campaigns.saved') }),
      (err: unknown) =>
        setError(isApiError(err, 'STALE_VERSION') ? t('campaigns.stale') : errorMessage(err, t)),
    );
  };

  const onDelete = () => {
    if (!window.confirm(t('campaigns.deleteConfirm', { name: campaign.name }))) return;
    remove.mutate(campaign.version, {
      onSuccess: () => void navigate(`/w/${encodeURIComponent(workspace.slug)}/campaigns`),
      onError: (err) => setError(errorMessage(err, t)),
    });
  };

  return (
    <section className="campaign-section" aria-labelledby="campaign-settings">
      <h2 id="campaign-settings">{t('campaigns.settings')}</h2>
      <form className="campaign-form" onSubmit={onSubmit} noValidate data-testid="campaign-form">
        <fieldset disabled={!editable} className="campaign-form__fieldset">
          <div className="campaign-form__grid">
            <Field label={t('campaigns.form.name')}>
              <input
                name="name"
                maxLength={120}
                value={values.name}
                onChange={(e) => set('name', e.target.value)}
              />
            </Field>
            <Field label={t('campaigns.form.color')}>
              <input
                name="color"
                type="color"
                value={values.color}
                onChange={(e) => set('color', e.target.value)}
              />
            </Field>
            <Field label={t('campaigns.form.startsOn')}>
              <input
                name="startsOn"
                type="date"
                value={values.startsOn}
                onChange={(e) => set('startsOn', e.target.value)}
              />
            </Field>
            <Field label={t('campaigns.form.endsOn')}>
              <input
                name="endsOn"
                type="date"
                value={values.endsOn}
                onChange={(e) => set('endsOn', e.target.value)}
              />
            </Field>
            <Field label={t('campaigns.form.goal')}>
              <input
                name="goalText"
                maxLength={2000}
                value={values.goalText}
                onChange={(e) => set('goalText', e.target.value)}
              />
            </Field>
            <Field label={t('campaigns.form.target')}>
              <input
                name="goalTarget"
                inputMode="decimal"
                value={values.goalTarget}
                onChange={(e) => set('goalTarget', e.target.value)}
              />
            </Field>
            <Field label={t('campaigns.form.unit')}>
              <input
                name="goalUnit"
                maxLength={40}
                value={values.goalUnit}
                onChange={(e) => set('goalUnit', e.target.value)}
              />
            </Field>
            {members.data && (
              <Field label={t('campaigns.form.owner')}>
                <select
                  name="ownerId"
                  value={values.ownerId}
                  onChange={(e) => set('ownerId', e.target.value)}
                >
                  {!values.ownerId && <option value="">{t('campaigns.form.noOwner')}</option>}
                  {members.data.items.map((m) => (
                    <option key={m.userId} value={m.userId}>
                      {m.name}
                    </option>
                  ))}
                </select>
              </Field>
            )}
          </div>
          <fieldset className="campaign-form__channels">
            <legend className="field__label">{t('campaigns.form.channels')}</legend>
            {channels.map((c) => (
              <label key={c.id} className="choice">
                <input
                  type="checkbox"
                  checked={values.channelIds.includes(c.id)}
                  onChange={(e) =>
                    set(
                      'channelIds',
                      e.target.checked
                        ? [...values.channelIds, c.id]
                        : values.channelIds.filter((id) => id !== c.id),
                    )
                  }
                />
                <span>{c.name}</span>
              </label>
            ))}
          </fieldset>
          <Field label={t('campaigns.form.brief')} hint={t('campaigns.form.briefHint')}>
            <textarea
              name="brief"
              rows={5}
              value={values.brief}
              onChange={(e) => set('brief', e.target.value)}
            />
          </Field>
          <fieldset className="campaign-form__utm" data-testid="utm-settings">
            <legend className="field__label">{t('campaigns.utm.title')}</legend>
            <label className="choice">
              <input
                type="checkbox"
                name="utmOn"
                checked={values.utmOn}
                onChange={(e) => set('utmOn', e.target.checked)}
              />
              <span>{t('campaigns.utm.on')}</span>
            </label>
            <p className="field__hint">{t('campaigns.utm.hint')}</p>
            {values.utmOn && (
              <div className="campaign-form__grid">
                <Field label="utm_medium">
                  <input
                    name="utmMedium"
                    value={values.medium}
                    onChange={(e) => set('medium', e.target.value)}
                  />
                </Field>
                <Field label="utm_campaign">
                  <input
                    name="utmCampaign"
                    value={values.utmCampaign}
                    onChange={(e) => set('utmCampaign', e.target.value)}
                  />
                </Field>
                <Field label="utm_content" hint={t('campaigns.utm.optional')}>
                  <input
                    name="utmContent"
                    value={values.content}
                    onChange={(e) => set('content', e.target.value)}
                  />
                </Field>
                <Field label="utm_term" hint={t('campaigns.utm.optional')}>
                  <input
                    name="utmTerm"
                    value={values.term}
                    onChange={(e) => set('term', e.target.value)}
                  />
                </Field>
                {platforms.map((platform) => (
                  <Field
                    key={platform}
                    label={t('campaigns.utm.source', { platform: t(`platform.${platform}`) })}
                    hint={t('campaigns.utm.sourceDefault', { platform })}
                  >
                    <input
                      name={`utmSource-${platform}`}
                      value={values.sources[platform] ?? ''}
                      placeholder={platform}
                      onChange={(e) =>
                        set('sources', { ...values.sources, [platform]: e.target.value })
                      }
                    />
                  </Field>
                ))}
              </div>
            )}
          </fieldset>
        </fieldset>
        {error && (
          <p className="field__error" role="alert" data-testid="campaign-form-error">
            {error}
          </p>
        )}
        {editable && (
          <div className="campaign-actions">
            <button type="submit" className="button" disabled={update.isPending}>
              {t('campaigns.save')}
            </button>
            <button
              type="button"
              className="button button--ghost button--danger"
              disabled={remove.isPending}
              onClick={onDelete}
            >
              {t('campaigns.delete')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
