import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/endpoints';
import { applyPostChange } from '../../../lib/api/queries';

/**
 * Submits a saved draft, with the version the person saw: for review, or, where the workspace's
 * policy needs none, straight to approved. Under an optional policy `requestReview` asks for one.
 */
export function useSubmitPost(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      version,
      requestReview,
    }: {
      id: string;
      version: number;
      requestReview?: boolean;
    }) => api.submitPost(workspace, id, version, requestReview),
    onSuccess: (post) => applyPostChange(client, workspace, post),
  });
}
