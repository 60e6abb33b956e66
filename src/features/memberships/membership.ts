import type { OrganisationKind } from '../organisations/organisation.ts';

export const applicationStatuses = ['pending', 'approved', 'declined'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  pending: 'Waiting for review',
  approved: 'Approved',
  declined: 'Declined',
};

/** Kinds a group can choose when applying: everything but the trust itself. */
export const memberKinds = [
  'community_group',
  'vcse',
  'faith_group',
  'healthwatch',
  'statutory',
  'other',
] as const satisfies readonly OrganisationKind[];

export interface MembershipApplication {
  id: string;
  organisationName: string;
  kind: OrganisationKind;
  charityNumber: string | null;
  companyNumber: string | null;
  website: string | null;
  description: string;
  communities: string[];
  places: string | null;
  languages: string | null;
  contactName: string;
  contactRole: string;
  contactEmail: string;
  contactPhone: string | null;
  listedPublicly: boolean;
  status: ApplicationStatus;
  decisionReason: string | null;
  organisationId: string | null;
  decidedAt: string | null;
  createdAt: string;
}
