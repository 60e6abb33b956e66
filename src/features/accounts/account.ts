export const roles = ['admin', 'staff', 'member', 'grader'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: 'Administrator',
  staff: 'Trust staff',
  member: 'Partnership member',
  grader: 'EDS grader',
};

export const roleDescriptions: Record<Role, string> = {
  admin: 'Manages accounts and settings, and can see everything staff can.',
  staff: 'Patient and community engagement team and other trust staff.',
  member: 'A representative of a community group or organisation in the partnership.',
  grader:
    'Someone from outside the partnership, such as a peer reviewer, who only grades the EDS outcomes they are invited to.',
};

export type UserStatus = 'invited' | 'active' | 'disabled';

export interface User {
  id: string;
  email: string;
  name: string;
  organisationId: string | null;
  organisationName: string | null;
  role: Role;
  status: UserStatus;
  lastSignedInAt: string | null;
  createdAt: string;
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Email addresses are compared without regard to case or surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** After this many wrong passwords in a row the account is locked for a while. */
export const maxFailedSignIns = 5;

/** Each further lock doubles, from 15 minutes up to a day. */
export function lockMinutes(failedSignIns: number): number {
  const extra = Math.max(0, failedSignIns - maxFailedSignIns);
  return Math.min(15 * 2 ** extra, 24 * 60);
}

export const passwordMinLength = 12;
export const invitationDays = 7;
export const resetMinutes = 60;
