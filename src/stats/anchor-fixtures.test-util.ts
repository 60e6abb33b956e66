// Test-only helpers: read the reference fixtures from the sibling shared/ folder at test time
// (they are GPL-3 / AGPL-3 and are never copied into this repository).
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ANCHORS = path.resolve(import.meta.dirname, '../../../shared/anchors');

export function readAnchorJson<T>(relative: string): T {
  return JSON.parse(readFileSync(path.join(ANCHORS, relative), 'utf8')) as T;
}

/** Parse a CSV file (RFC 4180 quoting) into records keyed by the header. Empty cells become ''. */
export function readAnchorCsv(relative: string): Record<string, string>[] {
  const text = readFileSync(path.join(ANCHORS, relative), 'utf8').replace(/^\uFEFF/, '');
  const records = parseCsv(text);
  const header = (records.shift() ?? []).map((h) => h.trim());
  return records
    .filter((r) => r.length > 1 || (r[0] ?? '') !== '')
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** '' and 'NA' → NaN, otherwise Number(). */
export function num(cell: string | undefined): number {
  return cell === undefined || cell === '' || cell === 'NA' ? NaN : Number(cell);
}

/** |actual − expected| ≤ tol·|expected| (or both NaN). */
export function relClose(actual: number, expected: number, tol: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  return Math.abs(actual - expected) <= tol * Math.abs(expected);
}
