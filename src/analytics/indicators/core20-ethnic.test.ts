import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEvent, testPopulation } from '../../../test/pack-rows.ts';
import { dialectsUnderTest } from '../../../test/test-db.ts';
import { csvRelations, onPostgresTables, testLsoa } from '../../../test/postgres-tables.ts';
import { proportions } from '../../stats/proportion.ts';
import { medianWithLimits } from '../../stats/median.ts';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { builtInIndicators } from './catalogue.ts';
import { CENSUS_ETHNICITY_CAVEAT, computePack, type PackInput } from './compute.ts';
import { crudeRates } from '../../stats/rate.ts';
import { dimensionsFor } from './dimensions.ts';
import type { IndicatorResult } from './result.ts';

// Ten LSOAs, one per national IMD decile: LSOAs 0 and 1 are the Core20. In each, 100 outpatient
// appointments: 40 of White people (A), 30 Asian (H), 20 Black (N) and 10 whose ethnic group is not
// stated (Z); `missed` gives how many of each group's were not attended. Each count is a multiple of
// 5, so that rounding for publication leaves it as it is. 20 more appointments have an LSOA the
// geography does not hold. The appointments missed are also counted as Mental Health Act detentions,
// a rate over the census residents of each ethnic group (`residents`) in the LSOA.
const geography = Array.from({ length: 10 }, (_v, i) => testLsoa(i, i + 1, { in_area: 1 }));
const residents = {
  White: 400,
  'Asian or Asian British': 300,
  'Black, Black British, Caribbean or African': 200,
};
const census = geography.flatMap((g) =>
  Object.entries(residents).map(([group, people]) => ({
    lsoa_code: g.lsoa_code,
    vintage: '2021',
    ethnic_broad: group,
    people,
  })),
);
const groups = [
  { code: 'A', people: 40, missed: () => 5 },
  { code: 'H', people: 30, missed: (core20: boolean) => (core20 ? 10 : 5) },
  { code: 'N', people: 20, missed: (core20: boolean) => (core20 ? 10 : 5) },
  { code: 'Z', people: 10, missed: () => 5 },
];
const isCore20 = (lsoa: number) => lsoa < 2;
const appointments = [
  ...geography.flatMap((g, i) =>
    groups.flatMap((group) =>
      Array.from({ length: group.people }, (_v, j) => ({
        lsoa_code: g.lsoa_code,
        ethnic_code: group.code,
        dna: j < group.missed(isCore20(i)) ? 1 : 0,
        mha_detention: j < group.missed(isCore20(i)) ? 1 : 0,
        // Every third appointment is of someone on the waiting list, waiting longer in the Core20.
        wait_weeks: j % 3 === 0 ? (j % 7) + (isCore20(i) ? 12 : 4) + 0.5 : '',
      })),
    ),
  ),
  ...Array.from({ length: 20 }, (_v, j) => ({
    lsoa_code: 'E01999999',
    ethnic_code: 'A',
    dna: j < 5 ? 1 : 0,
    mha_detention: j < 5 ? 1 : 0,
    wait_weeks: '',
  })),
];
const activity = appointments.map((a, n) => testEvent(n, { ...a, age: 20 + (n % 60) }));
const population = testPopulation(geography, () => 30);

// The group each appointment is in, worked out here rather than by Parity's SQL.
const broadGroup: Record<string, string> = {
  A: 'White',
  H: 'Asian or Asian British',
  N: 'Black, Black British, Caribbean or African',
};
function groupOf(a: (typeof appointments)[number]): string {
  const lsoa = geography.findIndex((g) => g.lsoa_code === a.lsoa_code);
  const broad = broadGroup[a.ethnic_code];
  if (lsoa < 0 || !broad) return 'Not known';
  return `${isCore20(lsoa) ? 'Core20' : 'Rest of the population'}: ${broad}`;
}

const indicators = builtInIndicators().filter((i) =>
  ['did-not-attend', 'waiting-median-weeks', 'mha-detentions'].includes(i.id),
);
const dimensions = dimensionsFor([], ['core20_ethnic']);

describe('breakdown by ethnic group in the Core20 and in the rest', () => {
  let dir: string;
  let store: AnalyticsStore;
  let input: Omit<PackInput, 'run' | 'relations'>;
  let results: IndicatorResult[];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-core20-ethnic-'));
    store = await analyticsStore(dir);
    input = { vintage: '2021', indicators, dimensions, hasPopulation: true };
    const censusFile = path.join(dir, 'census.csv');
    writeFileSync(
      censusFile,
      [
        'lsoa_code,vintage,ethnic_broad,people',
        ...census.map((c) => `${c.lsoa_code},${c.vintage},"${c.ethnic_broad}",${c.people}`),
      ].join('\n'),
    );
    results = await computePack({
      ...input,
      run: (sql: string) => store.query(sql),
      relations: csvRelations(dir, { activity, geography, population }),
      ethnicity: `read_csv('${censusFile}', header = true, types = {'vintage': 'VARCHAR'})`,
    });
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  const rowsOf = (list: IndicatorResult[], id: string) =>
    list
      .find((r) => r.indicatorId === id)!
      .rows.filter((r) => r.dimension === 'core20_ethnic')
      .sort((a, b) => a.order.localeCompare(b.order));

  it('counts each ethnic group in the Core20 and in the rest, with its Wilson interval', () => {
    const expected = new Map<string, { missed: number; all: number }>();
    for (const a of appointments) {
      const counts = expected.get(groupOf(a)) ?? { missed: 0, all: 0 };
      expected.set(groupOf(a), { missed: counts.missed + a.dna, all: counts.all + 1 });
    }
    const rows = rowsOf(results, 'did-not-attend');
    // "Core20: …" before "Rest of the population: …", and "Not known" last.
    expect(rows.map((r) => r.group)).toEqual(
      [...expected.keys()]
        .sort((a, b) => a.localeCompare(b))
        .sort((a, b) => Number(a === 'Not known') - Number(b === 'Not known')),
    );
    for (const row of rows) {
      const { missed, all } = expected.get(row.group)!;
      const wilson = proportions([missed], [all], { confidence: [0.95], multiplier: 100 });
      expect([row.numerator, row.denominator], row.group).toEqual([String(missed), String(all)]);
      expect(row.value, row.group).toBeCloseTo((missed / all) * 100, 10);
      expect(row.lower95, row.group).toBeCloseTo(wilson.lower[0]![0]!, 10);
      expect(row.upper95, row.group).toBeCloseTo(wilson.upper[0]![0]!, 10);
    }
    expect(expected.get('Core20: Black, Black British, Caribbean or African')).toEqual({
      missed: 20,
      all: 40,
    });
    expect(expected.get('Not known')).toEqual({ missed: 55, all: 120 });
  });

  it('gives each group its median wait with distribution-free limits', () => {
    const rows = rowsOf(results, 'waiting-median-weeks');
    for (const group of ['Core20: White', 'Rest of the population: Asian or Asian British']) {
      const waits = appointments
        .filter((a) => groupOf(a) === group && a.wait_weeks !== '')
        .map((a) => Number(a.wait_weeks));
      const own = medianWithLimits(waits, [0.95]);
      const row = rows.find((r) => r.group === group)!;
      expect(row.value, group).toBeCloseTo(own.value, 10);
      expect(row.lower95, group).toBeCloseTo(own.lower[0]!, 10);
      expect(row.upper95, group).toBeCloseTo(own.upper[0]!, 10);
    }
  });

  it('gives rates of every age over the census residents of each group, compared with all groups together', () => {
    const rows = rowsOf(results, 'mha-detentions');
    // Detentions are the appointments missed; residents are the census's, by the Core20 of each LSOA.
    const detained = (group: string) =>
      appointments.filter((a) => groupOf(a) === group).reduce((sum, a) => sum + a.mha_detention, 0);
    const lsoas = (core20: boolean) => geography.filter((_g, i) => isCore20(i) === core20).length;
    let compared = 0;
    for (const [ethnicGroup, people] of Object.entries(residents))
      for (const core20 of [true, false]) {
        const group = `${core20 ? 'Core20' : 'Rest of the population'}: ${ethnicGroup}`;
        const events = detained(group);
        const denominator = people * lsoas(core20);
        const byars = crudeRates([events], [denominator], { confidence: [0.95], multiplier: 100_000 });
        const row = rows.find((r) => r.group === group)!;
        expect([row.numerator, row.denominator], group).toEqual([String(events), String(denominator)]);
        expect(row.value, group).toBeCloseTo((events / denominator) * 100_000, 8);
        expect(row.lower95, group).toBeCloseTo(byars.lower[0]![0]!, 8);
        expect(row.upper95, group).toBeCloseTo(byars.upper[0]![0]!, 8);
        compared++;
      }
    expect(compared).toBe(6);
    // 40 of 3,200 White residents of the rest (1,250 per 100,000, 95% up to about 1,700) is better
    // than the 170 of 9,000 residents of all the groups together (1,889); beside the overall rate,
    // whose residents of every group and events of no known group give 824, it would look worse.
    expect(rows.find((r) => r.group === 'Rest of the population: White')!.comparison).toBe('better');
    // People whose group or area is not known are in no group's rate.
    expect(rows.map((r) => r.group)).not.toContain('Not known');
    const detentions = results.find((r) => r.indicatorId === 'mha-detentions')!;
    expect(detentions.caveats).toContain(CENSUS_ETHNICITY_CAVEAT);
  });

  it.runIf(dialectsUnderTest().includes('postgres'))(
    'gives the same breakdown when the same SQL runs on PostgreSQL',
    async () => {
      const onPostgres = await onPostgresTables(
        { activity, geography, population },
        { measures: ['dna', 'mha_detention', 'wait_weeks'], more: ['in_area integer'] },
        (on) => computePack({ ...input, ...on, ethnicity: `${on.schema}.lsoa_ethnicity` }),
        { lsoa_ethnicity: [census, 'lsoa_code text, vintage text, ethnic_broad text, people integer'] },
      );
      for (const id of ['did-not-attend', 'waiting-median-weeks', 'mha-detentions'])
        expect(rowsOf(onPostgres, id)).toEqual(rowsOf(results, id));
    },
  );
});
