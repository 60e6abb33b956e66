import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { literal, trimmedTextSql } from '../sql-text.ts';
import { handTypedSql, writtenDateSql, writtenFormats, type DateOrder } from './written-dates.ts';

let db: DuckDBInstance;
beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
});
afterAll(() => db.closeSync());

/** Days either side of the 12th, so that day-first and month-first differ, at times of both halves of a day. */
const moments = ['2024-05-19 09:30:00', '2023-12-01 21:05:07', '2001-02-03 00:00:00', '2068-11-30 12:59:59'];
// Values no format reads, or only some: each must be read (or not) as the whole list of formats would.
// prettier-ignore
const oddValues = [
  'nonsense', '45413', '2024', '1/5', 'May 2024', '31/02/2024', '2024-13-01', '19.05.2024x', '01/05/ 2024',
  '1May2024', '01/05/2024\t', '1\tMay 2024', '01/05/2024\t09:30', ' 01/05/2024  09:30 ', '01/05/2024 9:30',
  '01/05-2024', '2024.05/01', '01/05/2024 09.30', '1-May-2024 10:00', '01.05.2024 9:30 PM', '01/05/-2024',
  '1 May -2024', '-20240501', '01/05/2024/', '01/05/2024.',
];

it.each<DateOrder>(['day-first', 'month-first'])(
  'reads every date written %s as trying every format in turn would (trying only those the text can fit)',
  async (order) => {
    const connection = await db.connect();
    const formats = writtenFormats(order);
    const written = formats.flatMap((format) =>
      moments.map((moment) => `strftime(TIMESTAMP ${literal(moment)}, ${literal(format)})`),
    );
    const texts = `SELECT unnest([${[...written, ...oddValues.map((v) => literal(v))].join(', ')}]) AS t`;
    // Text with words in it is tidied as people type it (handTypedSql) before either reads it.
    const trimmed = trimmedTextSql('t');
    const tidied = `CASE WHEN regexp_matches(${trimmed}, '[A-Za-z]{3}') THEN ${handTypedSql(trimmed)} ELSE ${trimmed} END`;
    const everyFormat = `CAST(TRY_STRPTIME(${tidied}, [${formats.map((f) => literal(f)).join(', ')}]) AS DATE)`;
    const reader = await connection.runAndReadAll(
      `SELECT t, CAST(${writtenDateSql('t', order)} AS VARCHAR) AS fitted, CAST(${everyFormat} AS VARCHAR) AS every FROM (${texts})`,
    );
    const rows = reader.getRowObjectsJson() as { t: string; fitted: string | null; every: string | null }[];
    expect(rows.length).toBe(formats.length * moments.length + oddValues.length);
    expect(rows.filter((r) => r.fitted !== r.every)).toEqual([]);
    // Each moment written in each format is read as its day, so the comparison above is not of NULLs.
    const read = rows.slice(0, formats.length * moments.length);
    expect(read.filter((r, i) => r.fitted !== moments[i % moments.length]!.slice(0, 10))).toEqual([]);
    connection.closeSync();
  },
);

// Dates as people type them and Excel's long date formats show them, with the day each stands for
// (taken from a calendar: 1 May 2024 was a Wednesday, 21 March 2024 a Thursday, 3 September 2024 a
// Tuesday, 2 January 2025 a Thursday). A weekday that is not the date's leaves the date unread.
const handTyped: [string, string | null][] = [
  ['Wednesday, 1 May 2024', '2024-05-01'],
  ['Wednesday, May 1, 2024', '2024-05-01'],
  ['Wed 1 May 2024', '2024-05-01'],
  ['WED. 01 MAY 2024', '2024-05-01'],
  ['Tuesday, 1 May 2024', null],
  ['Fri 1 May 2024', null],
  ['Thu 21st March 2024', '2024-03-21'],
  ['21st of March 2024', '2024-03-21'],
  ['1st May 2024', '2024-05-01'],
  ['May 1st, 2024', '2024-05-01'],
  ['May 2nd 2024', '2024-05-02'],
  ['May 1 2024', '2024-05-01'],
  // SQL Server's text for a datetime: CAST without a style, and style 109.
  ['Dec  3 2020 12:00AM', '2020-12-03'],
  ['Jan 15 2021  9:30PM', '2021-01-15'],
  ['Mar 31 2021 11:59:59:997PM', '2021-03-31'],
  ['3rd Sept 2024', '2024-09-03'],
  ['3 Sept. 2024', '2024-09-03'],
  ['Sept 3, 2024', '2024-09-03'],
  ['Tues 3 Sep 2024', '2024-09-03'],
  ['2 Jan. 2025', '2025-01-02'],
  ['Thurs 2 Jan 2025', '2025-01-02'],
  ['1  May   2024', '2024-05-01'],
  ['31st February 2024', null],
  ['Wednesday', null],
  ['1st May', null],
];

// A weekday before a date in numbers, read in either order (5 January 2024 was a Friday).
const afterWeekday: Record<DateOrder, [string, string | null][]> = {
  'day-first': [
    ['Wed 01/05/2024', '2024-05-01'],
    ['Wednesday, 01/05/2024 09:30', '2024-05-01'],
    ['Thu 01/05/2024', null],
    ['Wed 2024-05-01', '2024-05-01'],
  ],
  'month-first': [
    ['Wed 05/01/2024', '2024-05-01'],
    ['Wed 01/05/2024', null],
    ['Fri 01/05/2024', '2024-01-05'],
    ['Wed 2024-05-01', '2024-05-01'],
  ],
};

it.each<DateOrder>(['day-first', 'month-first'])(
  'reads dates in words as people type them (%s)',
  async (order) => {
    const connection = await db.connect();
    const cases = [...handTyped, ...afterWeekday[order]];
    const texts = `SELECT unnest([${cases.map(([t]) => literal(t)).join(', ')}]) AS t`;
    const reader = await connection.runAndReadAll(
      `SELECT t, CAST(${writtenDateSql('t', order)} AS VARCHAR) AS read FROM (${texts})`,
    );
    const rows = reader.getRowObjectsJson() as { t: string; read: string | null }[];
    expect(rows.map((r) => [r.t, r.read])).toEqual(cases);
    connection.closeSync();
  },
);
