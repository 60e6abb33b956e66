// The standard columns a linked PostgreSQL table may leave out, because Parity works them out where
// the data is, as an import does (standard-columns.ts): the age band and ESP2013 band from `age`, the
// financial year (`period`) from `event_date`, and, without those, what an import writes when a file
// has no age, date, sex or ethnicity. A warehouse's table then needs no view written for Parity only
// to compute bands and years. The SQL runs in each query, where the table is.
import { eventDateRange, eventYearsEnd } from './event-dates.ts';
import type { TableColumn } from '../postgres-source.ts';
import { inListSql, sourceColumn } from '../sql-text.ts';
import type { DatasetFields } from './import.ts';
import { linkedAgeBandSql } from './linked-age-bands.ts';
import { linkedAgeSql } from './linked-ages.ts';
import { linkedCodedSql } from './linked-codes.ts';
import { linkedYearMonthSql, textFinancialYearSql } from './linked-dates.ts';
import { linkedEthnicSql } from './linked-ethnicity.ts';
import { ageBandSql, espBandSql, sexSql } from './standardise.ts';

const numeric = /^(smallint|integer|bigint|numeric|real|double precision)$/;
export const textTypes = /^(text|character varying|character)$/;
const dated = /^(date|timestamp)/;

const typeOf = (columns: TableColumn[], name: string) => columns.find((c) => c.name === name)?.type ?? '';

/** Whether the table's ages are text, read as an import reads them (linked-ages.ts). */
export const hasTextAge = (columns: TableColumn[]): boolean => textTypes.test(typeOf(columns, 'age'));

/** Whether the table has ages in years Parity can read: an `age` of numbers or of text. */
export const hasAgeInYears = (columns: TableColumn[]): boolean =>
  numeric.test(typeOf(columns, 'age')) || hasTextAge(columns);

/** Whether the table's event dates are dates or timestamps. */
export const hasTypedDate = (columns: TableColumn[]): boolean => dated.test(typeOf(columns, 'event_date'));

/** Whether the table's event dates are text (read in the form found at the link, linked-dates.ts). */
export const hasTextDate = (columns: TableColumn[]): boolean => textTypes.test(typeOf(columns, 'event_date'));

/** What the link found in columns of text, which the queries read as it found them. */
export type ReadAtLink = Pick<
  DatasetFields,
  'ethnicValues' | 'codedMeasures' | 'ageValues' | 'eventDates' | 'ageBandValues'
>;

/** The first financial year placed by comparisons: earlier dates are worked out from the date. */
const FIRST_LISTED_YEAR = 2000;

/**
 * The financial year of a date, as an import names it ("2023/24"): the calendar year three months
 * before. Dates from April 2000 to the end of next year's financial year are placed by comparing
 * them with each year's 1 April, latest first, since most rows are recent; others are worked out
 * from the date. The comparisons cost a sixth of the working out in PostgreSQL (a 2-million-row
 * table of dates: 1.04–1.12 times a table with the years written in, against 1.58–1.68 times,
 * bench/linked-columns.ts). `date_part` gives a double, which PostgreSQL works out faster than
 * EXTRACT's numeric.
 */
export function financialYearSql(date: string, thisYear = new Date().getUTCFullYear()): string {
  const start = `CAST(date_part('year', ${date} - INTERVAL '3 months') AS INTEGER)`;
  const workedOut = `CAST(${start} AS VARCHAR(4)) || '/' || lpad(CAST(MOD(${start} + 1, 100) AS VARCHAR(2)), 2, '0')`;
  const label = (year: number) => `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
  const listed: string[] = [];
  for (let year = eventYearsEnd(thisYear) - 1; year >= FIRST_LISTED_YEAR; year--)
    listed.push(`WHEN ${date} >= DATE '${year}-04-01' THEN '${label(year)}'`);
  // Dates outside those a row can have are in no year, as an import stores them (event-dates.ts).
  const { from, before } = eventDateRange(thisYear);
  return `CASE WHEN ${date} IS NULL OR ${date} >= DATE '${before}' OR ${date} < DATE '${from}' THEN NULL ${listed.join(' ')} ELSE ${workedOut} END`;
}

export interface WorkedOutColumn {
  column: string;
  sql: string;
  /** How it is worked out, in words, for the link's report. */
  from: string;
}

/**
 * The standard columns the table lacks, each with the SQL (over the table as `t`, its age and date
 * as the queries read them) that stands in.
 */
export function workedOutColumns(columns: TableColumn[], read: ReadAtLink = {}): WorkedOutColumn[] {
  const has = (name: string) => columns.some((c) => c.name === name);
  const age = hasAgeInYears(columns);
  const textDates = hasTextDate(columns) ? read.eventDates : undefined;
  const date = hasTypedDate(columns) || textDates !== undefined;
  const worked: WorkedOutColumn[] = [];
  if (!has('age_band'))
    worked.push(
      age
        ? { column: 'age_band', sql: ageBandSql('t.age'), from: 'the age band from age' }
        : { column: 'age_band', sql: 'CAST(NULL AS VARCHAR)', from: 'no age band (there is no age either)' },
    );
  const fiveYearBands =
    has('age_band') && Object.values(read.ageBandValues ?? {}).some((r) => r.esp !== null);
  if (!has('esp_band'))
    worked.push(
      age
        ? { column: 'esp_band', sql: espBandSql('t.age'), from: 'the ESP2013 age band from age' }
        : fiveYearBands
          ? {
              column: 'esp_band',
              sql: linkedAgeBandSql('t.age_band', read.ageBandValues ?? {}, 'esp'),
              from: 'the ESP2013 age band from the five-year bands in age_band',
            }
          : {
              column: 'esp_band',
              sql: 'CAST(NULL AS INTEGER)',
              from: 'no ESP2013 age band, so no directly standardised rate',
            },
    );
  if (!has('period'))
    worked.push(
      date
        ? {
            column: 'period',
            // As an import names a row without a date.
            sql: `COALESCE(${textDates ? textFinancialYearSql('t.event_date', textDates.form) : financialYearSql('t.event_date')}, 'Not known')`,
            from: 'the financial year from event_date',
          }
        : {
            column: 'period',
            sql: "'All'",
            from: 'one period, "All", for every row (there is no event_date Parity reads as dates)',
          },
    );
  if (!has('sex')) worked.push({ column: 'sex', sql: "'U'", from: "every row's sex as not known" });
  if (!has('ethnic_code'))
    worked.push({ column: 'ethnic_code', sql: "'99'", from: "every row's ethnic group as not known" });
  return worked;
}

/** Sex as Parity writes it (F, M, U). */
const sexCodes = ['F', 'M', 'U'];

/**
 * A sex column read as an import reads one (1 or Male as M, 2 or Female as F, 0, 9 or Not known as
 * U), as a warehouse may hold the NHS Data Dictionary's codes: values already F, M or U are taken as
 * they are, with one test a row, and only others are looked up.
 */
export const linkedSexSql = (column: string): string => {
  const value = `CAST(${column} AS VARCHAR)`;
  return `CASE WHEN ${inListSql(value, sexCodes)} THEN ${value} ELSE COALESCE(${sexSql(column)}, 'U') END`;
};

/** Standard columns that are not worked out from others: a table without them has none. */
const notRecorded: Record<string, string> = { person_id: 'VARCHAR', age: 'INTEGER', event_date: 'DATE' };

/**
 * The table as the queries read it: with its sex read, its ethnic groups read from the values found
 * when it was linked (`ethnicValues`, linked-ethnicity.ts), its measures from columns of codes
 * (`codedMeasures`, linked-codes.ts), its ages and dates from text (linked-ages.ts,
 * linked-dates.ts), the columns it lacks worked out, and empty identifiers, ages and dates when it
 * has none.
 */
export function linkedRelation(table: string, columns: TableColumn[], read: ReadAtLink = {}): string {
  const worked = workedOutColumns(columns, read);
  const has = (name: string) => columns.some((c) => c.name === name);
  const readAs: Record<string, string> = { sex: linkedSexSql('t.sex') };
  if (hasTextAge(columns)) readAs.age = linkedAgeSql('t.age', read.ageValues);
  if (hasTextDate(columns))
    // The year and month as text, or no date: a query asks only whether a row has a date, and
    // which financial year it falls in.
    readAs.event_date = read.eventDates
      ? linkedYearMonthSql('t.event_date', read.eventDates)
      : 'CAST(NULL AS DATE)';
  if (Object.keys(read.ageBandValues ?? {}).length)
    readAs.age_band = linkedAgeBandSql('t.age_band', read.ageBandValues ?? {}, 'band');
  const ethnicValues = read.ethnicValues ?? {};
  if (Object.keys(ethnicValues).length) readAs.ethnic_code = linkedEthnicSql('t.ethnic_code', ethnicValues);
  // Booleans as 1 and 0, as an import stores a flag or measure of them.
  for (const c of columns.filter((c) => c.type === 'boolean'))
    readAs[c.name] =
      `CASE WHEN t.${sourceColumn(c.name)} THEN 1 WHEN NOT t.${sourceColumn(c.name)} THEN 0 END`;
  const coded = Object.entries(read.codedMeasures ?? {});
  // A column of text read as numbers stands in for itself; codes give their measure beside them.
  for (const [measure, values] of coded)
    if (measure === values.column) readAs[measure] = linkedCodedSql(values);
  // Each column of the relation: its name and the SQL over the table that gives it.
  const selected: [name: string, sql: string][] = columns
    .filter((c) => !(c.name in readAs))
    .map((c) => [c.name, `t.${sourceColumn(c.name)}`]);
  for (const [name, sql] of Object.entries(readAs)) if (has(name)) selected.push([name, sql]);
  // As an imported file without them has: no identifiers (who a dataset reaches is then counted in
  // rows), ages or dates (counted as not recorded).
  for (const [name, type] of Object.entries(notRecorded))
    if (!has(name)) selected.push([name, `CAST(NULL AS ${type})`]);
  for (const [measure, values] of coded) if (!has(measure)) selected.push([measure, linkedCodedSql(values)]);
  const as = ([name, sql]: [string, string]) => `${sql} AS ${sourceColumn(name)}`;
  const workedSql = worked.map((w) => `${w.sql} AS ${w.column}`);
  if (!(hasTextAge(columns) || hasTextDate(columns)) || workedSql.length === 0)
    return `(SELECT ${[...selected.map(as), ...workedSql].join(', ')} FROM ${table} t)`;
  // The bands and the financial year name the age and date many times over, and PostgreSQL would
  // put the reading of the text in place of each. A volatile function in the inner query keeps it
  // from doing so; unlike OFFSET 0, clock_timestamp() is parallel safe, so the scan keeps its
  // workers (day-first dates: 0.74 s against 1.50 s behind OFFSET 0, and 5.7 s read in each place).
  const outer = selected.map(([name]) => `t.${sourceColumn(name)}`);
  return `(SELECT ${[...outer, ...workedSql].join(', ')} FROM (SELECT ${[...selected.map(as), 'clock_timestamp() AS read_once'].join(', ')} FROM ${table} t) t)`;
}

/**
 * Aggregates counting the rows of a sex column whose values are read from others than F, M and U
 * (sex_read), and those that cannot be read (sex_unread, one of them as sex_example).
 */
export const sexCountsSql = (column: string): string => {
  const value = `CAST(${column} AS VARCHAR)`;
  const other = `${column} IS NOT NULL AND NOT ${inListSql(value, sexCodes)}`;
  return `SUM(CASE WHEN ${other} AND ${sexSql(column)} IS NOT NULL THEN 1 ELSE 0 END) AS sex_read,
    SUM(CASE WHEN ${other} AND ${sexSql(column)} IS NULL AND trim(${value}) <> '' THEN 1 ELSE 0 END) AS sex_unread,
    MIN(CASE WHEN ${other} AND ${sexSql(column)} IS NULL AND trim(${value}) <> '' THEN ${value} END) AS sex_example`;
};
