import type { Role } from '../accounts/account.ts';
import type { Actor } from '../audit/audit.ts';
import { ForbiddenError } from '../shared/errors.ts';

export const reviewLevels = ['organisation', 'partnership', 'ics'] as const;
export type ReviewLevel = (typeof reviewLevels)[number];

export const reviewLevelLabels: Record<ReviewLevel, string> = {
  organisation: 'Individual organisation',
  partnership: 'Partnership (two or more organisations)',
  ics: 'Integrated care system-wide',
};

export type ReviewStatus = 'open' | 'closed';

export interface Review {
  id: string;
  organisationId: string | null;
  frameworkId: string;
  yearLabel: string;
  level: ReviewLevel;
  icsName: string;
  sponsorName: string;
  leadUserId: string | null;
  leadName: string;
  partnerOrganisations: string;
  servicesReviewed: string[];
  status: ReviewStatus;
  gradesReleased: boolean;
  dateAuthorised: string | null;
  thirdPartyTradeUnion: string;
  thirdPartyPeerReviewers: string;
  publishedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DomainPlan {
  groupCode: string;
  stage: string;
  deadline: string | null;
}

export interface ReviewOutcome {
  outcomeCode: string;
  owner: string;
  consensus: { score: number; agreedBy: string; rationale: string; recordedAt: string } | null;
}

/** The person acting, with what the EDS services need to scope their work to an organisation. */
export interface EdsUser extends Actor {
  id: string;
  role: Role;
  organisationId: string | null;
}

/** Staff manage the reviews of their own organisation; administrators manage every review. */
export function assertManages(user: EdsUser, review: Pick<Review, 'organisationId'>): void {
  if (user.role === 'admin') return;
  if (review.organisationId !== null && review.organisationId !== user.organisationId) {
    throw new ForbiddenError('This review belongs to another organisation');
  }
}

export class ClosedReviewError extends ForbiddenError {}

export function assertOpen(review: Pick<Review, 'status'>): void {
  if (review.status !== 'open') throw new ClosedReviewError('This review is closed');
}

export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}
