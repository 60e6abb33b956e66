import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../../../test/test-db.ts';
import { openPostgresSource, type PostgresSource } from '../postgres-source.ts';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { linkedAgeBandSql, linkedAgeBandsNotes, readLinkedAgeBands } from './linked-age-bands.ts';
import { linkedAgeSql, linkedAgesNotes, readLinkedAges } from './linked-ages.ts';
import {
  existingDatePattern,
  linkedDatesNotes,
  linkedYearMonthSql,
  readLinkedDates,
  textFinancialYearSql,
  type Separator,
  type TextDateForm,
} from './linked-dates.ts';
import { financialYearSql } from './linked-columns.ts';
import { literal } from '../sql-text.ts';

// Ages and event dates a warehouse holds as text, read in PostgreSQL as the queries read them.
describe.runIf(dialectsUnderTest().includes('postgres'))(
  'ages and dates of a linked table held as text',
  () => {
    let warehouse: TestDatabase;
    let source: PostgresSource;
    let dir: string;
    let store: AnalyticsStore;
    beforeAll(async () => {
      warehouse = await createTestDatabase('postgres', { migrate: false });
      source = openPostgresSource(warehouse.url);
      dir = mkdtempSync(path.join(os.tmpdir(), 'parity-linked-text-'));
      store = await analyticsStore(dir);
    });
    afterAll(async () => {
      await source.close();
      await warehouse.drop();
      await closeAnalyticsStore(dir);
      rmSync(dir, { recursive: true, force: true });
    });

    /** A one-column table of the values, as SQL. */
    const valuesTable = (column: string, values: (string | null)[]) =>
      `(SELECT * FROM (VALUES ${values.map((v) => (v === null ? '(NULL::text)' : `('${v}'::text)`)).join(', ')}) v(${column}))`;

    // PostgreSQL's own formatting of each day, against which each form's reading is checked: with
    // the figures in their places, or (with the separator to split at) without leading zeros.
    const writtenBy: Record<TextDateForm, [sql: string, separator?: Separator][]> = {
      'year-first': [["to_char(d, 'YYYY-MM-DD')"], ['to_char(d, \'YYYY-MM-DD"T"09:30:00"Z"\')']],
      'day-first': [
        ["to_char(d, 'DD/MM/YYYY')"],
        ["to_char(d, 'DD.MM.YYYY')"],
        ["to_char(d, 'DD-MM-YYYY') || ' 09:30'"],
        ["to_char(d, 'FMDD/FMMM/YYYY')", '/'],
        ["to_char(d, 'FMDD.FMMM.YYYY') || ' 09:30'", '.'],
        ["to_char(d, 'DD-MM-YYYY')", '-'],
      ],
      'month-first': [["to_char(d, 'MM/DD/YYYY')"], ["to_char(d, 'FMMM/FMDD/YYYY')", '/']],
      compact: [["to_char(d, 'YYYYMMDD')"], ["to_char(d, 'YYYYMMDD') || ' '"]],
    };

    it.each(Object.keys(writtenBy) as TextDateForm[])(
      'places every day written %s in the financial year of the date itself, listed (2000 to 2027) or worked out',
      async (form) => {
        for (const [written, separator] of writtenBy[form]) {
          const dates = { form, notDates: [], ...(separator ? { separator } : {}) };
          const [row] = await source.run(
            `SELECT count(*) FILTER (WHERE NOT t ~ ${literal(existingDatePattern(dates))}) AS not_read,
             count(*) FILTER (WHERE ${textFinancialYearSql(linkedYearMonthSql('t', dates), form, 2026)}
               IS DISTINCT FROM ${financialYearSql('d', 2026)}) AS differ
           FROM (SELECT CAST(d AS date) AS d, ${written} AS t
                 FROM (SELECT generate_series(DATE '1899-01-01', DATE '1901-12-31', INTERVAL '1 day')
                       UNION ALL SELECT generate_series(DATE '1990-01-01', DATE '2038-12-31', INTERVAL '1 day')) g(d)) days`,
          );
          expect([written, Number(row!.not_read), Number(row!.differ)]).toEqual([written, 0, 0]);
        }
      },
    );

    it('finds the dates that do not exist, or are not written in the form, and leaves them out', async () => {
      const notDates: Record<TextDateForm, string[]> = {
        'year-first': [
          '2023-02-29',
          '1900-02-29',
          '2100-02-29',
          '2024-02-30',
          '2024-04-31',
          '2024-13-01',
          '2024-00-10',
          '2024-01-00',
          '2024-1-5',
          '0999-01-01',
          ' 2024-05-01',
          '01/05/2024',
          'soon',
          '',
        ],
        'day-first': [
          '29/02/2023',
          '31/04/2024',
          '32/01/2024',
          '01/13/2024',
          '01/05/24',
          '1/5/2024',
          '2024-05-01',
          '01/05/2024x',
        ],
        'month-first': ['02/29/2023', '04/31/2024', '13/01/2024', '05/01/24', '5/1/2024'],
        compact: ['20230229', '20241301', '2024050', '202405011'],
      };
      for (const [form, values] of Object.entries(notDates) as [TextDateForm, string[]][]) {
        const read = await source.run(
          `SELECT t ~ ${literal(existingDatePattern({ form }))} AS exists, ${linkedYearMonthSql('t', { form, notDates: values })} AS year_month
         FROM ${valuesTable('t', values)} v`,
        );
        expect(read).toEqual(values.map(() => ({ exists: false, year_month: null })));
      }
      // Split at a separator: the same days, without leading zeros, and that separator only.
      const split = ['29/2/2023', '31/4/2024', '1.5.2024', '1/13/2024', '001/5/2024', '1/5/24', ' 1/5/2024'];
      const splitRead = await source.run(
        `SELECT t ~ ${literal(existingDatePattern({ form: 'day-first', separator: '/' }))} AS exists FROM ${valuesTable('t', split)} v`,
      );
      expect(splitRead.map((r) => r.exists)).toEqual(split.map(() => false));
      // 29 February in leap years, centuries divisible by 400 among them.
      const leap = await source.run(
        `SELECT t ~ ${literal(existingDatePattern({ form: 'day-first' }))} AS exists FROM ${valuesTable('t', ['29/02/2024', '29/02/2000', '29.02.1996', '29/02/1600'])} v`,
      );
      expect(leap.map((r) => r.exists)).toEqual([true, true, true, true]);
    });

    it('finds the form the dates are written in, and lists the values that are not dates', async () => {
      const formOf = (values: (string | null)[]) =>
        readLinkedDates(source, valuesTable('event_date', values));
      expect(
        await formOf(['2024-05-01', '2024-02-30', '2024-02-30', '01/05/2024', null, 'Unknown', '']),
      ).toEqual({
        read: { form: 'year-first', notDates: ['2024-02-30', '', '01/05/2024', 'Unknown'] },
        unread: 3,
        unreadExample: '2024-02-30',
        more: false,
        dates: { first: '2024-05-01', last: '2024-05-01' },
      });
      // Numbers up to 12 first, and some above 12 second: written month first.
      expect(await formOf(['05/01/2024', '12/31/2024', '01/13/2025'])).toMatchObject({
        read: { form: 'month-first', notDates: [] },
        dates: { first: '2024-05-01', last: '2025-01-13' },
      });
      // Either way round, or the first above 12: day first, as English systems write them.
      expect(await formOf(['05/01/2024', '06/02/2024', '31.12.2023 09:30'])).toMatchObject({
        read: { form: 'day-first' },
        dates: { first: '2023-12-31', last: '2024-02-06' },
      });
      expect(await formOf(['31/12/2024', '12/31/2024'])).toMatchObject({
        read: { form: 'day-first', notDates: ['12/31/2024'] },
        unread: 1,
      });
      // Figures not all in their places: split at the separator of most rows.
      expect(await formOf(['1/5/2024', '15/12/2024', '01/06/2024', '3.2.2024', '31/4/2024'])).toMatchObject({
        read: { form: 'day-first', separator: '/', notDates: ['3.2.2024', '31/4/2024'] },
        dates: { first: '2024-05-01', last: '2024-12-15' },
      });
      expect(await formOf(['20240501', '20240229'])).toMatchObject({
        read: { form: 'compact', notDates: [] },
        dates: { first: '2024-02-29', last: '2024-05-01' },
      });
      const none = await formOf(['next week', 'soon', 'soon', '']);
      expect(none).toEqual({ read: null, unread: 3, unreadExample: 'soon', more: false, dates: null });
      expect(linkedDatesNotes(none)).toEqual([
        'The table\'s event_date column holds text that Parity cannot read as dates (for example "soon"), so every row is counted in one period, "All". Give the dates as dates (in a view, say).',
      ]);
      expect(await formOf([null, ''])).toMatchObject({ read: null, unread: 0, unreadExample: null });
    });

    it('reads ages written as whole numbers in each query, and others from the values read at the link', async () => {
      const values = [
        '45',
        ' 7 ',
        '0',
        '120',
        '121',
        '45 years',
        '18 months',
        '<1',
        '90+',
        '7003',
        '34.7',
        'Unknown',
        'abc',
        '',
        null,
        '45 years',
      ];
      const table = valuesTable('age', values);
      const ages = await readLinkedAges(source, store, table);
      expect(ages).toMatchObject({ readRows: 8, unreadRows: 2, more: false });
      expect(ages.read).toEqual({
        ' 7 ': 7,
        '45 years': 45,
        '18 months': 1,
        '<1': 0,
        '90+': 90,
        '7003': 0,
        '34.7': 34,
      });
      const read = await source.run(`SELECT ${linkedAgeSql('age', ages.read)} AS age FROM ${table} v`);
      expect(read.map((r) => r.age)).toEqual([
        45,
        7,
        0,
        120,
        null,
        45,
        1,
        0,
        90,
        0,
        34,
        null,
        null,
        null,
        null,
        45,
      ]);
      expect(linkedAgesNotes(ages)).toEqual([
        '8 rows have an age written otherwise than in whole years (7 different values, for example "45 years", read as 45): read as an import reads it. The values were read when the table was linked; link it again to read values added since, which count as having no age until then.',
        '2 rows have an age Parity cannot read (for example "121"): counted as having no age.',
      ]);
    });

    it("reads age bands as an import does: Parity's, written otherwise, and ESP2013's five-year bands", async () => {
      const values = [
        '18-24',
        '18 to 24',
        '20-24',
        '20-24',
        '85+',
        '90+',
        '0-4',
        '15-19',
        '15-19',
        'Unknown band',
        null,
      ];
      const table = valuesTable('age_band', values);
      const bands = await readLinkedAgeBands(source, store, table);
      expect(bands).toMatchObject({
        fiveYear: true,
        straddling: 2,
        unreadRows: 1,
        unreadExample: 'Unknown band',
      });
      const read = await source.run(
        `SELECT ${linkedAgeBandSql('age_band', bands.read, 'band')} AS band, ${linkedAgeBandSql('age_band', bands.read, 'esp')} AS esp FROM ${table} v`,
      );
      expect(read.map((r) => [r.band, r.esp])).toEqual([
        ['18-24', null],
        ['18-24', null],
        ['18-24', 4],
        ['18-24', 4],
        ['85+', null],
        ['85+', 18],
        ['0-17', 0],
        [null, 3],
        [null, 3],
        [null, null],
        [null, null],
      ]);
      expect(linkedAgeBandsNotes(bands)).toEqual([
        "The table's age_band column holds ESP2013's five-year bands (20-24, 90+): each is read as the band of Parity's that holds it, and gives directly standardised rates. They were read when the table was linked; link it again to read bands added since.",
        '2 rows are in the 15-19 band, which Parity\'s bands (0-17 and 18-24) part, so "Not known" by age band; directly standardised rates use the five-year bands as they are.',
        '1 row is in an age band Parity cannot read (for example "Unknown band"): counted as not known. The bands read are Parity\'s (0-17, 18-24 … 85+) and ESP2013\'s five-year bands, written with a dash or "to".',
      ]);
      // Parity's own bands, as Parity writes them, are read as they are.
      expect(
        await readLinkedAgeBands(source, store, valuesTable('age_band', ['18-24', '85+', null])),
      ).toMatchObject({
        read: {},
        fiveYear: false,
        unreadRows: 0,
      });
    });
  },
);
