import type { ChangePasswordRequest, CreateTokenRequest, MeResponse } from '@postplan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';

export function useMyInvitations() {
  return useQuery({ queryKey: queryKeys.myInvitations, queryFn: api.myInvitations });
}

export function useAnswerInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      id,
      accept,
    }: {
      id: string;
      accept: boolean;
    }): Promise<MeResponse | null> => {
      if (accept) return api.acceptInvitation(id);
      await api.declineInvitation(id);
      return null;
    },
    // Accepting adds the workspace to what the app knows about the person.
    onSuccess: (me) => {
      if (me) client.setQueryData(queryKeys.me, me);
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.myInvitations }),
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: (body: ChangePasswordRequest) => api.changePassword(body) });
}

/** Every session ends, this one too: one full page load of the login page, as after logout. */
export function useLogoutEverywhere() {
  return useMutation({
    mutationFn: api.logoutEverywhere,
    onSuccess: () => window.location.assign('/login'),
  });
}

export function useTokens() {
  return useQuery({ queryKey: queryKeys.tokens, queryFn: api.tokens });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenRequest) => api.createToken(body),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.revokeToken(id),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}
