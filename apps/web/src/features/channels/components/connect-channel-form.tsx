import { type Channel, CONNECT_FORMS } from '@postplan/contracts';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../components/ui/field';
import { isApiError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useConnectChannel } from '../api/use-channel-mutations';
import { fieldOfIssue, toConnectRequest } from '../utils/connect-form';

/**
 * The platform's own form (app password, bot token, webhook URL ...). Postplan checks the
 * account with the platform before it keeps anything; secrets are never shown again.
 */
export function ConnectChannelForm({
  workspace,
  channel,
  onDone,
}: {
  workspace: string;
  channel: Channel;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const fields = CONNECT_FORMS[channel.platform] ?? [];
  const connect = useConnectChannel(workspace);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      fields.map((f) => [
        f.name,
        f.kind === 'setting' && typeof channel.settings?.[f.name] === 'string'
          ? (channel.settings[f.name] as string)
          : '',
      ]),
    ),
  );
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFieldErrors({});
    setFormError(null);
    connect.mutate(
      { id: channel.id, body: toConnectRequest(fields, values) },
      {
        onSuccess: onDone,
        onError: (error) => {
          setFormError(errorMessage(error, t));
          if (
            isApiError(error, 'CHANNEL_SETTINGS_INVALID') ||
            isApiError(error, 'CHANNEL_CREDENTIALS_INVALID')
          ) {
            const issues =
              (error.details as { issues?: { path: string; message: string }[] } | undefined)
                ?.issues ?? [];
            const byField: Record<string, string> = {};
            for (const issue of issues) {
              const name = fieldOfIssue(issue.path);
              if (name && !byField[name]) byField[name] = issue.message;
            }
            setFieldErrors(byField);
          }
        },
      },
    );
  };

  return (
    <form className="channel-connect" onSubmit={onSubmit} aria-label={t('channels.connectForm')}>
      {fields.map((f) => (
        <Field
          key={f.name}
          label={`${t(`channels.field.${f.name}` as 'channels.field.botToken')}${f.required ? '' : ` ${t('channels.optional')}`}`}
          hint={f.kind === 'secret' ? t('channels.secretHint') : undefined}
          error={fieldErrors[f.name] ?? null}
        >
          <input
            name={f.name}
            type={f.input === 'password' ? 'password' : f.input === 'url' ? 'url' : 'text'}
            autoComplete="off"
            placeholder={f.placeholder}
            required={f.required}
            value={values[f.name] ?? ''}
            onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
          />
        </Field>
      ))}
      {formError && (
        <p className="field__error" role="alert">
          {formError}
        </p>
      )}
      <div className="channel-connect__actions">
        <button type="submit" className="button button--primary" disabled={connect.isPending}>
          {connect.isPending ? t('channels.checking') : t('channels.connectSubmit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('channels.cancel')}
        </button>
      </div>
    </form>
  );
}
