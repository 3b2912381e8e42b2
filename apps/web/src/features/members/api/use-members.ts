import type { AddMemberRequest, MemberList, Role } from '@postplan/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';

export function useAddMember(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AddMemberRequest) => api.addMember(workspace, body),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.members(workspace) }),
  });
}

/** A change to the signed-in person's own membership also changes what `me` says. */
export function useChangeMemberRole(workspace: string, myUserId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      api.changeMemberRole(workspace, userId, role),
    // The list shows the new role at once; the refetch below settles the rest.
    onSuccess: (changed) =>
      client.setQueryData<MemberList>(queryKeys.members(workspace), (old) =>
        old
          ? { ...old, items: old.items.map((m) => (m.userId === changed.userId ? changed : m)) }
          : old,
      ),
    onSettled: async (_data, _error, { userId }) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.members(workspace) }),
        userId === myUserId ? client.invalidateQueries({ queryKey: queryKeys.me }) : null,
      ]);
    },
  });
}

/**
 * After leaving the workspace its list can no longer be read: it is only marked stale, and
 * `me` is read anew (awaited, so whoever navigates next sees the workspaces that remain).
 */
export function useRemoveMember(workspace: string, myUserId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.removeMember(workspace, userId),
    onSettled: async (_data, error, userId) => {
      const left = userId === myUserId && !error;
      await Promise.all([
        client.invalidateQueries({
          queryKey: queryKeys.members(workspace),
          refetchType: left ? 'none' : 'active',
        }),
        left ? client.invalidateQueries({ queryKey: queryKeys.me }) : null,
      ]);
    },
  });
}
