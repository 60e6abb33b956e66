// The recent trend of an indicator's overall value (stats/trend.ts, the Fingertips method): counts
// for proportions, values and 95% limits otherwise. Only periods whose overall value is published
// (not suppressed) take part.
import { recentTrend, recentTrendForProportions, TREND_POINTS } from '../../stats/trend.ts';
import type { GroupEstimate, PublishedRow, TrendSummary } from './result.ts';
import type { IndicatorDefinition } from './schema.ts';

export function trendFor(
  indicator: IndicatorDefinition,
  periods: string[],
  estimates: GroupEstimate[],
  rows: PublishedRow[],
): TrendSummary {
  const shown = new Set(
    rows.filter((r) => r.dimension === 'overall' && r.value !== null).map((r) => r.period),
  );
  const points = periods
    .filter((p) => p !== 'Not known' && shown.has(p))
    .map((period) => estimates.find((e) => e.period === period && e.dimension === 'overall'))
    .filter((e): e is GroupEstimate => e !== undefined);
  const proportion = indicator.statistic === 'proportion';
  const result = proportion
    ? recentTrendForProportions(points.map((e) => ({ count: e.numerator, denominator: e.denominator })))
    : recentTrend(points);
  return {
    marker: result.marker,
    chiSquare: Number.isFinite(result.chiSquare) ? result.chiSquare : null,
    periods: result.pointsUsed ? points.slice(-TREND_POINTS).map((e) => e.period) : [],
    method: proportion
      ? 'Chi-square test for trend in proportions (Fingertips recent trend, 99.8%)'
      : 'Weighted least-squares chi-square test for trend (Fingertips recent trend, 99.8%)',
    message: result.message,
  };
}
