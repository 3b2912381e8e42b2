import type { Campaign, Channel, Post, PostList } from '@postplan/contracts';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, queryKeys } from './endpoints';

export function useChannels(workspace: string) {
  const query = useQuery({
    queryKey: queryKeys.channels(workspace),
    queryFn: () => api.channels(workspace),
    staleTime: 5 * 60_000,
  });
  const items = query.data?.items;
  const byId = useMemo(
    () => new Map<string, Channel>((items ?? []).map((c) => [c.id, c])),
    [items],
  );
  return { ...query, channels: items ?? [], channelsById: byId };
}

/** The workspace's campaigns: the calendar's filter, the editor's choice, the campaign pages. */
export function useCampaigns(workspace: string) {
  const query = useQuery({
    queryKey: queryKeys.campaigns(workspace),
    queryFn: () => api.campaigns(workspace),
    staleTime: 60_000,
  });
  const items = query.data?.items;
  const byId = useMemo(
    () => new Map<string, Campaign>((items ?? []).map((c) => [c.id, c])),
    [items],
  );
  return { ...query, campaigns: items ?? [], campaignsById: byId };
}

export function useMembers(workspace: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.members(workspace),
    queryFn: () => api.members(workspace),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** The workspace's wording settings: read by the editor's review and the settings page. */
export function useWordingSettings(workspace: string) {
  return useQuery({
    queryKey: queryKeys.wordingSettings(workspace),
    queryFn: () => api.wordingSettings(workspace),
    staleTime: 5 * 60_000,
  });
}

export function useBrandRules(workspace: string) {
  return useQuery({
    queryKey: queryKeys.brandRules(workspace),
    queryFn: () => api.brandRules(workspace),
    staleTime: 5 * 60_000,
  });
}

function isPostList(value: unknown): value is PostList {
  return typeof value === 'object' && value !== null && Array.isArray((value as PostList).items);
}

/**
 * Puts a post the server just returned into every cached list and detail, so the screen agrees
 * with the server at once; the refetch that follows settles what belongs in which range.
 */
export async function applyPostChange(
  client: QueryClient,
  workspace: string,
  post: Post,
  options: { removed?: boolean } = {},
) {
  client.setQueriesData({ queryKey: queryKeys.posts(workspace) }, (old: unknown) => {
    if (isPostList(old)) {
      const items = options.removed
        ? old.items.filter((p) => p.id !== post.id)
        : old.items.map((p) => (p.id === post.id ? post : p));
      return { ...old, items };
    }
    return old;
  });
  if (!options.removed) client.setQueryData(queryKeys.post(workspace, post.id), post);
  await client.invalidateQueries({ queryKey: queryKeys.posts(workspace) });
}
