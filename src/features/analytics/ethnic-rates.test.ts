import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { temporaryDir } from '../../../test/temporary-dirs.ts';
import { analyticsStore } from '../../analytics/store.ts';
import { loadSyntheticGeography } from '../../analytics/synthetic/demo-geography.ts';
import { syntheticLsoas } from '../../analytics/synthetic/ics.ts';
import { CENSUS_ETHNICITY_CAVEAT } from '../../analytics/indicators/compute.ts';
import { systemActor } from '../audit/audit.ts';
import { ALL_GROUPS_NOTE, exportRows } from './export.ts';

// NHS England's statement asks for Mental Health Act detentions by ethnicity: a crude rate of every
// age, whose denominators by ethnic group are the places' residents as the 2021 Census counted them.
describeEachDatabase('analytics: rates of every age by ethnic group', (current) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    await loadSyntheticGeography(await analyticsStore(t.services.config.dataDir));
    const lsoas = syntheticLsoas().map((l) => l.lsoa_code);
    // 120 detentions of residents: codes A (White), H (Asian), N (Black) and Z (not stated) in turn,
    // and 30 admissions of children, which a rate of 0 to 17 year olds counts.
    const codes = ['A', 'H', 'N', 'Z'];
    const lines = [
      ...Array.from(
        { length: 120 },
        (_v, i) => `D${i},${lsoas[(i * 7) % lsoas.length]},${20 + (i % 50)},F,${codes[i % 4]},2024-06-01,1,`,
      ),
      ...Array.from(
        { length: 30 },
        (_v, i) => `C${i},${lsoas[(i * 11) % lsoas.length]},${i % 17},M,${codes[i % 4]},2024-07-01,,1`,
      ),
    ];
    const file = path.join(temporaryDir('parity-ethnic-rates-'), 'detentions.csv');
    writeFileSync(
      file,
      ['person_id,lsoa_code,age,sex,ethnic_code,event_date,mha_detention,emergency_admission', ...lines].join(
        '\n',
      ),
    );
    await t.services.analytics.importDataset(systemActor, { name: 'Detentions', file });
  }, 60_000);
  afterAll(async () => {
    await t.services.analytics.close();
  });

  /**
   * The census residents of the places by group, counted here from the reference files: broad groups
   * from the table by LSOA, detailed ones from the table by local authority.
   */
  const residents = async (level: 'broad' | 'detailed'): Promise<Map<string, number>> => {
    const store = await analyticsStore(t.services.config.dataDir);
    const places = `SELECT lsoa_code, la_code FROM read_parquet('${store.geographyPath('lsoa_geography')}') WHERE vintage = '2021' AND in_area = 1`;
    const rows = await store.query<{ label: string; people: string }>(
      level === 'broad'
        ? `SELECT e.ethnic_broad AS label, CAST(SUM(e.people) AS VARCHAR) AS people FROM read_parquet('${store.geographyPath('lsoa_ethnicity')}') e WHERE e.lsoa_code IN (SELECT lsoa_code FROM (${places})) GROUP BY 1`
        : `SELECT e.ethnic_detailed AS label, CAST(SUM(e.people) AS VARCHAR) AS people FROM read_parquet('${store.geographyPath('la_ethnicity')}') e WHERE e.la_code IN (SELECT la_code FROM (${places})) GROUP BY 1`,
    );
    return new Map(rows.map((r) => [r.label, Number(r.people)]));
  };

  it('gives detentions per 100,000 residents of each broad and detailed group, saying where the residents come from', async () => {
    const results = await t.services.analytics.compute(systemActor, { datasetName: 'Detentions' });
    const detentions = results.find((r) => r.indicatorId === 'mha-detentions')!;
    const byGroup = detentions.rows.filter((r) => r.dimension === 'ethnic_broad');
    const byDetailedGroup = detentions.rows.filter((r) => r.dimension === 'ethnic_detailed');
    const census = { broad: await residents('broad'), detailed: await residents('detailed') };
    const expected: [string, string, number][] = [
      ['White', 'White: British', 30],
      ['Asian or Asian British', 'Asian or Asian British: Indian', 30],
      ['Black, Black British, Caribbean or African', 'Black or Black British: African', 30],
    ];
    for (const [broad, detailed, detained] of expected) {
      for (const [rows, group, level] of [
        [byGroup, broad, 'broad'],
        [byDetailedGroup, detailed, 'detailed'],
      ] as const) {
        const row = rows.find((r) => r.group === group);
        expect(row?.value, group).toBeCloseTo((detained / census[level].get(group)!) * 100_000, 9);
        expect(row!.lower95!).toBeLessThan(row!.value!);
        expect(row!.upper95!).toBeGreaterThan(row!.value!);
      }
    }
    // No one lives in "not stated": those detentions are in no group's rate.
    expect(byGroup.map((r) => r.group).sort()).toEqual(expected.map(([g]) => g).sort());
    expect(byDetailedGroup.map((r) => r.group).sort()).toEqual(expected.map(([, g]) => g).sort());
    expect(detentions.caveats).toContain(CENSUS_ETHNICITY_CAVEAT);
    expect(detentions.caveats.join(' ')).not.toContain('Rates are not given by ethnic group (broad)');
    expect(detentions.caveats).toContain(
      'Rates are not given by sex: the population estimates they are worked out from are not broken down that way.',
    );

    // A download says what each group was compared with, where it is not the overall value.
    const exported = exportRows([detentions]);
    const noteOf = (breakdown: string, group: string) =>
      exported.find((r) => r.breakdown === breakdown && r.group === group)?.note;
    expect(noteOf('ethnic_broad', 'White')).toBe(ALL_GROUPS_NOTE);
    expect(noteOf('ethnic_detailed', 'White: British')).toBe(ALL_GROUPS_NOTE);
    expect(noteOf('overall', 'All')).toBeNull();

    // The census counts no ages: a rate of children, or one standardised for age, has no such groups.
    for (const id of ['emergency-admissions-under-18', 'emergency-admissions']) {
      const rate = results.find((r) => r.indicatorId === id)!;
      expect(
        rate.rows.some((r) => r.dimension.startsWith('ethnic_')),
        id,
      ).toBe(false);
      expect(rate.caveats).not.toContain(CENSUS_ETHNICITY_CAVEAT);
      expect(rate.caveats.join(' ')).toContain('Rates are not given by ethnic group (broad), ethnic group');
    }
  });
});
