import type { CreateShareLinkRequest, ImportMapping } from '@postplan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';

export function useUploadImport(workspace: string) {
  return useMutation({ mutationFn: (file: File) => api.uploadImport(workspace, file) });
}

export function useDryRun(workspace: string) {
  return useMutation({
    mutationFn: ({ id, mapping }: { id: string; mapping: ImportMapping }) =>
      api.importDryRun(workspace, id, mapping),
  });
}

export function useRunImport(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, mapping }: { id: string; mapping: ImportMapping }) =>
      api.importRun(workspace, id, mapping),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.posts(workspace) }),
  });
}

/** The job's progress, polled while the import runs. */
export function useImportProgress(workspace: string, id: string | null, running: boolean) {
  return useQuery({
    queryKey: queryKeys.importJob(workspace, id ?? ''),
    queryFn: () => api.importJob(workspace, id!),
    enabled: Boolean(id) && running,
    refetchInterval: running ? 500 : false,
  });
}

export function useShareLinks(workspace: string) {
  return useQuery({
    queryKey: queryKeys.shareLinks(workspace),
    queryFn: () => api.shareLinks(workspace),
  });
}

export function useCreateShareLink(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateShareLinkRequest) => api.createShareLink(workspace, body),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.shareLinks(workspace) }),
  });
}

export function useRevokeShareLink(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.revokeShareLink(workspace, id),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.shareLinks(workspace) }),
  });
}

export function useSharedPlan(token: string) {
  return useQuery({
    queryKey: queryKeys.sharedPlan(token),
    queryFn: () => api.sharedPlan(token),
    retry: false,
  });
}

export function useSharedPosts(token: string, enabled: boolean) {
  const query = {};
  return useQuery({
    queryKey: queryKeys.sharedPosts(token, query),
    queryFn: () => api.sharedPosts(token, query),
    enabled,
    retry: false,
  });
}

export function useUnlockSharedPlan(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api.sharedUnlock(token, password),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.sharedPlan(token) }),
  });
}
