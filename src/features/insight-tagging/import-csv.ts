import { parse } from 'csv-parse/sync';
import { isCommunity } from '../memberships/communities.ts';

/**
 * Comments to import, e.g. a Friends and Family Test export. The first row names the columns
 * (any order, any case); only the comment is required. Documented in docs/methods/theme-classifier.md.
 */
export const importColumns = {
  comment: ['comment', 'fft answer', 'free text', 'feedback', 'comment text', 'what could we do better?'],
  title: ['title'],
  service: ['service', 'service type', 'service type 1', 'department', 'ward'],
  place: ['place', 'site', 'location', 'area'],
  communities: ['communities', 'community'],
  question: ['question', 'fft question'],
  date: ['date', 'response date'],
} as const;

export type ImportColumn = keyof typeof importColumns;

export const maxImportRows = 2000;

export interface ImportProblem {
  /** The spreadsheet row (the header is row 1), or null for a problem with the whole file. */
  row: number | null;
  column: string | null;
  message: string;
}

export interface ImportRow {
  row: number;
  title: string;
  description: string;
  service: string;
  place: string;
  communities: string[];
  evidence: string;
}

/** A short title from the comment's first words, for lists and the triage page. */
export function titleFrom(comment: string): string {
  const flat = comment.replace(/\s+/g, ' ').trim();
  if (flat.length <= 80) return flat;
  const cut = flat.slice(0, 80);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).trim()}…`;
}

function columnIndex(header: string[]): Partial<Record<ImportColumn, number>> {
  const names = header.map((h) => h.trim().toLowerCase().replace(/\s+/g, ' '));
  const found: Partial<Record<ImportColumn, number>> = {};
  for (const [column, aliases] of Object.entries(importColumns) as [ImportColumn, readonly string[]][]) {
    const at = names.findIndex((n) => aliases.includes(n));
    if (at >= 0) found[column] = at;
  }
  return found;
}

function rowOf(cells: string[], at: Partial<Record<ImportColumn, number>>, row: number, fileName: string) {
  const cell = (c: ImportColumn) => (at[c] === undefined ? '' : (cells[at[c]] ?? '').trim());
  const problems: ImportProblem[] = [];
  const comment = cell('comment');
  if (!comment) problems.push({ row, column: 'comment', message: 'The comment is empty' });
  const communities = cell('communities')
    .split(';')
    .map((c) => c.trim())
    .filter(Boolean);
  for (const c of communities) {
    if (!isCommunity(c))
      problems.push({ row, column: 'communities', message: `“${c}” is not a community on Parity’s list` });
  }
  const evidence = [
    `Imported from ${fileName}, row ${row}`,
    cell('question') && `Question: ${cell('question')}`,
    cell('date') && `Date: ${cell('date')}`,
  ]
    .filter(Boolean)
    .join('. ');
  const parsed: ImportRow = {
    row,
    title: cell('title') || titleFrom(comment),
    description: comment,
    service: cell('service'),
    place: cell('place'),
    communities,
    evidence,
  };
  return { parsed, problems };
}

/** Rows ready to import and every problem found; rows with a problem are not imported. */
export function parseImport(
  text: string,
  fileName: string,
): { rows: ImportRow[]; problems: ImportProblem[]; read: number } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    return {
      rows: [],
      read: 0,
      problems: [
        { row: null, column: null, message: `The file is not valid CSV: ${(error as Error).message}` },
      ],
    };
  }
  const [header, ...body] = records;
  const at = columnIndex(header ?? []);
  if (at.comment === undefined) {
    const message = `No comment column: name one of ${importColumns.comment.map((a) => `“${a}”`).join(', ')}`;
    return { rows: [], read: body.length, problems: [{ row: 1, column: 'comment', message }] };
  }
  if (body.length > maxImportRows) {
    const message = `The file has ${body.length} rows; import at most ${maxImportRows} at a time`;
    return { rows: [], read: body.length, problems: [{ row: null, column: null, message }] };
  }
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  body.forEach((cells, i) => {
    const result = rowOf(cells, at, i + 2, fileName);
    if (result.problems.length) problems.push(...result.problems);
    else rows.push(result.parsed);
  });
  return { rows, problems, read: body.length };
}
