import { mkdtempSync, rmSync } from 'node:fs';
import { eventDateInRangeSql } from './event-dates.ts';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialectsUnderTest } from '../../../test/test-db.ts';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import {
  financialYearSql,
  linkedRelation,
  linkedSexSql,
  sexCountsSql,
  workedOutColumns,
} from './linked-columns.ts';
import { periodSql } from './standardise.ts';

describe('standard columns a linked table leaves out', () => {
  let dir: string;
  let store: AnalyticsStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-linked-columns-'));
    store = await analyticsStore(dir);
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  it('names each day of ninety-six years the financial year an import gives it', async () => {
    // Listed years from April 2000 to March 2028 (this year 2026), worked out before; none before
    // April 1948 or from April 2028, whose dates an import stores as none (event-dates.ts).
    const [row] = await store.query<{ days: number; differ: number; none: number }>(
      `SELECT count(*) AS days, count(*) FILTER (WHERE ${financialYearSql('d', 2026)} IS DISTINCT FROM ${periodSql(eventDateInRangeSql('d', 2026))}) AS differ,
         count(*) FILTER (WHERE ${financialYearSql('d', 2026)} IS NULL) AS none
       FROM (SELECT CAST(d AS DATE) AS d FROM range(DATE '1940-01-01', DATE '2036-01-01', INTERVAL 1 DAY) t(d)) days`,
    );
    expect(Number(row!.days)).toBe(35_064);
    expect(Number(row!.differ)).toBe(0);
    // 1 January 1940 to 31 March 1948, and 1 April 2028 to 31 December 2035.
    expect(Number(row!.none)).toBe(3_013 + 2_831);
  });

  it('reads sex as an import does, counting the values read and those it cannot read', async () => {
    const values = `(VALUES ('F'), ('M'), ('U'), ('1'), ('2'), ('9'), ('male'), (' Female '), ('Q'), (''), (NULL)) v(sex)`;
    const read = await store.query<{ sex: string }>(`SELECT ${linkedSexSql('sex')} AS sex FROM ${values}`);
    expect(read.map((r) => r.sex)).toEqual(['F', 'M', 'U', 'M', 'F', 'U', 'M', 'F', 'U', 'U', 'U']);
    const [counts] = await store.query(`SELECT ${sexCountsSql('sex')} FROM ${values}`);
    expect([Number(counts!.sex_read), Number(counts!.sex_unread), counts!.sex_example]).toEqual([5, 1, 'Q']);
  });

  it('works out only what the table lacks, from the columns it has', async () => {
    const columns = (types: Record<string, string>) =>
      Object.entries(types).map(([name, type]) => ({ name, type }));
    const standard = columns({
      lsoa_code: 'text',
      period: 'text',
      age_band: 'text',
      esp_band: 'integer',
      sex: 'text',
      ethnic_code: 'text',
    });
    expect(workedOutColumns(standard)).toEqual([]);
    // The table as the queries read it, over one row of each kind of table.
    const readAs = async (types: Record<string, string>, row: string) => {
      const names = Object.keys(types).join(', ');
      const table = `(SELECT * FROM (VALUES ${row}) v(${names}))`;
      const [read] = await store.query(
        `SELECT age_band, esp_band, period, sex, ethnic_code FROM ${linkedRelation(table, columns(types))} r`,
      );
      return read;
    };
    const agesAndDates = { lsoa_code: 'text', age: 'integer', event_date: 'date', sex: 'text' };
    expect(await readAs(agesAndDates, "('E01000001', 40, DATE '2024-03-31', '2')")).toEqual({
      age_band: '35-44',
      esp_band: 8,
      period: '2023/24',
      sex: 'F',
      ethnic_code: '99',
    });
    expect(workedOutColumns(columns(agesAndDates)).map((w) => w.from)).toEqual([
      'the age band from age',
      'the ESP2013 age band from age',
      'the financial year from event_date',
      "every row's ethnic group as not known",
    ]);
    // An age or a date of a type that is neither numbers nor text (nor dates) is not read as one.
    const otherTypes = { lsoa_code: 'text', age: 'boolean', event_date: 'integer' };
    expect(await readAs(otherTypes, "('E01000001', true, 20240331)")).toEqual({
      age_band: null,
      esp_band: null,
      period: 'All',
      sex: 'U',
      ethnic_code: '99',
    });
  });
});

describe.runIf(dialectsUnderTest().includes('postgres'))('financial years worked out in PostgreSQL', () => {
  it('turns the year on the first of April, for dates and timestamps', async () => {
    const database = await createTestDatabase('postgres', { migrate: false });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ year: string | null }>(
        `SELECT ${financialYearSql('d', 2026)} AS year FROM (VALUES (DATE '2024-03-31'), (DATE '2024-04-01'), (DATE '1999-12-31'), (DATE '2028-03-31'), (DATE '2028-04-01'), (DATE '1948-03-31'), (NULL::date)) t(d)
         UNION ALL SELECT ${financialYearSql("TIMESTAMP '2024-03-31 23:59:59'", 2026)}
         UNION ALL SELECT ${financialYearSql("TIMESTAMP '2030-03-31 23:59:59'", 2026)}`,
      );
      // Dates outside those a row can have are in no year, as an import stores them.
      expect(rows.map((r) => r.year)).toEqual([
        '2023/24',
        '2024/25',
        '1999/00',
        '2027/28',
        null,
        null,
        null,
        '2023/24',
        null,
      ]);
    } finally {
      await client.end();
      await database.drop();
    }
  });
});
