import {
  BrandRulesCsvImportResponseSchema,
  type BrandRuleInput,
  type BrandRulesCsvImportResponse,
  type WordingSettings,
} from '@postplan/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CSRF_COOKIE, CSRF_HEADER, readCookie } from '../../../lib/api/api-client';
import { ApiError, errorFromBody } from '../../../lib/api/api-error';
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

/**
 * Sends the file's bytes as text/csv rather than text read in the browser: the server tells
 * UTF-8 from the Windows-1252 that Excel writes on German Windows, which the browser cannot.
 */
export async function uploadBrandRulesCsv(
  workspace: string,
  file: Blob,
  mode: 'replace' | 'merge',
): Promise<BrandRulesCsvImportResponse> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': 'text/csv',
  };
  const token = readCookie(CSRF_COOKIE);
  if (token) headers[CSRF_HEADER] = token;
  const url = `${api.brandRulesCsvUrl(workspace)}?mode=${mode}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers,
      body: file,
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError(
      0,
      'NETWORK_ERROR',
      cause instanceof Error ? cause.message : 'Network error',
    );
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) throw errorFromBody(response.status, body);
  const parsed = BrandRulesCsvImportResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'INVALID_RESPONSE',
      'Unexpected response to the CSV import',
    );
  }
  return parsed.data;
}

export function useImportBrandRulesCsv(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mode }: { file: Blob; mode: 'replace' | 'merge' }) =>
      uploadBrandRulesCsv(workspace, file, mode),
    onSuccess: (result) =>
      client.setQueryData(queryKeys.brandRules(workspace), { items: result.items }),
  });
}
