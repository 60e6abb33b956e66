// Turning stored results into what the analytics pages show. Pure functions, tested on their own.
import { comparedWithOf } from '../../analytics/indicators/compared-with.ts';
import type {
  IndicatorResult,
  PublishedRow,
  SummaryMeasure,
  SummaryNote,
} from '../../analytics/indicators/result.ts';
import { gapOverTime } from '../../analytics/indicators/gap-over-time.ts';
import type { StoredResult } from '../../features/analytics/analytics.ts';
import { decileChart, groupChart, rankedChart, trendChart } from '../charts/indicator-charts.ts';
import { funnelApplies, funnelChart } from '../charts/funnel-chart.ts';
import { core20PairChart } from '../charts/core20-pair-chart.ts';
import { core20PairNouns, core20PairSummary } from './analytics-core20-pairs.ts';
import { isCore20Pair } from '../../analytics/indicators/dimensions.ts';
import { decileSpine } from '../charts/spine-chart.ts';
import {
  breakdownSummary,
  funnelSummary,
  chartKey,
  core20PairKey,
  countOf,
  displayRow,
  longTableRows,
  notDrawnSentence,
  type KeyItem,
} from './analytics-breakdown.ts';
import { trendSentence } from '../../features/analytics/trend-sentence.ts';
import { gapChangeOf, gapView } from './analytics-gap.ts';
import { worseFor } from './analytics-worse-for.ts';
import { core20View } from './analytics-core20.ts';
import { groupsOverTime } from './analytics-over-time.ts';
import { groupLabel } from '../../features/analytics/group-label.ts';
import {
  fixed,
  interval,
  measureWithUnit,
  sectionId,
  shortLabel,
  withSeparators,
  withUnit,
} from './analytics-format.ts';

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

export function overviewRow(stored: StoredResult) {
  const r = stored.result;
  const period = r.latestPeriod;
  const deciles = rowsOf(r, period, 'imd_decile').filter((d) => d.group !== 'Not known');
  const sii = summary(r, period, 'imd_decile', 'sii');
  const overallRow = rowsOf(r, period, 'overall')[0];
  const words = {
    overall: withUnit(withSeparators(overallRow?.valueText), r.unit),
    mostDeprived: withUnit(withSeparators(deciles[0]?.valueText), r.unit),
    leastDeprived: withUnit(withSeparators(deciles.at(-1)?.valueText), r.unit),
  };
  return {
    id: stored.id,
    title: r.title,
    datasetName: stored.datasetName,
    programme: r.programme,
    status: stored.status,
    period,
    ...words,
    spine: decileSpine({ polarity: r.polarity, deciles, overall: overallRow?.value ?? null, words }),
    sii: sii ? `${fixed(sii.value, 1)} (${interval(sii.lower, sii.upper, 1)})` : '–',
    direction: gradientDirection(r, sii),
    ...gapChangeOf(gapOverTime(r)),
    worseFor: worseFor(r, period),
  };
}

export function indicatorPage(stored: StoredResult, period: string) {
  const r = stored.result;
  const sii = summary(r, period, 'imd_decile', 'sii');
  const breakdowns = r.dimensions
    .filter((d) => d.id !== 'overall')
    // Deciles of a domain of deprivation are drawn like the IMD's, with their own slope index.
    .map((d) => breakdownView(r, d, period, isDecile(d.id) ? summary(r, period, d.id, 'sii') : sii));
  // Rows whose date could not be read are a period of their own, shown when chosen, but not a year.
  const trendRows = r.rows.filter((row) => row.dimension === 'overall' && row.period !== 'Not known');
  const labels = Object.fromEntries<string>([
    ...r.dimensions.map((d): [string, string] => [d.id, d.label]),
    ['core20', 'Core20 or the rest'],
  ]);
  const summaries = r.summaries
    .filter((s) => s.period === period)
    .map((s) => ({
      breakdown: labels[s.dimension] ?? s.dimension,
      label: s.label,
      value: measureWithUnit(s.measure, fixed(s.value, 2), r.unit),
      interval: interval(s.lower, s.upper, 2),
    }));
  const summaryNotes = (r.summaryNotes ?? []).filter((n) => n.period === period).map(noteSentence);
  const overall = rowsOf(r, period, 'overall')[0];
  const gap = gapView(r);
  const core20 = core20View(r);
  return {
    period,
    periodItems: r.periods.map((p) => ({
      value: p,
      text: p === 'Not known' ? 'Date not known' : p,
      selected: p === period,
    })),
    overallText: overall ? withUnit(withSeparators(overall.valueText), r.unit) : '–',
    breakdowns,
    trend: {
      rows: trendRows.map((row) => displayRow(row)),
      chart: trendChart(r, trendRows),
      key: chartKey('trend', false),
      test: trendSentence(r.trend),
    },
    gap: gap ? { ...gap, key: chartKey('gap', false) } : null,
    core20: core20 ? { ...core20, key: chartKey('core20', false) } : null,
    summaries,
    measureTables: byBreakdown(summaries),
    summaryNotes,
    contents: contentsOf(
      summaries.length + summaryNotes.length > 0,
      breakdowns,
      gap !== null || core20 !== null,
    ),
    direction: gradientDirection(r, sii),
  };
}

/** Inequality measures in one small table per breakdown, in the order they were computed. */
export function byBreakdown<T extends { breakdown: string }>(
  measures: T[],
): { breakdown: string; rows: T[] }[] {
  const names = [...new Set(measures.map((m) => m.breakdown))];
  return names.map((breakdown) => ({ breakdown, rows: measures.filter((m) => m.breakdown === breakdown) }));
}

/** The page's "On this page" list: every section, in order, by the id of its heading. */
export function contentsOf(
  withMeasures: boolean,
  breakdowns: { id: string; heading: string }[],
  withGap = false,
) {
  return [
    ...(withMeasures ? [{ href: '#inequality-measures', text: 'Inequality measures' }] : []),
    ...breakdowns.map((b) => ({ href: `#${b.id}`, text: shortened(b.heading, breakdowns) })),
    { href: '#trend', text: 'Trend' },
    ...(withGap ? [{ href: '#gap-over-time', text: 'Gap over time' }] : []),
    { href: '#definition', text: 'Definition' },
    { href: '#caveats', text: 'Caveats' },
  ];
}

/** The short form of a heading, unless another heading shortens to the same words. */
function shortened(heading: string, all: { heading: string }[]): string {
  const short = shortLabel(heading);
  return all.some((b) => b.heading !== heading && shortLabel(b.heading) === short) ? heading : short;
}

function breakdownView(
  r: IndicatorResult,
  dimension: { id: string; label: string },
  period: string,
  sii: SummaryMeasure | undefined,
) {
  const rows = rowsOf(r, period, dimension.id);
  const long = rows.length > longTableRows;
  const overall = rowsOf(r, period, 'overall')[0]?.value ?? null;
  const chart = chartFor(r, dimension, rows, long ? { overall } : { sii });
  const against = comparedWithOf(r, dimension.id);
  return {
    id: sectionId(dimension.id),
    label: dimension.label,
    heading: `By ${dimension.label}`,
    rows: rows.map((row) => displayRow(row, against)),
    comparedWith: `Compared with ${against}`,
    chart: chart.svg,
    key: chart.key,
    long,
    showAll: `Show all ${countOf(dimension.id, rows.length)}`,
    summary: long
      ? [...breakdownSummary(dimension.id, rows, r.unit), ...chart.summary]
      : isCore20Pair(dimension.id)
        ? core20PairSummary(dimension.id, rows, r.polarity)
        : [],
    notDrawn: chart.svg ? notDrawnSentence(dimension.id, rows) : null,
    overTime: groupsOverTime(r, dimension.id),
  };
}

const noteSubjects: Record<string, string> = {
  imd_decile: 'deprivation deciles',
  core20: 'Core20 and the rest of the population',
  ethnic_broad: 'ethnic groups',
};

/** "The WHO measures across ethnic groups were not calculated: …" */
function noteSentence(note: SummaryNote): string {
  const [measures, were] =
    note.measure === 'sii'
      ? ['The slope and relative indices of inequality', 'were']
      : note.measure === 'rii'
        ? ['The relative index of inequality', 'was']
        : ['The WHO measures', 'were'];
  const subject = noteSubjects[note.dimension] ?? note.dimension;
  return `${measures} across ${subject} ${were} not calculated: ${note.text.replace(/^Not calculated: /, '')}`;
}

function chartFor(
  r: IndicatorResult,
  dimension: { id: string; label: string },
  rows: PublishedRow[],
  // A long breakdown (wards) is drawn as a funnel plot for a proportion or a rate, otherwise as
  // ranked dots, against the overall value; a funnel adds a sentence to the breakdown's summary.
  line: { sii: SummaryMeasure | undefined } | { overall: number | null },
): { svg: string; key: KeyItem[]; summary: string[] } {
  // Charts name groups as the page does (Female, not F) and leave out those not known.
  const named = rows
    .map((row) => ({
      ...row,
      group: groupLabel(row.dimension, row.group),
      valueText: withSeparators(row.valueText),
    }))
    .filter((row) => row.group !== 'Not known');
  if ('overall' in line) {
    if (funnelApplies(r, line.overall)) {
      const svg = funnelChart(r, named, line.overall, dimension.label);
      const kind = r.statistic === 'proportion' ? 'funnel' : 'rate-funnel';
      if (svg)
        return {
          svg,
          key: chartKey(kind, false),
          summary: [funnelSummary(dimension.id, rows, line.overall, r)],
        };
    }
    const svg = rankedChart(r, named, line.overall, dimension.label);
    return { svg, key: svg ? chartKey('ranked', false) : [], summary: [] };
  }
  if (isCore20Pair(dimension.id)) {
    const [noun] = core20PairNouns[dimension.id] ?? ['group'];
    const svg = core20PairChart(r, named, dimension.label, noun);
    return { svg, key: svg ? core20PairKey(noun) : [], summary: [] };
  }
  const decile = isDecile(dimension.id);
  const svg = decile
    ? decileChart(r, named, line.sii, dimension.label)
    : charted.includes(dimension.id) || dimension.id.startsWith('flag_')
      ? groupChart(r, named, dimension.label)
      : '';
  if (!svg) return { svg, key: [], summary: [] };
  return {
    svg,
    key: chartKey(decile ? 'decile' : 'group', line.sii?.intercept !== undefined),
    summary: [],
  };
}

/** The IMD's deciles and those of its domains (income_decile …), drawn in rank order with the SII. */
const isDecile = (dimension: string): boolean => dimension.endsWith('_decile');

/** Breakdowns drawn as bars besides deciles and flags (long ones, such as wards, as ranked dots). */
const charted = ['ethnic_broad', 'ethnic_detailed', 'place', 'core20', 'imd_quintile', 'sex', 'age_band'];
