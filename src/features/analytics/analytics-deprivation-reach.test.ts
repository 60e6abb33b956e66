import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { Browser, buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser, testPassword } from '../../../test/factories.ts';
import { analyticsStore } from '../../analytics/store.ts';
import { demoMidYears, loadSyntheticGeography } from '../../analytics/synthetic/demo-geography.ts';
import { syntheticLsoas, syntheticPopulation } from '../../analytics/synthetic/ics.ts';
import { systemActor } from '../audit/audit.ts';

describeEachDatabase('who a dataset reaches by deprivation', (current) => {
  let t: TestApp;
  let dir: string;
  const lsoas = syntheticLsoas();
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    await loadSyntheticGeography(await analyticsStore(t.services.config.dataDir));
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-deprivation-reach-'));
  });
  afterAll(async () => {
    await t.services.analytics.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sets the share of people reached in each IMD quintile beside the share of the places' residents", async () => {
    // Three people in each of the first 200 LSOAs, one of them seen twice; rows of someone from
    // outside the places are not counted.
    const rows: string[] = [];
    lsoas.slice(0, 200).forEach((lsoa, i) => {
      for (let k = 0; k < 3; k++) rows.push(`P${i}-${k},${lsoa.lsoa_code},40,F,A,2024-05-01`);
      rows.push(`P${i}-0,${lsoa.lsoa_code},40,F,A,2024-06-01`);
    });
    rows.push('Q1,E01000001,40,F,A,2024-05-01');
    const file = path.join(dir, 'clinic.csv');
    writeFileSync(file, ['person_id,lsoa_code,age,sex,ethnic_code,event_date', ...rows].join('\n'));
    await t.services.analytics.importDataset(systemActor, { name: 'Clinic', file });

    const reach = await t.services.analytics.deprivationReach('Clinic');
    if (reach.status !== 'ready') throw new Error(`No reach: ${reach.status}`);
    // Worked out here from the generator: the latest mid-year's residents, and the people, by quintile.
    const latest = Math.max(...demoMidYears);
    expect(reach.midYear).toBe(latest);
    const quintileOf = new Map(lsoas.map((l) => [l.lsoa_code, l.imd_quintile]));
    const residents = [0, 0, 0, 0, 0];
    for (const p of syntheticPopulation(lsoas, latest))
      residents[quintileOf.get(p.lsoa_code)! - 1]! += p.population;
    const people = [0, 0, 0, 0, 0];
    for (const lsoa of lsoas.slice(0, 200)) people[lsoa.imd_quintile - 1]! += 3;
    const all = residents.reduce((a, b) => a + b, 0);
    expect(reach.people).toBe(600);
    const present = [1, 2, 3, 4, 5].filter((q) => residents[q - 1]! > 0);
    expect(reach.groups.map((g) => [g.people, g.residents])).toEqual(
      present.map((q) => [people[q - 1], residents[q - 1]]),
    );
    expect(reach.groups[0]?.group).toBe('1 (most deprived: the Core20)');
    for (const [i, q] of present.entries())
      expect(reach.groups[i]?.residentShare).toBeCloseTo(residents[q - 1]! / all, 12);

    // And by place: the fictional ICS's three places, from the generator too.
    const placeOf = new Map(lsoas.map((l) => [l.lsoa_code, l.place]));
    const placeResidents = new Map<string, number>();
    for (const p of syntheticPopulation(lsoas, latest))
      placeResidents.set(
        placeOf.get(p.lsoa_code)!,
        (placeResidents.get(placeOf.get(p.lsoa_code)!) ?? 0) + p.population,
      );
    const placePeople = new Map<string, number>();
    for (const lsoa of lsoas.slice(0, 200))
      placePeople.set(lsoa.place, (placePeople.get(lsoa.place) ?? 0) + 3);
    expect(reach.places?.map((g) => [g.group, g.people, g.residents])).toEqual(
      [...placeResidents.keys()]
        .sort()
        .map((place) => [place, placePeople.get(place) ?? 0, placeResidents.get(place)]),
    );

    const dataset = (await t.services.analytics.listDatasets()).find((d) => d.name === 'Clinic')!;
    const staff = new Browser(t.app);
    await staff.signIn((await makeUser(t.services, 'staff')).email, testPassword);
    const page = (await staff.get(`/analytics/datasets/${dataset.id}`)).body;
    expect(page).toContain('Who it reaches, by deprivation');
    expect(page).toContain(`mid-${latest} population estimates`);
    expect(page).toContain(`${(100 * reach.groups[0]!.residentShare).toFixed(1)}%`);
    expect(page).toContain('People reached against residents, by place');
  });
});
