import type { CreatePostRequest, Post, UpdatePostRequest } from '@postplan/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';
import { applyPostChange } from '../../../lib/api/queries';

export function useCreatePost(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePostRequest) => api.createPost(workspace, body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.posts(workspace) }),
  });
}

export function useUpdatePost(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      version,
      body,
    }: {
      id: string;
      version: number;
      body: Omit<UpdatePostRequest, 'version'>;
    }) => api.updatePost(workspace, id, version, body),
    onSuccess: (post) => applyPostChange(client, workspace, post),
  });
}

export function useDeletePost(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (post: Post) => {
      await api.deletePost(workspace, post.id, post.version);
      return post;
    },
    onSuccess: (post) => applyPostChange(client, workspace, post, { removed: true }),
  });
}
