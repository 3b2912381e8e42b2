import {
  TOKEN_SCOPES,
  type CreatedToken,
  type MeResponse,
  type TokenScope,
} from '@postplan/contracts';
import { useState, type FormEvent } from 'react';
import { Field } from '../../../components/ui/field';
import { PasswordField } from '../../../components/ui/password-field';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import {
  useAnswerInvitation,
  useChangePassword,
  useCreateToken,
  useLogoutEverywhere,
  useMyInvitations,
  useRevokeToken,
  useTokens,
} from '../api/use-account';
import '../account.css';

const EXPIRY_CHOICES = [null, 30, 90, 365] as const;

/**
 * The signed-in person's own account: invitations waiting for an answer, the password, signing
 * out everywhere, and personal API tokens with their scopes, expiry and last use.
 */
export function AccountPage({ me }: { me: MeResponse }) {
  const { t } = useI18n();
  return (
    <div className="account-page" data-testid="account-page">
      <header className="account-page__header">
        <h1 className="account-page__title">{t('account.title')}</h1>
        <p className="account-page__intro">{t('account.intro', { email: me.user.email })}</p>
      </header>
      <MyInvitations />
      <ChangePassword />
      <SignOutEverywhere />
      <Tokens />
    </div>
  );
}

function MyInvitations() {
  const { t } = useI18n();
  const toast = useToast();
  const invitations = useMyInvitations();
  const answer = useAnswerInvitation();
  return (
    <section className="settings-section" aria-labelledby="account-invitations-title">
      <h2 id="account-invitations-title" className="settings-section__title">
        {t('account.invitations.title')}
      </h2>
      {answer.isError && (
        <div className="alert alert--error" role="alert">
          {errorMessage(answer.error, t)}
        </div>
      )}
      {!invitations.data ? (
        <LoadingState label={t('app.loading')} />
      ) : invitations.data.items.length === 0 ? (
        <p className="account-page__intro">{t('account.invitations.none')}</p>
      ) : (
        <ul className="account-list">
          {invitations.data.items.map((inv) => (
            <li key={inv.id} className="account-list__item" data-testid="my-invitation">
              <span>
                {t('account.invitations.item', {
                  workspace: inv.workspaceName,
                  role: t(`role.${inv.role}`),
                  inviter: inv.invitedBy ?? t('invite.someone'),
                })}
              </span>
              <span className="account-list__actions">
                <button
                  type="button"
                  className="button button--primary button--small"
                  disabled={answer.isPending}
                  onClick={() =>
                    answer.mutate(
                      { id: inv.id, accept: true },
                      {
                        onSuccess: () =>
                          toast.show({
                            tone: 'success',
                            message: t('account.invitations.accepted', {
                              workspace: inv.workspaceName,
                            }),
                          }),
                      },
                    )
                  }
                >
                  {t('account.invitations.accept')}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={answer.isPending}
                  onClick={() =>
                    answer.mutate(
                      { id: inv.id, accept: false },
                      {
                        onSuccess: () =>
                          toast.show({
                            tone: 'success',
                            message: t('account.invitations.declined'),
                          }),
                      },
                    )
                  }
                >
                  {t('account.invitations.decline')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ChangePassword() {
  const { t } = useI18n();
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
        },
      },
    );
  };
  return (
    <form className="settings-section" onSubmit={onSubmit} aria-labelledby="account-password-title">
      <h2 id="account-password-title" className="settings-section__title">
        {t('account.password.title')}
      </h2>
      <p className="account-page__intro">{t('account.password.intro')}</p>
      {change.isError && (
        <div className="alert alert--error" role="alert">
          {errorMessage(change.error, t)}
        </div>
      )}
      {change.isSuccess && (
        <p className="notice" role="status">
          {t('account.password.done')}
        </p>
      )}
      <div className="account-form__grid">
        <PasswordField
          label={t('account.password.current')}
          kind="current"
          value={currentPassword}
          onChange={setCurrent}
        />
        <PasswordField
          label={t('account.password.new')}
          kind="new"
          value={newPassword}
          onChange={setNew}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={change.isPending}>
        {change.isPending ? t('account.password.saving') : t('account.password.submit')}
      </button>
    </form>
  );
}

function SignOutEverywhere() {
  const { t } = useI18n();
  const out = useLogoutEverywhere();
  return (
    <section className="settings-section" aria-labelledby="account-sessions-title">
      <h2 id="account-sessions-title" className="settings-section__title">
        {t('account.sessions.title')}
      </h2>
      <p className="account-page__intro">{t('account.sessions.intro')}</p>
      {out.isError && (
        <div className="alert alert--error" role="alert">
          {errorMessage(out.error, t)}
        </div>
      )}
      <button
        type="button"
        className="button button--danger"
        disabled={out.isPending}
        onClick={() => out.mutate()}
      >
        {t('account.sessions.submit')}
      </button>
    </section>
  );
}

function Tokens() {
  const { t, intlLocale } = useI18n();
  const toast = useToast();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [expiresInDays, setExpiry] = useState<number | null>(90);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    create.mutate(
      { name: name.trim(), scopes, expiresInDays },
      {
        onSuccess: (token) => {
          setCreated(token);
          setName('');
        },
      },
    );
  };
  const toggle = (scope: TokenScope, on: boolean) =>
    setScopes((current) =>
      on ? [...new Set([...current, scope])] : current.filter((s) => s !== scope),
    );

  let list;
  if (tokens.isError) {
    list = (
      <ErrorState message={t('account.tokens.loadFailed')} detail={errorMessage(tokens.error, t)} />
    );
  } else if (!tokens.data) {
    list = <LoadingState label={t('app.loading')} />;
  } else if (tokens.data.items.length === 0) {
    list = <p className="account-page__intro">{t('account.tokens.none')}</p>;
  } else {
    list = (
      <ul className="account-list" data-testid="token-list">
        {tokens.data.items.map((token) => (
          <li key={token.id} className="account-list__item" data-testid="token-row">
            <span className="account-list__main">
              <strong>{token.name}</strong> <code>{token.prefix}…</code>
            </span>
            <span>{token.scopes.map((s) => t(`account.tokens.scope.${s}`)).join(', ')}</span>
            <span className="account-list__meta">
              {token.expiresAt
                ? t('account.tokens.expires', { when: when(token.expiresAt) })
                : t('account.tokens.noExpiry')}
            </span>
            <span className="account-list__meta">
              {token.lastUsedAt
                ? t('account.tokens.lastUsed', { when: when(token.lastUsedAt) })
                : t('account.tokens.neverUsed')}
            </span>
            <button
              type="button"
              className="button button--small"
              aria-label={t('account.tokens.revokeNamed', { name: token.name })}
              disabled={revoke.isPending}
              onClick={() =>
                revoke.mutate(token.id, {
                  onSuccess: () =>
                    toast.show({
                      tone: 'success',
                      message: t('account.tokens.revoked', { name: token.name }),
                    }),
                })
              }
            >
              {t('account.tokens.revoke')}
            </button>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section className="settings-section" aria-labelledby="account-tokens-title">
      <h2 id="account-tokens-title" className="settings-section__title">
        {t('account.tokens.title')}
      </h2>
      <p className="account-page__intro">{t('account.tokens.intro')}</p>
      {list}
      <form onSubmit={onSubmit} aria-label={t('account.tokens.create')}>
        {create.isError && (
          <div className="alert alert--error" role="alert">
            {errorMessage(create.error, t)}
          </div>
        )}
        <div className="account-form__grid">
          <Field label={t('account.tokens.name')}>
            <input
              type="text"
              required
              maxLength={80}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
          <Field label={t('account.tokens.expiry')}>
            <select
              value={expiresInDays === null ? 'never' : String(expiresInDays)}
              onChange={(e) =>
                setExpiry(e.target.value === 'never' ? null : Number(e.target.value))
              }
            >
              {EXPIRY_CHOICES.map((days) => (
                <option key={String(days)} value={days === null ? 'never' : String(days)}>
                  {days === null
                    ? t('account.tokens.expiry.never')
                    : t('account.tokens.expiry.days', { count: days })}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <fieldset className="account-form__scopes">
          <legend>{t('account.tokens.scopes')}</legend>
          {TOKEN_SCOPES.map((scope) => (
            <label key={scope} className="account-form__scope">
              <input
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(e) => toggle(scope, e.target.checked)}
              />
              <span>
                <strong>{t(`account.tokens.scope.${scope}`)}</strong>{' '}
                {t(`account.tokens.scopeHint.${scope}`)}
              </span>
            </label>
          ))}
        </fieldset>
        <button
          type="submit"
          className="button button--primary"
          disabled={create.isPending || scopes.length === 0 || name.trim() === ''}
        >
          {create.isPending ? t('account.tokens.creating') : t('account.tokens.create')}
        </button>
      </form>
      {created && (
        <div className="notice" role="status" data-testid="created-token">
          <p>{t('account.tokens.created')}</p>
          <Field label={t('account.tokens.secret')}>
            <input type="text" readOnly value={created.token} onFocus={(e) => e.target.select()} />
          </Field>
        </div>
      )}
    </section>
  );
}
