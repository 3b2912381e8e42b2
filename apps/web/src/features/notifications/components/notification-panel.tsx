import type { Notification } from '@postplan/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { SidePanel } from '../../../components/ui/side-panel';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useMarkAllRead, useMarkRead, useNotifications } from '../api/use-notifications';
import { describeNotification, notificationHref, relativeTime } from '../utils/notification-text';

type Props = { settingsHref: string | null; onClose: () => void };

/** The inbox: newest first, all or only unread, each leading to its post. */
export function NotificationPanel({ settingsHref, onClose }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(unreadOnly);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unreadCount = list.data?.pages[0]?.unreadCount ?? 0;

  const fail = (error: unknown) => toast.show({ tone: 'error', message: errorMessage(error, t) });

  let body;
  if (list.error) {
    body = (
      <ErrorState
        message={t('notifications.loadFailed')}
        detail={errorMessage(list.error, t)}
        action={
          <button type="button" className="button" onClick={() => void list.refetch()}>
            {t('app.retry')}
          </button>
        }
      />
    );
  } else if (!list.data) {
    body = <LoadingState label={t('notifications.loading')} />;
  } else if (items.length === 0) {
    body = (
      <EmptyState
        message={unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}
      />
    );
  } else {
    body = (
      <>
        <ul className="notification-list" data-testid="notification-list">
          {items.map((n) => (
            <NotificationItem
              key={n.id}
              notification={n}
              onOpen={() => {
                if (!n.readAt) markRead.mutate([n.id], { onError: fail });
                onClose();
              }}
              onMarkRead={() => markRead.mutate([n.id], { onError: fail })}
            />
          ))}
        </ul>
        {list.hasNextPage && (
          <button
            type="button"
            className="button button--ghost button--block"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? t('notifications.loading') : t('notifications.more')}
          </button>
        )}
      </>
    );
  }

  return (
    <SidePanel
      title={t('notifications.title')}
      closeLabel={t('editor.close')}
      onClose={onClose}
      testId="notification-panel"
      footer={
        <>
          {settingsHref && (
            <Link to={settingsHref} className="button button--ghost" onClick={onClose}>
              {t('notifications.settingsLink')}
            </Link>
          )}
          <span className="editor-footer__spacer" />
          <button
            type="button"
            className="button"
            disabled={unreadCount === 0 || markAll.isPending}
            onClick={() => markAll.mutate(undefined, { onError: fail })}
          >
            {t('notifications.markAllRead')}
          </button>
        </>
      }
    >
      <div
        className="segmented notification-filter"
        role="group"
        aria-label={t('notifications.filter')}
      >
        <button
          type="button"
          className="segmented__item"
          aria-pressed={!unreadOnly}
          onClick={() => setUnreadOnly(false)}
        >
          {t('notifications.all')}
        </button>
        <button
          type="button"
          className="segmented__item"
          aria-pressed={unreadOnly}
          onClick={() => setUnreadOnly(true)}
        >
          {t('notifications.unread', { count: unreadCount })}
        </button>
      </div>
      {body}
    </SidePanel>
  );
}

function NotificationItem({
  notification: n,
  onOpen,
  onMarkRead,
}: {
  notification: Notification;
  onOpen: () => void;
  onMarkRead: () => void;
}) {
  const { t, intlLocale } = useI18n();
  const { summary, detail } = describeNotification(n, t);
  const unread = n.readAt === null;
  return (
    <li className={`notification${unread ? ' notification--unread' : ''}`}>
      <Link to={notificationHref(n)} className="notification__link" onClick={onOpen}>
        <span className="notification__summary">{summary}</span>
        {detail && <span className="notification__detail">{detail}</span>}
        <span className="notification__meta">
          <time dateTime={n.createdAt} title={new Date(n.createdAt).toLocaleString(intlLocale)}>
            {relativeTime(n.createdAt, new Date(), intlLocale)}
          </time>
          {' · '}
          {n.workspace.name}
          {unread && <span className="visually-hidden">{t('notifications.unreadMark')}</span>}
        </span>
      </Link>
      {unread && (
        <button type="button" className="button button--ghost button--small" onClick={onMarkRead}>
          {t('notifications.markRead')}
        </button>
      )}
    </li>
  );
}
