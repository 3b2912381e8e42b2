import { type AccountChoice, type AccountChoicePlatform, type Channel } from '@postplan/contracts';
import { type FormEvent, useId, useState } from 'react';
import { LoadingState } from '../../../components/ui/states';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import {
  useAccountChoices,
  useCancelAccountChoice,
  usePickAccount,
} from '../api/use-channel-mutations';

/**
 * After the sign-in at Facebook, Instagram or LinkedIn: the pages or accounts that login
 * manages, one to pick. Postplan connects the channel to it (checking it with the platform
 * first); Cancel throws the waiting sign-in away.
 */
export function AccountPicker({
  workspace,
  channel,
  onDone,
}: {
  workspace: string;
  channel: Channel;
  /** connected: the pick went through; otherwise the person cancelled or closed it. */
  onDone: (connected: boolean) => void;
}) {
  const { t, intlLocale } = useI18n();
  const choices = useAccountChoices(workspace, channel.id);
  const pick = usePickAccount(workspace, channel.id);
  const cancel = useCancelAccountChoice(workspace, channel.id);
  const [picked, setPicked] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const titleId = useId();

  const onCancel = () => {
    // Whether or not the server still had it, the person is done with this sign-in.
    cancel.mutate(undefined, { onSettled: () => onDone(false) });
  };

  if (choices.isLoading) return <LoadingState label={t('channels.pick.loading')} />;
  if (choices.error || !choices.data) {
    return (
      <div className="channel-connect" role="alert">
        <p className="field__error">{errorMessage(choices.error, t)}</p>
        <div className="channel-connect__actions">
          <button type="button" className="button" onClick={() => onDone(false)}>
            {t('channels.cancel')}
          </button>
        </div>
      </div>
    );
  }

  const { platform, accounts, expiresAt } = choices.data;
  const time = new Intl.DateTimeFormat(intlLocale, { timeStyle: 'short' }).format(
    new Date(expiresAt),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!picked) {
      setProblem(t('channels.pick.required'));
      return;
    }
    pick.mutate(picked, {
      onSuccess: () => onDone(true),
      onError: (e) => setProblem(errorMessage(e, t)),
    });
  };

  return (
    <form className="channel-connect account-picker" onSubmit={onSubmit} aria-labelledby={titleId}>
      <fieldset className="account-picker__choices">
        <legend id={titleId}>{t(titleKey(platform), { name: channel.name })}</legend>
        {accounts.map((a) => (
          <label key={a.id} className="account-picker__choice">
            <input
              type="radio"
              name="account"
              value={a.id}
              checked={picked === a.id}
              onChange={() => setPicked(a.id)}
            />
            <span className="account-picker__name">{a.name}</span>
            {detailOf(platform, a, t) && (
              <span className="account-picker__detail">{detailOf(platform, a, t)}</span>
            )}
          </label>
        ))}
      </fieldset>
      <p className="field__hint">{t('channels.pick.expires', { time })}</p>
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
      <div className="channel-connect__actions">
        <button type="submit" className="button button--primary" disabled={pick.isPending}>
          {pick.isPending ? t('channels.pick.connecting') : t('channels.pick.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={pick.isPending}>
          {t('channels.cancel')}
        </button>
      </div>
    </form>
  );
}

function titleKey(platform: AccountChoicePlatform) {
  switch (platform) {
    case 'facebook':
      return 'channels.pick.title.facebook' as const;
    case 'instagram':
      return 'channels.pick.title.instagram' as const;
    case 'linkedin':
      return 'channels.pick.title.linkedin' as const;
  }
}

function detailOf(
  platform: AccountChoicePlatform,
  account: AccountChoice,
  t: ReturnType<typeof useI18n>['t'],
): string | null {
  if (!account.detail) return null;
  return platform === 'instagram'
    ? t('channels.pick.linkedTo', { page: account.detail })
    : account.detail;
}
