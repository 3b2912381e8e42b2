import type { WorkspaceMembership } from '@postplan/contracts';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Field } from '../../../components/ui/field';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { canCreatePosts } from '../../../lib/permissions';
import { useCampaignList, useCreateCampaign } from '../api/use-campaigns';
import { formatPeriod } from '../utils/campaign-format';
import '../campaigns.css';

type Props = { workspace: WorkspaceMembership };

/** The workspace's campaigns, the latest first, and a new one in a few fields. */
export function CampaignsPage({ workspace }: Props) {
  const { t, intlLocale } = useI18n();
  const list = useCampaignList(workspace.slug);
  const base = `/w/${encodeURIComponent(workspace.slug)}/campaigns`;
  return (
    <div className="campaigns-page">
      <header className="campaigns-page__header">
        <h1 className="campaigns-page__title">{t('campaigns.title')}</h1>
        <p className="campaigns-page__intro">{t('campaigns.intro')}</p>
      </header>
      {canCreatePosts(workspace.role) && <NewCampaignForm workspace={workspace} />}
      {list.isLoading && <LoadingState label={t('campaigns.loading')} />}
      {list.isError && (
        <ErrorState message={t('campaigns.loadFailed')} detail={errorMessage(list.error, t)} />
      )}
      {list.data && list.data.items.length === 0 && <EmptyState message={t('campaigns.empty')} />}
      {list.data && list.data.items.length > 0 && (
        <ul className="campaign-list" data-testid="campaign-list">
          {list.data.items.map((c) => (
            <li key={c.id} className="campaign-list__item">
              <span
                className="campaign-swatch"
                style={{ background: c.color }}
                aria-hidden="true"
              />
              <Link to={`${base}/${c.id}`} className="campaign-list__name">
                {c.name}
              </Link>
              <span className="campaign-list__period">
                {formatPeriod(c.startsOn, c.endsOn, intlLocale)}
              </span>
              <span className="campaign-list__count">
                {t('campaigns.postCount', { count: c.postCount })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function NewCampaignForm({ workspace }: Props) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const create = useCreateCampaign(workspace.slug);
  const [name, setName] = useState('');
  const [color, setColor] = useState('#7c3aed');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim() || !startsOn || !endsOn) {
      setError(t('campaigns.form.required'));
      return;
    }
    if (endsOn < startsOn) {
      setError(t('campaigns.form.periodOrder'));
      return;
    }
    setError(null);
    create.mutate(
      { name: name.trim(), color, startsOn, endsOn },
      {
        onSuccess: (created) =>
          void navigate(
            `/w/${encodeURIComponent(workspace.slug)}/campaigns/${encodeURIComponent(created.id)}`,
          ),
        onError: (err) => setError(errorMessage(err, t)),
      },
    );
  };

  return (
    <form className="campaign-new" onSubmit={onSubmit} aria-label={t('campaigns.new')} noValidate>
      <h2 className="campaign-new__title">{t('campaigns.new')}</h2>
      <div className="campaign-form__grid">
        <Field label={t('campaigns.form.name')}>
          <input
            name="name"
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field label={t('campaigns.form.color')}>
          <input
            name="color"
            type="color"
            value={color}
            onChange={(e) => setColor(e.target.value)}
          />
        </Field>
        <Field label={t('campaigns.form.startsOn')}>
          <input
            name="startsOn"
            type="date"
            value={startsOn}
            onChange={(e) => setStartsOn(e.target.value)}
          />
        </Field>
        <Field label={t('campaigns.form.endsOn')}>
          <input
            name="endsOn"
            type="date"
            value={endsOn}
            onChange={(e) => setEndsOn(e.target.value)}
          />
        </Field>
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={create.isPending}>
        {t('campaigns.create')}
      </button>
    </form>
  );
}
