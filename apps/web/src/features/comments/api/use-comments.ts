import type {
  CommentThread,
  CommentThreadList,
  CreateCommentRequest,
  PostDetail,
  UpdateCommentRequest,
} from '@postplan/contracts';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';
import { applyPostChange } from '../../../lib/api/queries';

export function useCommentThreads(workspace: string, postId: string) {
  return useQuery({
    queryKey: queryKeys.comments(workspace, postId),
    queryFn: () => api.comments(workspace, postId),
  });
}

/** Shows the thread the server returned at once, then refetches so anchors are placed again. */
async function applyThread(
  client: QueryClient,
  workspace: string,
  postId: string,
  thread: CommentThread | null,
) {
  const key = queryKeys.comments(workspace, postId);
  if (thread) {
    client.setQueryData<CommentThreadList>(key, (old) => {
      if (!old) return old;
      const known = old.items.some((t) => t.id === thread.id);
      return {
        ...old,
        items: known
          ? old.items.map((t) => (t.id === thread.id ? thread : t))
          : [...old.items, thread],
      };
    });
  }
  await client.invalidateQueries({ queryKey: key });
}

export function useCommentMutations(workspace: string, postId: string) {
  const client = useQueryClient();
  const settle = (thread: CommentThread | null) => applyThread(client, workspace, postId, thread);

  const create = useMutation({
    mutationFn: (body: CreateCommentRequest) => api.createComment(workspace, postId, body),
    onSuccess: settle,
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateCommentRequest }) =>
      api.updateComment(workspace, postId, id, body),
    onSuccess: settle,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.deleteComment(workspace, postId, id),
    onSuccess: () => settle(null),
  });
  const act = useMutation({
    mutationFn: ({
      id,
      action,
    }: {
      id: string;
      action: 'resolve' | 'reopen' | 'dismiss-suggestion';
    }) => api.commentAction(workspace, postId, id, action),
    onSuccess: settle,
  });
  const accept = useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.acceptSuggestion(workspace, postId, id, version),
    onSuccess: async (result: { thread: CommentThread; post: PostDetail }) => {
      await Promise.all([
        applyPostChange(client, workspace, result.post),
        applyThread(client, workspace, postId, result.thread),
      ]);
    },
  });
  return { create, update, remove, act, accept };
}
