import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useUnreadCount } from '../api/use-notifications';
import { NotificationPanel } from './notification-panel';
import '../notifications.css';

/** The header's bell: the unread count, and the inbox in a side panel. */
export function NotificationBell({ settingsHref }: { settingsHref: string | null }) {
  const { t } = useI18n();
  const unread = useUnreadCount();
  const [open, setOpen] = useState(false);
  const label =
    unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');
  return (
    <>
      <button
        type="button"
        className="icon-button notification-bell"
        aria-label={label}
        title={label}
        aria-haspopup="dialog"
        data-testid="notification-bell"
        onClick={() => setOpen(true)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 && (
          <span className="notification-bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && <NotificationPanel settingsHref={settingsHref} onClose={() => setOpen(false)} />}
    </>
  );
}
