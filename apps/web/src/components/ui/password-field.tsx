import { useI18n } from '../../lib/i18n/i18n-context';
import { Field } from './field';

type PasswordFieldProps = {
  label: string;
  /**
   * `new`: a password being chosen, with the strength hint and the limits the API checks
   * (10 to 256 characters); `current`: one typed to sign in or to prove it is you.
   */
  kind: 'new' | 'current';
  value: string;
  onChange: (value: string) => void;
  name?: string;
};

/** A labelled password input that password managers fill or offer to save correctly. */
export function PasswordField({ label, kind, value, onChange, name }: PasswordFieldProps) {
  const { t } = useI18n();
  const chosen = kind === 'new';
  return (
    <Field label={label} hint={chosen ? t('password.hint') : undefined}>
      <input
        type="password"
        name={name}
        autoComplete={chosen ? 'new-password' : 'current-password'}
        required
        minLength={chosen ? 10 : undefined}
        maxLength={chosen ? 256 : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}
