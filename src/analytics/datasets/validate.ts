// The validation report of an import: every value that cannot be read, by row, column and problem.
// Rows are numbered as in the file, as a spreadsheet shows them (for Parquet, 1 is the first). One
// pass over the file keeps only the rows with a problem (their row numbers, which checks fail, and
// the values to show); the report is then read from that small table.
import { randomUUID } from 'node:crypto';
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { codedMeasureFailingSql, measureCodings } from './coded-measures.ts';
import { ageSource, type ColumnMapping } from './mapping.ts';
import {
  LSOA_FROM_POSTCODE,
  lsoaFromPostcode,
  NOT_IN_DIRECTORY,
  notFullPostcodeSql,
  pseudoPostcodeSql,
} from './lsoa-from-postcode.ts';
import type { ColumnKinds } from './standard-columns.ts';
import * as std from './standardise.ts';

export interface ProblemCount {
  column: string;
  problem: string;
  rows: number;
  firstRow: number;
  /** The worksheet of the first row, when several were read as one (worksheets-read.ts). */
  firstSheet?: string;
}

export interface ProblemExample {
  row: number;
  /** The row's worksheet, when several were read as one (worksheets-read.ts). */
  sheet?: string;
  column: string;
  value: string;
  problem: string;
}

export interface ValidationReport {
  problems: ProblemCount[];
  examples: ProblemExample[];
  rowsWithProblems: number;
  warnings: string[];
  /**
   * The file's row of the headings: rows are numbered as in the file (as a spreadsheet shows them),
   * the first below the headings being this + 1; 0 for Parquet. Absent from reports of imports before
   * 2026-12-05, which numbered the first row below the headings 1.
   */
  headingRow?: number;
  /** The worksheets read as one, in order, when there were several: rows are numbered as in each. */
  sheets?: string[];
  /** Whether `sheets` are files read as one (several-files.ts) rather than a workbook's worksheets. */
  sheetsAreFiles?: true;
}

interface Check {
  column: string;
  problem: string;
  /** Condition on the raw row that is true when the value has this problem. */
  failing: string;
  /** Whether the raw value may be shown in the report (never for person identifiers). */
  showValue: boolean;
}

export const EXAMPLE_LIMIT = 100;

function checksFor(mapping: ColumnMapping, kinds: ColumnKinds, geographyRelation: string | null): Check[] {
  const c = mapping.columns;
  const checks: Check[] = [];
  const add = (
    column: string | undefined,
    problem: string,
    failing: (col: string, kind: std.ColumnKind) => string | null,
    showValue = true,
  ) => {
    if (!column) return;
    const condition = failing(sourceColumn(column), kinds.get(column) ?? 'text');
    if (condition) checks.push({ column, problem, failing: condition, showValue });
  };
  if (lsoaFromPostcode(mapping)) {
    // Never shown: a postcode identifies people.
    const found = sourceColumn(LSOA_FROM_POSTCODE);
    add(c.postcode, 'missing postcode', (col, kind) => std.isMissingSql(col, kind), false);
    // Only rows without an LSOA are tested further (the cheap test first: DuckDB then tests the
    // postcode's form on those rows alone).
    add(
      c.postcode,
      'not a full postcode (a postcode district or sector cannot give the LSOA)',
      (col) =>
        `${found} IS NULL AND ${std.isPresentSql(col)} AND ${notFullPostcodeSql(col)} AND NOT ${pseudoPostcodeSql(col)}`,
      false,
    );
    add(
      c.postcode,
      'pseudo-postcode ZZ99 (no fixed abode, or the address is not known), which has no LSOA',
      (col) => `${found} IS NULL AND ${std.isPresentSql(col)} AND ${pseudoPostcodeSql(col)}`,
      false,
    );
    add(
      c.postcode,
      NOT_IN_DIRECTORY,
      (col) =>
        `${found} IS NULL AND ${std.isPresentSql(col)} AND NOT ${notFullPostcodeSql(col)} AND NOT ${pseudoPostcodeSql(col)}`,
      false,
    );
  } else add(c.lsoa_code, 'missing LSOA code', (col, kind) => std.isMissingSql(col, kind), false);
  if (geographyRelation) {
    add(
      c.lsoa_code,
      `unknown LSOA ${mapping.lsoaVintage} code`,
      (col) =>
        `COALESCE(${std.lsoaSql(col)} NOT IN (SELECT lsoa_code FROM ${geographyRelation} WHERE vintage = ${literal(mapping.lsoaVintage)}), false)`,
    );
  }
  add(c.person_id, 'missing person identifier', (col, kind) => std.isMissingSql(col, kind), false);
  add(c.age, 'not a number', (col, kind) =>
    kind === 'number' ? null : `${std.isPresentSql(col)} AND ${std.ageNumberSql(col)} IS NULL`,
  );
  add(
    c.age,
    'impossible age',
    (col, kind) => `${std.ageNumberSql(col, kind)} IS NOT NULL AND NOT ${std.ageValidSql(col, kind)}`,
  );
  if (ageSource(mapping) === 'date_of_birth') {
    // Never shown: a date of birth identifies people.
    const event = std.dateSql(sourceColumn(c.event_date!), kinds.get(c.event_date!) ?? 'text');
    const age = (col: string, kind: std.ColumnKind) => std.ageAtSql(std.birthDateSql(col, kind), event);
    add(
      c.date_of_birth,
      'not a date that exists',
      (col, kind) =>
        kind === 'date' ? null : `${std.isPresentSql(col)} AND ${std.birthDateSql(col)} IS NULL`,
      false,
    );
    add(
      c.date_of_birth,
      'born after the event date',
      (col, kind) => `${std.birthDateSql(col, kind)} > ${event}`,
      false,
    );
    add(
      c.date_of_birth,
      'impossible age (over 120 at the event date)',
      (col, kind) => `${std.birthDateSql(col, kind)} <= ${event} AND ${age(col, kind)} IS NULL`,
      false,
    );
  }
  if (!ageSource(mapping))
    add(
      c.age_band,
      `not an age band Parity uses (${std.ageBands.map(([, , label]) => label).join(', ')}, or five-year bands 0-4 to 85-89 and 90+)`,
      (col) => std.ageBandFailingSql(col),
    );
  add(c.sex, 'unknown code (use F, M or U, or Female, Male or Not known)', (col) => std.sexFailingSql(col));
  add(
    c.ethnicity,
    mapping.ethnicityCoding === 'ons2021'
      ? 'unknown group (use the ONS 2021 census groups as written, such as "Asian, Asian British or Asian Welsh: Indian")'
      : 'unknown code (use an NHS ethnic category code, A to S, Z or 99, or its description)',
    (col) => std.ethnicFailingSql(col, mapping.ethnicityCoding),
  );
  add(c.event_date, 'not a date that exists, written YYYY-MM-DD or DD/MM/YYYY', (col, kind) =>
    kind === 'date' ? null : `${std.isPresentSql(col)} AND ${std.dateSql(col)} IS NULL`,
  );
  for (const [name, column] of Object.entries(mapping.measures)) {
    const coding = mapping.measureCodings[name];
    if (coding) {
      add(column, measureCodings[coding].problem, (col) => codedMeasureFailingSql(col, coding));
      continue;
    }
    add(column, 'not a number', (col, kind) =>
      kind === 'number' || kind === 'boolean'
        ? null
        : `${std.isPresentSql(col)} AND ${std.measureSql(col)} IS NULL`,
    );
  }
  for (const column of Object.values(mapping.flags)) {
    add(column, 'not a yes/no value (use 1/0, Y/N or true/false)', (col, kind) =>
      std.flagFailingSql(col, kind),
    );
  }
  return checks;
}

/**
 * One pass: the rows with any problem, a 0/1 column per check and the raw values to show. Each check
 * is computed once, in the inner SELECT; the filter on them is pushed below it, so the values to show
 * are only read for rows with a problem.
 */
function problemRowsSql(source: string, checks: Check[], leftOut: string, headingRow: number): string {
  const shown = [...new Set(checks.filter((c) => c.showValue).map((c) => c.column))];
  const columns = [
    `file_row_number + ${headingRow + 1} AS row_number`,
    ...checks.map((check, i) => `COALESCE(${check.failing}, false) AS c${i}`),
    ...shown.map((column, j) => `left(CAST(${sourceColumn(column)} AS VARCHAR), 40) AS v${j}`),
  ];
  return `SELECT * FROM (SELECT ${columns.join(', ')} FROM ${source} WHERE NOT ${leftOut}) checked WHERE ${checks.map((_c, i) => `c${i}`).join(' OR ')}`;
}

/** The problems of the problem rows, one row per failing check (row, column, value, problem). */
function problemsSql(table: string, checks: Check[]): string {
  const shown = [...new Set(checks.filter((c) => c.showValue).map((c) => c.column))];
  return checks
    .map(
      (check, i) =>
        `SELECT row_number, ${literal(check.column)} AS column_name, ` +
        `${check.showValue ? `v${shown.indexOf(check.column)}` : "''"} AS value, ` +
        `${literal(check.problem)} AS problem FROM ${table} WHERE c${i}`,
    )
    .join('\nUNION ALL\n');
}

async function readReport(
  store: AnalyticsStore,
  problems: string,
): Promise<Omit<ValidationReport, 'warnings'>> {
  const counts = await store.query<{ column_name: string; problem: string; n: string; first_row: string }>(
    `SELECT column_name, problem, count(*) AS n, min(row_number) AS first_row FROM ${problems} p GROUP BY column_name, problem ORDER BY first_row, column_name, problem`,
  );
  if (counts.length === 0) return { problems: [], examples: [], rowsWithProblems: 0 };
  const examples = await store.query<{
    row_number: string;
    column_name: string;
    value: string | null;
    problem: string;
  }>(
    `SELECT row_number, column_name, value, problem FROM ${problems} p ORDER BY row_number, column_name LIMIT ${EXAMPLE_LIMIT}`,
  );
  const [distinct] = await store.query<{ n: string }>(
    `SELECT count(DISTINCT row_number) AS n FROM ${problems} p`,
  );
  return {
    problems: counts.map((r) => ({
      column: r.column_name,
      problem: r.problem,
      rows: Number(r.n),
      firstRow: Number(r.first_row),
    })),
    examples: examples.map((r) => ({
      row: Number(r.row_number),
      column: r.column_name,
      value: r.value ?? '',
      problem: r.problem,
    })),
    rowsWithProblems: Number(distinct?.n ?? 0),
  };
}

/** Runs every check over the staged file in one streamed pass; only rows with problems are kept. */
export async function validateSource(
  store: AnalyticsStore,
  /** `headingRow`: the file's row of the headings (source.ts), so that rows are numbered as in the file. */
  staged: { parquet: string; kinds: ColumnKinds; headingRow: number },
  mapping: ColumnMapping,
  geographyRelation: string | null,
  /** Rows not to check, as they are not imported (left-out-rows.ts). */
  leftOut: string,
): Promise<ValidationReport> {
  const warnings: string[] = [];
  if (!geographyRelation) {
    warnings.push(
      `No LSOA ${mapping.lsoaVintage} reference geography has been imported, so LSOA codes were not checked and deprivation cannot be linked. Import it with "parity geo import".`,
    );
  }
  const checks = checksFor(mapping, staged.kinds, geographyRelation);
  const numbered = { headingRow: staged.headingRow };
  if (checks.length === 0) return { problems: [], examples: [], rowsWithProblems: 0, warnings, ...numbered };
  const table = `problem_rows_${randomUUID().replaceAll('-', '')}`;
  const source = `read_parquet(${literal(staged.parquet)}, file_row_number = true)`;
  await store.run(
    `CREATE TEMP TABLE ${table} AS ${problemRowsSql(source, checks, leftOut, staged.headingRow)}`,
  );
  try {
    return { ...(await readReport(store, `(${problemsSql(table, checks)})`)), warnings, ...numbered };
  } finally {
    await store.run(`DROP TABLE IF EXISTS ${table}`);
  }
}
