import type { AddMemberRequest, MemberList, Role } from '@postplan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../../lib/api/endpoints';

export function useInvite(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AddMemberRequest) => api.invite(workspace, body),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.invitations(workspace) }),
  });
}

/** Pending invitations: only owners and admins may read them. */
export function useInvitations(workspace: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.invitations(workspace),
    queryFn: () => api.invitations(workspace),
    enabled,
  });
}

export function useRevokeInvitation(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.revokeInvitation(workspace, id),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.invitations(workspace) }),
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
