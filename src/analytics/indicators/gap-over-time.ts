// Whether the gap by deprivation is closing: the slope index of inequality (SII) of each period,
// compared as Fingertips compares values over time (overlapping 95% intervals mean no significant
// change) and, from five periods, tested for a recent trend (stats/trend.ts). Worked out from a
// stored result's summaries, so results computed before this existed show it too.
import { recentTrend, TREND_POINTS, type TrendResult } from '../../stats/trend.ts';
import type { IndicatorResult } from './result.ts';

export interface GapPoint {
  period: string;
  value: number;
  lower: number;
  upper: number;
}

/** How the latest gap compares with the first: its size, whichever end it favours. */
export type GapChange = 'wider' | 'narrower' | 'reversed' | 'no significant change';

export interface GapOverTime {
  /** The SII of each period that has one with its 95% interval, oldest first. */
  points: GapPoint[];
  /** The first and the latest of those periods, compared; null with fewer than two. */
  change: { from: GapPoint; to: GapPoint; verdict: GapChange } | null;
  /** The recent-trend test of the SII; null with fewer than five periods. */
  trend: (TrendResult & { periods: string[]; gap: 'widening' | 'narrowing' | null }) | null;
}

const includesZero = (p: GapPoint): boolean => p.lower <= 0 && p.upper >= 0;

/** Fingertips' time comparison of two values: different only when their 95% intervals do not overlap. */
export function compareGaps(from: GapPoint, to: GapPoint): GapChange {
  if (from.lower <= to.upper && to.lower <= from.upper) return 'no significant change';
  if (includesZero(to)) return 'narrower';
  if (includesZero(from)) return 'wider';
  if (Math.sign(from.value) !== Math.sign(to.value)) return 'reversed';
  return Math.abs(to.value) > Math.abs(from.value) ? 'wider' : 'narrower';
}

export function gapOverTime(result: IndicatorResult): GapOverTime {
  const points = result.periods
    .filter((p) => p !== 'Not known')
    .flatMap((period): GapPoint[] => {
      const sii = result.summaries.find(
        (s) => s.period === period && s.dimension === 'imd_decile' && s.measure === 'sii',
      );
      if (!sii || sii.lower === null || sii.upper === null) return [];
      return [{ period, value: sii.value, lower: sii.lower, upper: sii.upper }];
    });
  const first = points[0];
  const latest = points.at(-1);
  const change =
    first && latest && points.length >= 2
      ? { from: first, to: latest, verdict: compareGaps(first, latest) }
      : null;
  return { points, change, trend: gapTrend(points) };
}

/**
 * The recent-trend test of a gap measured in each period (the SII, or the difference between the
 * Core20 and the rest), oldest first; null with fewer than five periods.
 */
export function gapTrend(points: GapPoint[]): GapOverTime['trend'] {
  const latest = points.at(-1);
  if (points.length < TREND_POINTS || !latest) return null;
  const tested = recentTrend(points.map((p) => ({ value: p.value, lower95: p.lower, upper95: p.upper })));
  // A significant slope away from zero, on the side the latest gap is on, widens it.
  const gap = !tested.significant
    ? null
    : Math.sign(tested.slope) === Math.sign(latest.value)
      ? 'widening'
      : 'narrowing';
  return { ...tested, periods: points.slice(-TREND_POINTS).map((p) => p.period), gap };
}
