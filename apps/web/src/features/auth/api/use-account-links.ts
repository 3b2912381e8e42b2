import type { MeResponse, RegisterFromInvitation } from '@postplan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.invitationPreview(token),
    retry: false,
  });
}

function useJoined() {
  const client = useQueryClient();
  return (me: MeResponse) => {
    client.removeQueries({ queryKey: ['workspaces'] });
    client.setQueryData(queryKeys.me, me);
    client.setQueryData(queryKeys.setup, { needed: false });
  };
}

export function useRegisterFromInvitation(token: string) {
  const joined = useJoined();
  return useMutation({
    mutationFn: (body: RegisterFromInvitation) => api.registerFromInvitation(token, body),
    onSuccess: joined,
  });
}

export function useAcceptInvitationLink(token: string) {
  const joined = useJoined();
  return useMutation({ mutationFn: () => api.acceptInvitationLink(token), onSuccess: joined });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => api.requestPasswordReset(email) });
}

export function useConfirmPasswordReset() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => api.confirmPasswordReset(body),
    // Every session ended, this browser's too.
    onSuccess: () => client.setQueryData(queryKeys.me, null),
  });
}
