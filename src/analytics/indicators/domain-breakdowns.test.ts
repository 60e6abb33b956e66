import { mkdtempSync, rmSync } from 'node:fs';
import { testEvent, testPopulation } from '../../../test/pack-rows.ts';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test/test-db.ts';
import { csvRelations, onPostgresTables, testLsoa } from '../../../test/postgres-tables.ts';
import type { Relations } from '../queries/indicator-aggregates.ts';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { builtInIndicators } from './catalogue.ts';
import { computePack, type PackInput } from './compute.ts';
import { dimensionsFor } from './dimensions.ts';
import type { IndicatorResult } from './result.ts';

// Ten LSOAs whose income-domain deciles run the other way from their IMD deciles, so that a
// breakdown by the wrong one shows.
const geography = Array.from({ length: 10 }, (_v, i) => testLsoa(i, i + 1, { income_decile: 10 - i }));
const population = testPopulation(geography, () => 30);
// LSOA i: 60 appointments, 8 + 2i of them missed; 25 + i emergency admissions.
const activity = geography
  .flatMap((g, i) => [
    ...Array.from({ length: 60 }, (_v, j) => ({
      lsoa: g.lsoa_code,
      age: 20 + j,
      dna: j < 8 + 2 * i ? 1 : 0,
      emergency: 0,
    })),
    ...Array.from({ length: 25 + i }, (_v, j) => ({
      lsoa: g.lsoa_code,
      age: (j * 11) % 90,
      dna: '',
      emergency: 1,
    })),
  ])
  .map((r, n) =>
    testEvent(n, { lsoa_code: r.lsoa, age: r.age, dna: r.dna, emergency_admission: r.emergency }),
  );

const indicators = builtInIndicators().filter((i) =>
  ['did-not-attend', 'emergency-admissions'].includes(i.id),
);
const dimensions = dimensionsFor([], ['income_decile']);

describe('breakdowns by a domain of deprivation', () => {
  let dir: string;
  let store: AnalyticsStore;
  let input: Omit<PackInput, 'run' | 'relations'>;
  let results: IndicatorResult[];
  let relations: Relations;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-domains-'));
    store = await analyticsStore(dir);
    relations = csvRelations(dir, { activity, geography, population });
    input = { vintage: '2021', indicators, dimensions, hasPopulation: true };
    results = await computePack({
      ...input,
      run: (sql: string) => store.query(sql),
      relations,
    });
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  const byIncome = (id: string) =>
    results
      .find((r) => r.indicatorId === id)!
      .rows.filter((r) => r.dimension === 'income_decile')
      .sort((a, b) => a.order.localeCompare(b.order));

  it('counts each income decile from its own LSOAs, and fits the slope index to them', () => {
    // Income decile d is LSOA 10 - d: 8 + 2 (10 - d) missed appointments of 60, rounded to 5.
    const missedRounded = byIncome('did-not-attend').map((r) => r.numerator);
    expect(missedRounded).toEqual(
      Array.from({ length: 10 }, (_v, k) => String(Math.round((8 + 2 * (9 - k)) / 5) * 5)),
    );
    const dna = results.find((r) => r.indicatorId === 'did-not-attend')!;
    const sii = dna.summaries.find((s) => s.dimension === 'income_decile' && s.measure === 'sii');
    // More missed in the more income-deprived deciles: the value falls towards the least deprived.
    expect(sii?.value).toBeLessThan(0);
  });

  it('gives rates by income decile from the populations of its LSOAs', () => {
    const rates = byIncome('emergency-admissions');
    expect(rates.map((r) => r.group)).toEqual(Array.from({ length: 10 }, (_v, k) => String(k + 1)));
    expect(rates.every((r) => r.value !== null && r.value > 0)).toBe(true);
    expect(rates.map((r) => r.denominator)).toEqual(rates.map(() => String(91 * 30)));
  });

  it.runIf(dialectsUnderTest().includes('postgres'))(
    'gives the same breakdowns when the same SQL runs on PostgreSQL',
    async () => {
      const onPostgres = await onPostgresTables(
        { activity, geography, population },
        { measures: ['dna', 'emergency_admission'], more: ['income_decile integer'] },
        (on) => computePack({ ...input, ...on }),
      );
      const rowsOf = (list: IndicatorResult[], id: string) =>
        list
          .find((r) => r.indicatorId === id)!
          .rows.filter((r) => r.dimension === 'income_decile')
          .sort((a, b) => a.order.localeCompare(b.order));
      for (const id of ['did-not-attend', 'emergency-admissions'])
        expect(rowsOf(onPostgres, id)).toEqual(rowsOf(results, id));
    },
  );
});
