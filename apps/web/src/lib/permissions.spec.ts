import { describe, expect, it } from '@jest/globals';
import {
  canCreatePosts,
  canEditPost,
  canListMembers,
  canManageMember,
  grantableRoles,
} from './permissions';

describe('role rules in the UI', () => {
  const mine = { authorId: 'me' };
  const theirs = { authorId: 'someone-else' };

  it('lets every role but viewer create posts', () => {
    expect(canCreatePosts('viewer')).toBe(false);
    for (const role of ['owner', 'admin', 'editor', 'author'] as const)
      expect(canCreatePosts(role)).toBe(true);
  });

  it('lets authors edit only their own posts, editors and above all, viewers none', () => {
    expect(canEditPost('author', mine, 'me')).toBe(true);
    expect(canEditPost('author', theirs, 'me')).toBe(false);
    expect(canEditPost('editor', theirs, 'me')).toBe(true);
    expect(canEditPost('owner', theirs, 'me')).toBe(true);
    expect(canEditPost('viewer', mine, 'me')).toBe(false);
  });

  it('shows the member list to owners and admins only', () => {
    expect(canListMembers('admin')).toBe(true);
    expect(canListMembers('editor')).toBe(false);
  });

  it('lets only an owner make, change or remove an owner', () => {
    expect(grantableRoles('owner')).toEqual(['owner', 'admin', 'editor', 'author', 'viewer']);
    expect(grantableRoles('admin')).toEqual(['admin', 'editor', 'author', 'viewer']);
    expect(grantableRoles('editor')).toEqual([]);
    expect(canManageMember('owner', 'owner')).toBe(true);
    expect(canManageMember('admin', 'owner')).toBe(false);
    expect(canManageMember('admin', 'admin')).toBe(true);
    expect(canManageMember('editor', 'viewer')).toBe(false);
  });
});
