import type { ReviewLinkInfo } from '@postplan/contracts';
import { useState, type FormEvent } from 'react';
import { Field } from '../../../components/ui/field';
import { isApiError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useUnlock } from '../api/use-client-review';
import { cleanVisitorName } from '../utils/visitor';

type Props = {
  token: string;
  info: ReviewLinkInfo;
  defaultName: string;
  onEntered: (name: string) => void;
};

/** Who is reviewing (and, for a protected link, the password): asked once, on the phone too. */
export function VisitorWelcome({ token, info, defaultName, onEntered }: Props) {
  const { t } = useI18n();
  const unlock = useUnlock(token);
  const [name, setName] = useState(defaultName);
  const [password, setPassword] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const needsPassword = info.passwordRequired && !info.unlocked;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const clean = cleanVisitorName(name);
    setNameError(clean ? null : t('clientReview.error.name'));
    setPasswordError(needsPassword && !password ? t('clientReview.error.password') : null);
    if (!clean || (needsPassword && !password)) return;
    if (!needsPassword) {
      onEntered(clean);
      return;
    }
    unlock.mutate(
      { visitorName: clean, password },
      {
        onSuccess: () => onEntered(clean),
        onError: (error) => {
          if (isApiError(error, 'REVIEW_LINK_PASSWORD_WRONG')) {
            setPasswordError(t('error.REVIEW_LINK_PASSWORD_WRONG'));
            setPassword('');
          }
        },
      },
    );
  };

  const generalError =
    unlock.isError && !isApiError(unlock.error, 'REVIEW_LINK_PASSWORD_WRONG')
      ? errorMessage(unlock.error, t)
      : null;

  return (
    <form className="client-review__card client-review__welcome" onSubmit={onSubmit} noValidate>
      <h1 className="client-review__title">
        {t('clientReview.welcome.title', { workspace: info.workspaceName })}
      </h1>
      <p className="client-review__lead">{t('clientReview.welcome.body', { label: info.label })}</p>
      {generalError && (
        <div className="alert alert--error" role="alert">
          {generalError}
        </div>
      )}
      <Field
        label={t('clientReview.welcome.name')}
        hint={t('clientReview.welcome.nameHint')}
        error={nameError}
      >
        <input
          type="text"
          name="name"
          autoComplete="name"
          maxLength={80}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      {needsPassword && (
        <Field
          label={t('clientReview.welcome.password')}
          hint={t('clientReview.welcome.passwordHint')}
          error={passwordError}
        >
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
      )}
      <button
        type="submit"
        className="button button--primary button--block client-review__big-button"
        disabled={unlock.isPending}
      >
        {unlock.isPending ? t('clientReview.welcome.submitting') : t('clientReview.welcome.submit')}
      </button>
    </form>
  );
}
