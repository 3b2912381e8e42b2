import type { LoginRequest, MeResponse, SetupRequest } from '@postplan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';

export function useSetupStatus() {
  return useQuery({ queryKey: queryKeys.setup, queryFn: api.setupStatus, staleTime: Infinity });
}

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: api.me, staleTime: 60_000 });
}

function useSignedIn() {
  const client = useQueryClient();
  return (me: MeResponse) => {
    // A new session: nothing cached for a previous user may leak into it.
    client.removeQueries({ queryKey: ['workspaces'] });
    client.setQueryData(queryKeys.me, me);
    client.setQueryData(queryKeys.setup, { needed: false });
  };
}

export function useLogin() {
  const signedIn = useSignedIn();
  return useMutation({ mutationFn: (body: LoginRequest) => api.login(body), onSuccess: signedIn });
}

export function useSetup() {
  const signedIn = useSignedIn();
  return useMutation({ mutationFn: (body: SetupRequest) => api.setup(body), onSuccess: signedIn });
}

/**
 * Ends the session with one full page load of the login page, so nothing of it stays in memory.
 * The cache is deliberately left alone: clearing it would first route to the login page inside
 * the app, and that navigation would race the page load.
 */
export function useLogout() {
  return useMutation({
    mutationFn: api.logout,
    onSettled: () => window.location.assign('/login'),
  });
}
