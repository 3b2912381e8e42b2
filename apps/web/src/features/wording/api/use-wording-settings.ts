import type { WorkspaceWordingSettings } from '@postplan/domain';
import { useMemo } from 'react';
import { useBrandRules, useWordingSettings } from '../../../lib/api/queries';

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
