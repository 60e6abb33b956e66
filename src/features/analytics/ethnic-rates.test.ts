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

// NHS England's statement asks for Mental Health Act detentions by ethnicity: a crude rate of every
// age, whose denominators by broad ethnic group are the places' residents as the 2021 Census counted.
describeEachDatabase('analytics: rates of every age by broad ethnic group', (current) => {
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

  /** The census residents of the places by broad group, counted here from the reference files. */
  const residents = async (): Promise<Map<string, number>> => {
    const store = await analyticsStore(t.services.config.dataDir);
    const rows = await store.query<{ ethnic_broad: string; people: string }>(
      `SELECT e.ethnic_broad, CAST(SUM(e.people) AS VARCHAR) AS people FROM read_parquet('${store.geographyPath('lsoa_ethnicity')}') e WHERE e.lsoa_code IN (SELECT lsoa_code FROM read_parquet('${store.geographyPath('lsoa_geography')}') WHERE vintage = '2021' AND in_area = 1) GROUP BY e.ethnic_broad`,
    );
    return new Map(rows.map((r) => [r.ethnic_broad, Number(r.people)]));
  };

  it('gives detentions per 100,000 residents of each broad group, saying where the residents come from', async () => {
    const results = await t.services.analytics.compute(systemActor, { datasetName: 'Detentions' });
    const detentions = results.find((r) => r.indicatorId === 'mha-detentions')!;
    const byGroup = detentions.rows.filter((r) => r.dimension === 'ethnic_broad');
    const census = await residents();
    const expected: [string, number][] = [
      ['White', 30],
      ['Asian or Asian British', 30],
      ['Black, Black British, Caribbean or African', 30],
    ];
    for (const [group, detained] of expected) {
      const row = byGroup.find((r) => r.group === group);
      expect(row?.value, group).toBeCloseTo((detained / census.get(group)!) * 100_000, 9);
      expect(row!.lower95!).toBeLessThan(row!.value!);
      expect(row!.upper95!).toBeGreaterThan(row!.value!);
    }
    // No one lives in "not stated": those detentions are in no group's rate.
    expect(byGroup.map((r) => r.group).sort()).toEqual(expected.map(([g]) => g).sort());
    expect(detentions.caveats).toContain(CENSUS_ETHNICITY_CAVEAT);
    expect(detentions.caveats.join(' ')).not.toContain('Rates are not given by ethnic group (broad)');
    expect(detentions.caveats).toContain(
      'Rates are not given by ethnic group (detailed) or sex: the population estimates they are worked out from are not broken down that way.',
    );

    // The census counts no ages: a rate of children, or one standardised for age, has no such groups.
    for (const id of ['emergency-admissions-under-18', 'emergency-admissions']) {
      const rate = results.find((r) => r.indicatorId === id)!;
      expect(
        rate.rows.some((r) => r.dimension === 'ethnic_broad'),
        id,
      ).toBe(false);
      expect(rate.caveats).not.toContain(CENSUS_ETHNICITY_CAVEAT);
      expect(rate.caveats.join(' ')).toContain('Rates are not given by ethnic group (broad), ethnic group');
    }
  });
});
