import type { ApprovalPolicyInput } from '@postplan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';

export function useApprovalPolicy(workspace: string) {
  return useQuery({
    queryKey: queryKeys.approvalPolicy(workspace),
    queryFn: () => api.approvalPolicy(workspace),
  });
}

/** Saves against the version the form was read at; a newer one answers 409 STALE_VERSION. */
export function useSaveApprovalPolicy(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ policy, version }: { policy: ApprovalPolicyInput; version: number }) =>
      api.updateApprovalPolicy(workspace, policy, version),
    onSuccess: (saved) => client.setQueryData(queryKeys.approvalPolicy(workspace), saved),
  });
}

/** Reads the policy anew (after someone else changed it) and keeps it in the cache. */
export function useReloadApprovalPolicy(workspace: string) {
  const client = useQueryClient();
  return () =>
    client.fetchQuery({
      queryKey: queryKeys.approvalPolicy(workspace),
      queryFn: () => api.approvalPolicy(workspace),
      staleTime: 0,
    });
}
