import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Field } from '../../../components/ui/field';
import { PasswordField } from '../../../components/ui/password-field';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useConfirmPasswordReset, useRequestPasswordReset } from '../api/use-account-links';

/** Asks for a reset link. The answer is the same for every address, known or not. */
export function RequestResetPage() {
  const { t } = useI18n();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    request.mutate(address, { onSuccess: () => setSentTo(address) });
  };

  return (
    <form className="auth-card" onSubmit={onSubmit} aria-labelledby="reset-title">
      <h1 id="reset-title" className="auth-card__title">
        {t('reset.request.title')}
      </h1>
      <p className="auth-card__intro">{t('reset.request.intro')}</p>
      {request.isError && (
        <div className="alert alert--error" role="alert">
          {errorMessage(request.error, t)}
        </div>
      )}
      {sentTo ? (
        <p className="notice" role="status" data-testid="reset-sent">
          {t('reset.request.sent', { email: sentTo })}
        </p>
      ) : (
        <>
          <Field label={t('login.email')}>
            <input
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </Field>
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={request.isPending}
          >
            {request.isPending ? t('reset.request.sending') : t('reset.request.submit')}
          </button>
        </>
      )}
      <Link to="/login">{t('reset.backToLogin')}</Link>
    </form>
  );
}

/** Sets a new password from the link in the mail; afterwards every session has ended. */
export function ConfirmResetPage({ token }: { token: string }) {
  const { t } = useI18n();
  const confirm = useConfirmPasswordReset();
  const [password, setPassword] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate({ token, password });
  };

  return (
    <form className="auth-card" onSubmit={onSubmit} aria-labelledby="reset-confirm-title">
      <h1 id="reset-confirm-title" className="auth-card__title">
        {t('reset.confirm.title')}
      </h1>
      <p className="auth-card__intro">{t('reset.confirm.intro')}</p>
      {confirm.isError && (
        <div className="alert alert--error" role="alert">
          {errorMessage(confirm.error, t)}
        </div>
      )}
      {confirm.isSuccess ? (
        <p className="notice" role="status" data-testid="reset-done">
          {t('reset.confirm.done')}
        </p>
      ) : (
        <>
          <PasswordField
            label={t('reset.confirm.password')}
            kind="new"
            value={password}
            onChange={setPassword}
          />
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={confirm.isPending}
          >
            {confirm.isPending ? t('reset.confirm.saving') : t('reset.confirm.submit')}
          </button>
        </>
      )}
      <Link to="/login">{t('reset.backToLogin')}</Link>
    </form>
  );
}
