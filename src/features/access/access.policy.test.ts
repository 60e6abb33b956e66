import { describe, expect, it } from 'vitest';
import { roles } from '../accounts/account.ts';
import { can, permissions, type Permission } from './access.policy.ts';

describe('access policy', () => {
  it('gives anonymous visitors no permission', () => {
    for (const permission of Object.keys(permissions) as Permission[]) {
      expect(can(null, permission)).toBe(false);
    }
  });

  it('keeps account administration and the audit log to administrators', () => {
    for (const role of roles) {
      const viewer = { id: 'x', role };
      expect(can(viewer, 'audit:read')).toBe(role === 'admin');
      expect(can(viewer, 'users:invite')).toBe(role === 'admin');
      expect(can(viewer, 'users:edit')).toBe(role === 'admin');
      expect(can(viewer, 'dashboard:view')).toBe(true);
    }
  });

  it('lets only staff and administrators remove analytics datasets', () => {
    for (const role of roles)
      expect(can({ id: 'x', role }, 'analytics:remove-datasets'), role).toBe(
        role === 'admin' || role === 'staff',
      );
  });
});
