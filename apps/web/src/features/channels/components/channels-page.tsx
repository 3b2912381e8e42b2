import {
  type Channel,
  type Pause,
  type Platform,
  PLATFORMS,
  type WorkspaceMembership,
} from '@postplan/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Field } from '../../../components/ui/field';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { useChannels } from '../../../lib/api/queries';
import { ERROR_MESSAGE_KEYS, errorMessage } from '../../../lib/i18n/error-message';
import type { MessageKey } from '../../../lib/i18n/messages-en';
import type { Translate } from '../../../lib/i18n/translate';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { canManageWorkspace } from '../../../lib/permissions';
import {
  useCreateChannel,
  useDisconnectChannel,
  usePauseChannel,
  usePauseState,
  useRemoveChannel,
  useResumeChannel,
  useStartOAuth,
  useUpdateChannel,
} from '../api/use-channel-mutations';
import { daysUntil } from '../utils/connect-form';
import { AccountPicker } from './account-picker';
import { ConnectChannelForm } from './connect-channel-form';
import '../channels.css';

/**
 * The workspace's channels and the accounts behind them. Every member sees them and their
 * connection state; owners and admins add, rename, colour, pause, connect and remove them.
 */
export function ChannelsPage({ workspace }: { workspace: WorkspaceMembership }) {
  const { t } = useI18n();
  const toast = useToast();
  const manages = canManageWorkspace(workspace.role);
  const { channels, isLoading, error, refetch } = useChannels(workspace.slug);
  const pauses = usePauseState(workspace.slug);
  const [params, setParams] = useSearchParams();
  // The channel whose sign-in waits for the person to pick its page or account.
  // Read once as the page opens (the callback's redirect); the address is cleaned up below.
  const [choosing, setChoosing] = useState<string | null>(() => params.get('choose'));

  // Back from the platform's sign-in page.
  useEffect(() => {
    const connected = params.get('connected');
    const choose = params.get('choose');
    const failed = params.get('oauthError');
    if (!connected && !failed && !choose) return;
    if (connected) toast.show({ tone: 'success', message: t('channels.oauthConnected') });
    if (failed)
      toast.show({ tone: 'error', message: oauthFailure(failed, params.get('platform'), t) });
    setParams({}, { replace: true });
  }, [params, setParams, t, toast]);

  if (isLoading) return <LoadingState label={t('channels.loading')} />;
  if (error)
    return (
      <ErrorState
        message={errorMessage(error, t)}
        action={
          <button type="button" className="button" onClick={() => void refetch()}>
            {t('channels.retry')}
          </button>
        }
      />
    );
  const pausedById = new Map<string, Pause>(
    (pauses.data?.channels ?? []).map((p) => [p.channel!.id, p]),
  );
  return (
    <section className="settings-page channels-page" aria-labelledby="channels-title">
      <h1 id="channels-title">{t('channels.title')}</h1>
      <p className="settings-page__lead">{t('channels.lead')}</p>
      {manages && <AddChannelForm workspace={workspace.slug} />}
      {channels.length === 0 ? (
        <EmptyState message={t('channels.empty')} />
      ) : (
        <ul className="channel-list">
          {channels.map((c) => (
            <ChannelItem
              key={c.id}
              workspace={workspace.slug}
              channel={c}
              manages={manages}
              pause={pausedById.get(c.id) ?? null}
              choosing={choosing === c.id}
              onChosen={() => setChoosing(null)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function AddChannelForm({ workspace }: { workspace: string }) {
  const { t } = useI18n();
  const create = useCreateChannel(workspace);
  const [name, setName] = useState('');
  const [platform, setPlatform] = useState<Platform>('bluesky');
  const [problem, setProblem] = useState<string | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    create.mutate(
      { name, platform },
      {
        onSuccess: () => setName(''),
        onError: (e) => setProblem(errorMessage(e, t)),
      },
    );
  };
  return (
    <form className="channel-add" onSubmit={onSubmit} aria-label={t('channels.add')}>
      <Field label={t('channels.name')} error={problem}>
        <input value={name} required maxLength={80} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label={t('channels.platform')}>
        <select value={platform} onChange={(e) => setPlatform(e.target.value as Platform)}>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {t(`platform.${p}`)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="button button--primary" disabled={create.isPending}>
        {t('channels.add')}
      </button>
    </form>
  );
}

function ChannelItem({
  workspace,
  channel,
  manages,
  pause,
  choosing = false,
  onChosen = () => undefined,
}: {
  workspace: string;
  channel: Channel;
  manages: boolean;
  pause: Pause | null;
  /** Back from a sign-in that manages several pages or accounts: show the picker. */
  choosing?: boolean;
  onChosen?: () => void;
}) {
  const { t, formatDate } = useChannelFormat();
  const toast = useToast();
  const update = useUpdateChannel(workspace);
  const remove = useRemoveChannel(workspace);
  const disconnect = useDisconnectChannel(workspace);
  const oauth = useStartOAuth(workspace);
  const pauseChannel = usePauseChannel(workspace);
  const resume = useResumeChannel(workspace);
  const [mode, setMode] = useState<'view' | 'rename' | 'connect' | 'pause' | 'remove'>('view');
  const [name, setName] = useState(channel.name);
  const [reason, setReason] = useState('');
  // Days left are counted from when the page was opened.
  const [now] = useState(() => Date.now());
  const c = channel.connection;
  const fail = (e: unknown) => toast.show({ tone: 'error', message: errorMessage(e, t) });
  const done = () => setMode('view');

  // A LinkedIn channel without an author is connected as a company page, picked after the sign-in.
  const companyPage = channel.platform === 'linkedin' && !channel.settings?.['author'];
  const connectLabel = companyPage
    ? t('channels.connectCompanyPage')
    : c?.connected && c.kind !== 'none'
      ? t('channels.reconnect')
      : t('channels.connect');
  const onConnect = () => {
    if (c?.kind === 'oauth') {
      oauth.mutate(
        { id: channel.id, body: companyPage ? { linkedinAuthor: 'organization' } : {} },
        {
          onSuccess: (answer) => window.location.assign(answer.authorizeUrl),
          onError: fail,
        },
      );
    } else setMode('connect');
  };

  return (
    <li className="channel-item" data-testid={`channel-${channel.id}`}>
      <div className="channel-item__head">
        {manages ? (
          <input
            type="color"
            className="channel-item__colour"
            aria-label={t('channels.colour', { name: channel.name })}
            value={channel.color}
            onChange={(e) =>
              update.mutate({ id: channel.id, body: { color: e.target.value } }, { onError: fail })
            }
          />
        ) : (
          <span className="channel-item__swatch" style={{ background: channel.color }} />
        )}
        <div className="channel-item__title">
          <strong>{channel.name}</strong>
          <span className="channel-item__platform">{t(`platform.${channel.platform}`)}</span>
        </div>
        {c && (
          <span
            className={`channel-status channel-status--${c.status}`}
            data-testid="channel-status"
          >
            {t(`channels.status.${c.status}`)}
          </span>
        )}
        {pause && (
          <span className="channel-status channel-status--paused">{t('channels.paused')}</span>
        )}
      </div>
      {c && (
        <dl className="channel-item__facts">
          {c.accountName && (
            <>
              <dt>{t('channels.account')}</dt>
              <dd>{c.accountName}</dd>
            </>
          )}
          {c.expiresAt && (
            <>
              <dt>{t('channels.expires')}</dt>
              <dd>
                {formatDate(c.expiresAt)} (
                {t('channels.daysLeft', { count: Math.max(0, daysUntil(c.expiresAt, now)) })})
              </dd>
            </>
          )}
          {c.verifiedAt && (
            <>
              <dt>{t('channels.verified')}</dt>
              <dd>{formatDate(c.verifiedAt)}</dd>
            </>
          )}
          {c.lastError && (
            <>
              <dt>{t('channels.problem')}</dt>
              <dd>{c.lastError.message}</dd>
            </>
          )}
          {c.kind === 'oauth' && !c.configured && (
            <>
              <dt>{t('channels.oauth')}</dt>
              <dd>{t('channels.notConfigured')}</dd>
            </>
          )}
          {pause && (
            <>
              <dt>{t('channels.pauseReason')}</dt>
              <dd>{pause.reason}</dd>
            </>
          )}
        </dl>
      )}
      {manages && choosing && (
        <AccountPicker
          workspace={workspace}
          channel={channel}
          onDone={(connected) => {
            if (connected) toast.show({ tone: 'success', message: t('channels.oauthConnected') });
            onChosen();
          }}
        />
      )}
      {manages && mode === 'view' && !choosing && (
        <div className="channel-item__actions">
          {c && c.kind !== 'none' && (
            <button
              type="button"
              className="button button--primary button--small"
              onClick={onConnect}
              disabled={(c.kind === 'oauth' && !c.configured) || oauth.isPending}
            >
              {connectLabel}
            </button>
          )}
          <button type="button" className="button button--small" onClick={() => setMode('rename')}>
            {t('channels.rename')}
          </button>
          {pause ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => resume.mutate(channel.id, { onError: fail })}
            >
              {t('channels.resume')}
            </button>
          ) : (
            <button type="button" className="button button--small" onClick={() => setMode('pause')}>
              {t('channels.pause')}
            </button>
          )}
          {c?.connected && c.kind !== 'none' && (
            <button
              type="button"
              className="button button--small"
              onClick={() => disconnect.mutate(channel.id, { onError: fail })}
            >
              {t('channels.disconnect')}
            </button>
          )}
          <button
            type="button"
            className="button button--danger button--small"
            onClick={() => setMode('remove')}
          >
            {t('channels.remove')}
          </button>
        </div>
      )}
      {mode === 'connect' && (
        <ConnectChannelForm
          workspace={workspace}
          channel={channel}
          onDone={() => {
            done();
          }}
        />
      )}
      {mode === 'rename' && (
        <form
          className="channel-inline"
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate({ id: channel.id, body: { name } }, { onSuccess: done, onError: fail });
          }}
        >
          <Field label={t('channels.name')}>
            <input value={name} required maxLength={80} onChange={(e) => setName(e.target.value)} />
          </Field>
          <button type="submit" className="button button--primary button--small">
            {t('channels.save')}
          </button>
          <button type="button" className="button button--small" onClick={done}>
            {t('channels.cancel')}
          </button>
        </form>
      )}
      {mode === 'pause' && (
        <form
          className="channel-inline"
          onSubmit={(e) => {
            e.preventDefault();
            pauseChannel.mutate(
              { id: channel.id, reason },
              { onSuccess: () => (setReason(''), done()), onError: fail },
            );
          }}
        >
          <Field label={t('channels.pauseReason')}>
            <input
              value={reason}
              required
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
          </Field>
          <button type="submit" className="button button--primary button--small">
            {t('channels.pause')}
          </button>
          <button type="button" className="button button--small" onClick={done}>
            {t('channels.cancel')}
          </button>
        </form>
      )}
      {mode === 'remove' && (
        <div className="channel-inline" role="alertdialog" aria-label={t('channels.remove')}>
          <p>{t('channels.removeConfirm', { name: channel.name })}</p>
          <button
            type="button"
            className="button button--danger button--small"
            onClick={() => remove.mutate(channel.id, { onError: (e) => (fail(e), done()) })}
          >
            {t('channels.removeYes')}
          </button>
          <button type="button" className="button button--small" onClick={done}>
            {t('channels.cancel')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The message for a failed sign-in; "manages no pages" names the platform. */
function oauthFailure(code: string, platform: string | null, t: Translate): string {
  if (code === 'OAUTH_NO_ACCOUNTS') {
    if (platform === 'facebook') return t('channels.noAccounts.facebook');
    if (platform === 'instagram') return t('channels.noAccounts.instagram');
    if (platform === 'linkedin') return t('channels.noAccounts.linkedin');
  }
  const key = (ERROR_MESSAGE_KEYS as Record<string, MessageKey | undefined>)[code];
  return t(key ?? 'error.OAUTH_STATE_INVALID');
}

function useChannelFormat() {
  const { t, intlLocale } = useI18n();
  const format = new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return { t, formatDate: (iso: string) => format.format(new Date(iso)) };
}
