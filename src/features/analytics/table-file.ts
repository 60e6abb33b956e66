// A table of figures as a CSV file or an Excel workbook, with formula-injection guarding: the format of
// every download of the analytics pages.
import * as XLSX from '@e965/xlsx';

type Cell = string | number | null;
type Row<C extends string> = Partial<Record<C, Cell>>;

/** A cell that a spreadsheet would run as a formula gets a leading apostrophe. */
export function guardCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : guardCell(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function tableCsv<C extends string>(rows: Row<C>[], columns: readonly C[]): string {
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c] ?? null)).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** The figures on a worksheet named `sheetName`, then, if given, label–text rows on "About these figures". */
export function tableXlsx<C extends string>(
  rows: Row<C>[],
  columns: readonly C[],
  sheetName: string,
  about?: readonly (readonly [string, string])[],
): Buffer {
  // Rounded counts as numbers, so that a spreadsheet can add them up; "*" stays text.
  const cell = (v: Cell) => (typeof v === 'string' ? (/^\d+$/.test(v) ? Number(v) : guardCell(v)) : v);
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
