import type { ShareLink, WorkspaceMembership } from '@postplan/contracts';
import { useState, type FormEvent } from 'react';
import { Field } from '../../../components/ui/field';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useChannels } from '../../../lib/api/queries';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { canManageWorkspace } from '../../../lib/permissions';
import { useCreateShareLink, useRevokeShareLink, useShareLinks } from '../api/use-plan-exchange';
import { lastDay, nextDay } from '../utils/plan-exchange-utils';
import '../plan-exchange.css';

/** Owners and admins share a period of the plan, read-only, with people without an account. */
export function ShareLinksPage({ workspace }: { workspace: WorkspaceMembership }) {
  const { t } = useI18n();
  const ws = workspace.slug;
  const links = useShareLinks(ws);
  if (!canManageWorkspace(workspace.role)) {
    return <p className="notice">{t('shareLinks.forbidden')}</p>;
  }
  return (
    <div className="plan-exchange" data-testid="share-links-page">
      <h1>{t('shareLinks.title')}</h1>
      <p className="plan-exchange__intro">{t('shareLinks.intro')}</p>
      <ShareLinkForm workspace={workspace} />
      <section className="plan-exchange__step" aria-labelledby="share-links-list">
        <h2 id="share-links-list">{t('shareLinks.list')}</h2>
        {links.isPending && <LoadingState label={t('app.loading')} />}
        {links.isError && (
          <ErrorState message={t('shareLinks.loadFailed')} detail={errorMessage(links.error, t)} />
        )}
        {links.data?.items.length === 0 && <p>{t('shareLinks.empty')}</p>}
        <ul className="plan-exchange__links">
          {links.data?.items.map((link) => (
            <ShareLinkItem key={link.id} workspace={workspace} link={link} />
          ))}
        </ul>
      </section>
    </div>
  );
}

function ShareLinkForm({ workspace }: { workspace: WorkspaceMembership }) {
  const { t } = useI18n();
  const { channels } = useChannels(workspace.slug);
  const create = useCreateShareLink(workspace.slug);
  const [label, setLabel] = useState('');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [channelIds, setChannelIds] = useState<string[]>([]);
  const [expires, setExpires] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!label.trim()) return setProblem(t('shareLinks.error.label'));
    if (!from || !until || until < from) return setProblem(t('shareLinks.error.period'));
    if (password && password.length < 10) return setProblem(t('shareLinks.error.password'));
    setProblem(null);
    create.mutate(
      {
        label: label.trim(),
        from,
        to: nextDay(until),
        channelIds: channelIds.length ? channelIds : null,
        expiresAt: expires ? `${expires}T23:59` : null,
        password: password || undefined,
      },
      {
        onSuccess: () => {
          setLabel('');
          setPassword('');
        },
      },
    );
  };

  return (
    <form className="plan-exchange__step" onSubmit={onSubmit} data-testid="share-link-form">
      <h2>{t('shareLinks.create')}</h2>
      <Field label={t('shareLinks.label')}>
        <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={80} />
      </Field>
      <div className="plan-exchange__row">
        <Field label={t('shareLinks.from')}>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field
          label={t('shareLinks.until')}
          hint={t('shareLinks.zone', { zone: workspace.timeZone })}
        >
          <input type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
        </Field>
      </div>
      <fieldset className="plan-exchange__channels">
        <legend>{t('shareLinks.channels')}</legend>
        {channels.map((c) => (
          <label key={c.id}>
            <input
              type="checkbox"
              checked={channelIds.includes(c.id)}
              onChange={(e) =>
                setChannelIds(
                  e.target.checked ? [...channelIds, c.id] : channelIds.filter((id) => id !== c.id),
                )
              }
            />{' '}
            {c.name}
          </label>
        ))}
        <p className="field__hint">{t('shareLinks.channelsHint')}</p>
      </fieldset>
      <div className="plan-exchange__row">
        <Field label={t('shareLinks.expires')} hint={t('shareLinks.expiresHint')}>
          <input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
        </Field>
        <Field label={t('shareLinks.password')} hint={t('shareLinks.passwordHint')}>
          <input
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
      </div>
      {problem && <p className="field__error">{problem}</p>}
      {create.isError && <p className="field__error">{errorMessage(create.error, t)}</p>}
      <div className="plan-exchange__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {t('shareLinks.submit')}
        </button>
      </div>
    </form>
  );
}

function ShareLinkItem({ workspace, link }: { workspace: WorkspaceMembership; link: ShareLink }) {
  const { t, intlLocale } = useI18n();
  const revoke = useRevokeShareLink(workspace.slug);
  const [copied, setCopied] = useState(false);
  const day = new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'medium',
    timeZone: workspace.timeZone,
  });
  const copy = () => {
    if (!link.url) return;
    void navigator.clipboard.writeText(link.url).then(() => setCopied(true));
  };
  return (
    <li className="plan-exchange__link" data-testid="share-link" data-state={link.state}>
      <div>
        <strong>{link.label}</strong>{' '}
        <span className="status-badge">{t(`shareLinks.state.${link.state}`)}</span>
        <p className="field__hint">
          {t('shareLinks.period', {
            from: day.format(new Date(link.from)),
            to: day.format(new Date(`${lastDay(link.to, workspace.timeZone)}T12:00:00Z`)),
          })}
          {link.passwordProtected && ` · ${t('shareLinks.protected')}`}
          {link.expiresAt &&
            ` · ${t('shareLinks.expiresOn', { date: day.format(new Date(link.expiresAt)) })}`}
        </p>
        {link.url && (
          <input
            className="plan-exchange__url"
            readOnly
            value={link.url}
            aria-label={t('shareLinks.url')}
            onFocus={(e) => e.target.select()}
          />
        )}
      </div>
      {link.state !== 'revoked' && (
        <div className="plan-exchange__actions">
          <button type="button" className="button button--small" onClick={copy}>
            {copied ? t('shareLinks.copied') : t('shareLinks.copy')}
          </button>
          <button
            type="button"
            className="button button--small button--danger"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate(link.id)}
          >
            {t('shareLinks.revoke')}
          </button>
        </div>
      )}
    </li>
  );
}
