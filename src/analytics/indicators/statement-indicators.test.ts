import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRelations, testLsoa } from '../../../test/postgres-tables.ts';
import { testEvent, testPopulation } from '../../../test/pack-rows.ts';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { builtInIndicators } from './catalogue.ts';
import { computePack } from './compute.ts';
import { dimensionsFor } from './dimensions.ts';
import type { IndicatorResult } from './result.ts';

// The measures NHS England's statement on information on health inequalities asks for beyond
// Core20PLUS5, computed on rows whose answers are worked out here from their definitions: each row
// is one person (or detention, or birth) with one measure, at an age that some definitions select.
const geography = [testLsoa(0, 1), testLsoa(1, 10)];
const population = testPopulation(geography, (i, age) => 30 + ((age * 7 + i * 3) % 11));
const measures = [
  'mha_detention',
  'talking_therapies_recovered',
  't2d_eight_care_processes',
  'gestation_weeks',
  'ld_health_check',
] as const;
type Row = ReturnType<typeof testEvent> & Partial<Record<(typeof measures)[number], number | ''>>;
const activity: Row[] = Array.from({ length: 3000 }, (_v, j) => {
  const field = measures[j % measures.length]!;
  const age = (j * 31) % 91;
  // Gestations from 30 to 41 weeks and some days; the others 1 for every child under 14 (whom the
  // definitions selecting by age leave out) and one in three others, 0 otherwise.
  const value =
    field === 'gestation_weeks' ? 30 + ((j * 13) % 12) + (j % 7) / 7 : age < 14 || j % 3 === 0 ? 1 : 0;
  const blanks = Object.fromEntries(measures.map((m) => [m, '' as const]));
  return testEvent(j, { lsoa_code: `T0100000${j % 2}`, age, ...blanks, [field]: value });
});

const ids = [
  'mha-detentions',
  'talking-therapies-recovery',
  't2d-eight-care-processes',
  'preterm-births',
  'ld-annual-health-checks',
];

describe("the measures of NHS England's statement on health inequalities", () => {
  let dir: string;
  let store: AnalyticsStore;
  let results: IndicatorResult[];
  const overall = (id: string) =>
    results.find((r) => r.indicatorId === id)!.rows.find((r) => r.dimension === 'overall')!;
  const rowsWith = (field: (typeof measures)[number], test: (row: Row) => boolean = () => true) =>
    activity.filter((row) => typeof row[field] === 'number' && test(row));
  // Percentages are published from the counts rounded to 5, as NHS England's rule for secondary care
  // data has them (docs/methods/disclosure.md).
  const roundedTo5 = (n: number) => 5 * Math.round(n / 5);
  const percent = (part: Row[], whole: Row[]) => (100 * roundedTo5(part.length)) / roundedTo5(whole.length);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-statement-'));
    store = await analyticsStore(dir);
    results = await computePack({
      run: (sql) => store.query(sql),
      relations: csvRelations(dir, { activity, geography, population }),
      vintage: '2021',
      indicators: builtInIndicators().filter((i) => ids.includes(i.id)),
      dimensions: dimensionsFor([], ['imd_decile']),
      hasPopulation: true,
    });
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives detentions under the Mental Health Act per 100,000 people of all ages', () => {
    const everyone = population.reduce((sum, p) => sum + p.population, 0);
    const detentions = rowsWith('mha_detention', (r) => r.mha_detention === 1);
    expect(overall('mha-detentions').value).toBeCloseTo((detentions.length / everyone) * 100_000, 8);
  });

  it('gives the recovery rate of those who finished Talking Therapies at caseness', () => {
    const finished = rowsWith('talking_therapies_recovered');
    const recovered = finished.filter((r) => r.talking_therapies_recovered === 1);
    expect(overall('talking-therapies-recovery').value).toBeCloseTo(percent(recovered, finished), 8);
  });

  it('counts care processes among adults, and health checks among people aged 14 and over', () => {
    const adults = rowsWith('t2d_eight_care_processes', (r) => r.age >= 18);
    const allEight = adults.filter((r) => r.t2d_eight_care_processes === 1);
    expect(rowsWith('t2d_eight_care_processes').length).toBeGreaterThan(adults.length);
    expect(overall('t2d-eight-care-processes').value).toBeCloseTo(percent(allEight, adults), 8);
    const register = rowsWith('ld_health_check', (r) => r.age >= 14);
    const checked = register.filter((r) => r.ld_health_check === 1);
    expect(overall('ld-annual-health-checks').value).toBeCloseTo(percent(checked, register), 8);
  });

  it('counts births before 37 completed weeks as preterm, 36 weeks and 6 days among them', () => {
    const births = rowsWith('gestation_weeks');
    const preterm = births.filter((r) => Number(r.gestation_weeks) < 37);
    expect(births.some((r) => r.gestation_weeks === 36 + 6 / 7)).toBe(true);
    expect(births.some((r) => r.gestation_weeks === 37)).toBe(true);
    expect(overall('preterm-births').value).toBeCloseTo(percent(preterm, births), 8);
  });
});
