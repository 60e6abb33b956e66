// Fingertips-style comparison of an area's value with a benchmark (e.g. England), following
// fingertips-open PholioVisualisationWS/Analysis/SingleOverlappingCIsFor{One,Two}CILevel(s)Comparer.cs:
// the benchmark's own interval is ignored; the area is "similar" when the benchmark value lies inside
// the area's confidence interval (limits inclusive).

export type Polarity = 'high-is-good' | 'low-is-good' | 'no-judgement';

/** "higher"/"lower" replace "better"/"worse" when the polarity makes no judgement (Fingertips' blue). */
export type ComparisonOutcome = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'not compared';

export interface Estimate {
  value: number;
  lower: number;
  upper: number;
}

export interface TwoLevelEstimate {
  value: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

export interface TwoLevelComparison {
  at95: ComparisonOutcome;
  at998: ComparisonOutcome;
}

const isFiniteNumber = (v: number): boolean => Number.isFinite(v);

function direction(higher: boolean, polarity: Polarity): ComparisonOutcome {
  if (polarity === 'no-judgement') return higher ? 'higher' : 'lower';
  return higher === (polarity === 'high-is-good') ? 'better' : 'worse';
}

/**
 * Compares the area with the benchmark at one confidence level. "not compared" when the value, a limit
 * or the benchmark is missing.
 */
export function compareWithBenchmark(
  area: Estimate,
  benchmark: number,
  polarity: Polarity,
): ComparisonOutcome {
  if (![area.value, area.lower, area.upper, benchmark].every(isFiniteNumber)) return 'not compared';
  if (benchmark >= area.lower && benchmark <= area.upper) return 'similar';
  return direction(area.value >= benchmark, polarity);
}

/**
 * Compares two estimates by both their intervals (Fingertips' DoubleOverlappingCIsComparer, used
 * between two areas or two periods): "similar" when the intervals overlap, limits inclusive, else
 * `first` is better or worse than `second` by the direction and the polarity. "not compared" when a
 * value or a limit is missing.
 */
export function compareIntervals(first: Estimate, second: Estimate, polarity: Polarity): ComparisonOutcome {
  const numbers = [first.value, first.lower, first.upper, second.value, second.lower, second.upper];
  if (!numbers.every(isFiniteNumber)) return 'not compared';
  const [low, high] = first.value < second.value ? [first, second] : [second, first];
  if (high.lower <= low.upper) return 'similar';
  return direction(first.value > second.value, polarity);
}

/** The outcome at 95% and at 99.8% (outside 99.8% is Fingertips' "best"/"worst"). */
export function compareAtBothLevels(
  area: TwoLevelEstimate,
  benchmark: number,
  polarity: Polarity,
): TwoLevelComparison {
  return {
    at95: compareWithBenchmark(
      { value: area.value, lower: area.lower95, upper: area.upper95 },
      benchmark,
      polarity,
    ),
    at998: compareWithBenchmark(
      { value: area.value, lower: area.lower998, upper: area.upper998 },
      benchmark,
      polarity,
    ),
  };
}

/** Compares many areas at one level; arrays are parallel. */
export function compareAll(
  areas: { value: ArrayLike<number>; lower: ArrayLike<number>; upper: ArrayLike<number> },
  benchmark: number,
  polarity: Polarity,
): ComparisonOutcome[] {
  const outcomes: ComparisonOutcome[] = [];
  for (let i = 0; i < areas.value.length; i++) {
    const area = {
      value: areas.value[i] as number,
      lower: areas.lower[i] as number,
      upper: areas.upper[i] as number,
    };
    outcomes.push(compareWithBenchmark(area, benchmark, polarity));
  }
  return outcomes;
}
