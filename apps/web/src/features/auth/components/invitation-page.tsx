import type { MeResponse } from '@postplan/contracts';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Field } from '../../../components/ui/field';
import { PasswordField } from '../../../components/ui/password-field';
import { LoadingState } from '../../../components/ui/states';
import { isApiError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import {
  useAcceptInvitationLink,
  useInvitationPreview,
  useRegisterFromInvitation,
} from '../api/use-account-links';
import { useMe } from '../api/use-session';

/**
 * What an invitation link opens. A new address chooses its own name and password and joins; a
 * signed-in account with the invited address accepts; anyone else is told to sign in with it.
 */
export function InvitationPage({ token }: { token: string }) {
  const { t, intlLocale } = useI18n();
  const navigate = useNavigate();
  const preview = useInvitationPreview(token);
  const me = useMe();
  const register = useRegisterFromInvitation(token);
  const accept = useAcceptInvitationLink(token);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');

  const toWorkspace = (result: MeResponse) => {
    const joined = result.workspaces.find((w) => w.name === preview.data?.workspaceName);
    void navigate(joined ? `/w/${encodeURIComponent(joined.slug)}/calendar` : '/', {
      replace: true,
    });
  };

  if (preview.isPending || me.isPending) return <LoadingState label={t('app.loading')} />;
  if (preview.isError) {
    return (
      <div className="auth-card" data-testid="invitation-page">
        <h1 className="auth-card__title">{t('invite.unavailable')}</h1>
        <div className="alert alert--error" role="alert">
          {errorMessage(preview.error, t)}
        </div>
        <Link to="/login">{t('reset.backToLogin')}</Link>
      </div>
    );
  }
  const inv = preview.data;
  const expires = new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(inv.expiresAt));
  const signedIn = me.data ?? null;
  const sameAddress = signedIn?.user.email.toLowerCase() === inv.email.toLowerCase();
  const onRegister = (event: FormEvent) => {
    event.preventDefault();
    register.mutate({ name: name.trim(), password }, { onSuccess: toWorkspace });
  };
  const needsSignIn = isApiError(register.error, 'INVITATION_SIGN_IN_REQUIRED');

  return (
    <div className="auth-card" data-testid="invitation-page">
      <h1 className="auth-card__title">{t('invite.title')}</h1>
      <p className="auth-card__intro">
        {t('invite.lead', {
          inviter: inv.invitedBy ?? t('invite.someone'),
          workspace: inv.workspaceName,
          role: t(`role.${inv.role}`),
        })}
      </p>
      <p>{t('invite.for', { email: inv.email, date: expires })}</p>

      {signedIn && sameAddress && (
        <>
          {accept.isError && (
            <div className="alert alert--error" role="alert">
              {errorMessage(accept.error, t)}
            </div>
          )}
          <button
            type="button"
            className="button button--primary button--block"
            disabled={accept.isPending}
            onClick={() => accept.mutate(undefined, { onSuccess: toWorkspace })}
          >
            {accept.isPending ? t('invite.accepting') : t('invite.accept')}
          </button>
        </>
      )}

      {signedIn && !sameAddress && (
        <p className="notice" role="note">
          {t('invite.otherAccount', { email: inv.email, me: signedIn.user.email })}
        </p>
      )}

      {!signedIn && (
        <>
          <form onSubmit={onRegister} aria-labelledby="invite-new-title">
            <h2 id="invite-new-title" className="settings-section__title">
              {t('invite.newAccount')}
            </h2>
            {register.isError && (
              <div className="alert alert--error" role="alert">
                {errorMessage(register.error, t)}
              </div>
            )}
            <Field label={t('invite.name')}>
              <input
                type="text"
                autoComplete="name"
                required
                maxLength={120}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            </Field>
            <PasswordField
              label={t('invite.password')}
              kind="new"
              value={password}
              onChange={setPassword}
            />
            <button
              type="submit"
              className="button button--primary button--block"
              disabled={register.isPending}
            >
              {register.isPending ? t('invite.joining') : t('invite.join')}
            </button>
          </form>
          <p className={needsSignIn ? 'notice' : undefined}>
            {t('invite.haveAccount')}{' '}
            <Link to={`/login?next=${encodeURIComponent(`/invite/${token}`)}`}>
              {t('invite.logIn')}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
