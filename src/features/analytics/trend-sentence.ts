// The recent trend of a result in one sentence, as the indicator page and the downloads give it.
import type { TrendSummary } from '../../analytics/indicators/result.ts';

/** Plain-English result of the recent-trend test, or null for results computed before it existed. */
export function trendSentence(trend: TrendSummary | undefined): string | null {
  if (!trend) return null;
  if (trend.marker === 'cannot be calculated')
    return `not tested: ${(trend.message ?? 'A trend needs 5 periods').replace(/^A /, 'a ')}.`;
  const span = `${trend.periods[0] ?? ''} to ${trend.periods.at(-1) ?? ''}`;
  const chi = trend.chiSquare === null ? '' : `, chi-square ${trend.chiSquare.toFixed(2)}`;
  const finding =
    trend.marker === 'no significant change'
      ? 'No significant change'
      : trend.marker === 'increasing'
        ? 'Increasing'
        : 'Decreasing';
  return `${finding} over ${span} (${trend.method}${chi}).`;
}
