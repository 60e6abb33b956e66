import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRelations, testLsoa } from '../../../test/postgres-tables.ts';
import { espBandOf, referenceDsr, testEvent, testPopulation } from '../../../test/pack-rows.ts';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { builtInIndicators } from './catalogue.ts';
import { computePack } from './compute.ts';
import { dimensionsFor } from './dimensions.ts';
import type { IndicatorResult } from './result.ts';

// The Core20PLUS5 measures whose selection is in the catalogue's conditions (ages, populations),
// computed on rows whose answers are worked out here from the definitions: COPD admissions of
// people aged 35 and over standardised over the ESP2013 bands from 35, children's asthma admissions
// and mental health contacts over the population aged 0 to 17, and epilepsy nurse input of under-18s.
const geography = [testLsoa(0, 2), testLsoa(1, 9)];
const population = testPopulation(geography, (i, age) => 40 + ((age * 3 + i * 5) % 13));
const activity = Array.from({ length: 2400 }, (_v, j) => {
  const measure = (k: number) => (j % 6 === k ? 1 : '');
  return testEvent(j, {
    lsoa_code: `T0100000${j % 2}`,
    age: (j * 29) % 96,
    sex: j % 2 ? 'F' : 'M',
    copd_emergency_admission: measure(0),
    asthma_emergency_admission: measure(1),
    mh_service_contact: measure(2),
    esn_input: j % 6 === 3 ? (j % 4 === 3 ? 1 : 0) : '',
  });
});

const ids = [
  'copd-emergency-admissions',
  'cyp-asthma-emergency-admissions',
  'cyp-mental-health-access',
  'cyp-epilepsy-specialist-nurse',
];
const indicators = builtInIndicators().filter((i) => ids.includes(i.id));
const people = (from: number, to: number) =>
  population.filter((p) => p.age >= from && p.age <= to).reduce((sum, p) => sum + p.population, 0);

describe('the Core20PLUS5 catalogue measures selected by age', () => {
  let dir: string;
  let store: AnalyticsStore;
  let results: IndicatorResult[];
  const overall = (id: string) =>
    results.find((r) => r.indicatorId === id)!.rows.find((r) => r.dimension === 'overall')!;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-catalogue-'));
    store = await analyticsStore(dir);
    results = await computePack({
      run: (sql) => store.query(sql),
      relations: csvRelations(dir, { activity, geography, population }),
      vintage: '2021',
      indicators,
      dimensions: dimensionsFor([], ['imd_decile']),
      hasPopulation: true,
    });
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  it('has every Core20PLUS5 clinical area for adults and for children and young people', () => {
    const areas = (programme: string) =>
      new Set(
        builtInIndicators()
          .filter((i) => i.programme === programme)
          .map((i) => i.area),
      );
    expect(areas('Core20PLUS5 children and young people')).toEqual(
      new Set(['Asthma', 'Diabetes', 'Epilepsy', 'Oral health', 'Mental health']),
    );
    expect(areas('Core20PLUS5 adults').size).toBe(5);
    expect(results.map((r) => r.indicatorId).sort()).toEqual([...ids].sort());
  });

  it('standardises COPD admissions of people aged 35 and over over the ESP2013 bands from 35', () => {
    const events = new Array<number>(19).fill(0);
    const people = new Array<number>(19).fill(0);
    for (const a of activity) if (a.copd_emergency_admission === 1 && a.age >= 35) events[a.esp_band]! += 1;
    for (const p of population) if (p.age >= 35) people[espBandOf(p.age)]! += p.population;
    const dsr = referenceDsr(events, people);
    expect(overall('copd-emergency-admissions').value).toBeCloseTo(dsr, 8);
  });

  it('gives children and young people rates over the population aged 0 to 17', () => {
    const under18 = (field: 'asthma_emergency_admission' | 'mh_service_contact') =>
      activity.filter((a) => a[field] === 1 && a.age <= 17).length;
    expect(overall('cyp-asthma-emergency-admissions').value).toBeCloseTo(
      (under18('asthma_emergency_admission') / people(0, 17)) * 100_000,
      8,
    );
    expect(overall('cyp-mental-health-access').value).toBeCloseTo(
      (under18('mh_service_contact') / people(0, 17)) * 100_000,
      8,
    );
  });

  it('counts epilepsy specialist nurse input among under-18s with epilepsy only', () => {
    const cohort = activity.filter((a) => a.esn_input !== '' && a.age <= 17);
    const seen = cohort.filter((a) => a.esn_input === 1);
    expect(cohort.length).toBeGreaterThan(50);
    expect(overall('cyp-epilepsy-specialist-nurse').value).toBeCloseTo(
      (100 * seen.length) / cohort.length,
      8,
    );
  });
});
