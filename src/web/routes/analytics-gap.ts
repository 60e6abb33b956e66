// "Is the gap closing?" in words, a chart and a table: the slope index of inequality by period
// (analytics/indicators/gap-over-time.ts) as the indicator page and the overview show it.
import { gapOverTime, type GapChange, type GapOverTime } from '../../analytics/indicators/gap-over-time.ts';
import type { IndicatorResult } from '../../analytics/indicators/result.ts';
import { gapChart } from '../charts/indicator-charts.ts';
import { differenceUnit, fixed, interval } from './analytics-format.ts';

const withInterval = (p: { value: number; lower: number; upper: number }): string =>
  `${fixed(p.value, 1)} (${interval(p.lower, p.upper, 1)})`;

/** The verdict of a gap's first and latest periods compared, as a sentence. */
export const verdicts: Record<GapChange, (from: string) => string> = {
  wider: (from) => `Their 95% intervals do not overlap, so the gap is wider than in ${from}.`,
  narrower: (from) => `Their 95% intervals do not overlap, so the gap is narrower than in ${from}.`,
  reversed: (from) =>
    `Their 95% intervals do not overlap, and the gap has reversed since ${from}: it now runs the other way.`,
  'no significant change': (from) =>
    `Their 95% intervals overlap, so there is no significant change in the gap since ${from}.`,
};

/** For the overview: how the latest gap compares with the first period's, as a verdict and in a few words. */
export function gapChangeOf(over: GapOverTime): { gapVerdict: GapChange | null; gapChange: string | null } {
  if (!over.change) return { gapVerdict: null, gapChange: null };
  const from = over.change.from.period;
  const short: Record<GapChange, string> = {
    wider: `Wider than in ${from}`,
    narrower: `Narrower than in ${from}`,
    reversed: `Reversed since ${from}`,
    'no significant change': `No significant change since ${from}`,
  };
  return { gapVerdict: over.change.verdict, gapChange: short[over.change.verdict] };
}

/** The recent trend of a gap (the SII, or the WHO difference, `measure`) in words. */
export function gapTrendSentence(trend: GapOverTime['trend'], measure = 'SII'): string {
  if (!trend || trend.marker === 'cannot be calculated')
    return `Recent trend of the gap: not tested, as a trend needs the ${measure} of 5 periods.`;
  const span = `${trend.periods[0] ?? ''} to ${trend.periods.at(-1) ?? ''}`;
  const finding = trend.gap ?? 'no significant change';
  return `Recent trend of the gap: ${finding} over ${span} (weighted least-squares chi-square test for trend of the ${measure}, Fingertips recent trend, 99.8%, chi-square ${trend.chiSquare.toFixed(2)}).`;
}

/** The indicator page's "Gap over time" section; null when the result has one period only. */
export function gapView(result: IndicatorResult) {
  const periods = result.periods.filter((p) => p !== 'Not known');
  if (periods.length < 2) return null;
  const over = gapOverTime(result);
  const sentences = over.change
    ? [
        `The slope index of inequality (SII) was ${withInterval(over.change.from)} in ${over.change.from.period} and ${withInterval(over.change.to)} in ${over.change.to.period}.`,
        verdicts[over.change.verdict](over.change.from.period),
        gapTrendSentence(over.trend),
      ]
    : ['The gap cannot be compared over time: it needs the SII of at least two periods.'];
  return {
    sentences,
    unit: differenceUnit(result.unit),
    chart: gapChart(result, over.points),
    rows: over.points.map((p) => ({
      period: p.period,
      value: fixed(p.value, 2),
      interval: interval(p.lower, p.upper, 2),
    })),
  };
}
