import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dialectsUnderTest } from '../../../test/test-db.ts';
import {
  activityColumns,
  geographyColumns,
  runOn,
  withPostgresTables,
  testLsoa,
} from '../../../test/postgres-tables.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proportions } from '../../stats/proportion.ts';
import { medianWithLimits } from '../../stats/median.ts';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { builtInIndicators } from './catalogue.ts';
import { computePack } from './compute.ts';
import { dimensionsFor } from './dimensions.ts';
import type { IndicatorResult } from './result.ts';

// Ten LSOAs, one per national IMD decile; 40 outpatient appointments in each; decile d has
// `missed[d - 1]` appointments not attended.
const missed = [12, 10, 9, 8, 7, 6, 5, 4, 3, 2];
const geography = missed.map((_m, i) =>
  testLsoa(i, i + 1, { ward_code: `T0500000${i % 2}`, ward_name: i % 2 ? 'Even' : 'Odd' }),
);
const activity = missed.flatMap((m, i) =>
  Array.from({ length: 40 }, (_v, j) => ({
    person_id: `P${i}-${j}`,
    lsoa_code: `T0100000${i}`,
    age: 30 + j,
    age_band: '25-34',
    esp_band: 6,
    sex: j % 2 ? 'F' : 'M',
    ethnic_code: j % 4 === 0 ? 'H' : 'A',
    event_date: '2024-06-01',
    period: '2024/25',
    dna: j < m ? 1 : 0,
    // Every third person is on the waiting list, waiting longer in more deprived deciles.
    wait_weeks: j % 3 === 0 ? (j % 7) + (10 - i) * 2 + 0.5 : null,
  })),
);

const csv = (rows: Record<string, unknown>[]) =>
  [
    Object.keys(rows[0]!).join(','),
    ...rows.map((r) =>
      Object.values(r)
        .map((v) => (v === null ? '' : String(v as string | number)))
        .join(','),
    ),
  ].join('\n');
const packIndicators = builtInIndicators().filter((i) =>
  ['did-not-attend', 'waiting-median-weeks'].includes(i.id),
);
const dimensions = dimensionsFor([], ['imd_decile', 'core20', 'ethnic_broad', 'sex']);

describe('indicator computation with known answers', () => {
  let dir: string;
  let store: AnalyticsStore;
  let result: IndicatorResult;
  let medianResult: IndicatorResult;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-compute-'));
    store = await analyticsStore(dir);
    writeFileSync(path.join(dir, 'a.csv'), csv(activity));
    writeFileSync(path.join(dir, 'g.csv'), csv(geography));
    const relations = {
      activity: `read_csv('${path.join(dir, 'a.csv')}', header = true)`,
      geography: `read_csv('${path.join(dir, 'g.csv')}', header = true, types = {'vintage': 'VARCHAR'})`,
      population: 'unused',
    };
    const pack = await computePack({
      run: (sql) => store.query(sql),
      relations,
      vintage: '2021',
      indicators: packIndicators,
      dimensions,
      hasPopulation: false,
    });
    result = pack.find((r) => r.indicatorId === 'did-not-attend')!;
    medianResult = pack.find((r) => r.indicatorId === 'waiting-median-weeks')!;
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives each decile its Wilson interval and suppresses small counts', () => {
    const deciles = result.rows.filter((r) => r.dimension === 'imd_decile');
    const first = deciles.find((r) => r.group === '1')!;
    const expected = proportions([12], [40], { confidence: [0.95], multiplier: 100 });
    expect(first.numerator).toBe('10');
    expect(first.denominator).toBe('40');
    expect(first.value).toBeCloseTo(25, 10);
    expect(first.lower95).toBeCloseTo(expected.lower[0]![0]!, 10);
    expect(first.upper95).toBeCloseTo(expected.upper[0]![0]!, 10);
    const last = deciles.find((r) => r.group === '10')!;
    expect(last.numerator).toBe('*');
    expect(last.value).toBeNull();
    expect(last.lower95).toBeNull();
    // Another cell is hidden too, so the suppressed one cannot be worked out from the total.
    expect(deciles.filter((r) => r.numerator === '*').length).toBeGreaterThanOrEqual(2);
  });

  it('compares Core20 with the overall value and summarises the gradient', () => {
    const core20 = result.rows.find((r) => r.dimension === 'core20' && r.group === 'Core20')!;
    expect(core20.comparison).toBe('worse');
    const sii = result.summaries.find((s) => s.measure === 'sii')!;
    expect(sii.value).toBeLessThan(0);
    expect(result.summaries.map((s) => `${s.dimension}:${s.measure}`)).toEqual(
      expect.arrayContaining(['imd_decile:sii', 'imd_decile:rii', 'core20:d', 'ethnic_broad:d']),
    );
  });

  it('leaves out of the WHO measures any group whose value is hidden, and says so', () => {
    // Decile 10 is suppressed (and one more decile with it): the gap between the ends would give
    // its value back, so the ordered measures are not calculated; the SII, a regression the rule
    // exempts, still is.
    const hidden = result.rows
      .filter((r) => r.dimension === 'imd_decile' && r.value === null)
      .map((r) => r.group);
    expect(hidden).toContain('10');
    expect(result.summaries.filter((s) => s.dimension === 'imd_decile').map((s) => s.measure)).toEqual([
      'sii',
      'rii',
    ]);
    const note = result.summaryNotes?.find((n) => n.dimension === 'imd_decile' && n.measure === 'heat');
    expect(note?.text).toContain('every group needs a published value');
    expect(note?.text).toContain(`deciles ${hidden.join(', ').replace(/, (?=[^,]*$)/, ' and ')}`);
  });

  it('gives each decile its median wait with distribution-free limits', () => {
    const first = medianResult.rows.find((r) => r.dimension === 'imd_decile' && r.group === '1')!;
    // Decile 1: 14 people waiting (j = 0, 3, …, 39), waits (j mod 7) + 20.5.
    const waits = Array.from({ length: 40 }, (_v, j) => j)
      .filter((j) => j % 3 === 0)
      .map((j) => (j % 7) + 20.5);
    const own = medianWithLimits(waits, [0.95]);
    expect(first.value).toBeCloseTo(own.value, 10);
    expect(first.lower95).toBeCloseTo(own.lower[0]!, 10);
    expect(first.upper95).toBeCloseTo(own.upper[0]!, 10);
    expect(first.lower95!).toBeLessThan(first.upper95!);
  });

  it.runIf(dialectsUnderTest().includes('postgres'))(
    'gives the same answers when the same SQL runs on PostgreSQL',
    async () => {
      const tables = {
        activity: [activity, activityColumns(['dna', 'wait_weeks'])],
        lsoa_geography: [geography, geographyColumns()],
      } as const;
      const onPostgresPack = await withPostgresTables(tables, (client, schema) =>
        computePack({
          run: runOn(client),
          relations: {
            activity: `${schema}.activity`,
            geography: `${schema}.lsoa_geography`,
            population: 'unused',
          },
          vintage: '2021',
          indicators: packIndicators,
          dimensions,
          hasPopulation: false,
        }),
      );
      const onPostgres = onPostgresPack.find((r) => r.indicatorId === 'did-not-attend');
      const medianOnPostgres = onPostgresPack.find((r) => r.indicatorId === 'waiting-median-weeks');
      const sorted = (r: IndicatorResult) =>
        [...r.rows].sort((a, b) => `${a.dimension}${a.order}`.localeCompare(`${b.dimension}${b.order}`));
      expect(sorted(onPostgres!)).toEqual(sorted(result));
      expect(onPostgres!.summaries).toEqual(result.summaries);
      expect(sorted(medianOnPostgres!)).toEqual(sorted(medianResult));
    },
  );
});
