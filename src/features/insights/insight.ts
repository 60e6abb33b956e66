import type { Role } from '../accounts/account.ts';

export const insightStatuses = [
  'new',
  'under_review',
  'discussed',
  'action_agreed',
  'no_action',
  'closed',
] as const;
export type InsightStatus = (typeof insightStatuses)[number];

export const insightStatusLabels: Record<InsightStatus, string> = {
  new: 'New',
  under_review: 'Under review',
  discussed: 'Discussed by the partnership',
  action_agreed: 'Action agreed',
  no_action: 'No action',
  closed: 'Closed',
};

/** The triage path: new → under review → discussed → action agreed | no action → closed. */
export const insightTransitions: Record<InsightStatus, readonly InsightStatus[]> = {
  new: ['under_review', 'no_action'],
  under_review: ['discussed', 'action_agreed', 'no_action'],
  discussed: ['action_agreed', 'no_action', 'under_review'],
  action_agreed: ['closed', 'discussed'],
  no_action: ['closed', 'under_review'],
  closed: ['under_review'],
};

export function canMove(from: InsightStatus, to: InsightStatus): boolean {
  return from === to || insightTransitions[from].includes(to);
}

export const peopleAffectedOptions = ['few', 'some', 'many', 'very_many', 'unknown'] as const;
export type PeopleAffected = (typeof peopleAffectedOptions)[number];

export const peopleAffectedLabels: Record<PeopleAffected, string> = {
  few: 'A few people (up to 10)',
  some: 'Some people (11 to 50)',
  many: 'Many people (51 to 200)',
  very_many: 'A large number (more than 200)',
  unknown: 'Not sure',
};

export type InsightSource = 'member' | 'public' | 'staff';

export const insightSourceLabels: Record<InsightSource, string> = {
  member: 'Partnership member',
  public: 'Member of the public',
  staff: 'Trust staff',
};

export interface Theme {
  id: string;
  name: string;
  description: string | null;
  active: boolean;
}

export interface InsightItem {
  id: string;
  reference: string;
  title: string;
  description: string;
  service: string | null;
  place: string | null;
  peopleAffected: PeopleAffected;
  evidence: string | null;
  source: InsightSource;
  organisationId: string | null;
  organisationName: string | null;
  submittedBy: string | null;
  wantsReply: boolean;
  replyName: string | null;
  replyEmail: string | null;
  status: InsightStatus;
  noActionReason: string | null;
  triageNote: string | null;
  publicSummary: string | null;
  publishable: boolean;
  statusChangedAt: string;
  createdAt: string;
  updatedAt: string;
  themes: Theme[];
  communities: string[];
}

export interface InsightFilter {
  status?: InsightStatus | undefined;
  themeId?: string | undefined;
  community?: string | undefined;
  organisationId?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
}

export const insightPageSize = 25;

/** Who is looking: members are scoped to their own organisation's submissions. */
export interface InsightViewer {
  id: string;
  name: string;
  role: Role;
  organisationId: string | null;
}

/** A short reference people can quote on the phone or in a meeting. */
export function referenceOf(id: string): string {
  return `HEP-${id.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
}

export function seesAllInsight(viewer: InsightViewer): boolean {
  return viewer.role === 'staff' || viewer.role === 'admin';
}
