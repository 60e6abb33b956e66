// The "About these figures" worksheet of a result's spreadsheet download: what the figures are,
// where they come from, how far they can be trusted and how to read the columns, so that the file
// still explains itself when it is passed on without the page.
import { statisticLabels } from '../../analytics/indicators/schema.ts';
import type { StoredResult } from '../../features/analytics/analytics.ts';
import { readingNotes } from '../../features/analytics/reading-notes.ts';
import { formatDate } from '../views.ts';

const polarityText: Record<string, string> = {
  'high-is-good': 'Higher is better',
  'low-is-good': 'Lower is better',
  'no-judgement': 'Neither higher nor lower is better',
};

const columns: [string, string][] = [
  ['numerator, denominator', 'Counts as published: * for 1 to 7, others rounded to the nearest 5'],
  ['value', 'The figure in the unit given; : or * where it is not calculated or is hidden'],
  ['lower_95, upper_95', 'The 95% confidence interval'],
  ['lower_99_8, upper_99_8', 'The 99.8% confidence interval'],
  ['compared_with_overall', 'Better, worse or similar to the overall value, by the 95% interval'],
  ['flag', 'u: fewer than 20 events, less reliable'],
  ['kind', 'group (a row per group), inequality measure (SII, RII, WHO measures) or trend'],
];

/** Label and text, one pair per row of the worksheet. */
export function aboutSheet(stored: StoredResult, period?: string): [string, string][] {
  return [...aboutIndicator(stored, period), ...columnRows()];
}

/**
 * The worksheet of the download of every published indicator: what the file holds, then each
 * indicator as aboutSheet describes it (each block opening with its title), then the columns once.
 */
export function aboutEverySheet(
  results: StoredResult[],
  latestOnly: boolean,
  now: string,
): [string, string][] {
  return [
    [
      'Figures',
      latestOnly
        ? 'Every published indicator, its latest period'
        : 'Every published indicator, every period (each row names its period)',
    ],
    ['Downloaded', formatDate(now)],
    ...results.flatMap((stored) =>
      aboutIndicator(stored, latestOnly ? stored.result.latestPeriod : undefined),
    ),
    ...columnRows(),
  ];
}

function aboutIndicator(stored: StoredResult, period?: string): [string, string][] {
  const result = stored.result;
  const statistic = statisticLabels[result.statistic as keyof typeof statisticLabels] ?? result.statistic;
  return [
    ['Indicator', result.title],
    ['Programme', result.programme],
    ['Data', stored.datasetName ?? 'A dataset since replaced'],
    ['Periods', period ?? result.periods.join(', ')],
    ['What it measures', result.definition],
    ['Numerator', result.numeratorText],
    ['Denominator', result.denominatorText],
    ['Statistic', `${statistic} (${result.unit})`],
    ['Polarity', polarityText[result.polarity] ?? result.polarity],
    ['Source', result.source ?? 'Local data'],
    ['Computed', formatDate(stored.computedAt)],
    [
      'Status',
      stored.publishedAt ? `Published on ${formatDate(stored.publishedAt)}` : 'Draft: not published',
    ],
    ...[...result.caveats, ...readingNotes(result)].map((text): [string, string] => ['Caveat', text]),
  ];
}

const columnRows = (): [string, string][] =>
  columns.map(([name, text]): [string, string] => [`Column: ${name}`, text]);
