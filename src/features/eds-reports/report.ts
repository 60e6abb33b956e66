import type { Evidence } from '../eds-evidence/evidence.ts';
import { basisLabels } from '../eds-grading/agreed-grade.ts';
import type { ReviewResults } from '../eds-grading/results.ts';
import type { Objective } from '../eds-reviews/objective.ts';
import { reviewLevelLabels } from '../eds-reviews/review.ts';

/** One row of the EDS action plan (Domain | Outcome | Objective | Action | Completion date). */
export interface PlanRow {
  groupCode: string;
  outcomeCode: string;
  objective: string;
  action: string;
  owner: string;
  dueDate: string;
  status: string;
}

export interface ReportOutcome {
  code: string;
  text: string;
  evidence: string[];
  score: number | null;
  rating: string;
  basis: string;
  owner: string;
}

/**
 * The EDS report as plain data: what the web page, the spreadsheets and the published snapshot show.
 * Kept as JSON when published, so the public report never changes behind its readers.
 */
export interface EdsReport {
  reviewId: string;
  frameworkName: string;
  groupTerm: string;
  yearLabel: string;
  organisationName: string;
  sponsorName: string;
  icsName: string;
  leadName: string;
  levelLabel: string;
  partnerOrganisations: string;
  servicesReviewed: string[];
  dateCompleted: string | null;
  dateAuthorised: string | null;
  publishedAt: string | null;
  scale: { score: number; label: string }[];
  thresholds: { min: number; max: number; label: string }[];
  groups: {
    code: string;
    name: string;
    score: number;
    maximum: number;
    complete: boolean;
    thirdPartyInvolvement: boolean;
    outcomes: ReportOutcome[];
  }[];
  thirdParty: { tradeUnion: string; peerReviewers: string };
  overall: {
    total: number;
    maximum: number;
    band: string | null;
    complete: boolean;
    graded: number;
    outcomes: number;
  };
  previous: { yearLabel: string; total: number; band: string | null } | null;
  completedActions: { action: string; objective: string }[];
  objectives: { title: string; description: string; startYear: number; endYear: number }[];
  /** The span of the equality objectives the plan serves, or the review year when there are none. */
  yearsActive: string;
  actionPlan: PlanRow[];
}

export interface ReportInputs {
  results: ReviewResults;
  evidence: Evidence[];
  organisationName: string;
  previous: EdsReport['previous'];
  objectives: Objective[];
  completedActions: EdsReport['completedActions'];
  actionPlan: PlanRow[];
}

export function buildReport(inputs: ReportInputs): EdsReport {
  const { results, evidence } = inputs;
  const { review, framework, rating } = results;
  const groups = framework.groups.map((group) => {
    const groupRating = rating.groups.find((g) => g.code === group.code)!;
    return {
      code: group.code,
      name: group.name,
      score: groupRating.score,
      maximum: groupRating.maximum,
      complete: groupRating.complete,
      thirdPartyInvolvement: group.thirdPartyInvolvement,
      outcomes: results.outcomes
        .filter((o) => o.groupCode === group.code)
        .map((o) => ({
          code: o.code,
          text: o.text,
          evidence: evidence.filter((e) => e.outcomeCode === o.code).map((e) => e.title),
          score: o.agreed.score,
          rating: o.agreed.score === null ? 'Not yet graded' : (framework.scale[o.agreed.score]?.label ?? ''),
          basis: basisLabels[o.agreed.basis],
          owner: o.owner,
        })),
    };
  });
  return {
    reviewId: review.id,
    frameworkName: framework.name,
    groupTerm: framework.groupTerm,
    yearLabel: review.yearLabel,
    organisationName: inputs.organisationName,
    sponsorName: review.sponsorName,
    icsName: review.icsName,
    leadName: review.leadName,
    levelLabel: reviewLevelLabels[review.level],
    partnerOrganisations: review.partnerOrganisations,
    servicesReviewed: review.servicesReviewed,
    dateCompleted: review.closedAt,
    dateAuthorised: review.dateAuthorised,
    publishedAt: review.publishedAt,
    scale: framework.scale.map((s) => ({ score: s.score, label: s.label })),
    thresholds: framework.thresholds ?? [],
    groups,
    thirdParty: { tradeUnion: review.thirdPartyTradeUnion, peerReviewers: review.thirdPartyPeerReviewers },
    overall: { ...rating.overall },
    previous: inputs.previous,
    completedActions: inputs.completedActions,
    objectives: inputs.objectives.map((o) => ({
      title: o.title,
      description: o.description,
      startYear: o.startYear,
      endYear: o.endYear,
    })),
    actionPlan: inputs.actionPlan,
    yearsActive: yearsActive(inputs.objectives, review.yearLabel),
  };
}

function yearsActive(objectives: Objective[], fallback: string): string {
  if (objectives.length === 0) return fallback;
  const start = Math.min(...objectives.map((o) => o.startYear));
  const end = Math.max(...objectives.map((o) => o.endYear));
  return `${start} to ${end}`;
}
