import type { Role } from '../accounts/account.ts';

/**
 * Who may do what. Every role check in Parity goes through `can`, so this table is the whole
 * access policy; anonymous visitors have no role and may only do what is public.
 */
export const permissions = {
  'dashboard:view': ['admin', 'staff', 'member', 'grader'],
  'audit:read': ['admin'],
  'users:list': ['admin'],
  'users:invite': ['admin'],
  'users:edit': ['admin'],
  'organisations:list': ['admin', 'staff', 'member'],
  'account:edit-own': ['admin', 'staff', 'member', 'grader'],
  'partnership:directory': ['admin', 'staff', 'member'],
  'partnership:manage': ['admin', 'staff'],
  'insights:submit': ['admin', 'staff', 'member'],
  'insights:triage': ['admin', 'staff'],
  'insights:export': ['admin', 'staff'],
  'insights:tag': ['admin', 'staff'],
  'insights:import': ['admin', 'staff'],
  'themes:manage': ['admin'],
  'actions:manage': ['admin', 'staff'],
  'meetings:view': ['admin', 'staff', 'member'],
  'meetings:manage': ['admin', 'staff'],
  'eds:manage': ['admin', 'staff'],
  'eds:reopen': ['admin'],
  'eds:grade': ['admin', 'staff', 'member', 'grader'],
  'workforce:manage': ['admin', 'staff'],
  'analytics:manage': ['admin', 'staff'],
  // Deletes patient-level extracts and takes their published results down: its own permission, so
  // it can be narrowed without touching the rest of the analytics pages.
  'analytics:remove-datasets': ['admin', 'staff'],
  // Replaces the deprivation, places and populations every dataset's rates are worked out from.
  'analytics:geography': ['admin', 'staff'],
  'initiatives:view': ['admin', 'staff', 'member'],
  'initiatives:manage': ['admin', 'staff'],
  'initiatives:answer': ['member'],
  'outreach:record': ['admin', 'staff', 'member'],
  'outreach:manage': ['admin', 'staff'],
  'agreements:view': ['admin', 'staff', 'member'],
  'agreements:manage': ['admin', 'staff'],
  'directory:manage': ['admin', 'staff'],
  'places:manage': ['admin', 'staff'],
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
