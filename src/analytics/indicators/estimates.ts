// From aggregate rows to estimates with 95% and 99.8% limits, using the statistics engine.
import { proportions } from '../../stats/proportion.ts';
import { crudeRates } from '../../stats/rate.ts';
import { directlyStandardisedRates } from '../../stats/dsr.ts';
import { ESP2013 } from '../../stats/standard-populations.ts';
import { meanWithTFromSums } from '../../stats/mean.ts';
import type { SqlRow } from '../store.ts';
import { measurePrefix } from '../queries/indicator-aggregates.ts';
import { limitColumns } from '../queries/median-strata.ts';
import type { Aggregates } from './aggregates.ts';
import type { GroupEstimate } from './result.ts';
import { defaultMultiplier, ratesByEthnicGroup, type IndicatorDefinition } from './schema.ts';
import { CONFIDENCE } from './confidence.ts';
import { midYearOfRow, populationYearFor } from './population-years.ts';

const num = (v: unknown): number => (v === null || v === undefined ? NaN : Number(v));
const key = (...parts: (string | number)[]): string => parts.join('\u0000');

function blank(row: SqlRow): Omit<GroupEstimate, 'numerator' | 'denominator' | 'value' | 'n'> {
  return {
    period: String(row.period),
    dimension: String(row.dimension),
    group: String(row.group_value),
    denominatorIsPopulation: false,
    lower95: NaN,
    upper95: NaN,
    lower998: NaN,
    upper998: NaN,
    note: null,
  };
}

/** The estimates with the value and 95% and 99.8% limits of the same row of `set`. */
export function withLimits(
  estimates: GroupEstimate[],
  set: { value: Float64Array; lower: Float64Array[]; upper: Float64Array[] },
): GroupEstimate[] {
  return estimates.map((e, i) => ({
    ...e,
    value: set.value[i] as number,
    lower95: set.lower[0]?.[i] as number,
    upper95: set.upper[0]?.[i] as number,
    lower998: set.lower[1]?.[i] as number,
    upper998: set.upper[1]?.[i] as number,
  }));
}

function proportionEstimates(indicator: IndicatorDefinition, k: number, rows: SqlRow[]): GroupEstimate[] {
  const p = measurePrefix(k);
  const base = rows
    .map((r) => ({
      ...blank(r),
      numerator: num(r[`${p}_num`]),
      denominator: num(r[`${p}_den`]),
      n: num(r[`${p}_den`]),
      value: NaN,
    }))
    .filter((e) => e.denominator > 0);
  const set = proportions(
    base.map((e) => e.numerator),
    base.map((e) => e.denominator),
    {
      confidence: CONFIDENCE,
      multiplier: defaultMultiplier(indicator),
    },
  );
  return withLimits(base, set);
}

/** The population rows by mid-year, and the mid-year each period's rates are over. */
function populationByYear(population: SqlRow[]) {
  const years = [...new Set(population.map((r) => midYearOfRow(r.mid_year)))];
  const yearOf = new Map<string, number | null>();
  return {
    year: (period: string): string => {
      if (!yearOf.has(period)) yearOf.set(period, populationYearFor(period, years));
      return String(yearOf.get(period));
    },
    rowYear: (row: SqlRow): string => String(midYearOfRow(row.mid_year)),
  };
}

function populationTotals(population: SqlRow[]): Map<string, number> {
  const { rowYear } = populationByYear(population);
  const totals = new Map<string, number>();
  for (const row of population) {
    const k = key(rowYear(row), String(row.dimension), String(row.group_value));
    totals.set(k, (totals.get(k) ?? 0) + num(row.population));
  }
  return totals;
}

const ETHNIC_BREAKDOWNS = new Set(['ethnic_broad', 'ethnic_detailed', 'core20_ethnic']);

function crudeRateEstimates(
  indicator: IndicatorDefinition,
  k: number,
  rows: SqlRow[],
  population: SqlRow[],
  ethnicResidents: Map<string, Map<string, number>>,
): GroupEstimate[] {
  const totals = populationTotals(population);
  const { year } = populationByYear(population);
  const p = measurePrefix(k);
  // By ethnic group, the census residents of every period (the estimates have no such groups).
  const byEthnicGroup = ratesByEthnicGroup(indicator)
    ? ethnicResidents
    : new Map<string, Map<string, number>>();
  const base = rows
    .map((r) => {
      const dimension = String(r.dimension);
      const denominator = ETHNIC_BREAKDOWNS.has(dimension)
        ? (byEthnicGroup.get(dimension)?.get(String(r.group_value)) ?? NaN)
        : (totals.get(key(year(String(r.period)), dimension, String(r.group_value))) ?? NaN);
      return {
        ...blank(r),
        numerator: num(r[`${p}_num`]),
        denominator,
        denominatorIsPopulation: true,
        n: NaN,
        value: NaN,
      };
    })
    .filter((e) => e.denominator > 0);
  const set = crudeRates(
    base.map((e) => e.numerator),
    base.map((e) => e.denominator),
    {
      confidence: CONFIDENCE,
      multiplier: defaultMultiplier(indicator),
    },
  );
  return withLimits(base, set);
}

function dsrEstimates(
  indicator: IndicatorDefinition,
  k: number,
  rows: SqlRow[],
  banded: SqlRow[],
  population: SqlRow[],
): GroupEstimate[] {
  const p = measurePrefix(k);
  const events = new Map<string, number>();
  for (const r of banded)
    events.set(
      key(String(r.period), String(r.dimension), String(r.group_value), num(r.esp_band)),
      num(r[`${p}_num`]),
    );
  const { year, rowYear } = populationByYear(population);
  const pops = new Map<string, number[]>();
  for (const r of population) {
    const at = key(rowYear(r), String(r.dimension), String(r.group_value));
    const bands = pops.get(at) ?? new Array<number>(ESP2013.weights.length).fill(0);
    bands[num(r.esp_band)] = num(r.population);
    pops.set(at, bands);
  }
  const x: number[] = [];
  const n: number[] = [];
  const w: number[] = [];
  const offsets = [0];
  const base: GroupEstimate[] = [];
  for (const r of rows) {
    const bands = pops.get(key(year(String(r.period)), String(r.dimension), String(r.group_value)));
    if (!bands) continue;
    bands.forEach((population, band) => {
      if (!(population > 0)) return;
      x.push(events.get(key(String(r.period), String(r.dimension), String(r.group_value), band)) ?? 0);
      n.push(population);
      w.push(ESP2013.weights[band] as number);
    });
    offsets.push(x.length);
    base.push({
      ...blank(r),
      numerator: num(r[`${p}_num`]),
      denominator: bands.reduce((a, b) => a + b, 0),
      denominatorIsPopulation: true,
      n: NaN,
      value: NaN,
    });
  }
  const set = directlyStandardisedRates(
    { x, n, stdpop: w, groupOffsets: offsets },
    { confidence: CONFIDENCE, multiplier: defaultMultiplier(indicator) },
  );
  return withLimits(base, set).map((e, i) => ({
    ...e,
    note: set.suppressed[i] ? 'Fewer than 10 events: not standardised' : null,
  }));
}

/** Medians with their distribution-free limits (the values at the ranks from src/stats/median.ts). */
function medianEstimates(k: number, rows: SqlRow[]): GroupEstimate[] {
  const p = measurePrefix(k);
  return rows
    .map((r) => ({
      ...blank(r),
      numerator: NaN,
      denominator: NaN,
      n: num(r[`${p}_n`]),
      value: num(r[`${p}_median`]),
      lower95: num(r[`${p}_${limitColumns(0)[0]}`]),
      upper95: num(r[`${p}_${limitColumns(0)[1]}`]),
      lower998: num(r[`${p}_${limitColumns(1)[0]}`]),
      upper998: num(r[`${p}_${limitColumns(1)[1]}`]),
    }))
    .filter((e) => e.n > 0);
}

/** Means with Student's t limits from each group's count, sum and sum of squares. */
function meanEstimates(k: number, rows: SqlRow[]): GroupEstimate[] {
  const p = measurePrefix(k);
  return rows
    .map((r) => {
      const n = num(r[`${p}_n`]);
      const mean = meanWithTFromSums(n, num(r[`${p}_sum`]), num(r[`${p}_sumsq`]), CONFIDENCE);
      return {
        ...blank(r),
        numerator: NaN,
        denominator: NaN,
        n,
        value: mean.value,
        lower95: mean.lower[0] as number,
        upper95: mean.upper[0] as number,
        lower998: mean.lower[1] as number,
        upper998: mean.upper[1] as number,
      };
    })
    .filter((e) => e.n > 0);
}

/** The estimates of indicator number k for every period, breakdown and group. */
export function estimatesFor(
  indicator: IndicatorDefinition,
  k: number,
  aggregates: Aggregates,
): GroupEstimate[] {
  const range =
    'population' in indicator.denominator
      ? `${indicator.denominator.population.ageFrom}-${indicator.denominator.population.ageTo}`
      : '';
  const population = aggregates.population.get(range) ?? [];
  switch (indicator.statistic) {
    case 'proportion':
      return proportionEstimates(indicator, k, aggregates.groups);
    case 'crude-rate':
      return crudeRateEstimates(indicator, k, aggregates.groups, population, aggregates.ethnicResidents);
    case 'dsr':
      return dsrEstimates(indicator, k, aggregates.groups, aggregates.banded, population);
    case 'mean':
      return meanEstimates(k, aggregates.groups);
    default:
      return medianEstimates(k, aggregates.groups);
  }
}
