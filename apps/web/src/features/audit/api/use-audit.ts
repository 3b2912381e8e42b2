import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { QueryValue } from '../../../lib/api/api-client';
import { api, queryKeys } from '../../../lib/api/endpoints';

export function usePostHistory(workspace: string, postId: string) {
  return useQuery({
    queryKey: queryKeys.postHistory(workspace, postId),
    queryFn: () => api.postHistory(workspace, postId),
  });
}

/** The workspace's log page by page: each page's `nextCursor` asks for the entries before it. */
export function useAuditLog(
  workspace: string,
  filters: Record<string, QueryValue>,
  enabled = true,
) {
  return useInfiniteQuery({
    queryKey: queryKeys.audit(workspace, filters),
    queryFn: ({ pageParam }) =>
      api.audit(workspace, { ...filters, limit: 50, ...(pageParam ? { before: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
}
