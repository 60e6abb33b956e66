// Turning stored results into what the analytics pages show. Pure functions, tested on their own.
import type {
  IndicatorResult,
  PublishedRow,
  SummaryMeasure,
  SummaryNote,
  TrendSummary,
} from '../../analytics/indicators/result.ts';
import type { StoredResult } from '../../features/analytics/analytics.ts';
import { decileChart, groupChart, trendChart } from '../charts/indicator-charts.ts';

export const comparisonLabels: Record<string, string> = {
  better: 'Better than overall',
  worse: 'Worse than overall',
  similar: 'Similar to overall',
  higher: 'Higher than overall',
  lower: 'Lower than overall',
  'not compared': 'Not compared',
};

export function formatNumber(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

const rowsOf = (result: IndicatorResult, period: string, dimension: string): PublishedRow[] =>
  result.rows
    .filter((r) => r.period === period && r.dimension === dimension)
    .sort((a, b) => a.order.localeCompare(b.order));

const summary = (
  result: IndicatorResult,
  period: string,
  dimension: string,
  measure: string,
): SummaryMeasure | undefined =>
  result.summaries.find((s) => s.period === period && s.dimension === dimension && s.measure === measure);

/** Plain-English direction of the deprivation gradient, from the SII and its 95% interval. */
export function gradientDirection(result: IndicatorResult, sii: SummaryMeasure | undefined): string {
  if (!sii || sii.lower === null || sii.upper === null) return 'Not enough data';
  if (sii.lower <= 0 && sii.upper >= 0) return 'No clear gap by deprivation';
  const higherWhereLessDeprived = sii.value > 0;
  if (result.polarity === 'no-judgement')
    return higherWhereLessDeprived ? 'Lower in more deprived areas' : 'Higher in more deprived areas';
  const worseInDeprived = higherWhereLessDeprived === (result.polarity === 'high-is-good');
  return worseInDeprived ? 'Worse in more deprived areas' : 'Better in more deprived areas';
}

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

export function overviewRow(stored: StoredResult) {
  const r = stored.result;
  const period = r.latestPeriod;
  const deciles = rowsOf(r, period, 'imd_decile').filter((d) => d.group !== 'Not known');
  const sii = summary(r, period, 'imd_decile', 'sii');
  return {
    id: stored.id,
    title: r.title,
    datasetName: stored.datasetName,
    programme: r.programme,
    status: stored.status,
    period,
    unit: r.unit,
    overall: rowsOf(r, period, 'overall')[0]?.valueText ?? '–',
    mostDeprived: deciles[0]?.valueText ?? '–',
    leastDeprived: deciles.at(-1)?.valueText ?? '–',
    sii: sii ? `${formatNumber(sii.value)} (${formatNumber(sii.lower)} to ${formatNumber(sii.upper)})` : '–',
    direction: gradientDirection(r, sii),
  };
}

export function indicatorPage(stored: StoredResult, period: string) {
  const r = stored.result;
  const sii = summary(r, period, 'imd_decile', 'sii');
  const table = (dimension: string) =>
    rowsOf(r, period, dimension).map((row) => ({
      ...row,
      comparisonLabel: comparisonLabels[row.comparison] ?? row.comparison,
    }));
  const breakdowns = r.dimensions
    .filter((d) => d.id !== 'overall')
    .map((d) => ({ ...d, rows: table(d.id), chart: chartFor(r, d.id, d.label, period, sii) }));
  // Rows whose date could not be read are a period of their own, shown when chosen, but not a year.
  const trendRows = r.rows.filter((row) => row.dimension === 'overall' && row.period !== 'Not known');
  return {
    period,
    periodItems: r.periods.map((p) => ({
      value: p,
      text: p === 'Not known' ? 'Date not known' : p,
      selected: p === period,
    })),
    dimensionLabels: Object.fromEntries<string>([
      ...r.dimensions.map((d): [string, string] => [d.id, d.label]),
      ['core20', 'Core20 or the rest'],
    ]),
    overall: table('overall')[0],
    breakdowns,
    trend: { rows: trendRows, chart: trendChart(r, trendRows), test: trendSentence(r.trend) },
    summaries: r.summaries.filter((s) => s.period === period),
    summaryNotes: (r.summaryNotes ?? []).filter((n) => n.period === period).map(noteSentence),
    direction: gradientDirection(r, sii),
  };
}

const noteSubjects: Record<string, string> = {
  imd_decile: 'deprivation deciles',
  core20: 'Core20 and the rest of the population',
  ethnic_broad: 'ethnic groups',
};

/** "The WHO measures across ethnic groups were not calculated: …" */
function noteSentence(note: SummaryNote): string {
  const measures =
    note.measure === 'sii' ? 'The slope and relative indices of inequality' : 'The WHO measures';
  const subject = noteSubjects[note.dimension] ?? note.dimension;
  return `${measures} across ${subject} were not calculated: ${note.text.replace(/^Not calculated: /, '')}`;
}

function chartFor(
  r: IndicatorResult,
  dimension: string,
  label: string,
  period: string,
  sii: SummaryMeasure | undefined,
): string {
  const rows = rowsOf(r, period, dimension).filter((row) => row.group !== 'Not known');
  if (dimension === 'imd_decile') return decileChart(r, rows, sii);
  if (['ethnic_broad', 'place', 'core20', 'imd_quintile', 'sex', 'age_band'].includes(dimension))
    return groupChart(r, rows, label);
  return '';
}
