import { listInWords } from '../../analytics/in-words.ts';

const NAMES: Record<string, string> = {
  csv: 'CSV',
  parquet: 'Parquet',
  xlsx: 'Excel workbook (.xlsx)',
  ods: 'OpenDocument spreadsheet (.ods)',
  rpt: 'query results lined up with spaces (.rpt)',
  postgres: 'PostgreSQL table (indicators are computed there)',
};

/**
 * A dataset's format as its page names it: "CSV", "CSV and Excel workbook (.xlsx)" for files of
 * several kinds read as one (stored as "csv and xlsx").
 */
export function fileFormatInWords(format: string): string {
  const names = format.split(' and ').map((f) => NAMES[f] ?? f);
  const [first = format, ...rest] = names;
  return rest.length ? listInWords(names) : first.charAt(0).toUpperCase() + first.slice(1);
}
