import type { UpdateNotificationSettingsRequest } from '@postplan/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';

const PAGE = 20;
/** The bell asks this often; a new notification shows within half a minute. */
const POLL_MS = 30_000;

export function useUnreadCount() {
  const query = useQuery({
    queryKey: queryKeys.notificationList({ unread: true, limit: 1 }),
    queryFn: () => api.notifications({ unread: true, limit: 1 }),
    refetchInterval: POLL_MS,
  });
  return query.data?.unreadCount ?? 0;
}

export function useNotifications(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: queryKeys.notificationList({ unread: unreadOnly, limit: PAGE }),
    queryFn: ({ pageParam }) =>
      api.notifications({ unread: unreadOnly, limit: PAGE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: POLL_MS,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api.markNotificationsRead(ids),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.markAllNotificationsRead(),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: queryKeys.notificationSettings,
    queryFn: () => api.notificationSettings(),
  });
}

export function useUpdateNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationSettingsRequest) => api.updateNotificationSettings(body),
    onSuccess: (settings) => client.setQueryData(queryKeys.notificationSettings, settings),
  });
}
