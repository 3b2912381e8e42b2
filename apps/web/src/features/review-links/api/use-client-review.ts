import type {
  ReviewPost,
  ReviewPostList,
  UnlockReviewLinkRequest,
  VisitorApproveRequest,
  VisitorCommentRequest,
  VisitorRequestChangesRequest,
} from '@postplan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';

export function useReviewVisit(token: string) {
  return useQuery({
    queryKey: queryKeys.reviewVisit(token),
    queryFn: () => api.reviewVisit(token),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

export function useReviewPosts(token: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.reviewPosts(token),
    queryFn: () => api.reviewPosts(token),
    enabled,
  });
}

export function useUnlock(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UnlockReviewLinkRequest) => api.reviewUnlock(token, body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.reviewVisit(token) }),
  });
}

/** Puts the post the server answered with into the list, so the card shows the decision at once. */
function useApplyPost(token: string) {
  const client = useQueryClient();
  return (post: ReviewPost) =>
    client.setQueryData<ReviewPostList>(queryKeys.reviewPosts(token), (old) =>
      old ? { ...old, items: old.items.map((p) => (p.id === post.id ? post : p)) } : old,
    );
}

export function useDecide(token: string, postId: string) {
  const apply = useApplyPost(token);
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      input:
        | { decision: 'approve'; body: VisitorApproveRequest }
        | { decision: 'request_changes'; body: VisitorRequestChangesRequest },
    ) =>
      input.decision === 'approve'
        ? api.reviewApprove(token, postId, input.body)
        : api.reviewRequestChanges(token, postId, input.body),
    onSuccess: apply,
    // Whatever happened (say, the post changed meanwhile), show the post as it is now.
    onError: () => client.invalidateQueries({ queryKey: queryKeys.reviewPosts(token) }),
  });
}

export function useVisitorComments(token: string, postId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.reviewComments(token, postId),
    queryFn: () => api.reviewComments(token, postId),
    enabled,
  });
}

export function useSendComment(token: string, postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: VisitorCommentRequest) => api.reviewComment(token, postId, body),
    onSuccess: () =>
      client.invalidateQueries({ queryKey: queryKeys.reviewComments(token, postId) }),
  });
}
