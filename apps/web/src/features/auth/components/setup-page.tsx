import { LOCALES } from '@postplan/contracts';
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Field } from '../../../components/ui/field';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useSetup } from '../api/use-session';
import { validateSetup, type SetupFieldErrors, type SetupFormValues } from '../utils/setup-form';
import { defaultTimeZone, timeZoneOptions } from '../utils/time-zones';

export function SetupPage() {
  const { t, locale } = useI18n();
  const setup = useSetup();
  const navigate = useNavigate();
  const zones = useMemo(() => timeZoneOptions(), []);
  const [form, setForm] = useState<SetupFormValues>({
    name: '',
    email: '',
    password: '',
    workspaceName: '',
    timeZone: defaultTimeZone(zones),
    locale,
  });
  const [errors, setErrors] = useState<SetupFieldErrors>({});

  const set = <K extends keyof SetupFormValues>(key: K, value: SetupFormValues[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };
  const errorFor = (key: keyof SetupFormValues) => {
    const message = errors[key];
    return message ? t(message) : null;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = validateSetup(form);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setup.mutate(result.request, { onSuccess: () => void navigate('/', { replace: true }) });
  };

  return (
    <form
      className="auth-card auth-card--wide"
      onSubmit={onSubmit}
      aria-labelledby="setup-title"
      noValidate
    >
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
        <Field label={t('setup.name')} error={errorFor('name')}>
          <input
            name="name"
            autoComplete="name"
            required
            maxLength={120}
            value={form.name}
            onChange={(e) => set('name', e.target.value)}
          />
        </Field>
        <Field label={t('setup.email')} error={errorFor('email')}>
          <input
            type="email"
            name="email"
            autoComplete="email"
            required
            value={form.email}
            onChange={(e) => set('email', e.target.value)}
          />
        </Field>
        <Field
          label={t('setup.password')}
          hint={t('setup.passwordHint')}
          error={errorFor('password')}
          className="form-grid__full"
        >
          <input
            type="password"
            name="password"
            autoComplete="new-password"
            required
            value={form.password}
            onChange={(e) => set('password', e.target.value)}
          />
        </Field>
        <Field
          label={t('setup.workspaceName')}
          error={errorFor('workspaceName')}
          className="form-grid__full"
        >
          <input
            name="workspaceName"
            required
            maxLength={120}
            value={form.workspaceName}
            onChange={(e) => set('workspaceName', e.target.value)}
          />
        </Field>
        <Field label={t('setup.timeZone')} hint={t('setup.timeZoneHint')}>
          <select
            name="timeZone"
            value={form.timeZone}
            onChange={(e) => set('timeZone', e.target.value)}
          >
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
            onChange={(e) =>
              set('locale', LOCALES.find((l) => l === e.target.value) ?? form.locale)
            }
          >
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(l === 'de' ? 'language.de' : 'language.en')}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <button
        type="submit"
        className="button button--primary button--block"
        disabled={setup.isPending}
      >
        {setup.isPending ? t('setup.submitting') : t('setup.submit')}
      </button>
    </form>
  );
}
