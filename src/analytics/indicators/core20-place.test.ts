import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test/test-db.ts';
import { csvRelations, onPostgresTables, testLsoa } from '../../../test/postgres-tables.ts';
import { espBandOf, referenceDsr, testEvent, testPopulation } from '../../../test/pack-rows.ts';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { builtInIndicators } from './catalogue.ts';
import { computePack, type PackInput } from './compute.ts';
import { dimensionsFor } from './dimensions.ts';
import type { IndicatorResult } from './result.ts';

// Ten LSOAs, one per national IMD decile, in two places: North has the even ones, South the odd
// ones, so each place has one Core20 LSOA (deciles 1 and 2) and four others. LSOA i has 20 + 5i
// emergency admissions at ages spread over 0 to 89, and people of every age (more in the older
// LSOAs), so that each group's rate must be standardised from its own LSOAs' events and population.
const placeOf = (i: number) => (i % 2 === 0 ? 'North' : 'South');
const geography = Array.from({ length: 10 }, (_v, i) => testLsoa(i, i + 1, { place: placeOf(i) }));
const population = testPopulation(geography, (i, age) => 20 + ((age * 3 + i) % 11));
const admissions = geography.flatMap((g, i) =>
  Array.from({ length: 20 + 5 * i }, (_v, j) => ({ lsoa: i, age: (j * 13 + i) % 90 })),
);
const activity = admissions.map((a, n) =>
  testEvent(n, { lsoa_code: geography[a.lsoa]!.lsoa_code, age: a.age, emergency_admission: 1 }),
);

/** The directly standardised rate of the LSOAs `inGroup` picks, worked out here from the rows above. */
function dsrOf(inGroup: (lsoa: number) => boolean): number {
  const events = new Array<number>(19).fill(0);
  const people = new Array<number>(19).fill(0);
  for (const a of admissions) if (inGroup(a.lsoa)) events[espBandOf(a.age)]! += 1;
  for (const p of population) {
    const lsoa = geography.findIndex((g) => g.lsoa_code === p.lsoa_code);
    if (inGroup(lsoa)) people[espBandOf(p.age)]! += p.population;
  }
  return referenceDsr(events, people);
}

const indicators = builtInIndicators().filter((i) => i.id === 'emergency-admissions');
const dimensions = dimensionsFor([], ['core20_place']);

describe('breakdown by place, in the Core20 and in the rest', () => {
  let dir: string;
  let store: AnalyticsStore;
  let input: Omit<PackInput, 'run' | 'relations'>;
  let result: IndicatorResult;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-core20-place-'));
    store = await analyticsStore(dir);
    input = { vintage: '2021', indicators, dimensions, hasPopulation: true };
    [result] = (await computePack({
      ...input,
      run: (sql: string) => store.query(sql),
      relations: csvRelations(dir, { activity, geography, population }),
    })) as [IndicatorResult];
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  const rowsOf = (r: IndicatorResult) =>
    r.rows.filter((row) => row.dimension === 'core20_place').sort((a, b) => a.order.localeCompare(b.order));

  it("standardises each place's Core20 and the rest of it by their own LSOAs' population", () => {
    const rows = rowsOf(result);
    expect(rows.map((r) => r.group)).toEqual([
      'Core20: North',
      'Core20: South',
      'Rest of the population: North',
      'Rest of the population: South',
    ]);
    for (const place of ['North', 'South'])
      for (const core20 of [true, false]) {
        const group = `${core20 ? 'Core20' : 'Rest of the population'}: ${place}`;
        const inGroup = (lsoa: number) => placeOf(lsoa) === place && lsoa < 2 === core20;
        const row = rows.find((r) => r.group === group)!;
        expect(row.value, group).toBeCloseTo(dsrOf(inGroup), 8);
        const people = population
          .filter((p) => inGroup(geography.findIndex((g) => g.lsoa_code === p.lsoa_code)))
          .reduce((sum, p) => sum + p.population, 0);
        // Published rounded to the nearest 5, as every count is.
        expect(row.denominator, group).toBe(String(Math.round(people / 5) * 5));
      }
  });

  it.runIf(dialectsUnderTest().includes('postgres'))(
    'gives the same breakdown when the same SQL runs on PostgreSQL',
    async () => {
      const [onPostgres] = await onPostgresTables(
        { activity, geography, population },
        { measures: ['emergency_admission'] },
        (on) => computePack({ ...input, ...on }),
      );
      expect(rowsOf(onPostgres!)).toEqual(rowsOf(result));
    },
  );
});
