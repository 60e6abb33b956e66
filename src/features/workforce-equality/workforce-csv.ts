import { parse } from 'csv-parse/sync';
import { FormError } from '../shared/errors.ts';
import { cohorts, groupsAllowed, measures, type Cohort, type Figure, type Measure } from './workforce.ts';

export const csvColumns = ['year', 'measure', 'group', 'cluster', 'value', 'base'] as const;
const maxProblems = 20;

interface Problem {
  row: number;
  column: string;
  message: string;
}

function readRows(text: string): string[][] {
  try {
    const rows: unknown = parse(text.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
    return rows as string[][];
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unreadable';
    throw new FormError([{ field: 'file', message: `The file is not a readable CSV file: ${detail}` }]);
  }
}

function checkHeader(header: string[] | undefined): Record<(typeof csvColumns)[number], number> {
  const names = (header ?? []).map((h) => h.toLowerCase());
  const missing = csvColumns.filter((c) => c !== 'cluster' && c !== 'base' && !names.includes(c));
  if (missing.length) {
    throw new FormError([
      {
        field: 'file',
        message: `Row 1: the file must have the columns ${csvColumns.join(', ')}; missing ${missing.join(', ')}`,
      },
    ]);
  }
  return Object.fromEntries(csvColumns.map((c) => [c, names.indexOf(c)])) as Record<
    (typeof csvColumns)[number],
    number
  >;
}

function parseRow(
  cells: string[],
  at: Record<(typeof csvColumns)[number], number>,
  row: number,
  problems: Problem[],
): Figure | null {
  const cell = (c: (typeof csvColumns)[number]) => (at[c] >= 0 ? (cells[at[c]] ?? '') : '');
  const problem = (column: string, message: string) => {
    problems.push({ row, column, message });
    return null;
  };
  const year = Number(cell('year'));
  if (!/^\d{4}$/.test(cell('year')) || year < 2000 || year > 2100)
    return problem('year', 'enter a year such as 2025');
  const measure = cell('measure');
  if (!(measure in measures))
    return problem('measure', `“${measure}” is not one of the measures listed in the guidance`);
  const spec = measures[measure as Measure];
  const cohort = cell('group');
  if (
    !(cohorts as readonly string[]).includes(cohort) ||
    !groupsAllowed(spec.groups).includes(cohort as Cohort)
  ) {
    return problem(
      'group',
      `“${cohort}” is not a group used for ${measure}; use ${groupsAllowed(spec.groups).join(', ')}`,
    );
  }
  const value = Number(cell('value'));
  if (cell('value') === '' || !Number.isFinite(value)) return problem('value', 'enter a number');
  if (spec.kind === 'score' && (value < 0 || value > 10))
    return problem('value', 'an engagement score is from 0 to 10');
  if (spec.kind === 'yesno' && value !== 0 && value !== 1)
    return problem('value', 'enter 1 for yes or 0 for no');
  if ((spec.kind === 'count' || spec.kind === 'survey') && (!Number.isInteger(value) || value < 0)) {
    return problem('value', 'enter a whole number of 0 or more');
  }
  let base: number | null = null;
  if (spec.kind === 'survey') {
    base = Number(cell('base'));
    if (cell('base') === '' || !Number.isInteger(base) || base < 0)
      return problem('base', 'enter the number of people who answered, a whole number');
    if (value > base) return problem('value', 'cannot be more than the number who answered (base)');
  }
  const cluster = 'cluster' in spec && spec.cluster ? cell('cluster') || 'All staff' : '';
  return { year, measure: measure as Measure, cohort: cohort as Cohort, cluster, value, base };
}

/** Reads the documented CSV; every problem names its row (counting the header as row 1) and column. */
export function parseWorkforceCsv(text: string): Figure[] {
  const [header, ...rows] = readRows(text);
  const at = checkHeader(header);
  if (rows.length === 0)
    throw new FormError([{ field: 'file', message: 'The file has a header but no figures' }]);
  const problems: Problem[] = [];
  const figures: Figure[] = [];
  const seen = new Set<string>();
  rows.forEach((cells, i) => {
    const figure = parseRow(cells, at, i + 2, problems);
    if (!figure) return;
    const key = `${figure.year}|${figure.measure}|${figure.cohort}|${figure.cluster}`;
    if (seen.has(key))
      problems.push({
        row: i + 2,
        column: 'measure',
        message: 'repeats an earlier row for the same year, measure, group and cluster',
      });
    seen.add(key);
    figures.push(figure);
  });
  if (problems.length) {
    const shown = problems
      .slice(0, maxProblems)
      .map((p) => ({ field: 'file', message: `Row ${p.row}, column ${p.column}: ${p.message}` }));
    if (problems.length > maxProblems)
      shown.push({ field: 'file', message: `… and ${problems.length - maxProblems} more problems` });
    throw new FormError(shown);
  }
  return figures;
}
