import type { Role } from '../accounts/account.ts';

/**
 * Who may do what. Every role check in Parity goes through `can`, so this table is the whole
 * access policy; anonymous visitors have no role and may only do what is public.
 */
export const permissions = {
  'dashboard:view': ['admin', 'staff', 'member'],
  'audit:read': ['admin'],
  'users:list': ['admin'],
  'users:invite': ['admin'],
  'users:edit': ['admin'],
  'organisations:list': ['admin', 'staff', 'member'],
  'account:edit-own': ['admin', 'staff', 'member'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export interface Viewer {
  id: string;
  role: Role;
}

export function can(viewer: Viewer | null, permission: Permission): boolean {
  if (!viewer) return false;
  return (permissions[permission] as readonly Role[]).includes(viewer.role);
}
