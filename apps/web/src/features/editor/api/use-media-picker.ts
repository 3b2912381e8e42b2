import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';

/** The newest library items matching `q`, for the editor's picker (the library page pages on). */
export function usePickerMedia(workspace: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...queryKeys.mediaList(workspace, q), 'picker'],
    queryFn: () => api.mediaList(workspace, { q: q || undefined, limit: 40 }),
    enabled,
  });
}

/** Uploads a file into the library; the editor attaches what comes back. */
export function useUploadForPost(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.uploadMedia(workspace, file),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.media(workspace) }),
  });
}
