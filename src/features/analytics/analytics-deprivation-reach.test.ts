import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { Browser, buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser, testPassword } from '../../../test/factories.ts';
import { analyticsStore } from '../../analytics/store.ts';
import { demoMidYears, loadSyntheticGeography } from '../../analytics/synthetic/demo-geography.ts';
import { syntheticLsoas, syntheticPopulation } from '../../analytics/synthetic/ics.ts';
import { systemActor } from '../audit/audit.ts';
import { reachColumns } from './reach-export.ts';

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
    // Three people aged 40 in each of the first 200 LSOAs, one of them seen again at 47; rows of
    // someone from outside the places are not counted.
    const rows: string[] = [];
    lsoas.slice(0, 200).forEach((lsoa, i) => {
      for (let k = 0; k < 3; k++) rows.push(`P${i}-${k},${lsoa.lsoa_code},40,F,A,2024-05-01`);
      rows.push(`P${i}-0,${lsoa.lsoa_code},47,F,A,2025-06-01`);
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

    // Allowing for age: everyone was first seen aged 40, so each quintile's expected share is its
    // share of the residents aged 40 to 44.
    const residentsAt40 = [0, 0, 0, 0, 0];
    for (const p of syntheticPopulation(lsoas, latest))
      if (p.age >= 40 && p.age <= 44) residentsAt40[quintileOf.get(p.lsoa_code)! - 1]! += p.population;
    const allAt40 = residentsAt40.reduce((a, b) => a + b, 0);
    const byAge = reach.allowingForAge!;
    expect(byAge.people).toBe(600);
    expect(byAge.groups.map((g) => [g.group, g.people, g.residents])).toEqual(
      present.map((q, i) => [reach.groups[i]!.group, people[q - 1], residentsAt40[q - 1]]),
    );
    for (const [i, q] of present.entries())
      expect(byAge.groups[i]?.residentShare).toBeCloseTo(residentsAt40[q - 1]! / allAt40, 12);
    // Everyone's age band (first seen at 40) beside the residents aged 40 to 49.
    let residentsIn40s = 0;
    let allResidents = 0;
    for (const p of syntheticPopulation(lsoas, latest)) {
      allResidents += p.population;
      if (p.age >= 40 && p.age <= 49) residentsIn40s += p.population;
    }
    const forties = byAge.ages.find((a) => a.ages === '40 to 49')!;
    expect(forties.share).toBe(1);
    expect(forties.residentShare).toBeCloseTo(residentsIn40s / allResidents, 12);
    // The synthetic Core20 is younger, so fewer of its residents are 40: more reached, allowing for it.
    expect(byAge.groups[0]!.ratio).toBeGreaterThan(reach.groups[0]!.ratio);

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

    // The Core20 within each place: its people reached in its Core20 LSOAs, and its residents there,
    // of all ages and, everyone being first seen at 40, aged 40 to 44.
    const inCore20 = new Set(lsoas.filter((l) => l.core20 === 1).map((l) => l.lsoa_code));
    const core20Residents = new Map<string, number>();
    const placeAt40 = new Map<string, [all: number, core20: number]>();
    for (const p of syntheticPopulation(lsoas, latest)) {
      const place = placeOf.get(p.lsoa_code)!;
      const core20 = inCore20.has(p.lsoa_code);
      if (core20) core20Residents.set(place, (core20Residents.get(place) ?? 0) + p.population);
      if (p.age < 40 || p.age > 44) continue;
      const [all, inIt] = placeAt40.get(place) ?? [0, 0];
      placeAt40.set(place, [all + p.population, inIt + (core20 ? p.population : 0)]);
    }
    const core20People = new Map<string, number>();
    for (const lsoa of lsoas.slice(0, 200))
      if (inCore20.has(lsoa.lsoa_code)) core20People.set(lsoa.place, (core20People.get(lsoa.place) ?? 0) + 3);
    // Places with no one reached, or no Core20 area, are left out: here all but the city.
    const withCore20 = [...placeResidents.keys()]
      .sort()
      .filter((place) => core20Residents.has(place) && placePeople.has(place));
    expect(withCore20).toEqual(['Riverside City']);
    const within = reach.core20Places!.groups;
    expect(within.map((g) => [g.group, g.people, g.residents])).toEqual(
      withCore20.map((place) => [place, placePeople.get(place) ?? 0, placeResidents.get(place)]),
    );
    for (const [i, place] of withCore20.entries()) {
      expect(within[i]!.share).toBeCloseTo((core20People.get(place) ?? 0) / placePeople.get(place)!, 12);
      expect(within[i]!.residentShare).toBeCloseTo(
        core20Residents.get(place)! / placeResidents.get(place)!,
        12,
      );
      const [all, inIt] = placeAt40.get(place)!;
      expect(byAge.core20Places![i]!.residentShare).toBeCloseTo(inIt / all, 12);
      expect(byAge.core20Places![i]!.share).toBeCloseTo(within[i]!.share, 12);
    }
    expect(reach.core20Places!.withoutCore20).toEqual(
      [...placeResidents.keys()].sort().filter((place) => !core20Residents.has(place)),
    );

    const dataset = (await t.services.analytics.listDatasets()).find((d) => d.name === 'Clinic')!;
    const staff = new Browser(t.app);
    await staff.signIn((await makeUser(t.services, 'staff')).email, testPassword);
    const page = (await staff.get(`/analytics/datasets/${dataset.id}/reach`)).body;
    expect(page).toContain(
      'People reached living in the Core20 against residents living there, within each place',
    );
    expect(page).toContain(`${(100 * within[0]!.residentShare).toFixed(1)}%`);
    expect(page).toContain(
      'People reached living in the Core20 against residents of the same ages living there, within each place',
    );
    expect(page).toContain('By deprivation and place');
    expect(page).toContain(`mid-${latest} population estimates`);
    expect(page).toContain(`${(100 * reach.groups[0]!.residentShare).toFixed(1)}%`);
    expect(page).toContain('People reached against residents, by place');
    expect(page).toContain('People reached against residents of the same ages, by IMD quintile');
    expect(page).toContain('Ages of the people reached and of the residents');
    expect(page).toContain(`${(100 * byAge.groups[0]!.residentShare).toFixed(1)}%`);
    expect(byAge.places?.map((g) => g.group)).toEqual(reach.places?.map((g) => g.group));
  });

  it("downloads the reach page's tables as CSV and Excel, rounded as the page shows them, for staff only", async () => {
    // Two people aged 30 in each of the first 120 LSOAs, one aged 70 in the next 60.
    const rows = [
      ...lsoas.slice(0, 120).flatMap((l, i) => [0, 1].map((k) => `D${i}-${k},${l.lsoa_code},30,F,A`)),
      ...lsoas.slice(120, 180).map((l, i) => `E${i},${l.lsoa_code},70,M,H`),
    ];
    const file = path.join(dir, 'outreach.csv');
    writeFileSync(file, ['person_id,lsoa_code,age,sex,ethnic_code', ...rows].join('\n') + '\n');
    await t.services.analytics.importDataset(systemActor, { name: 'Outreach clinic', file });
    const reach = await t.services.analytics.deprivationReach('Outreach clinic');
    if (reach.status !== 'ready' || !reach.allowingForAge) throw new Error('No reach allowing for age');
    const dataset = (await t.services.analytics.listDatasets()).find((d) => d.name === 'Outreach clinic')!;
    const staff = new Browser(t.app);
    await staff.signIn((await makeUser(t.services, 'staff')).email, testPassword);
    expect((await staff.get(`/analytics/datasets/${dataset.id}/reach`)).body).toContain(
      `href="/analytics/datasets/${dataset.id}/reach.csv"`,
    );

    const csv = await staff.get(`/analytics/datasets/${dataset.id}/reach.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="who-outreach-clinic-reaches-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, ...lines] = csv.body.trimEnd().split('\r\n');
    expect(header).toBe(reachColumns.join(','));
    const table = (comparison: string) =>
      lines.filter((l) => l.startsWith(`${comparison},`) || l.startsWith(`"${comparison}",`));
    // Shares to 0.1% and ratios to two places, as on the page, with the people each comparison is of.
    const quintiles = table('IMD quintile');
    expect(quintiles).toHaveLength(reach.groups.length);
    reach.groups.forEach((g, i) => {
      const cells = quintiles[i]!.split(',');
      expect(cells.slice(-7, -4).map(Number)).toEqual([
        Number((100 * g.share).toFixed(1)),
        Number((100 * g.residentShare).toFixed(1)),
        Number(g.ratio.toFixed(2)),
      ]);
      expect(Number(cells.at(-1))).toBe(reach.people);
    });
    expect(reach.people).toBe(300);
    expect(table('Place')).toHaveLength(reach.places?.length ?? 0);
    expect(table('IMD quintile, allowing for age')).toHaveLength(reach.allowingForAge.groups.length);
    expect(table('Place, the share living in the Core20')).toHaveLength(reach.core20Places!.groups.length);
    expect(table('Place, the share living in the Core20, allowing for age')).toHaveLength(
      reach.allowingForAge.core20Places!.length,
    );
    // The ages: 240 people of 30 to 39 and 60 of 70 to 79 among 300.
    const ages = lines.filter((l) => l.startsWith('"Age, in ten-year groups",'));
    expect(ages.find((l) => l.includes(',30 to 39,'))?.split(',')[3]).toBe('80');
    expect(ages.find((l) => l.includes(',70 to 79,'))?.split(',')[3]).toBe('20');

    const xlsx = await staff.get(`/analytics/datasets/${dataset.id}/reach.xlsx`);
    const book = XLSX.read(xlsx.rawPayload, { type: 'buffer' });
    expect(book.SheetNames).toEqual(['Who it reaches', 'About these figures']);
    const cells = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['Who it reaches']!);
    expect(cells).toHaveLength(lines.length);
    expect(cells[0]?.ratio).toBe(Number(reach.groups[0]!.ratio.toFixed(2)));
    const about = XLSX.utils.sheet_to_json<string[]>(book.Sheets['About these figures']!, { header: 1 });
    expect(about.map((r) => r[0])).toContain('Allowing for age');

    const member = new Browser(t.app);
    await member.signIn((await makeUser(t.services, 'member')).email, testPassword);
    expect((await member.get(`/analytics/datasets/${dataset.id}/reach.csv`)).statusCode).toBe(403);
    expect((await new Browser(t.app).get(`/analytics/datasets/${dataset.id}/reach.xlsx`)).statusCode).toBe(
      303,
    );
  });

  it('says when no ages are recorded, so that the comparison cannot allow for age', async () => {
    const file = path.join(dir, 'no-ages.csv');
    writeFileSync(
      file,
      ['lsoa_code,sex', ...lsoas.slice(0, 50).map((l) => `${l.lsoa_code},M`)].join('\n') + '\n',
    );
    await t.services.analytics.importDataset(systemActor, { name: 'No ages', file });
    const reach = await t.services.analytics.deprivationReach('No ages');
    if (reach.status !== 'ready') throw new Error(`No reach: ${reach.status}`);
    expect(reach.people).toBe(50);
    expect(reach.allowingForAge).toBeNull();
    const dataset = (await t.services.analytics.listDatasets()).find((d) => d.name === 'No ages')!;
    const staff = new Browser(t.app);
    await staff.signIn((await makeUser(t.services, 'staff')).email, testPassword);
    const page = (await staff.get(`/analytics/datasets/${dataset.id}/reach`)).body;
    expect(page).toContain('No ages are recorded in this dataset');
    expect(page).not.toContain('residents of the same ages');
  });
});
