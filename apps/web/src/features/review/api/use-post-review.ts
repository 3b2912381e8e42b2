import {
  PostSchema,
  type Post,
  type PostDetail,
  type TransitionRequest,
} from '@postplan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  api,
  queryKeys,
  type DiffQuery,
  type ReviewTransitionPath,
} from '../../../lib/api/endpoints';
import { applyPostChange } from '../../../lib/api/queries';

/** The post as the calendar knows it: without the review fields. */
export function toPost(detail: PostDetail): Post {
  return PostSchema.parse(detail);
}

export function usePostDetail(workspace: string, id: string) {
  return useQuery({
    queryKey: queryKeys.postDetail(workspace, id),
    queryFn: () => api.postDetail(workspace, id),
  });
}

export type ReviewActionInput = {
  id: string;
  action: ReviewTransitionPath;
  body: TransitionRequest;
};

/**
 * One editorial transition. The answer is the post with its new review state: it replaces the
 * cached detail at once and refreshes every list the post appears in (calendar, queue).
 */
export function useReviewAction(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: ReviewActionInput) =>
      api.reviewTransition(workspace, id, action, body),
    onSuccess: async (detail) => {
      client.setQueryData(queryKeys.postDetail(workspace, detail.id), detail);
      await applyPostChange(client, workspace, toPost(detail));
    },
  });
}

export function useRevisions(workspace: string, id: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.revisions(workspace, id),
    queryFn: () => api.revisions(workspace, id),
    enabled,
  });
}

export function usePostDiff(workspace: string, id: string, query: DiffQuery | null) {
  return useQuery({
    queryKey: queryKeys.postDiff(workspace, id, query ?? { since: 'last_round' }),
    queryFn: () => api.postDiff(workspace, id, query!),
    enabled: query !== null,
  });
}
