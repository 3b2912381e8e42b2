import type { Post } from '@postplan/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys, api } from '../../../lib/api/endpoints';
import { applyPostChange } from '../../../lib/api/queries';
import { ideasQuery, rangeQuery, type PostFilters, type VisibleRange } from '../utils/post-filters';

export function useRangePosts(workspace: string, range: VisibleRange | null, filters: PostFilters) {
  const query = range ? rangeQuery(range, filters) : {};
  return useQuery({
    queryKey: queryKeys.postList(workspace, query),
    queryFn: ({ signal }) => api.posts(workspace, query, signal),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}

export function useIdeas(workspace: string, filters: PostFilters) {
  const query = ideasQuery(filters);
  return useQuery({
    queryKey: queryKeys.postList(workspace, query),
    queryFn: ({ signal }) => api.posts(workspace, query, signal),
  });
}

export type MoveVariables = { post: Post; version: number; plannedAt: string };

export function useMovePost(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ post, version, plannedAt }: MoveVariables) =>
      api.updatePost(workspace, post.id, version, { plannedAt }),
    onSuccess: (updated) => applyPostChange(client, workspace, updated),
    onError: () => client.invalidateQueries({ queryKey: queryKeys.posts(workspace) }),
  });
}
