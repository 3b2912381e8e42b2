import type { QueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/endpoints';
import { applyPostChange } from '../../../lib/api/queries';

/**
 * Undo of a delete. A plain function rather than a mutation hook: the toast that offers it
 * outlives the editor panel that deleted the post.
 */
export async function restorePost(client: QueryClient, workspace: string, id: string) {
  const post = await api.restorePost(workspace, id);
  await applyPostChange(client, workspace, post);
  return post;
}
