// One breakdown of an indicator as the page shows it: rows written for reading, a plain-English key to
// its chart, and for long breakdowns (wards) a short summary while the full table sits behind a
// "Show all" details. Pure functions, tested on their own.
import type { IndicatorResult, PublishedRow } from '../../analytics/indicators/result.ts';
import type { ComparedWith } from '../../analytics/indicators/compared-with.ts';
import { groupLabel } from '../../features/analytics/group-label.ts';
import { decimalsOf, interval, withSeparators, withUnit } from './analytics-format.ts';
import { listInWords } from '../../analytics/in-words.ts';
import { beyondFunnel, funnelPoints, type FunnelPoint } from '../charts/funnel-chart.ts';

const comparisonWords: Record<string, string> = {
  better: 'Better than',
  worse: 'Worse than',
  similar: 'Similar to',
  higher: 'Higher than',
  lower: 'Lower than',
};

/** "Better than overall", "Similar to all groups"; "Not compared". */
export const comparisonLabel = (comparison: string, against: ComparedWith = 'overall'): string => {
  const words = comparisonWords[comparison];
  return words ? `${words} ${against}` : comparison === 'not compared' ? 'Not compared' : comparison;
};

/** More rows than this and the table is folded away behind "Show all …". */
export const longTableRows = 20;

export interface DisplayRow {
  group: string;
  period: string;
  /** The group's name as shown (Female, not F). */
  label: string;
  numerator: string;
  denominator: string;
  value: string;
  interval: string;
  comparison: string;
  note: string | null;
}

/** A published row written for the page: separators on counts, intervals to the value's decimals. */
export function displayRow(row: PublishedRow, against: ComparedWith = 'overall'): DisplayRow {
  const value = withSeparators(row.valueText);
  return {
    group: row.group,
    period: row.period,
    label: groupLabel(row.dimension, row.group),
    numerator: withSeparators(row.numerator),
    denominator: withSeparators(row.denominator),
    value: row.flag ? `${value} (${row.flag})` : value,
    interval: interval(row.lower95, row.upper95, decimalsOf(row.valueText)),
    comparison: comparisonLabel(row.comparison, against),
    note: row.note,
  };
}

const nouns: Record<string, [string, string]> = {
  imd_decile: ['decile', 'deciles'],
  imd_quintile: ['quintile', 'quintiles'],
  ethnic_broad: ['ethnic group', 'ethnic groups'],
  ethnic_detailed: ['ethnic group', 'ethnic groups'],
  age_band: ['age band', 'age bands'],
  place: ['place', 'places'],
  ward: ['ward', 'wards'],
};

/** "1 ward", "100 wards", "3 groups". */
export function countOf(dimension: string, n: number): string {
  const [one, many] = nouns[dimension] ?? ['group', 'groups'];
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** The order in which a long breakdown's summary counts its groups. */
const comparisonOrder = ['worse', 'better', 'higher', 'lower', 'similar', 'not compared'];

/**
 * What a long breakdown shows at a glance: how many groups differ from the overall value, and the
 * highest and lowest. "Compared with the overall value, 12 of the 100 wards are worse, …"
 */
export function breakdownSummary(dimension: string, rows: PublishedRow[], unit: string): string[] {
  const counts = comparisonOrder
    .map((word) => ({ word, n: rows.filter((r) => r.comparison === word).length }))
    .filter((c) => c.n > 0)
    .map((c, i) => `${c.n}${i === 0 ? ` of the ${countOf(dimension, rows.length)}` : ''} ${c.word}`);
  const sentences = counts.length ? [`Compared with the overall value: ${listInWords(counts)}.`] : [];
  const valued = rows.filter((r) => r.value !== null && r.group !== 'Not known');
  if (valued.length < 2) return sentences;
  const byValue = [...valued].sort((a, b) => (b.value as number) - (a.value as number));
  const describe = (r: PublishedRow) =>
    `${groupLabel(r.dimension, r.group)} (${withUnit(withSeparators(r.valueText), unit)})`;
  sentences.push(
    `Highest: ${describe(byValue[0] as PublishedRow)}. Lowest: ${describe(byValue.at(-1) as PublishedRow)}.`,
  );
  return sentences;
}

/**
 * Which groups a chart leaves out because their values are not shown (hidden to protect
 * confidentiality, or not calculated), so that a gap between bars is not taken for a value of zero.
 */
export function notDrawnSentence(dimension: string, rows: PublishedRow[]): string | null {
  const missing = rows.filter((r) => r.value === null && r.group !== 'Not known');
  if (missing.length === 0) return null;
  const whose = `whose ${missing.length === 1 ? 'value is' : 'values are'} not shown (the table says why)`;
  // Past a handful (wards), a count says it better than a list of names.
  if (missing.length > 5) return `Not drawn: ${countOf(dimension, missing.length)}, ${whose}.`;
  const names = missing.map((r) => groupLabel(r.dimension, r.group));
  const [one, many] = nouns[dimension] ?? ['', ''];
  const noun = one ? `${missing.length === 1 ? one : many} ` : '';
  return `Not drawn: ${noun}${listInWords(names)}, ${whose}.`;
}

/**
 * What a funnel plot shows at a glance: the groups beyond its 99.8% limits, named when few.
 * "Allowing for their size, 3 of the 96 wards drawn lie outside the 99.8% limits …"
 */
export function funnelSummary(
  dimension: string,
  rows: PublishedRow[],
  overall: number,
  result: IndicatorResult,
): string {
  const points = funnelPoints(result, rows);
  const { above, below } = beyondFunnel(result, points, overall);
  const drawn = countOf(dimension, points.length);
  const outside = above.length + below.length;
  if (outside === 0)
    return `Allowing for their size, none of the ${drawn} drawn lies outside the 99.8% limits around the overall value.`;
  const side = (list: FunnelPoint[], where: string) =>
    list.length === 0
      ? []
      : [
          `${list.length <= 6 ? listInWords(list.map((p) => groupLabel(dimension, p.group))) : list.length} ${where}`,
        ];
  const sides = [...side(above, 'above it'), ...side(below, 'below it')];
  return `Allowing for their size, ${outside} of the ${drawn} drawn ${outside === 1 ? 'lies' : 'lie'} outside the 99.8% limits around the overall value, so ${outside === 1 ? 'its difference from it is' : 'their differences from it are'} very unlikely to be chance: ${sides.join('; ')}.`;
}

export type ChartKind = 'decile' | 'group' | 'ranked' | 'funnel' | 'rate-funnel' | 'trend' | 'gap' | 'core20';
export interface KeyItem {
  /**
   * Names the CSS sample drawn beside the words: bar, whisker, dashed (red line), dotted (grey line),
   * dot (blue), square (grey) or outline (a grey outlined bar).
   */
  mark: 'bar' | 'whisker' | 'dashed' | 'dotted' | 'dot' | 'square' | 'outline';
  text: string;
}

const whisker: KeyItem = {
  mark: 'whisker',
  text: 'Grey line: the 95% confidence interval, the range the true value is likely to be in. Where two ranges overlap, the difference may be down to chance.',
};

/** The key to a chart of the Core20 and the rest within each `noun` ("ethnic group", "place"). */
export function core20PairKey(noun: string): KeyItem[] {
  return [
    {
      mark: 'bar',
      text: `Solid blue bar: the ${noun} named above it, in the Core20, the most deprived 20% of areas in England.`,
    },
    { mark: 'outline', text: `Grey outlined bar below it: the same ${noun}, in the rest of the population.` },
    whisker,
  ];
}

/** The visible key to a chart, in words. */
export function chartKey(kind: ChartKind, withSii: boolean): KeyItem[] {
  if (kind === 'core20')
    return [
      {
        mark: 'dot',
        text: 'Blue circle: the Core20, people living in the most deprived 20% of areas in England, in that period.',
      },
      { mark: 'square', text: 'Grey square: the rest of the population in that period.' },
      {
        mark: 'whisker',
        text: 'Line through each: its 95% confidence interval, the range the true value is likely to be in. Where two ranges overlap, the difference may be down to chance.',
      },
    ];
  if (kind === 'trend')
    return [{ mark: 'dot', text: 'Blue dot: the overall value in that period.' }, whisker];
  if (kind === 'gap')
    return [
      {
        mark: 'dot',
        text: 'Blue dot: the slope index of inequality in that period, the modelled gap from the most to the least deprived.',
      },
      whisker,
    ];
  if (kind === 'group')
    return [{ mark: 'bar', text: 'Blue bar: the value for the group named above it.' }, whisker];
  if (kind === 'ranked')
    return [
      {
        mark: 'dot',
        text: 'Blue dot: the value for one group, in order from the lowest value to the highest.',
      },
      whisker,
      { mark: 'dashed', text: 'Dashed red line: the overall value.' },
    ];
  if (kind === 'funnel' || kind === 'rate-funnel')
    return [
      {
        mark: 'dot',
        text:
          kind === 'rate-funnel'
            ? 'Blue dot: one group, placed across by its population and up by its rate.'
            : 'Blue dot: one group, placed across by its number of people and up by its value.',
      },
      {
        mark: 'whisker',
        text: 'Solid grey lines: the 95% limits. A group of that size lies outside them by chance about 1 time in 20.',
      },
      {
        mark: 'dotted',
        text: 'Dotted grey lines: the 99.8% limits. Outside them, a difference from the overall value is very unlikely to be chance.',
      },
      { mark: 'dashed', text: 'Dashed red line: the overall value.' },
    ];
  const key: KeyItem[] = [{ mark: 'bar', text: 'Blue bar: the value for each decile.' }, whisker];
  if (withSii)
    key.push({
      mark: 'dashed',
      text: 'Dashed red line: the slope index of inequality, the straight line that best fits the values from the most to the least deprived.',
    });
  return key;
}
