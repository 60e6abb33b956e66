// The validation report of an import: every value that cannot be read, by row, column and problem.
// Rows are numbered as in the file, as a spreadsheet shows them (for Parquet, 1 is the first). One
// pass over the file keeps only the rows with a problem (their row numbers, which checks fail, and
// the values to show); the report is then read from that small table.
import { eventDateRange, TOO_EARLY, tooLate } from './event-dates.ts';
import { randomUUID } from 'node:crypto';
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { codedMeasureFailingSql, measureCodings } from './coded-measures.ts';
import { NOT_A_CODE, notACodeSql } from './clinical-codes.ts';
import { inWeeksAndDays, measureValueSql } from './weeks-and-days.ts';
import { EXCEL_ERROR, excelErrorSql } from './excel-errors.ts';
import { ageSource, notBelowZero, type ColumnMapping } from './mapping.ts';
import { LSOA_FROM_NAME, lsoaFromName } from './lsoa-from-name.ts';
import {
  LSOA_FROM_POSTCODE,
  lsoaFromPostcode,
  NOT_IN_DIRECTORY,
  notFullPostcodeSql,
  pseudoPostcodeSql,
} from './lsoa-from-postcode.ts';
import { notPlacedProblem, type CodesRead } from './lsoa-other-vintage.ts';
import type { ColumnKinds } from './standard-columns.ts';
import * as std from './standardise.ts';
import { weekdaySlipSql, type DateOrder } from './written-dates.ts';

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
  /** The day the row is dated (YYYY-MM-DD), when it has a date: corrections replace rows by day. */
  day?: string;
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
  /**
   * The problems by the day their rows are dated (problem-days.ts), so that corrections, which replace
   * the rows of days, can take out the problems of the rows they replace. Absent from reports of
   * datasets without dates and of imports before 2026-12-06.
   */
  problemDays?: ProblemDay[];
}

/** The problems of the rows dated on one day (null: rows without a date), counted as in the report. */
export interface ProblemDay {
  day: string | null;
  rowsWithProblems: number;
  problems: ProblemCount[];
}

/** Every count of a report naming a first row, to be numbered as in the file (or worksheet) together. */
export const namedProblems = (report: ValidationReport): ProblemCount[] => [
  ...report.problems,
  ...(report.problemDays ?? []).flatMap((d) => d.problems),
];

interface Check {
  column: string;
  problem: string;
  /** Condition on the raw row that is true when the value has this problem. */
  failing: string;
  /** Whether the raw value may be shown in the report (never for person identifiers). */
  showValue: boolean;
}

export const EXAMPLE_LIMIT = 100;

export const PERSON_NOT_KNOWN = 'a word for not known (such as "Unknown") instead of a person identifier';

function checksFor(
  mapping: ColumnMapping,
  kinds: ColumnKinds,
  geographyRelation: string | null,
  person: std.PersonValues,
  otherVintage: { notPlaced: readonly string[]; read: CodesRead | null },
): Check[] {
  const c = mapping.columns;
  const order = mapping.dateOrder ?? 'day-first';
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
  } else if (lsoaFromName(mapping)) {
    const found = sourceColumn(LSOA_FROM_NAME);
    add(c.lsoa_name, 'missing LSOA name', (col, kind) => std.isMissingSql(col, kind), false);
    add(
      c.lsoa_name,
      `not the name of an LSOA ${mapping.lsoaVintage} in the reference geography imported`,
      (col) => `${found} IS NULL AND ${std.isPresentSql(col)}`,
    );
  } else add(c.lsoa_code, 'missing LSOA code', (col, kind) => std.isMissingSql(col, kind), false);
  const { notPlaced, read } = otherVintage;
  const isNotPlaced = (col: string) => `${std.lsoaSql(col)} IN (${notPlaced.map(literal).join(', ')})`;
  if (notPlaced.length) add(c.lsoa_code, notPlacedProblem(mapping.lsoaVintage), isNotPlaced);
  // Codes looked up from names are the geography's own.
  if (geographyRelation && !lsoaFromName(mapping)) {
    const held = `SELECT lsoa_code FROM ${geographyRelation} WHERE vintage = ${literal(mapping.lsoaVintage)}`;
    // The codes read as another are tested as they are in the file (reading them through the join
    // here would have every code tidied row by row), and known when the area they are read as is.
    const known = read
      ? `${held} UNION ALL SELECT code FROM read_parquet(${literal(read.file)}) WHERE area IN (${held})`
      : held;
    add(
      c.lsoa_code,
      `unknown LSOA ${mapping.lsoaVintage} code`,
      (col) =>
        `COALESCE(${std.lsoaSql(col)} NOT IN (${known})${notPlaced.length ? ` AND NOT ${isNotPlaced(col)}` : ''}, false)`,
    );
  }
  add(c.person_id, 'missing person identifier', (col, kind) => std.isMissingSql(col, kind), false);
  if (person.notKnown) add(c.person_id, PERSON_NOT_KNOWN, (col) => std.notKnownSql(col), false);
  if (person.errorValues) add(c.person_id, EXCEL_ERROR, (col) => excelErrorSql(col), false);
  add(c.age, 'not a number', (col, kind) =>
    kind === 'number' ? null : std.unreadableSql(col, std.ageNumberSql(col)),
  );
  add(
    c.age,
    'impossible age',
    (col, kind) => `${std.ageNumberSql(col, kind)} IS NOT NULL AND NOT ${std.ageValidSql(col, kind)}`,
  );
  if (ageSource(mapping) === 'date_of_birth') {
    // Never shown: a date of birth identifies people.
    const event = std.dateSql(
      sourceColumn(c.event_date!),
      kinds.get(c.event_date!) ?? 'text',
      'event',
      order,
    );
    const born = (col: string, kind: std.ColumnKind = 'text') => std.birthDateSql(col, kind, order);
    const age = (col: string, kind: std.ColumnKind) => std.ageAtSql(born(col, kind), event);
    add(
      c.date_of_birth,
      'not a date that exists',
      (col, kind) => (kind === 'date' ? null : std.unreadableSql(col, born(col))),
      false,
    );
    add(c.date_of_birth, 'born after the event date', (col, kind) => `${born(col, kind)} > ${event}`, false);
    add(
      c.date_of_birth,
      'impossible age (over 120 at the event date)',
      (col, kind) => `${born(col, kind)} <= ${event} AND ${age(col, kind)} IS NULL`,
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
  addDateChecks(
    add,
    c.event_date,
    `not a date that exists, written YYYY-MM-DD or ${order === 'day-first' ? 'DD/MM/YYYY' : 'MM/DD/YYYY'}`,
    order,
  );
  const { from, before } = eventDateRange();
  const rowDate = (col: string, kind: std.ColumnKind) => std.dateSql(col, kind, 'event', order);
  add(c.event_date, TOO_EARLY, (col, kind) => `${rowDate(col, kind)} < DATE '${from}'`);
  add(c.event_date, tooLate(), (col, kind) => `${rowDate(col, kind)} >= DATE '${before}'`);
  for (const [name, column] of Object.entries(mapping.measures)) {
    if (mapping.measuresGivenAs[name] === 'start-date') {
      addWaitStartChecks(add, column, c.event_date, kinds, order);
      continue;
    }
    const coding = mapping.measureCodings[name];
    if (coding) {
      add(column, measureCodings[coding].problem, (col) => codedMeasureFailingSql(col, coding));
      continue;
    }
    const weeksAndDays = inWeeksAndDays.has(name) && mapping.measuresGivenAs[name] === undefined;
    add(column, weeksAndDays ? NOT_WEEKS : 'not a number', (col, kind) =>
      kind === 'number' || kind === 'boolean'
        ? null
        : std.unreadableSql(col, measureValueSql(col, 'text', weeksAndDays)),
    );
    if (notBelowZero.has(name)) add(column, BELOW_ZERO, (col, kind) => `${std.measureSql(col, kind)} < 0`);
  }
  for (const column of new Set(Object.values(mapping.diagnosisMeasures)))
    add(column, NOT_A_CODE.diagnosis, (col) => notACodeSql(col, 'diagnosis'));
  add(mapping.mainProcedure, NOT_A_CODE.procedure, (col) => notACodeSql(col, 'procedure'));
  for (const column of Object.values(mapping.flags)) {
    add(column, 'not a yes/no value (use 1/0, Y/N or true/false)', (col, kind) =>
      std.flagFailingSql(col, kind),
    );
  }
  return checks;
}

type AddCheck = (
  column: string | undefined,
  problem: string,
  failing: (col: string, kind: std.ColumnKind) => string | null,
) => void;

/**
 * A date column's checks: a date that cannot be read, or one typed with a weekday that is not its
 * own ("Tuesday, 1 May 2024"), which only the person who typed it can tell which is right.
 */
function addDateChecks(add: AddCheck, column: string | undefined, notADate: string, order: DateOrder): void {
  // Each test within a CASE, as DuckDB works out both sides of an AND for every row: a date is read
  // once for each row, and tested for a weekday only where one is typed or it could not be read.
  const unread = (col: string) =>
    `${std.isPresentSql(col)} AND ${std.dateSql(col, 'text', 'event', order)} IS NULL`;
  // A date written as not known ("Unknown") is no date, as a blank is.
  add(column, notADate, (col, kind) =>
    kind === 'date'
      ? null
      : `CASE WHEN ${unread(col)} THEN NOT (${std.notKnownSql(col)} OR ${weekdaySlipSql(col, order)}) ELSE false END`,
  );
  add(column, WEEKDAY_SLIP, (col, kind) =>
    kind === 'date' ? null : `CASE WHEN ${weekdaySlipSql(col, order)} THEN ${unread(col)} ELSE false END`,
  );
}

export const NOT_WEEKS = 'not a number of weeks (such as 39, 39.3, or in weeks and days 39+2)';
export const BELOW_ZERO = 'below zero, which no wait can be (check the value, or how it was worked out)';

export const WEEKDAY_SLIP = "a weekday that is not the date's (check which of the two is right)";

/** The checks of a column of the dates waits began (an RTT clock start), against the date of each row. */
function addWaitStartChecks(
  add: AddCheck,
  column: string,
  eventColumn: string | undefined,
  kinds: ColumnKinds,
  order: DateOrder,
): void {
  const start = (col: string, kind: std.ColumnKind) => std.dateSql(col, kind, 'event', order);
  addDateChecks(add, column, 'not a date that exists', order);
  if (!eventColumn) return;
  const event = start(sourceColumn(eventColumn), kinds.get(eventColumn) ?? 'text');
  add(
    column,
    "after the row's date, so no wait can be worked out",
    (col, kind) => `${start(col, kind)} > ${event}`,
  );
}

/**
 * One pass: the rows with any problem, a 0/1 column per check and the raw values to show. Each check
 * is computed once, in the inner SELECT; the filter on them is pushed below it, so the values to show
 * are only read for rows with a problem.
 */
function problemRowsSql(
  source: string,
  checks: Check[],
  leftOut: string,
  headingRow: number,
  /** The row's date as stored, when the dataset has dates. */
  day: string | null,
): string {
  const shown = [...new Set(checks.filter((c) => c.showValue).map((c) => c.column))];
  const columns = [
    `file_row_number + ${headingRow + 1} AS row_number`,
    `${day ? `CAST(${day} AS VARCHAR)` : 'CAST(NULL AS VARCHAR)'} AS day`,
    ...checks.map((check, i) => `COALESCE(${check.failing}, false) AS c${i}`),
    ...shown.map((column, j) => `left(CAST(${sourceColumn(column)} AS VARCHAR), 40) AS v${j}`),
    ...checkedColumns(checks).map(
      (column, k) => `COALESCE(${excelErrorSql(sourceColumn(column))}, false) AS x${k}`,
    ),
  ];
  return `SELECT * FROM (SELECT ${columns.join(', ')} FROM ${source} WHERE NOT ${leftOut}) checked WHERE ${checks.map((_c, i) => `c${i}`).join(' OR ')}`;
}

const checkedColumns = (checks: Check[]): string[] => [...new Set(checks.map((c) => c.column))];

/**
 * The problems of the problem rows, one row per failing check (row, column, value, problem). A value
 * that is a spreadsheet's error value fails its column's checks because of a formula, which the
 * problem then names instead.
 */
function problemsSql(table: string, checks: Check[]): string {
  const shown = [...new Set(checks.filter((c) => c.showValue).map((c) => c.column))];
  const checked = checkedColumns(checks);
  return checks
    .map(
      (check, i) =>
        `SELECT row_number, day, ${literal(check.column)} AS column_name, ` +
        `${check.showValue ? `v${shown.indexOf(check.column)}` : "''"} AS value, ` +
        `CASE WHEN x${checked.indexOf(check.column)} THEN ${literal(EXCEL_ERROR)} ELSE ${literal(check.problem)} END AS problem FROM ${table} WHERE c${i}`,
    )
    .join('\nUNION ALL\n');
}

type CountRow = { day?: string | null; column_name: string; problem: string; n: string; first_row: string };

const problemCount = (r: CountRow): ProblemCount => ({
  column: r.column_name,
  problem: r.problem,
  rows: Number(r.n),
  firstRow: Number(r.first_row),
});

/**
 * The problems of each day the problem rows are dated on (and of those without a date). `table` has
 * one row per row with a problem; `problems`, one per problem.
 */
async function problemsByDay(store: AnalyticsStore, table: string, problems: string): Promise<ProblemDay[]> {
  const counts = await store.query<CountRow>(
    `SELECT day, column_name, problem, count(*) AS n, min(row_number) AS first_row FROM ${problems} p GROUP BY day, column_name, problem ORDER BY day, first_row, column_name, problem`,
  );
  const rows = await store.query<{ day: string | null; n: string }>(
    `SELECT day, count(*) AS n FROM ${table} GROUP BY day`,
  );
  const ofDay = new Map<string | null, ProblemCount[]>();
  for (const c of counts) {
    const day = c.day ?? null;
    if (!ofDay.has(day)) ofDay.set(day, []);
    ofDay.get(day)!.push(problemCount(c));
  }
  return rows
    .map((r) => ({ day: r.day, rowsWithProblems: Number(r.n), problems: ofDay.get(r.day) ?? [] }))
    .sort((a, b) => (a.day ?? '9999').localeCompare(b.day ?? '9999'));
}

async function readReport(
  store: AnalyticsStore,
  table: string,
  checks: Check[],
  dated: boolean,
): Promise<Omit<ValidationReport, 'warnings'>> {
  const problems = `(${problemsSql(table, checks)})`;
  const counts = await store.query<CountRow>(
    `SELECT column_name, problem, count(*) AS n, min(row_number) AS first_row FROM ${problems} p GROUP BY column_name, problem ORDER BY first_row, column_name, problem`,
  );
  const byDay = dated ? { problemDays: [] } : {};
  if (counts.length === 0) return { problems: [], examples: [], rowsWithProblems: 0, ...byDay };
  const examples = await store.query<{
    row_number: string;
    day: string | null;
    column_name: string;
    value: string | null;
    problem: string;
  }>(
    `SELECT row_number, day, column_name, value, problem FROM ${problems} p ORDER BY row_number, column_name LIMIT ${EXAMPLE_LIMIT}`,
  );
  // The table has one row per row with a problem.
  const [distinct] = await store.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
  return {
    problems: counts.map(problemCount),
    examples: examples.map((r) => ({
      row: Number(r.row_number),
      ...(r.day ? { day: r.day } : {}),
      column: r.column_name,
      value: r.value ?? '',
      problem: r.problem,
    })),
    rowsWithProblems: Number(distinct?.n ?? 0),
    ...(dated ? { problemDays: await problemsByDay(store, table, problems) } : {}),
  };
}

/** Runs every check over the staged file in one streamed pass; only rows with problems are kept. */
export async function validateSource(
  store: AnalyticsStore,
  /** `headingRow`: the file's row of the headings (source.ts), so that rows are numbered as in the file. */
  staged: {
    parquet: string;
    kinds: ColumnKinds;
    headingRow: number;
    /** What some person identifiers are: spreadsheet error values, words for not known. */
    person: std.PersonValues;
    /**
     * LSOA codes of the other vintage (lsoa-other-vintage.ts): those whose area is in several of the
     * file's vintage, and those read as one area of it.
     */
    lsoaNotPlaced?: readonly string[];
    codesRead?: CodesRead | null;
  },
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
  const checks = checksFor(mapping, staged.kinds, geographyRelation, staged.person, {
    notPlaced: staged.lsoaNotPlaced ?? [],
    read: staged.codesRead ?? null,
  });
  const numbered = { headingRow: staged.headingRow };
  const date = mapping.columns.event_date;
  const kind = date ? (staged.kinds.get(date) ?? 'text') : 'text';
  const day = date ? std.dateSql(sourceColumn(date), kind, 'event', mapping.dateOrder) : null;
  if (checks.length === 0)
    return {
      problems: [],
      examples: [],
      rowsWithProblems: 0,
      warnings,
      ...numbered,
      ...(day ? { problemDays: [] } : {}),
    };
  const table = `problem_rows_${randomUUID().replaceAll('-', '')}`;
  const source = `read_parquet(${literal(staged.parquet)}, file_row_number = true)`;
  await store.run(
    `CREATE TEMP TABLE ${table} AS ${problemRowsSql(source, checks, leftOut, staged.headingRow, day)}`,
  );
  try {
    return { ...(await readReport(store, table, checks, day !== null)), warnings, ...numbered };
  } finally {
    await store.run(`DROP TABLE IF EXISTS ${table}`);
  }
}
