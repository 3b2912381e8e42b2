import type { CreateCampaignRequest, UpdateCampaignRequest } from '@postplan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';

export function useCampaignList(workspace: string) {
  return useQuery({
    queryKey: queryKeys.campaigns(workspace),
    queryFn: () => api.campaigns(workspace),
  });
}

export function useCampaign(workspace: string, id: string) {
  return useQuery({
    queryKey: queryKeys.campaign(workspace, id),
    queryFn: () => api.campaign(workspace, id),
  });
}

export function useCreateCampaign(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCampaignRequest) => api.createCampaign(workspace, body),
    onSuccess: (created) => {
      client.setQueryData(queryKeys.campaign(workspace, created.id), created);
      return client.invalidateQueries({ queryKey: queryKeys.campaigns(workspace) });
    },
  });
}

export type CampaignChange = { version: number; body: Omit<UpdateCampaignRequest, 'version'> };

/** A saved change may retag the campaign's posts (new UTM defaults): the calendar reloads too. */
export function useUpdateCampaign(workspace: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: CampaignChange) =>
      api.updateCampaign(workspace, id, version, body),
    onSuccess: async (saved) => {
      client.setQueryData(queryKeys.campaign(workspace, id), saved);
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.campaigns(workspace), exact: true }),
        client.invalidateQueries({ queryKey: queryKeys.posts(workspace) }),
      ]);
    },
  });
}

export function useDeleteCampaign(workspace: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.deleteCampaign(workspace, id, version),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.campaigns(workspace) }),
  });
}
