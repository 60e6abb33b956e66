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

// Two LSOAs whose population estimates are by sex (as ONS gives them on LSOA 2021 areas), and
// emergency admissions of women, men and people whose sex is not known.
const geography = [1, 10].map((decile, i) => testLsoa(i, decile));
const population = testPopulation(geography, (i, age, sex) => (sex === 'F' ? 20 : 16) + ((age * 7 + i) % 9), [
  'F',
  'M',
]);
const activity = Array.from({ length: 900 }, (_v, j) =>
  testEvent(j, {
    lsoa_code: `T0100000${j % 2}`,
    age: (j * 37) % 91,
    sex: ['F', 'M', 'F', 'M', 'U'][j % 5]!,
    emergency_admission: j % 4 === 0 ? 0 : 1,
  }),
);

/** The directly standardised rate of one sex, worked out here from the rows above. */
function dsrOf(sex: string): number {
  const events = new Array<number>(19).fill(0);
  const people = new Array<number>(19).fill(0);
  for (const a of activity) if (a.sex === sex && a.emergency_admission === 1) events[a.esp_band]! += 1;
  for (const p of population) if (p.sex === sex) people[espBandOf(p.age)]! += p.population;
  return referenceDsr(events, people);
}

const indicators = builtInIndicators().filter((i) => i.id === 'emergency-admissions');

describe('rates by sex, where the population estimates are by sex', () => {
  let dir: string;
  let relations: Relations;
  let store: AnalyticsStore;
  let input: Omit<PackInput, 'run' | 'relations' | 'dimensions'>;
  let bySex: IndicatorResult;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-rates-by-sex-'));
    store = await analyticsStore(dir);
    relations = csvRelations(dir, { activity, geography, population });
    input = { vintage: '2021', indicators, hasPopulation: true };
    const [result] = await computePack({
      ...input,
      ...onDuckDb(),
      dimensions: dimensionsFor([], ['sex'], true),
    });
    bySex = result!;
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  const onDuckDb = () => ({
    run: (sql: string) => store.query(sql),
    relations,
  });
  const rowOf = (result: IndicatorResult, dimension: string, group: string) =>
    result.rows.find((r) => r.dimension === dimension && r.group === group);

  it('standardises the admissions of each sex by the population of that sex', () => {
    for (const sex of ['F', 'M']) expect(rowOf(bySex, 'sex', sex)?.value).toBeCloseTo(dsrOf(sex), 8);
    // Nobody of unknown sex is in the estimates: no rate can be given for them.
    expect(rowOf(bySex, 'sex', 'U')).toBeUndefined();
  });

  it('gives the overall rate over both sexes as before, and no rates by sex from estimates for persons', async () => {
    const [persons] = await computePack({ ...input, ...onDuckDb(), dimensions: dimensionsFor([], ['sex']) });
    expect(rowOf(persons!, 'overall', 'All')).toEqual(rowOf(bySex, 'overall', 'All'));
    expect(persons!.rows.filter((r) => r.dimension === 'sex')).toEqual([]);
  });

  it.runIf(dialectsUnderTest().includes('postgres'))(
    'gives the same rates when the same SQL runs on PostgreSQL',
    async () => {
      const [onPostgres] = await onPostgresTables(
        { activity, geography, population },
        { measures: ['emergency_admission'] },
        (on) => computePack({ ...input, ...on, dimensions: dimensionsFor([], ['sex'], true) }),
      );
      for (const sex of ['F', 'M']) expect(rowOf(onPostgres!, 'sex', sex)).toEqual(rowOf(bySex, 'sex', sex));
    },
  );
});
