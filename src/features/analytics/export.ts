// What people download: the disclosure-controlled rows of a result, and its inequality measures (or
// why each was not calculated), as CSV (with formula-injection guarding) or XLSX. Nothing here sees
// patient-level data.
import type { IndicatorResult, SummaryNote } from '../../analytics/indicators/result.ts';
import { comparedWithOf } from '../../analytics/indicators/compared-with.ts';
import type { StoredResult } from './analytics.ts';
import { groupLabel } from './group-label.ts';
import { tableCsv, tableXlsx } from './table-file.ts';
import { trendSentence } from './trend-sentence.ts';

export const exportColumns = [
  'indicator_id',
  'indicator',
  'period',
  'breakdown',
  'group',
  'numerator',
  'denominator',
  'value',
  'unit',
  'lower_95',
  'upper_95',
  'lower_99_8',
  'upper_99_8',
  'compared_with_overall',
  'flag',
  'note',
  'kind',
] as const;

/** The download of every published indicator names each row's dataset first. */
export const everyIndicatorColumns = ['dataset', ...exportColumns] as const;

type Column = (typeof everyIndicatorColumns)[number];
type ExportRow = Record<(typeof exportColumns)[number], string | number | null> & { dataset?: string | null };

/** The measures a "not calculated" row stands for. */
const noteGroups: Record<SummaryNote['measure'], string> = {
  sii: 'Slope and relative index of inequality',
  rii: 'Relative index of inequality',
  heat: 'WHO measures',
};

/** What a measure's row leaves empty: the counts, the unit, the 99.8% limits, the comparison. */
const blank = {
  numerator: null,
  denominator: null,
  unit: null,
  lower_99_8: null,
  upper_99_8: null,
  compared_with_overall: null,
  flag: null,
};

/** The rows of each result (of one period, if given): its groups, then its inequality measures. */
/** Said of a row of a rate by ethnic group, whose comparison is not with the overall value. */
export const ALL_GROUPS_NOTE =
  'Compared with the rate of all the ethnic groups together, not the overall rate';

export function exportRows(results: IndicatorResult[], period?: string): ExportRow[] {
  const inPeriod = (p: string) => period === undefined || p === period;
  return results.flatMap((result) => {
    const common = { indicator_id: result.indicatorId, indicator: result.title };
    const groups = result.rows
      .filter((row) => inPeriod(row.period))
      .map((row): ExportRow => ({
        ...common,
        period: row.period,
        breakdown: row.dimension,
        group: groupLabel(row.dimension, row.group),
        numerator: row.numerator,
        denominator: row.denominator,
        value: row.value === null ? row.valueText : Number(row.value.toFixed(4)),
        unit: result.unit,
        lower_95: round(row.lower95),
        upper_95: round(row.upper95),
        lower_99_8: round(row.lower998),
        upper_99_8: round(row.upper998),
        compared_with_overall: row.comparison,
        flag: row.flag,
        note:
          row.note ??
          (row.comparison !== 'not compared' && comparedWithOf(result, row.dimension) === 'all groups'
            ? ALL_GROUPS_NOTE
            : null),
        kind: 'group',
      }));
    const measures = result.summaries
      .filter((s) => inPeriod(s.period))
      .map((s): ExportRow => ({
        ...common,
        ...blank,
        period: s.period,
        breakdown: s.dimension,
        group: s.label,
        value: Number(s.value.toFixed(4)),
        lower_95: round(s.lower),
        upper_95: round(s.upper),
        note: null,
        kind: 'inequality measure',
      }));
    const notCalculated = (result.summaryNotes ?? [])
      .filter((n) => inPeriod(n.period))
      .map((n): ExportRow => ({
        ...common,
        ...blank,
        period: n.period,
        breakdown: n.dimension,
        group: noteGroups[n.measure],
        value: null,
        lower_95: null,
        upper_95: null,
        note: n.text,
        kind: 'inequality measure',
      }));
    return [...groups, ...measures, ...notCalculated, ...trendRow(result, inPeriod)];
  });
}

/**
 * The rows of every result given (published ones, as the overview orders them), each of its latest
 * period only or of every period, each row naming its dataset.
 */
export function everyIndicatorRows(results: StoredResult[], latestOnly: boolean): ExportRow[] {
  return results.flatMap((stored) =>
    exportRows([stored.result], latestOnly ? stored.result.latestPeriod : undefined).map((row) => ({
      ...row,
      dataset: stored.datasetName ?? 'A dataset since replaced',
    })),
  );
}

/** The recent trend of the overall value, in the row of the last period it tested. */
function trendRow(result: IndicatorResult, inPeriod: (p: string) => boolean): ExportRow[] {
  const sentence = trendSentence(result.trend);
  const period = result.trend?.periods.at(-1) ?? result.latestPeriod;
  if (!result.trend || !sentence || !inPeriod(period)) return [];
  const chiSquare = result.trend.chiSquare;
  return [
    {
      ...blank,
      indicator_id: result.indicatorId,
      indicator: result.title,
      period,
      breakdown: 'overall',
      group: 'Recent trend (chi-square)',
      value: chiSquare === null ? null : Number(chiSquare.toFixed(4)),
      lower_95: null,
      upper_95: null,
      note: `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`,
      kind: 'trend',
    },
  ];
}

const round = (v: number | null): number | null => (v === null ? null : Number(v.toFixed(4)));

export function toCsv(rows: ExportRow[], columns: readonly Column[] = exportColumns): string {
  return tableCsv(rows, columns);
}

/** The figures on a worksheet named `sheetName`, then, if given, label–text rows on "About these figures". */
export function toXlsx(
  rows: ExportRow[],
  sheetName: string,
  about?: [string, string][],
  columns: readonly Column[] = exportColumns,
): Buffer {
  return tableXlsx(rows, columns, sheetName, about);
}
