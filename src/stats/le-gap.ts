// Life-expectancy gap statistics by deprivation quantile: the range ("most vs least deprived") gap
// with a normal interval, and the slope index of inequality in years (phe_sii on LE with its SEs,
// as PHOF's "inequality in life expectancy" and ONS's SII). See docs/methods/le-gap.md.
import { zForConfidence } from './distributions.ts';
import { fail } from './errors.ts';
import { calculateSii, type SiiFit, type SiiGroup } from './sii.ts';
import type { Interval } from './sii-fit.ts';

/** Life expectancy of one deprivation quantile (1 = most deprived) with its standard error. */
export interface LeQuantile {
  quantile: number;
  population: number;
  value: number;
  se: number;
}

export interface LeRangeGap {
  leMostDeprived: number;
  leLeastDeprived: number;
  /** LE of the least deprived quantile minus LE of the most deprived. */
  gap: number;
  /** √(se_most² + se_least²): the two quantiles' estimates are independent. */
  se: number;
  limits: Interval[];
}

export function leRangeGap(rows: readonly LeQuantile[], confidence: readonly number[] = [0.95]): LeRangeGap {
  if (rows.length < 2) fail('the range gap needs at least two quantiles');
  const sorted = [...rows].sort((a, b) => a.quantile - b.quantile);
  const most = sorted[0] as LeQuantile;
  const least = sorted[sorted.length - 1] as LeQuantile;
  if (![most.value, least.value, most.se, least.se].every(Number.isFinite)) {
    fail('the most and least deprived quantiles need a life expectancy and a standard error');
  }
  if (most.se < 0 || least.se < 0) fail('negative or missing standard errors in input dataset');
  const gap = least.value - most.value;
  const se = Math.sqrt(most.se ** 2 + least.se ** 2);
  return {
    leMostDeprived: most.value,
    leLeastDeprived: least.value,
    gap,
    se,
    limits: confidence.map((level) => {
      const z = zForConfidence(level);
      return { lower: gap - z * se, upper: gap + z * se };
    }),
  };
}

export interface LeGapOptions {
  confidence?: readonly number[];
  /** SII simulation repetitions; default 100,000 as phe_sii. */
  repetitions?: number;
  seed?: number;
}

export interface LeGapResult<K> {
  key: K;
  range: LeRangeGap;
  /** SII (years) and RII with simulated limits. */
  sii: SiiFit;
}

/** Range gap and SII in years for each area (or area × sex) of LE by deprivation quantile. */
export function leGap<K>(
  groups: readonly { key: K; rows: readonly LeQuantile[] }[],
  options: LeGapOptions = {},
): { results: LeGapResult<K>[]; warnings: string[] } {
  const confidence = options.confidence ?? [0.95];
  const siiGroups: SiiGroup<K>[] = groups.map((g) => ({
    key: g.key,
    rows: g.rows.map((r) => ({ quantile: r.quantile, population: r.population, value: r.value, se: r.se })),
  }));
  const sii = calculateSii(siiGroups, {
    valueType: 0,
    rii: true,
    confidence,
    repetitions: options.repetitions,
    seed: options.seed,
  });
  const byKey = new Map(sii.results.map((r) => [r.key, r.fit]));
  const results = groups.flatMap((g) => {
    const fit = byKey.get(g.key);
    return fit ? [{ key: g.key, range: leRangeGap(g.rows, sii.confidence), sii: fit }] : [];
  });
  return { results, warnings: sii.warnings };
}
