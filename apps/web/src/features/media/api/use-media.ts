import type { UpdateMediaRequest } from '@postplan/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';

const PAGE = 40;

/** The library, newest first, page by page; `q` searches names and alt texts. */
export function useMediaLibrary(workspace: string, q: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.mediaList(workspace, q),
    queryFn: ({ pageParam }) =>
      api.mediaList(workspace, { q: q || undefined, cursor: pageParam ?? undefined, limit: PAGE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useUploadMedia(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.uploadMedia(workspace, file),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.media(workspace) }),
  });
}

export function useUpdateMedia(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateMediaRequest }) =>
      api.updateMedia(workspace, id, body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.media(workspace) }),
  });
}

export function useDeleteMedia(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteMedia(workspace, id),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.media(workspace) }),
  });
}

export function useMediaSettings(workspace: string) {
  return useQuery({
    queryKey: queryKeys.mediaSettings(workspace),
    queryFn: () => api.mediaSettings(workspace),
  });
}

export function useUpdateMediaSettings(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (altTextRequired: boolean) => api.updateMediaSettings(workspace, altTextRequired),
    onSuccess: (data) => client.setQueryData(queryKeys.mediaSettings(workspace), data),
  });
}
