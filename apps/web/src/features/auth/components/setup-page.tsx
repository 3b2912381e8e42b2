import { LOCALES, type Locale } from '@postplan/contracts';
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Field } from '../../../components/ui/field';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useSetup } from '../api/use-session';
import { defaultTimeZone, timeZoneOptions } from '../utils/time-zones';

const MIN_PASSWORD = 10;

export function SetupPage() {
  const { t, locale } = useI18n();
  const setup = useSetup();
  const navigate = useNavigate();
  const zones = useMemo(() => timeZoneOptions(), []);
  const [form, setForm] = useState({
    name: '',
    email: '',
    password: '',
    workspaceName: '',
    timeZone: defaultTimeZone(zones),
    locale: locale as Locale,
  });
  const [touched, setTouched] = useState(false);
  const passwordError = touched && form.password.length < MIN_PASSWORD ? t('setup.passwordTooShort') : null;

  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (form.password.length < MIN_PASSWORD) return;
    setup.mutate(
      {
        name: form.name.trim(),
        email: form.email.trim(),
        password: form.password,
        workspaceName: form.workspaceName.trim(),
        timeZone: form.timeZone,
        locale: form.locale,
      },
      { onSuccess: () => void navigate('/', { replace: true }) },
    );
  };

  return (
    <form className="auth-card auth-card--wide" onSubmit={onSubmit} aria-labelledby="setup-title">
      <h1 id="setup-title" className="auth-card__title">
        {t('setup.title')}
      </h1>
      <p className="auth-card__intro">{t('setup.intro')}</p>
      {setup.isError && (
        <div className="alert alert--error" role="alert">
          {errorMessage(setup.error, t)}
        </div>
      )}
      <div className="form-grid">
        <Field label={t('setup.name')}>
          <input name="name" autoComplete="name" required maxLength={120} value={form.name} onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field label={t('setup.email')}>
          <input type="email" name="email" autoComplete="email" required value={form.email} onChange={(e) => set('email', e.target.value)} />
        </Field>
        <Field label={t('setup.password')} hint={t('setup.passwordHint')} error={passwordError} className="form-grid__full">
          <input
            type="password"
            name="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD}
            value={form.password}
            onChange={(e) => set('password', e.target.value)}
          />
        </Field>
        <Field label={t('setup.workspaceName')} className="form-grid__full">
          <input name="workspaceName" required maxLength={120} value={form.workspaceName} onChange={(e) => set('workspaceName', e.target.value)} />
        </Field>
        <Field label={t('setup.timeZone')} hint={t('setup.timeZoneHint')}>
          <select name="timeZone" value={form.timeZone} onChange={(e) => set('timeZone', e.target.value)}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('setup.locale')}>
          <select
            name="locale"
            value={form.locale}
            onChange={(e) => set('locale', LOCALES.find((l) => l === e.target.value) ?? form.locale)}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(l === 'de' ? 'language.de' : 'language.en')}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <button type="submit" className="button button--primary button--block" disabled={setup.isPending}>
        {setup.isPending ? t('setup.submitting') : t('setup.submit')}
      </button>
    </form>
  );
}
