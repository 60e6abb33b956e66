/**
 * The agreed grade of one outcome, from the grades people gave it. See docs/methods/eds-rating.md.
 *
 * Local interests (patients, community and voluntary groups, Healthwatch, staff networks, trade
 * unions, peer reviewers) and the organisation (its staff and internal leads) each have a view:
 * the lower median of their grades. Where the views differ, the local interests' view prevails. A
 * consensus recorded by the EDS lead at a grading meeting overrides both.
 */
export type Perspective = 'local_interest' | 'organisation';

export interface GivenGrade {
  score: number;
  perspective: Perspective;
}

export interface Consensus {
  score: number;
  agreedBy: string;
  rationale: string;
}

export type AgreedBasis =
  | 'consensus'
  | 'agreed'
  | 'local_interests_prevail'
  | 'local_interests_only'
  | 'organisation_only'
  | 'not_graded';

export interface AgreedGrade {
  score: number | null;
  basis: AgreedBasis;
  localInterests: number | null;
  organisation: number | null;
}

export const basisLabels: Record<AgreedBasis, string> = {
  consensus: 'Consensus recorded at a grading meeting',
  agreed: 'Local interests and the organisation agree',
  local_interests_prevail: 'Local interests and the organisation differ: the local interests’ grade prevails',
  local_interests_only: 'Graded by local interests only',
  organisation_only: 'Graded by the organisation only: no local interest has graded it yet',
  not_graded: 'Not yet graded',
};

/**
 * The lower median: the middle grade, or with an even number of grades the lower of the two middle
 * ones. It is always a grade somebody gave, one outlier cannot move it, and a tie goes to the more
 * cautious grade, since the EDS is not a self-assessment.
 */
export function lowerMedian(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const sorted = [...scores].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

export function agreedGrade(grades: readonly GivenGrade[], consensus: Consensus | null): AgreedGrade {
  const localInterests = lowerMedian(
    grades.filter((g) => g.perspective === 'local_interest').map((g) => g.score),
  );
  const organisation = lowerMedian(
    grades.filter((g) => g.perspective === 'organisation').map((g) => g.score),
  );
  const views = { localInterests, organisation };
  if (consensus) return { score: consensus.score, basis: 'consensus', ...views };
  if (localInterests === null && organisation === null) return { score: null, basis: 'not_graded', ...views };
  if (localInterests === null) return { score: organisation, basis: 'organisation_only', ...views };
  if (organisation === null) return { score: localInterests, basis: 'local_interests_only', ...views };
  const basis = localInterests === organisation ? 'agreed' : 'local_interests_prevail';
  return { score: localInterests, basis, ...views };
}

/** How many people gave each grade, for the spread shown per outcome. */
export function spreadOf(scores: readonly number[], maximum: number): number[] {
  const counts = Array.from({ length: maximum + 1 }, () => 0);
  for (const score of scores) if (score >= 0 && score <= maximum) counts[score]! += 1;
  return counts;
}
