import type { WorkspaceWordingSettings } from '@postplan/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, queryKeys } from '../../../lib/api/endpoints';

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

/**
 * The workspace's settings as the engine takes them, fetched once per editor session. Until they
 * arrive, or if they cannot be loaded, the engine's defaults apply: the server checks again with
 * the real settings on submit, so nothing gets through that should not.
 */
export function useEngineSettings(workspace: string): WorkspaceWordingSettings | undefined {
  const settings = useWordingSettings(workspace).data;
  const brandRules = useBrandRules(workspace).data;
  return useMemo(() => {
    if (!settings && !brandRules) return undefined;
    return {
      ...settings?.settings,
      ...(brandRules ? { brandRules: brandRules.items } : {}),
    };
  }, [settings, brandRules]);
}
