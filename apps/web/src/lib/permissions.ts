import { hasRole, ROLES, type Role } from '@postplan/contracts';

type PostOwnership = { authorId: string };

/** The UI mirrors the API's role rules so people are not offered what will be refused. */
export function canCreatePosts(role: Role): boolean {
  switch (role) {
    case 'owner':
    case 'admin':
    case 'editor':
    case 'author':
      return true;
    case 'viewer':
      return false;
  }
}

export function canEditPost(role: Role, post: PostOwnership, userId: string): boolean {
  switch (role) {
    case 'owner':
    case 'admin':
    case 'editor':
      return true;
    case 'author':
      return post.authorId === userId;
    case 'viewer':
      return false;
  }
}

/** Owners and admins run the workspace: members, policies, links, the audit log, pauses. */
export function canManageWorkspace(role: Role): boolean {
  return hasRole(role, 'admin');
}

export function canListMembers(role: Role): boolean {
  return canManageWorkspace(role);
}

/** The roles an actor may give: only an owner makes someone an owner (the API's grant rule). */
export function grantableRoles(actor: Role): Role[] {
  if (!canManageWorkspace(actor)) return [];
  return ROLES.filter((role) => role !== 'owner' || hasRole(actor, 'owner'));
}

/** Owners and admins change and remove members; only an owner changes or removes an owner. */
export function canManageMember(actor: Role, target: Role): boolean {
  return canManageWorkspace(actor) && (target !== 'owner' || hasRole(actor, 'owner'));
}
