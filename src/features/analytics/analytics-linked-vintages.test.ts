import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../../../test/test-db.ts';
import { createActivityTable } from '../../../test/postgres-tables.ts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { importGeography } from '../../analytics/geography/geo-import.ts';
import { literal } from '../../analytics/sql-text.ts';
import { analyticsStore, type AnalyticsStore } from '../../analytics/store.ts';
import { systemActor } from '../audit/audit.ts';

const shared = path.resolve(import.meta.dirname, '../../../../shared/data');
const crosswalk = path.join(shared, 'lookup_lsoa11_lsoa21_lad22_ew.csv.gz');
const LLR = `LAD22CD IN ('E06000016', 'E06000017') OR LAD22CD LIKE 'E0700013%'`;

// A warehouse table whose LSOA codes mix the vintages is read through the ONS lookup copied beside
// the geography, as an imported file is: the same results as the table with every code of 2021.
describe.runIf(dialectsUnderTest().includes('postgres'))(
  'linked tables whose LSOA codes mix vintages',
  () => {
    let appDatabase: TestDatabase;
    let warehouse: TestDatabase;
    let client: pg.Client;
    let t: TestApp;
    let store: AnalyticsStore;
    /** Rows given 2011 codes in the mixed table, the codes they were given, and those of split areas. */
    let swapped: { rows: number; codes: number };
    let split: { rows: number; codes: number };
    let elsewhere: { lsoa11: string; lsoa21: string } | undefined;

    beforeAll(async () => {
      appDatabase = await createTestDatabase('sqlite');
      warehouse = await createTestDatabase('postgres', { migrate: false });
      t = await buildTestApp(appDatabase.handle, { analyticsDatabaseUrl: warehouse.url });
      store = await analyticsStore(t.services.config.dataDir);
      await importGeography(store, {
        imd: path.join(shared, 'iod2025_imd_lsoa21_llr.csv'),
        lookups: [path.join(shared, 'lookup_lsoa21_ward24_lad24_llr.csv')],
      });
      const lookup = `read_csv(${literal(crosswalk)}, all_varchar = true)`;
      // The 2021 area made of two 2011 ones (the only such here), three unchanged, two 2011 areas split.
      const merged = await store.query<{ lsoa21: string; parts: string[] }>(
        `SELECT LSOA21CD AS lsoa21, list(LSOA11CD ORDER BY LSOA11CD) AS parts FROM ${lookup} WHERE CHGIND = 'M' AND (${LLR}) GROUP BY 1 ORDER BY 1 `,
      );
      const unchanged = await store.query<{ code: string }>(
        `SELECT LSOA21CD AS code FROM ${lookup} WHERE CHGIND = 'U' AND (${LLR}) ORDER BY 1 LIMIT 3`,
      );
      const splitCodes = await store.query<{ code: string }>(
        `SELECT DISTINCT LSOA11CD AS code FROM ${lookup} WHERE CHGIND = 'S' AND (${LLR}) ORDER BY 1 LIMIT 2`,
      );
      // And a 2011 area merged into a 2021 one outside the geography imported.
      [elsewhere] = await store.query<{ lsoa11: string; lsoa21: string }>(
        `SELECT LSOA11CD AS lsoa11, LSOA21CD AS lsoa21 FROM ${lookup} WHERE CHGIND = 'M' AND NOT (${LLR}) ORDER BY 1 LIMIT 1`,
      );
      // 30 people in each area, every third not attending; the split areas' 6 each are in both tables.
      const people = [
        ...Array.from({ length: 3 }, () => elsewhere!.lsoa21),
        ...[...merged.map((m) => m.lsoa21), ...unchanged.map((u) => u.code)].flatMap((code) =>
          Array.from({ length: 30 }, () => code),
        ),
        ...splitCodes.flatMap((s) => Array.from({ length: 6 }, () => s.code)),
      ];
      const file = path.join(t.services.config.dataDir, 'clinic.csv');
      writeFileSync(
        file,
        [
          'person_id,LSOA code,age,sex,ethnic_code,event_date,dna',
          ...people.map(
            (code, i) => `P${i},${code},${20 + (i % 50)},${i % 2 ? 'F' : 'M'},A,2024-05-01,${i % 3 ? 0 : 1}`,
          ),
        ].join('\n'),
      );
      const imported = await t.services.analytics.importDataset(systemActor, { name: 'From a file', file });
      const rows = await store.query(
        `SELECT * EXCLUDE (event_date), CAST(event_date AS VARCHAR) AS event_date FROM read_parquet(${literal(store.datasetPath(`${imported.id}.parquet`))}) ORDER BY person_id`,
      );
      // Half the merged area's rows carry the 2011 code of one of its parts, each part in turn.
      const partsOf = new Map(merged.map((m) => [m.lsoa21, m.parts]));
      let given = 0;
      const codesGiven = new Set<string>();
      const mixed = rows.map((row, i) => {
        if (row.lsoa_code === elsewhere!.lsoa21) return { ...row, lsoa_code: elsewhere!.lsoa11 };
        const parts = partsOf.get(String(row.lsoa_code));
        if (!parts || i % 2) return row;
        const code = parts[given++ % parts.length]!;
        codesGiven.add(code);
        return { ...row, lsoa_code: code };
      });
      swapped = { rows: given, codes: codesGiven.size };
      split = { rows: 6 * splitCodes.length, codes: splitCodes.length };
      client = new pg.Client({ connectionString: warehouse.url });
      await client.connect();
      await client.query('CREATE SCHEMA clinic');
      await createActivityTable(client, 'clinic.all_2021', rows);
      await createActivityTable(client, 'clinic.mixed', mixed);
    }, 120_000);
    afterAll(async () => {
      await t.services.analytics.close();
      await client.end();
      await warehouse.drop();
      await appDatabase.drop();
    });

    const byDecile = async (datasetName: string) => {
      const [result] = await t.services.analytics.compute(systemActor, {
        datasetName,
        indicatorId: 'did-not-attend',
        by: ['imd_decile', 'ward'],
      });
      return result!.rows.map((r) => [r.dimension, r.group, r.numerator, r.denominator, r.valueText]);
    };

    it('without the lookup, counts the 2011 codes as unknown', async () => {
      const linked = await t.services.analytics.linkTable(systemActor, {
        name: 'Mixed',
        table: 'clinic.mixed',
      });
      expect(linked.report?.warnings).toEqual([
        expect.stringMatching(
          new RegExp(
            `^${3 + swapped.rows + split.rows} rows have an LSOA code that is not in the LSOA 2021 reference geography`,
          ),
        ),
      ]);
      expect(await byDecile('Mixed')).not.toEqual(await byDecile('From a file'));
    });

    it("with the lookup, reads a merged area's 2011 codes as its 2021 code, and reports split ones", async () => {
      await importGeography(store, { lookups: [crosswalk] });
      const mixed = await t.services.analytics.linkTable(systemActor, {
        name: 'Mixed',
        table: 'clinic.mixed',
      });
      expect(mixed.rowsWithProblems).toBe(3 + split.rows);
      const [unknown, read, notPlaced, ...more] = mixed.report?.warnings ?? [];
      expect(more).toEqual([]);
      // Read as an area the geography does not have, a code is as unknown as that area's.
      expect(unknown).toBe(
        `3 rows have an LSOA code that is not in the LSOA 2021 reference geography (for example ${elsewhere!.lsoa11}): counted as "Not known" deprivation.`,
      );
      expect(read).toMatch(
        new RegExp(
          `^${swapped.rows} rows have LSOA 2011 codes of areas changed at the 2021 census \\(${swapped.codes} different codes\\), in a table read as LSOA 2021 codes: each is read as the LSOA 2021 area it became, through the ONS LSOA 2011 → 2021 lookup imported with the reference geography \\(lookup_lsoa11_lsoa21_lad22_ew.csv.gz\\)`,
        ),
      );
      expect(notPlaced).toMatch(
        new RegExp(
          `^${split.rows} rows have LSOA 2011 codes of areas split into several LSOA 2021 areas at the 2021 census \\(${split.codes} different codes\\)`,
        ),
      );
      expect(notPlaced).toContain("give the table's lsoa_code column LSOA 2021 codes");

      const fromFile = await byDecile('From a file');
      expect(fromFile.filter(([dimension]) => dimension === 'imd_decile').length).toBeGreaterThan(2);
      expect(await byDecile('Mixed')).toEqual(fromFile);
      // The table of 2021 codes alone has its split areas' 2011 codes reported, and nothing read.
      const all2021 = await t.services.analytics.linkTable(systemActor, {
        name: 'All 2021',
        table: 'clinic.all_2021',
      });
      expect(all2021.report?.warnings).toEqual([
        expect.stringMatching(
          new RegExp(`^3 rows have an LSOA code .* \\(for example ${elsewhere!.lsoa21}\\)`),
        ),
        expect.stringMatching(new RegExp(`^${split.rows} rows have LSOA 2011 codes of areas split`)),
      ]);
      expect(await byDecile('All 2021')).toEqual(fromFile);
    });
  },
);
