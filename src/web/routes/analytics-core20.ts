// "Is the gap between the Core20 and the rest closing?" on the indicator page: each period's value
// for people living in the most deprived 20% of areas in England and for the rest of the
// population, and the WHO difference between them (signed so that a positive difference means the
// Core20 fare worse, inequality.ts), its first and latest periods compared, and from five periods
// tested for a recent trend, as the SII's are (gap-over-time.ts).
import { compareGaps, gapTrend, type GapPoint } from '../../analytics/indicators/gap-over-time.ts';
import { unknownGroups } from '../../analytics/indicators/inequality.ts';
import type { IndicatorResult, PublishedRow } from '../../analytics/indicators/result.ts';
import { core20Chart } from '../charts/indicator-charts.ts';
import { differenceUnit, fixed, interval } from './analytics-format.ts';
import { displayRow } from './analytics-breakdown.ts';
import { gapTrendSentence, verdicts } from './analytics-gap.ts';

const CORE20 = 'Core20';

const withInterval = (p: GapPoint): string => `${fixed(p.value, 2)} (${interval(p.lower, p.upper, 2)})`;

/** A group's value and interval as the breakdown tables show them; dashes for no group. */
const shown = (row: PublishedRow | undefined) => (row ? displayRow(row) : { value: '–', interval: '–' });

function differenceOf(result: IndicatorResult, period: string): GapPoint | null {
  const d = result.summaries.find(
    (s) => s.period === period && s.dimension === 'core20' && s.measure === 'd',
  );
  if (!d || d.lower === null || d.upper === null) return null;
  return { period, value: d.value, lower: d.lower, upper: d.upper };
}

function sentencesOf(result: IndicatorResult, differences: GapPoint[]): string[] {
  const first = differences[0];
  const latest = differences.at(-1);
  const meaning =
    result.polarity === 'no-judgement'
      ? 'positive when the Core20 have the higher value'
      : 'positive when the Core20 fare worse';
  if (!first || !latest || differences.length < 2)
    return [
      'The difference between the Core20 and the rest cannot be compared over time: it needs the difference of at least two periods, and a period has none when either value is hidden or too uncertain to give one.',
    ];
  const unit = differenceUnit(result.unit);
  return [
    `The difference between the Core20 and the rest (WHO difference, in ${unit}, ${meaning}) was ${withInterval(first)} in ${first.period} and ${withInterval(latest)} in ${latest.period}.`,
    verdicts[compareGaps(first, latest)](first.period),
    gapTrendSentence(gapTrend(differences), 'difference'),
  ];
}

/** The "Core20 and the rest" part of the page's "Gap over time"; null without two periods of both. */
export function core20View(result: IndicatorResult) {
  const periods = result.periods.filter((p) => p !== 'Not known');
  const byPeriod = periods.map((period) => {
    const rows = result.rows.filter((r) => r.period === period && r.dimension === 'core20');
    return {
      period,
      core20: rows.find((r) => r.group === CORE20),
      rest: rows.find((r) => r.group !== CORE20 && !unknownGroups.has(r.group)),
      difference: differenceOf(result, period),
    };
  });
  const withBoth = byPeriod.filter((p) => p.core20 && p.rest);
  if (withBoth.length < 2) return null;
  const differences = withBoth.flatMap((p) => (p.difference ? [p.difference] : []));
  const unit = differenceUnit(result.unit);
  return {
    sentences: sentencesOf(result, differences),
    chart: core20Chart(
      result,
      withBoth.flatMap(({ period, core20, rest }) => [
        { period, series: 'Core20' as const, row: core20 as PublishedRow },
        { period, series: 'rest' as const, row: rest as PublishedRow },
      ]),
    ),
    restLabel: withBoth[0]?.rest?.group ?? 'Rest of the population',
    unitHeading: result.unit ? ` (${result.unit})` : '',
    differenceHeading: `Difference (${unit})`,
    rows: withBoth.map((p) => ({
      period: p.period,
      core20: shown(p.core20).value,
      core20Interval: shown(p.core20).interval,
      rest: shown(p.rest).value,
      restInterval: shown(p.rest).interval,
      difference: p.difference ? fixed(p.difference.value, 2) : '–',
      differenceInterval: p.difference ? interval(p.difference.lower, p.difference.upper, 2) : '–',
    })),
  };
}
