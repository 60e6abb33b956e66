import { outcomesOf, type Framework, type Threshold } from '../eds-frameworks/framework.ts';

/**
 * Rating arithmetic: the score of each outcome, each domain's sum, and the overall total and its
 * rating band. An outcome not yet graded adds nothing (as a score of 0 would) and marks the
 * domain and the overall rating incomplete.
 */
export interface GroupRating {
  code: string;
  name: string;
  score: number;
  maximum: number;
  graded: number;
  outcomes: number;
  complete: boolean;
}

export interface OverallRating {
  total: number;
  maximum: number;
  graded: number;
  outcomes: number;
  complete: boolean;
  /** The band of the total; null when the framework has no overall rating. */
  band: string | null;
}

export interface ReviewRating {
  groups: GroupRating[];
  overall: OverallRating;
}

export function bandFor(thresholds: readonly Threshold[] | undefined, total: number): string | null {
  if (!thresholds) return null;
  return thresholds.find((t) => total >= t.min && total <= t.max)?.label ?? null;
}

export function rateReview(framework: Framework, scores: ReadonlyMap<string, number | null>): ReviewRating {
  const top = framework.scale.length - 1;
  const groups = framework.groups.map((group) => {
    const given = group.outcomes
      .map((o) => scores.get(o.code) ?? null)
      .filter((s): s is number => s !== null);
    return {
      code: group.code,
      name: group.name,
      score: given.reduce((sum, s) => sum + s, 0),
      maximum: group.outcomes.length * top,
      graded: given.length,
      outcomes: group.outcomes.length,
      complete: given.length === group.outcomes.length,
    };
  });
  const outcomes = outcomesOf(framework).length;
  const total = groups.reduce((sum, g) => sum + g.score, 0);
  const graded = groups.reduce((sum, g) => sum + g.graded, 0);
  return {
    groups,
    overall: {
      total,
      maximum: outcomes * top,
      graded,
      outcomes,
      complete: graded === outcomes,
      band: bandFor(framework.thresholds, total),
    },
  };
}
