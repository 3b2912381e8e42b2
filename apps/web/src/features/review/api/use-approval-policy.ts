import type { ApprovalPolicyInput } from '@postplan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';

export function useApprovalPolicy(workspace: string) {
  return useQuery({
    queryKey: queryKeys.approvalPolicy(workspace),
    queryFn: () => api.approvalPolicy(workspace),
  });
}

export function useSaveApprovalPolicy(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (policy: ApprovalPolicyInput) => api.updateApprovalPolicy(workspace, policy),
    onSuccess: (saved) => client.setQueryData(queryKeys.approvalPolicy(workspace), saved),
  });
}
