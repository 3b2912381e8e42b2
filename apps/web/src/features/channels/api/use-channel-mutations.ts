import type {
  ConnectChannelRequest,
  OAuthStartRequest,
  CreateChannelRequest,
  UpdateChannelRequest,
} from '@postplan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';

/** Every change to a channel shows in its list, the calendar's colours and the pause banner. */
function useSettle(workspace: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.channels(workspace) }),
      client.invalidateQueries({ queryKey: queryKeys.pause(workspace) }),
    ]);
}

export function useCreateChannel(workspace: string) {
  const settle = useSettle(workspace);
  return useMutation({
    mutationFn: (body: CreateChannelRequest) => api.createChannel(workspace, body),
    onSettled: settle,
  });
}

export function useUpdateChannel(workspace: string) {
  const settle = useSettle(workspace);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateChannelRequest }) =>
      api.updateChannel(workspace, id, body),
    onSettled: settle,
  });
}

export function useRemoveChannel(workspace: string) {
  const settle = useSettle(workspace);
  return useMutation({
    mutationFn: (id: string) => api.removeChannel(workspace, id),
    onSettled: settle,
  });
}

export function useConnectChannel(workspace: string) {
  const settle = useSettle(workspace);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ConnectChannelRequest }) =>
      api.connectChannel(workspace, id, body),
    onSettled: settle,
  });
}

export function useDisconnectChannel(workspace: string) {
  const settle = useSettle(workspace);
  return useMutation({
    mutationFn: (id: string) => api.disconnectChannel(workspace, id),
    onSettled: settle,
  });
}

export function useStartOAuth(workspace: string) {
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body?: OAuthStartRequest }) =>
      api.startChannelOAuth(workspace, id, body),
  });
}

/** What a sign-in left to pick from; its errors (expired, used, someone else's) are final. */
export function useAccountChoices(workspace: string, channelId: string) {
  return useQuery({
    queryKey: queryKeys.accountChoices(workspace, channelId),
    queryFn: () => api.accountChoices(workspace, channelId),
    retry: false,
    staleTime: Infinity,
  });
}

export function usePickAccount(workspace: string, channelId: string) {
  const settle = useSettle(workspace);
  return useMutation({
    mutationFn: (accountId: string) => api.pickAccount(workspace, channelId, accountId),
    onSettled: settle,
  });
}

export function useCancelAccountChoice(workspace: string, channelId: string) {
  return useMutation({ mutationFn: () => api.cancelAccountChoice(workspace, channelId) });
}

/** The crisis stop's state: which channels are paused right now. */
export function usePauseState(workspace: string) {
  return useQuery({
    queryKey: queryKeys.pause(workspace),
    queryFn: () => api.pauseState(workspace),
  });
}

export function usePauseChannel(workspace: string) {
  const settle = useSettle(workspace);
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.pause(workspace, id, reason),
    onSettled: settle,
  });
}

export function useResumeChannel(workspace: string) {
  const settle = useSettle(workspace);
  return useMutation({
    mutationFn: (id: string) => api.resume(workspace, id),
    onSettled: settle,
  });
}
