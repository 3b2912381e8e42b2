import type { DecideDuePostsRequest } from '@postplan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';

/** Everyone sees a pause within half a minute, without reloading. */
const POLL_MS = 30_000;

export function usePauseState(workspace: string) {
  return useQuery({
    queryKey: queryKeys.pause(workspace),
    queryFn: () => api.pauseState(workspace),
    refetchInterval: POLL_MS,
  });
}

export function usePause(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ channelId, reason }: { channelId: string | null; reason: string }) =>
      api.pause(workspace, channelId, reason),
    onSuccess: (state) => client.setQueryData(queryKeys.pause(workspace), state),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}

export function useResume(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (channelId: string | null) => api.resume(workspace, channelId),
    onSuccess: (result) => client.setQueryData(queryKeys.pause(workspace), result.state),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.pause(workspace) }),
  });
}

export function useDuePosts(workspace: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.duePosts(workspace),
    queryFn: () => api.duePosts(workspace),
    enabled,
  });
}

export function useDecideDuePosts(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DecideDuePostsRequest) => api.decideDuePosts(workspace, body),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.pause(workspace) });
      await client.invalidateQueries({ queryKey: queryKeys.posts(workspace) });
    },
  });
}
