import type { BrandRuleInput, WordingSettings } from '@postplan/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';

export function useSaveWordingSettings(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ settings, version }: { settings: WordingSettings; version: number }) =>
      api.updateWordingSettings(workspace, settings, version),
    onSuccess: (saved) => client.setQueryData(queryKeys.wordingSettings(workspace), saved),
  });
}

/** Reads the settings anew (after someone else changed them) and keeps them in the cache. */
export function useReloadWordingSettings(workspace: string) {
  const client = useQueryClient();
  return () =>
    client.fetchQuery({
      queryKey: queryKeys.wordingSettings(workspace),
      queryFn: () => api.wordingSettings(workspace),
      staleTime: 0,
    });
}

export function useSaveBrandRules(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (items: BrandRuleInput[]) => api.replaceBrandRules(workspace, { items }),
    onSuccess: (saved) => client.setQueryData(queryKeys.brandRules(workspace), saved),
  });
}

export function useImportBrandRulesCsv(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mode }: { file: Blob; mode: 'replace' | 'merge' }) =>
      api.importBrandRulesCsv(workspace, file, mode),
    onSuccess: (result) =>
      client.setQueryData(queryKeys.brandRules(workspace), { items: result.items }),
  });
}
