import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Field } from '../../../components/ui/field';
import { PasswordField } from '../../../components/ui/password-field';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useLogin } from '../api/use-session';

/** Only paths inside the app, so the login page cannot be used to send people elsewhere. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      { onSuccess: () => void navigate(safeNext(params.get('next')), { replace: true }) },
    );
  };

  return (
    <form
      className="auth-card"
      onSubmit={onSubmit}
      noValidate={false}
      aria-labelledby="login-title"
    >
      <h1 id="login-title" className="auth-card__title">
        {t('login.title')}
      </h1>
      <p className="auth-card__intro">{t('login.intro')}</p>
      {login.isError && (
        <div className="alert alert--error" role="alert">
          {errorMessage(login.error, t)}
        </div>
      )}
      <Field label={t('login.email')}>
        <input
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </Field>
      <PasswordField
        label={t('login.password')}
        kind="current"
        name="password"
        value={password}
        onChange={setPassword}
      />
      <button
        type="submit"
        className="button button--primary button--block"
        disabled={login.isPending}
      >
        {login.isPending ? t('login.submitting') : t('login.submit')}
      </button>
      <Link to="/reset-password">{t('login.forgot')}</Link>
    </form>
  );
}
