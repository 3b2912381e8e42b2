import {
  PublicationListSchema,
  PublicationLogSchema,
  PublicationSchema,
  type ConfirmPublicationRequest,
  type PublicationList,
} from '@postplan/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type QueryValue } from '../../../lib/api/api-client';
import { queryKeys } from '../../../lib/api/endpoints';
import { refreshInterval } from '../utils/publication-actions';

const ws = (workspace: string) => `/v1/workspaces/${encodeURIComponent(workspace)}`;

export const publicationsApi = {
  forPost: (workspace: string, postId: string) =>
    apiRequest(`${ws(workspace)}/posts/${postId}/publications`, { schema: PublicationListSchema }),
  log: (workspace: string, query: Record<string, QueryValue>) =>
    apiRequest(`${ws(workspace)}/publications`, { query, schema: PublicationLogSchema }),
  confirm: (workspace: string, id: string, body: ConfirmPublicationRequest) =>
    apiRequest(`${ws(workspace)}/publications/${id}/confirm`, {
      method: 'POST',
      body,
      schema: PublicationSchema,
    }),
  act: (workspace: string, id: string, action: 'retry' | 'publish-again' | 'skip') =>
    apiRequest(`${ws(workspace)}/publications/${id}/${action}`, {
      method: 'POST',
      body: {},
      schema: PublicationSchema,
    }),
  publishNow: (workspace: string, postId: string, version: number) =>
    apiRequest(`${ws(workspace)}/posts/${postId}/publish-now`, {
      method: 'POST',
      body: { version },
      schema: PublicationListSchema,
    }),
};

/**
 * Under the post's keys, so every saved change of the post refreshes its publications too; the
 * workspace log lives beside the posts, since a publication's change touches both.
 */
export const publicationKeys = {
  forPost: (workspace: string, postId: string) =>
    [...queryKeys.posts(workspace), 'publications', postId] as const,
  log: (workspace: string, query: Record<string, QueryValue>) =>
    ['workspaces', workspace, 'publication-log', query] as const,
  allLogs: (workspace: string) => ['workspaces', workspace, 'publication-log'] as const,
};

/** A post's publications, asked again every second while one is about to go out. */
export function usePostPublications(workspace: string, postId: string) {
  return useQuery({
    queryKey: publicationKeys.forPost(workspace, postId),
    queryFn: () => publicationsApi.forPost(workspace, postId),
    refetchInterval: (query) => {
      const data: PublicationList | undefined = query.state.data;
      return data ? refreshInterval(data.items, Date.now()) : false;
    },
  });
}

/** The workspace's publishing log, newest first, page by page. */
export function usePublicationLog(
  workspace: string,
  filters: Record<string, QueryValue>,
  enabled = true,
) {
  return useInfiniteQuery({
    queryKey: publicationKeys.log(workspace, filters),
    queryFn: ({ pageParam }) =>
      publicationsApi.log(workspace, { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
  });
}

export type PublicationMutation =
  | { kind: 'confirm'; id: string; body: ConfirmPublicationRequest }
  | { kind: 'retry' | 'publish-again' | 'skip'; id: string };

/**
 * One decision about a publication. Afterwards the post's publications, the calendar (which
 * shows their status) and the log are asked again.
 */
export function usePublicationAction(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PublicationMutation) =>
      input.kind === 'confirm'
        ? publicationsApi.confirm(workspace, input.id, input.body)
        : publicationsApi.act(workspace, input.id, input.kind),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.posts(workspace) }),
        client.invalidateQueries({ queryKey: publicationKeys.allLogs(workspace) }),
      ]),
  });
}

export function usePublishNow(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, version }: { postId: string; version: number }) =>
      publicationsApi.publishNow(workspace, postId, version),
    onSuccess: (list, { postId }) =>
      client.setQueryData(publicationKeys.forPost(workspace, postId), list),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.posts(workspace) }),
        client.invalidateQueries({ queryKey: publicationKeys.allLogs(workspace) }),
      ]),
  });
}
