import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test/test-db.ts';
import { csvRelations, onPostgresTables, testLsoa } from '../../../test/postgres-tables.ts';
import { espBandOf, referenceDsr, testEvent, testPopulation } from '../../../test/pack-rows.ts';
import type { Relations } from '../queries/indicator-aggregates.ts';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { builtInIndicators } from './catalogue.ts';
import { computePack, type PackInput } from './compute.ts';
import { dimensionsFor } from './dimensions.ts';
import type { IndicatorResult } from './result.ts';

// A geography as the national deprivation file gives it with places set: two LSOAs in the place
// (deciles 1 and 10) and one of decile 1 in a local authority outside it. Admissions and
// appointments of people living in each, and of people whose LSOA is not known.
const inArea = { in_area: 1 };
const geography = [
  testLsoa(0, 1, inArea),
  testLsoa(1, 10, inArea),
  testLsoa(2, 1, {
    ward_code: 'T05000002',
    ward_name: 'Far',
    la_code: 'T06000002',
    la_name: 'Otherland',
    place: 'Otherland',
    in_area: 0,
  }),
];
const population = testPopulation(geography, (i, age) => 30 + ((age * 5 + i) % 11));
/** Parity's age bands (0-17, 18-24, 25-34 … 85+). */
const bandOf = (age: number) =>
  age < 18
    ? '0-17'
    : age < 25
      ? '18-24'
      : age >= 85
        ? '85+'
        : `${Math.floor((age + 5) / 10) * 10 - 5}-${Math.floor((age + 5) / 10) * 10 + 4}`;
const lsoaOf = (j: number) => ['T01000000', 'T01000001', 'T01000002', 'E01999999'][j % 4]!;
const activity = Array.from({ length: 1200 }, (_v, j) => {
  const age = (j * 37) % 91;
  return testEvent(j, {
    lsoa_code: lsoaOf(j),
    age,
    age_band: bandOf(age),
    sex: j % 2 ? 'F' : 'M',
    emergency_admission: j % 3 === 0 ? 0 : 1,
    dna: j % 5 === 0 ? 1 : 0,
    wait_weeks: j % 3 ? (j * 7) % 40 : '',
  });
});
const residents = new Set(['T01000000', 'T01000001']);

/** The directly standardised rate of the admissions of people living in `lsoas`, worked out here. */
function dsrOf(lsoas: string[]): { value: number; events: number; people: number } {
  const events = new Array<number>(19).fill(0);
  const people = new Array<number>(19).fill(0);
  for (const a of activity)
    if (lsoas.includes(a.lsoa_code) && a.emergency_admission === 1) events[a.esp_band]! += 1;
  for (const p of population) if (lsoas.includes(p.lsoa_code)) people[espBandOf(p.age)]! += p.population;
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  return { value: referenceDsr(events, people), events: sum(events), people: sum(people) };
}

const indicators = builtInIndicators().filter((i) =>
  ['emergency-admissions', 'did-not-attend', 'waiting-median-weeks'].includes(i.id),
);
const rowOf = (result: IndicatorResult | undefined, dimension: string, group: string) =>
  result?.rows.find((r) => r.dimension === dimension && r.group === group);
/** A count as published: rounded to the nearest 5 (NHS statistical disclosure control). */
const published = (count: number) => String(Math.round(count / 5) * 5);

describe('rates when the geography has LSOAs outside the configured places', () => {
  let dir: string;
  let relations: Relations;
  let store: AnalyticsStore;
  let input: Omit<PackInput, 'run' | 'relations'>;
  let results: IndicatorResult[];
  const byId = (id: string, list = results) => list.find((r) => r.indicatorId === id);
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-residents-'));
    store = await analyticsStore(dir);
    relations = csvRelations(dir, { activity, geography, population });
    input = {
      vintage: '2021',
      indicators,
      hasPopulation: true,
      dimensions: dimensionsFor([], ['imd_decile', 'place', 'ward', 'age_band']),
      residentArea: { places: ['Test place'] },
    };
    results = await computePack({ ...input, ...onDuckDb() });
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  const onDuckDb = () => ({
    run: (sql: string) => store.query(sql),
    relations,
  });

  it("counts the admissions of the place's residents over the place's population", () => {
    const rate = byId('emergency-admissions');
    const expected = dsrOf([...residents]);
    expect(rowOf(rate, 'overall', 'All')).toMatchObject({
      numerator: published(expected.events),
      denominator: published(expected.people),
    });
    expect(rowOf(rate, 'overall', 'All')?.value).toBeCloseTo(expected.value, 8);
    // Decile 1 holds a resident LSOA and one outside: only the resident one counts.
    expect(rowOf(rate, 'imd_decile', '1')?.value).toBeCloseTo(dsrOf(['T01000000']).value, 8);
    expect(rowOf(rate, 'place', 'Test place')?.value).toBeCloseTo(expected.value, 8);
    expect(rate?.rows.filter((r) => r.dimension === 'place').map((r) => r.group)).toEqual(['Test place']);
    // By age band, where no LSOA is in the stratum, the admissions are still the residents' only.
    const adults = rowOf(rate, 'age_band', '25-34');
    const inBand = activity.filter(
      (a) => residents.has(a.lsoa_code) && a.emergency_admission === 1 && a.age >= 25 && a.age <= 34,
    );
    expect(inBand.length).toBeGreaterThan(10);
    expect(adults?.numerator).toBe(published(inBand.length));
  });

  it('says what share of the events were of people living elsewhere or whose LSOA is not known', () => {
    const admissions = activity.filter((a) => a.emergency_admission === 1);
    const outside = admissions.filter((a) => !residents.has(a.lsoa_code)).length;
    const share = Math.round((100 * outside) / admissions.length);
    expect(share).toBeGreaterThan(0);
    expect(byId('emergency-admissions')?.caveats).toContain(
      `Rates count the people living in Test place, over their population: ${share}% of the events in this dataset were of people living elsewhere, or whose area of residence is not known, and are not counted.`,
    );
    expect(byId('did-not-attend')?.caveats.some((c) => c.startsWith('Rates count'))).toBe(false);
  });

  it('leaves proportions and medians counting every row, those living outside the places as one group', () => {
    const dna = byId('did-not-attend');
    expect(rowOf(dna, 'overall', 'All')?.denominator).toBe(published(activity.length));
    expect(rowOf(dna, 'overall', 'All')?.numerator).toBe(
      published(activity.filter((a) => a.dna === 1).length),
    );
    const outside = activity.filter((a) => a.lsoa_code === 'T01000002');
    for (const dimension of ['place', 'ward'])
      expect(rowOf(dna, dimension, 'Elsewhere')?.denominator, dimension).toBe(published(outside.length));
    expect(dna?.rows.some((r) => r.group === 'Otherland' || r.group.startsWith('Far'))).toBe(false);
    const waits = outside.map((a) => a.wait_weeks).filter((w): w is number => w !== '');
    const sorted = [...waits].sort((a, b) => a - b);
    const middle = sorted.length / 2;
    const median =
      sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
    expect(rowOf(byId('waiting-median-weeks'), 'place', 'Elsewhere')?.value).toBe(median);
  });

  it('counts every LSOA of the geography when no area is given, as before', async () => {
    const everywhere = await computePack({ ...input, ...onDuckDb(), residentArea: null });
    const all = dsrOf(['T01000000', 'T01000001', 'T01000002']);
    expect(rowOf(byId('emergency-admissions', everywhere), 'overall', 'All')?.denominator).toBe(
      published(all.people),
    );
  });

  it.runIf(dialectsUnderTest().includes('postgres'))(
    'gives the same results when the same SQL runs on PostgreSQL',
    async () => {
      const onPostgres = await onPostgresTables(
        { activity, geography, population },
        { measures: ['emergency_admission', 'dna', 'wait_weeks'], more: ['in_area integer'] },
        (on) => computePack({ ...input, ...on }),
      );
      expect(onPostgres).toEqual(results);
    },
  );
});
