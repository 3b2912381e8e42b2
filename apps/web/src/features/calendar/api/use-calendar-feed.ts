import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';

/** The member's subscription address: the existing one, or a new one made on first use. */
export function useSubscribeUrl(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const feed = await api.calendarFeed(workspace);
      return feed.url ?? (await api.rotateCalendarFeed(workspace)).url!;
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.calendarFeed(workspace) }),
  });
}
