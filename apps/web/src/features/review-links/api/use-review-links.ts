import type { ApprovalPolicyInput, CreateReviewLinkRequest } from '@postplan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';

export function useReviewLinks(workspace: string) {
  return useQuery({
    queryKey: queryKeys.reviewLinks(workspace),
    queryFn: () => api.reviewLinks(workspace),
  });
}

export function useCreateReviewLink(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReviewLinkRequest) => api.createReviewLink(workspace, body),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.reviewLinks(workspace) }),
  });
}

export function useRevokeReviewLink(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.revokeReviewLink(workspace, id),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.reviewLinks(workspace) }),
  });
}

/** Posts of the coming months to pick from; ideas are never shared, so they are left out. */
export function usePickablePosts(workspace: string, from: string, to: string, enabled: boolean) {
  const query = { from, to, status: ['draft', 'in_review', 'changes_requested', 'approved'] };
  return useQuery({
    queryKey: queryKeys.postList(workspace, query),
    queryFn: ({ signal }) => api.posts(workspace, query, signal),
    enabled,
  });
}

/** The approval policy, to tell whether a link's "approve" can count; null when not readable. */
export function useLinkApprovalPolicy(workspace: string) {
  return useQuery({
    queryKey: queryKeys.approvalPolicy(workspace),
    queryFn: () => api.approvalPolicy(workspace),
    retry: false,
  });
}

export function useSaveLinkApprovalPolicy(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ policy, version }: { policy: ApprovalPolicyInput; version: number }) =>
      api.updateApprovalPolicy(workspace, policy, version),
    onSuccess: (saved) => client.setQueryData(queryKeys.approvalPolicy(workspace), saved),
  });
}
