// What people download: the disclosure-controlled rows of a result, and its inequality measures (or
// why each was not calculated), as CSV (with formula-injection guarding) or XLSX. Nothing here sees
// patient-level data.
import * as XLSX from '@e965/xlsx';
import type { IndicatorResult, SummaryNote } from '../../analytics/indicators/result.ts';
import type { StoredResult } from './analytics.ts';
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
        group: row.group,
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
        note: row.note,
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

/** A cell that a spreadsheet would run as a formula gets a leading apostrophe. */
export function guardCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : guardCell(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: ExportRow[], columns: readonly Column[] = exportColumns): string {
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c] ?? null)).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** The figures on a worksheet named `sheetName`, then, if given, label–text rows on "About these figures". */
export function toXlsx(
  rows: ExportRow[],
  sheetName: string,
  about?: [string, string][],
  columns: readonly Column[] = exportColumns,
): Buffer {
  // Rounded counts as numbers, so that a spreadsheet can add them up; "*" stays text.
  const cell = (v: string | number | null) =>
    typeof v === 'string' ? (/^\d+$/.test(v) ? Number(v) : guardCell(v)) : v;
  const guarded = rows.map((r) => Object.fromEntries(columns.map((c) => [c, cell(r[c] ?? null)])));
  const sheet = XLSX.utils.json_to_sheet(guarded, { header: [...columns] });
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  if (about) {
    const lines = about.map(([label, text]) => [label, guardCell(text)]);
    const notes = XLSX.utils.aoa_to_sheet([['About', 'Text'], ...lines]);
    notes['!cols'] = [{ wch: 28 }, { wch: 100 }];
    XLSX.utils.book_append_sheet(book, notes, 'About these figures');
  }
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
