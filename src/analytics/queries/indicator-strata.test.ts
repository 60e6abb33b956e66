import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore, type SqlRow } from '../store.ts';
import { literal } from '../sql-text.ts';
import { loadSyntheticGeography } from '../synthetic/demo-geography.ts';
import { syntheticLsoas } from '../synthetic/ics.ts';
import { writeSyntheticActivity } from '../synthetic/activity.ts';
import { importDataset } from '../datasets/import.ts';
import { builtInIndicators } from '../indicators/catalogue.ts';
import { applicableIndicators, fieldsOfDataset, type AvailableFields } from '../indicators/compute.ts';
import { core20PairDimensions, dimensionsFor } from '../indicators/dimensions.ts';
import { indicatorAggregatesSql, type Relations } from './indicator-aggregates.ts';
import { indicatorStrataSql } from './indicator-strata.ts';
import { loadAggregates } from '../indicators/aggregates.ts';
import { medianWithLimits } from '../../stats/median.ts';

// The two-phase query must give exactly the strata of the straightforward one-pass query.
describe('two-phase indicator strata', () => {
  let dir: string;
  let store: AnalyticsStore;
  let relations: Relations;
  let fields: AvailableFields;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-strata-'));
    store = await analyticsStore(dir);
    await loadSyntheticGeography(store);
    const source = path.join(dir, 'activity.parquet');
    await writeSyntheticActivity(store, syntheticLsoas(), 30_000, source);
    // Some rows with an unknown LSOA, no age and no date, so "Not known" groups are compared too.
    await store.run(
      `COPY (SELECT * REPLACE (CASE WHEN age % 17 = 0 THEN 'E01999999' ELSE lsoa_code END AS lsoa_code, CASE WHEN age % 23 = 1 THEN NULL ELSE age END AS age, CASE WHEN age % 29 = 2 THEN NULL ELSE event_date END AS event_date) FROM read_parquet(${literal(source)})) TO ${literal(`${source}.edited.parquet`)} (FORMAT parquet)`,
    );
    const imported = await importDataset(store, {
      id: 'strata',
      file: `${source}.edited.parquet`,
      outFile: store.datasetPath('strata.parquet'),
    });
    fields = fieldsOfDataset(imported.fields);
    relations = {
      activity: `read_parquet(${literal(store.datasetPath('strata.parquet'))})`,
      geography: `read_parquet(${literal(store.geographyPath('lsoa_geography'))})`,
      population: `read_parquet(${literal(store.geographyPath('lsoa_population'))})`,
    };
  }, 60_000);
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  const keyOf = (r: SqlRow) =>
    `${String(r.dimension)}|${String(r.group_value)}|${String(r.esp_band)}|${String(r.period)}`;
  const byKey = (rows: SqlRow[]) => new Map(rows.map((r) => [keyOf(r), r]));

  it('gives every breakdown the same counts and sums for every indicator', async () => {
    const indicators = applicableIndicators(builtInIndicators(), fields, true).filter(
      (i) => i.statistic !== 'median',
    );
    const dimensions = [...dimensionsFor(['flag_smi', 'flag_learning_disability']), ...core20PairDimensions];
    const options = { indicators, dimensions, relations, vintage: '2021' };
    const straightforward = await store.query(indicatorAggregatesSql(options));
    const twoPhase = await store.query(indicatorStrataSql(options));
    const expected = byKey(straightforward.filter((r) => r.esp_band === null));
    const actual = byKey(twoPhase.filter((r) => r.esp_band === null));
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    expect(expected.size).toBeGreaterThan(500);
    for (const [key, row] of expected) {
      const other = actual.get(key)!;
      for (const [column, value] of Object.entries(row)) {
        if (!/^m\d+_/.test(column)) continue;
        if (column.endsWith('_sum') || column.endsWith('_sumsq'))
          expect(Number(other[column]), `${key} ${column}`).toBeCloseTo(Number(value), 6);
        else expect(Number(other[column] ?? 0), `${key} ${column}`).toBe(Number(value ?? 0));
      }
    }
    const dsr = indicators.findIndex((i) => i.statistic === 'dsr');
    expect(dsr).toBeGreaterThanOrEqual(0);
    const events = (rows: SqlRow[]) =>
      rows
        .filter((r) => r.esp_band !== null && Number(r[`m${dsr}_num`]) > 0)
        .map((r) => `${keyOf(r)}=${Number(r[`m${dsr}_num`])}`)
        .sort();
    expect(events(twoPhase)).toEqual(events(straightforward));
  });

  it("counts the residents' events only for rates when some LSOAs are outside the places, as the one-pass query does", async () => {
    const indicators = applicableIndicators(builtInIndicators(), fields, true).filter(
      (i) => i.statistic !== 'median',
    );
    const geography = `(SELECT * REPLACE (CASE WHEN imd_rank % 3 = 0 THEN 0 ELSE 1 END AS in_area) FROM ${relations.geography})`;
    const options = {
      indicators,
      dimensions: dimensionsFor(['flag_smi'], ['imd_decile', 'ward', 'age_band', 'sex']),
      relations: { ...relations, geography },
      vintage: '2021',
      residentsOnly: true,
    };
    const straightforward = await store.query(indicatorAggregatesSql(options));
    const twoPhase = await store.query(indicatorStrataSql(options));
    const unbanded = (rows: SqlRow[]) => byKey(rows.filter((r) => r.esp_band === null));
    const [expected, actual] = [unbanded(straightforward), unbanded(twoPhase)];
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    const rate = indicators.findIndex((i) => i.statistic === 'dsr');
    let outside = 0;
    for (const [key, row] of expected) {
      for (const column of [`m${rate}_num`, `m${rate}_num_all`])
        expect(Number(actual.get(key)![column] ?? 0), `${key} ${column}`).toBe(Number(row[column] ?? 0));
      if (row.dimension === 'overall')
        outside += Number(row[`m${rate}_num_all`]) - Number(row[`m${rate}_num`]);
    }
    expect(outside).toBeGreaterThan(100);
    // The ESP-band counts the rate is standardised from: the residents' events too.
    const events = (rows: SqlRow[]) =>
      rows
        .filter((r) => r.esp_band !== null && Number(r[`m${rate}_num`]) > 0)
        .map((r) => `${keyOf(r)}=${Number(r[`m${rate}_num`])}`)
        .sort();
    expect(events(twoPhase)).toEqual(events(straightforward));
  });

  it('sums the squares of a whole-number measure too large to square in its own type', async () => {
    // A linked table may hold integers: weeks × 10,000 squared is far beyond a 32-bit integer.
    const indicators = applicableIndicators(builtInIndicators(), fields, true).filter(
      (i) => i.id === 'waiting-mean-weeks',
    );
    const activity = `(SELECT * REPLACE (CAST(round(wait_weeks * 10000) AS INTEGER) AS wait_weeks) FROM ${relations.activity})`;
    const options = {
      indicators,
      dimensions: dimensionsFor([], ['sex']),
      relations: { ...relations, activity },
      vintage: '2021',
    };
    const [expected] = await store.query(
      `SELECT SUM(CAST(wait_weeks AS DOUBLE) * CAST(wait_weeks AS DOUBLE)) AS sumsq FROM ${activity} a`,
    );
    for (const sql of [indicatorStrataSql(options), indicatorAggregatesSql(options)]) {
      const overall = (await store.query(sql)).filter((r) => r.dimension === 'overall');
      const total = overall.reduce((sum, r) => sum + Number(r.m0_sumsq ?? 0), 0);
      expect(Number(expected?.sumsq)).toBeGreaterThan(2 ** 40);
      expect(total / Number(expected?.sumsq)).toBeCloseTo(1, 12);
    }
  });

  it('computes only the breakdowns asked for', async () => {
    const indicators = applicableIndicators(builtInIndicators(), fields, true).filter(
      (i) => i.id === 'did-not-attend',
    );
    const dimensions = dimensionsFor([], ['sex']);
    const options = { indicators, dimensions, relations, vintage: '2021' };
    const strip = (rows: SqlRow[]) =>
      rows.map((r) => `${keyOf(r)}=${Number(r.m0_num)}/${Number(r.m0_den)}`).sort();
    expect(strip(await store.query(indicatorStrataSql(options)))).toEqual(
      strip(await store.query(indicatorAggregatesSql(options))),
    );
  });

  it('gives every breakdown the exact median, and the values at the ranks of its limits', async () => {
    const indicators = applicableIndicators(builtInIndicators(), fields, true).filter(
      (i) => i.statistic === 'median',
    );
    expect(indicators.length).toBe(1);
    const dimensions = [...dimensionsFor(['flag_smi']), ...core20PairDimensions];
    const options = { indicators, dimensions, relations, vintage: '2021' };
    const field = (indicators[0]!.value as { field: string }).field;
    const reference = byKey(
      await store.query(indicatorAggregatesSql({ ...options, where: `"${field}" IS NOT NULL` })),
    );
    const { groups } = await loadAggregates({ ...options, run: (sql) => store.query(sql) });
    const computed = groups.filter((g) => Number(g.m0_n) > 0);
    expect(computed.length).toBe(reference.size);
    expect(computed.length).toBeGreaterThan(100);
    for (const row of computed) {
      const expected = reference.get(keyOf(row))!;
      expect(Number(row.m0_n), keyOf(row)).toBe(Number(expected.m0_n));
      expect(Number(row.m0_median), keyOf(row)).toBeCloseTo(Number(expected.m0_median), 9);
    }
    // The limits, worked out here from the values themselves, by decile and period.
    const values = await store.query<{ period: string; decile: string; v: number }>(
      `SELECT a.period, COALESCE(CAST(g.imd_decile AS VARCHAR), 'Not known') AS decile, a."${field}" AS v FROM ${relations.activity} a LEFT JOIN ${relations.geography} g ON g.lsoa_code = a.lsoa_code AND g.vintage = '2021' WHERE a."${field}" IS NOT NULL`,
    );
    const byGroup = new Map<string, number[]>();
    for (const { period, decile, v } of values) {
      const k = `${decile}|${period}`;
      byGroup.set(k, [...(byGroup.get(k) ?? []), Number(v)]);
    }
    let compared = 0;
    for (const row of computed.filter((r) => r.dimension === 'imd_decile')) {
      const own = medianWithLimits(
        byGroup.get(`${String(row.group_value)}|${String(row.period)}`)!,
        [0.95, 0.998],
      );
      expect(Number(row.m0_median)).toBeCloseTo(own.value, 9);
      expect(Number(row.m0_lower_0)).toBe(own.lower[0]);
      expect(Number(row.m0_upper_0)).toBe(own.upper[0]);
      expect(row.m0_lower_1 === null ? NaN : Number(row.m0_lower_1)).toBe(own.lower[1]);
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });
});
