// What people download: the disclosure-controlled rows of a result as CSV (with formula-injection
// guarding) or XLSX. Nothing here sees patient-level data.
import * as XLSX from '@e965/xlsx';
import type { IndicatorResult, PublishedRow } from '../../analytics/indicators/result.ts';

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
] as const;

type ExportRow = Record<(typeof exportColumns)[number], string | number | null>;

export function exportRows(
  results: IndicatorResult[],
  filter: (row: PublishedRow) => boolean = () => true,
): ExportRow[] {
  return results.flatMap((result) =>
    result.rows.filter(filter).map((row) => ({
      indicator_id: result.indicatorId,
      indicator: result.title,
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
    })),
  );
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

export function toCsv(rows: ExportRow[]): string {
  const lines = [
    exportColumns.join(','),
    ...rows.map((r) => exportColumns.map((c) => csvCell(r[c])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

export function toXlsx(rows: ExportRow[], sheetName: string): Buffer {
  const guarded = rows.map((r) =>
    Object.fromEntries(exportColumns.map((c) => [c, typeof r[c] === 'string' ? guardCell(r[c]) : r[c]])),
  );
  const sheet = XLSX.utils.json_to_sheet(guarded, { header: [...exportColumns] });
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
