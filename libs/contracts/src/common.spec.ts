import { hasRole, ROLES } from './common';

describe('hasRole', () => {
  it('orders the roles owner > admin > editor > author > viewer', () => {
    expect(ROLES.filter((r) => hasRole(r, 'admin'))).toEqual(['owner', 'admin']);
    expect(ROLES.filter((r) => hasRole(r, 'editor'))).toEqual(['owner', 'admin', 'editor']);
    expect(ROLES.filter((r) => hasRole(r, 'viewer'))).toEqual(ROLES);
    expect(hasRole('author', 'editor')).toBe(false);
  });
});
