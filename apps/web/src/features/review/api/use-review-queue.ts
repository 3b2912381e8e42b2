import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';

export function useReviewQueue(workspace: string, options: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: queryKeys.reviewQueue(workspace),
    queryFn: () => api.reviewQueue(workspace),
    refetchInterval: options.refetchInterval,
  });
}

export type BulkApproveInput = {
  posts: { id: string; version: number; contentHash: string }[];
  note?: string;
};

/** Approves each selected post as it was listed; one refusal does not hold back the others. */
export function useBulkApprove(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ posts, note }: BulkApproveInput) => api.bulkApprove(workspace, posts, note),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.posts(workspace) }),
  });
}
