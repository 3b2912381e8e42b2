import { ConfirmPublicationRequestSchema, type Publication } from '@postplan/contracts';
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { usePublicationAction, type PublicationMutation } from '../api/use-publications';
import { dayRelation, plannedMinute, timeOfDay } from '../utils/countdown';
import { actionsFor, type Decider } from '../utils/publication-actions';
import { CountdownText } from './countdown-text';
import { PublicationBadge } from './publication-badge';

type PublicationItemProps = {
  workspace: string;
  timeZone: string;
  /** Who looks at it: the actions offered follow the API's rule. */
  who: Decider;
  publication: Publication;
  channelName: string;
};

type Open = 'none' | 'confirm' | 'publishAgain';

/** One channel's publication: what it means now, and the decisions a person can take about it. */
export function PublicationItem({
  workspace,
  timeZone,
  who,
  publication: p,
  channelName,
}: PublicationItemProps) {
  const { t, intlLocale } = useI18n();
  const action = usePublicationAction(workspace);
  const [open, setOpen] = useState<Open>('none');
  const [error, setError] = useState<string | null>(null);
  const actions = actionsFor(p.status, who);
  const headingId = useId();

  const when = (iso: string) => {
    const relation = dayRelation(new Date(), new Date(iso), timeZone);
    const time = timeOfDay(iso, timeZone, intlLocale);
    if (relation === 'today') return t('publishing.when.today', { time });
    if (relation === 'tomorrow') return t('publishing.when.tomorrow', { time });
    return plannedMinute(iso, timeZone, intlLocale);
  };

  const run = (input: PublicationMutation, done?: () => void) => {
    setError(null);
    action.mutate(input, {
      onSuccess: () => {
        setOpen('none');
        done?.();
      },
      onError: (e) => setError(errorMessage(e, t)),
    });
  };

  return (
    <li
      className={`publication publication--${p.status}`}
      data-testid="publication"
      data-channel-id={p.channelId}
      data-status={p.status}
      aria-labelledby={headingId}
    >
      <div className="publication__head">
        <span id={headingId} className="publication__channel">
          {channelName}
        </span>
        <PublicationBadge status={p.status} />
      </div>
      <Explanation publication={p} when={when} />
      {error && (
        <p className="publication__error" role="alert" data-testid="publication-error">
          {error}
        </p>
      )}
      {actions.length > 0 && open === 'none' && (
        <div className="publication__actions">
          {actions.map((name) => {
            switch (name) {
              case 'retry':
                return (
                  <button
                    key={name}
                    type="button"
                    className="button button--small button--primary"
                    disabled={action.isPending}
                    onClick={() => run({ kind: 'retry', id: p.id })}
                  >
                    {action.isPending ? t('publishing.working') : t('publishing.action.retry')}
                  </button>
                );
              case 'confirm':
                return (
                  <button
                    key={name}
                    type="button"
                    className="button button--small button--primary"
                    disabled={action.isPending}
                    onClick={() => {
                      setError(null);
                      setOpen('confirm');
                    }}
                  >
                    {t('publishing.action.confirm')}
                  </button>
                );
              case 'publishAgain':
                return (
                  <button
                    key={name}
                    type="button"
                    className="button button--small"
                    disabled={action.isPending}
                    onClick={() => {
                      setError(null);
                      setOpen('publishAgain');
                    }}
                  >
                    {t('publishing.action.publishAgain')}
                  </button>
                );
              case 'publishMissed':
                return (
                  <button
                    key={name}
                    type="button"
                    className="button button--small button--primary"
                    disabled={action.isPending}
                    onClick={() => run({ kind: 'publish-again', id: p.id })}
                  >
                    {t('publishing.action.publishNow')}
                  </button>
                );
              case 'skip':
                return (
                  <button
                    key={name}
                    type="button"
                    className="button button--small"
                    disabled={action.isPending}
                    onClick={() => run({ kind: 'skip', id: p.id })}
                  >
                    {t('publishing.action.skip')}
                  </button>
                );
            }
          })}
        </div>
      )}
      {open === 'confirm' && (
        <ConfirmUrlForm
          pending={action.isPending}
          onCancel={() => setOpen('none')}
          onSubmit={(url) => run({ kind: 'confirm', id: p.id, body: { url } })}
        />
      )}
      {open === 'publishAgain' && (
        <div className="alert alert--warning publication__warning" role="group">
          <p className="alert__title">{t('publishing.publishAgain.title')}</p>
          <p>{t('publishing.publishAgain.warning', { channel: channelName })}</p>
          <div className="publication__actions">
            <button
              type="button"
              className="button button--small"
              onClick={() => setOpen('none')}
              disabled={action.isPending}
            >
              {t('publishing.cancel')}
            </button>
            <button
              type="button"
              className="button button--small button--danger"
              disabled={action.isPending}
              onClick={() => run({ kind: 'publish-again', id: p.id })}
            >
              {action.isPending ? t('publishing.working') : t('publishing.publishAgain.confirm')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

function Explanation({
  publication: p,
  when,
}: {
  publication: Publication;
  when: (iso: string) => string;
}) {
  const { t } = useI18n();
  switch (p.status) {
    case 'pending': {
      const next = p.nextAttemptAt ?? p.dueAt;
      const retrying = p.attempts > 0 && p.lastError !== null;
      return (
        <div className="publication__text">
          <p>
            {t(retrying ? 'publishing.pending.retrying' : 'publishing.pending.goesOut', {
              when: when(next),
            })}{' '}
            <CountdownText dueAt={next} />
          </p>
          {retrying && p.lastError && (
            <p className="publication__reason">
              {t('publishing.reason', { reason: p.lastError.message })}
            </p>
          )}
        </div>
      );
    }
    case 'sending':
      return <p className="publication__text">{t('publishing.sending.text')}</p>;
    case 'published':
      return (
        <p className="publication__text">
          {p.publishedAt
            ? t('publishing.published.at', { when: when(p.publishedAt) })
            : t('publishing.published.text')}{' '}
          {p.url && (
            <a
              href={p.url}
              target="_blank"
              rel="noopener noreferrer"
              className="publication__link"
              data-testid="publication-link"
            >
              {t('publishing.published.open')}
            </a>
          )}
        </p>
      );
    case 'failed':
      return (
        <div className="publication__text">
          <p>{t('publishing.failed.text', { when: when(p.dueAt) })}</p>
          {p.lastError && (
            <p className="publication__reason" data-testid="publication-reason">
              {t('publishing.reason', { reason: p.lastError.message })}
            </p>
          )}
        </div>
      );
    case 'unconfirmed':
      return (
        <div className="publication__text">
          <p>{t('publishing.unconfirmed.text')}</p>
          {p.lastError && (
            <p className="publication__reason" data-testid="publication-reason">
              {t('publishing.reason', { reason: p.lastError.message })}
            </p>
          )}
        </div>
      );
    case 'missed':
      return (
        <p className="publication__text">{t('publishing.missed.text', { when: when(p.dueAt) })}</p>
      );
    case 'cancelled':
      return <p className="publication__text">{t('publishing.cancelled.text')}</p>;
  }
}

const UrlSchema = ConfirmPublicationRequestSchema.shape.url;

/** "It is online: here is the URL": the address is checked here as the server checks it. */
function ConfirmUrlForm({
  pending,
  onCancel,
  onSubmit,
}: {
  pending: boolean;
  onCancel: () => void;
  onSubmit: (url: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [url, setUrl] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = UrlSchema.safeParse(url.trim());
    if (!parsed.success) {
      setInvalid(true);
      return;
    }
    onSubmit(parsed.data);
  };
  return (
    <form className="publication__form" onSubmit={submit} noValidate>
      <label htmlFor={id} className="field__label">
        {t('publishing.confirm.label')}
      </label>
      <input
        id={id}
        type="url"
        inputMode="url"
        value={url}
        placeholder="https://"
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : `${id}-hint`}
        onChange={(e) => {
          setUrl(e.target.value);
          setInvalid(false);
        }}
        data-autofocus
      />
      {invalid ? (
        <p id={`${id}-error`} className="field__error">
          {t('publishing.confirm.invalid')}
        </p>
      ) : (
        <p id={`${id}-hint`} className="field__hint">
          {t('publishing.confirm.hint')}
        </p>
      )}
      <div className="publication__actions">
        <button type="button" className="button button--small" onClick={onCancel}>
          {t('publishing.cancel')}
        </button>
        <button type="submit" className="button button--small button--primary" disabled={pending}>
          {pending ? t('publishing.working') : t('publishing.confirm.submit')}
        </button>
      </div>
    </form>
  );
}
