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
import { periodStartYear, populationYearFor } from './population-years.ts';
import type { IndicatorResult } from './result.ts';

describe('the mid-year of the estimates a period is over', () => {
  it('is the one of the 30 June inside a financial year, else the nearest, the later of two as near', () => {
    expect(periodStartYear('2023/24')).toBe(2023);
    // As a warehouse's view may write them: other financial year forms, and calendar years.
    expect(['2023-24', '2023/2024', '2023 - 2024', '2023', '1999/00'].map(periodStartYear)).toEqual([
      2023, 2023, 2023, 2023, 1999,
    ]);
    expect(['2023/25', '2023-2025', 'Q1 2023', 'All', 'Not known'].map(periodStartYear)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(populationYearFor('2023', [2022, 2023, 2024])).toBe(2023);
    expect(populationYearFor('2023/24', [2022, 2023, 2024])).toBe(2023);
    expect(populationYearFor('2025/26', [2023, 2022])).toBe(2023);
    expect(populationYearFor('2019/20', [2022, 2023])).toBe(2022);
    expect(populationYearFor('2023/24', [2022, 2024])).toBe(2024);
    // A period that is not a year: the latest estimates.
    expect(populationYearFor('Q1', [2022, 2024])).toBe(2024);
    // Estimates whose year was not recorded stand for every period.
    expect(populationYearFor('2023/24', [null])).toBeNull();
  });
});

// Two LSOAs with estimates for mid-2023 and mid-2024 (a fifth more people), and emergency
// admissions in three financial years: 2023/24, 2024/25 and 2025/26, for which none are imported.
const geography = [1, 10].map((decile, i) => testLsoa(i, decile));
const people = (i: number, age: number) => 25 + ((age * 3 + i) % 7);
const population = [
  ...testPopulation(geography, people, ['P'], 2023),
  ...testPopulation(geography, (i, age) => Math.round(people(i, age) * 1.2), ['P'], 2024),
];
const periods = ['2023/24', '2024/25', '2025/26'];
const activity = Array.from({ length: 1500 }, (_v, j) => {
  const k = j % 3;
  return testEvent(j, {
    lsoa_code: `T0100000${j % 2}`,
    age: (j * 37) % 91,
    event_date: `${2023 + k}-07-01`,
    period: periods[k]!,
    emergency_admission: j % 5 === 0 ? 0 : 1,
  });
});

/** The standardised rate of a period's admissions over the estimates of `midYear`, worked out here. */
function dsrOf(period: string, midYear: number, lsoas = ['T01000000', 'T01000001']): number {
  const events = new Array<number>(19).fill(0);
  const persons = new Array<number>(19).fill(0);
  for (const a of activity)
    if (a.period === period && lsoas.includes(a.lsoa_code) && a.emergency_admission === 1)
      events[a.esp_band]! += 1;
  for (const p of population)
    if (p.mid_year === midYear && lsoas.includes(p.lsoa_code)) persons[espBandOf(p.age)]! += p.population;
  return referenceDsr(events, persons);
}

describe('rates over the population estimates of their own year', () => {
  let dir: string;
  let store: AnalyticsStore;
  let input: Omit<PackInput, 'run' | 'relations'>;
  let rate: IndicatorResult;
  const rowOf = (result: IndicatorResult, dimension: string, group: string, period: string) =>
    result.rows.find((r) => r.dimension === dimension && r.group === group && r.period === period);
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-population-years-'));
    store = await analyticsStore(dir);
    input = {
      vintage: '2021',
      indicators: builtInIndicators().filter((i) => i.id === 'emergency-admissions'),
      hasPopulation: true,
      dimensions: dimensionsFor([], ['imd_decile']),
    };
    [rate] = (await computePack({
      ...input,
      run: (sql) => store.query(sql),
      relations: csvRelations(dir, { activity, geography, population }),
    })) as [IndicatorResult];
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  it('standardises each financial year by the mid-year estimates inside it, or the nearest', () => {
    for (const [period, midYear] of [
      ['2023/24', 2023],
      ['2024/25', 2024],
      ['2025/26', 2024],
    ] as const) {
      expect(rowOf(rate, 'overall', 'All', period)?.value, period).toBeCloseTo(dsrOf(period, midYear), 8);
      expect(rowOf(rate, 'imd_decile', '1', period)?.value, period).toBeCloseTo(
        dsrOf(period, midYear, ['T01000000']),
        8,
      );
    }
    // The denominators differ by a fifth, as the estimates do.
    const denominator = (period: string) => Number(rowOf(rate, 'overall', 'All', period)?.denominator);
    expect(denominator('2024/25') / denominator('2023/24')).toBeCloseTo(1.2, 2);
  });

  it.runIf(dialectsUnderTest().includes('postgres'))(
    'gives the same rates when the same SQL runs on PostgreSQL',
    async () => {
      const [onPostgres] = await onPostgresTables(
        { activity, geography, population },
        { measures: ['emergency_admission'] },
        (on) => computePack({ ...input, ...on }),
      );
      expect(onPostgres).toEqual(rate);
    },
  );
});
