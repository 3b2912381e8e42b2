import type { NotificationKind } from '@postplan/contracts';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useNotificationSettings, useUpdateNotificationSettings } from '../api/use-notifications';
import '../notifications.css';

/** Per kind: the inbox always, e-mail as the person likes. Saved at each click. */
export function NotificationSettingsPage() {
  const { t } = useI18n();
  const toast = useToast();
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();

  if (settings.error) {
    return (
      <div className="notification-settings">
        <ErrorState
          message={t('notifications.settings.loadFailed')}
          detail={errorMessage(settings.error, t)}
          action={
            <button type="button" className="button" onClick={() => void settings.refetch()}>
              {t('app.retry')}
            </button>
          }
        />
      </div>
    );
  }
  if (!settings.data) {
    return <LoadingState label={t('notifications.settings.loading')} />;
  }
  const { emailAvailable, kinds } = settings.data;

  const toggle = (kind: NotificationKind, email: boolean) =>
    update.mutate(
      { email: { [kind]: email } },
      {
        onSuccess: () =>
          toast.show({ tone: 'success', message: t('notifications.settings.saved') }),
        onError: (error) => toast.show({ tone: 'error', message: errorMessage(error, t) }),
      },
    );

  return (
    <div className="notification-settings">
      <h1>{t('notifications.settings.title')}</h1>
      <p className="notification-settings__intro">{t('notifications.settings.intro')}</p>
      {!emailAvailable && (
        <p className="notice" role="note">
          {t('notifications.settings.noEmail')}
        </p>
      )}
      <table className="notification-settings__table">
        <thead>
          <tr>
            <th scope="col">{t('notifications.settings.kind')}</th>
            <th scope="col">{t('notifications.settings.inApp')}</th>
            <th scope="col">{t('notifications.settings.email')}</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((k) => {
            const name = t(`notifications.settings.kind.${k.kind}`);
            return (
              <tr key={k.kind}>
                <th scope="row">{name}</th>
                <td>
                  <input
                    type="checkbox"
                    checked
                    disabled
                    aria-label={t('notifications.settings.inAppFor', { kind: name })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    checked={k.email}
                    disabled={!emailAvailable || update.isPending}
                    aria-label={t('notifications.settings.emailFor', { kind: name })}
                    onChange={(e) => toggle(k.kind, e.target.checked)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
