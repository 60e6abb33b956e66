// phe_sii: slope and relative index of inequality by population-weighted regression on the relative
// rank of deprivation quantiles (quantile 1 = most deprived), with Monte-Carlo confidence limits.
// Reference: PHEindicatormethods R/SII_function.R (see docs/methods/sii.md).
import { fail } from './errors.ts';
import { createRandom } from './random.ts';
import {
  fitArea,
  forward,
  type SiiArea,
  type SiiFit,
  type SiiSettings,
  type SiiValueType,
} from './sii-fit.ts';

export type { SiiFit, SiiValueType, Interval } from './sii-fit.ts';

/** One quantile of one area. A field left undefined was not supplied; NaN means supplied but missing. */
export interface SiiRow {
  quantile: number;
  population: number;
  value?: number;
  /** Numerator, for proportions given as a count (value = x / population). */
  x?: number;
  /** Standard error; for rates and proportions on the log / logit scale, as the reference expects. */
  se?: number;
  /** 95% limits of the value (always read as 95%, as the reference does). */
  lowerCl?: number;
  upperCl?: number;
}

export interface SiiOptions {
  /** 0 normal (default), 1 rate, 2 proportion. */
  valueType?: number;
  /** Fit on the log (rates) or logit (proportions) scale. */
  transform?: boolean;
  /** Scales the SII and its limits; a negative multiplier also inverts the RII. Default 1. */
  multiplier?: number;
  /** Monte-Carlo repetitions, at least 1,000. Default 100,000. */
  repetitions?: number;
  /** Any number of levels, as fractions (0.95) or percentages (95). Default 0.95. */
  confidence?: number | readonly number[];
  rii?: boolean;
  intercept?: boolean;
  reliabilityStat?: boolean;
  /** Seed of the pseudo-random generator; the same seed gives the same limits. */
  seed?: number;
}

export interface SiiGroup<K> {
  key: K;
  rows: readonly SiiRow[];
}

export interface SiiOutput<K> {
  results: { key: K; fit: SiiFit }[];
  /** Confidence levels as fractions, in the order given. */
  confidence: number[];
  warnings: string[];
}

export const SII_DEFAULT_REPETITIONS = 100_000;
const Z95 = 1.959963984540054;

/** "95_0", "99_8": the level tag the reference puts in column names. */
export function levelTag(level: number): string {
  return (level * 100).toFixed(1).replace('.', '_');
}

function supplied(rows: readonly SiiRow[], field: keyof SiiRow): boolean {
  return rows.some((row) => row[field] !== undefined);
}

function normaliseLevels(levels: number | readonly number[]): number[] {
  const list = typeof levels === 'number' ? [levels] : [...levels];
  if (list.length === 0) fail('at least one confidence level must be provided');
  return list.map((level) => {
    const fraction = level >= 90 ? level / 100 : level;
    if (!Number.isFinite(level) || fraction < 0.9 || fraction > 1) {
      fail('all confidence levels must be between 90 and 100 or between 0.9 and 1');
    }
    return fraction;
  });
}

function settingsFrom(options: SiiOptions, rows: readonly SiiRow[]): SiiSettings {
  const valueType = options.valueType ?? 0;
  const transform = options.transform ?? false;
  const repetitions = options.repetitions ?? SII_DEFAULT_REPETITIONS;
  const multiplier = options.multiplier ?? 1;
  if (!supplied(rows, 'value') && !supplied(rows, 'x')) {
    fail('function phe_sii requires value field, or x field if indicator is a proportion of population');
  }
  if (!supplied(rows, 'se') && !(supplied(rows, 'lowerCl') && supplied(rows, 'upperCl'))) {
    fail('function phe_sii requires either lower_cl and upper_cl fields, or se field');
  }
  if (valueType !== 0 && valueType !== 1 && valueType !== 2) fail('value_type should be 0, 1 or 2');
  if (!Number.isFinite(multiplier) || !Number.isFinite(repetitions)) {
    fail('multiplier, repetitions and confidence inputs should be numeric');
  }
  if (repetitions < 1000) fail('number of repetitions must be 1000 or greater. Default is 100,000');
  if (transform && valueType === 0) fail('value_type should be 1 or 2 when transform is true');
  if (transform && supplied(rows, 'se'))
    fail('function phe_sii requires se to be missing when transform is true');
  if (transform && !(supplied(rows, 'lowerCl') && supplied(rows, 'upperCl'))) {
    fail('function phe_sii requires lower_cl and upper_cl fields when transform is true');
  }
  return {
    valueType,
    transform,
    multiplier,
    repetitions: Math.round(repetitions),
    confidence: normaliseLevels(options.confidence ?? 0.95),
    rii: options.rii ?? false,
    reliabilityStat: options.reliabilityStat ?? false,
  };
}

function isMissing(v: number | undefined): boolean {
  return v === undefined || Number.isNaN(v);
}

function validateRows(rows: readonly SiiRow[], valueType: SiiValueType): void {
  const hasSe = supplied(rows, 'se');
  const hasCls = supplied(rows, 'lowerCl') && supplied(rows, 'upperCl');
  const hasValue = supplied(rows, 'value');
  if (rows.some((r) => !(r.population > 0))) fail('some groups have a zero, negative or missing population');
  if (hasSe && rows.some((r) => isMissing(r.se) || (r.se as number) < 0)) {
    fail('negative or missing standard errors in input dataset');
  }
  if (hasCls && rows.some((r) => isMissing(r.lowerCl) || isMissing(r.upperCl))) {
    fail('missing lower or upper confidence limits in input dataset');
  }
  if (valueType !== 2) return;
  const outside = (v: number | undefined): boolean => v !== undefined && (v < 0 || v > 1);
  if (hasValue && rows.some((r) => outside(r.value))) fail('value proportions are not all between 0 and 1');
  if (hasCls && rows.some((r) => outside(r.lowerCl) || outside(r.upperCl))) {
    fail('confidence limit proportions are not all between 0 and 1');
  }
  if (!hasValue && rows.some((r) => r.x !== undefined && r.x <= 0))
    fail('some groups have a zero or negative count x');
}

function countQuantiles(groups: readonly SiiGroup<unknown>[]): number {
  const distinct = new Set<number>();
  for (const group of groups) for (const row of group.rows) distinct.add(row.quantile);
  return distinct.size;
}

/** The area's quantiles in order with value and SE prepared, or undefined when it cannot be used. */
function prepareArea(
  rows: readonly SiiRow[],
  k: number,
  settings: SiiSettings,
  useSe: boolean,
): SiiArea | undefined {
  const sorted = [...rows].sort((a, b) => a.quantile - b.quantile);
  if (new Set(sorted.map((r) => r.quantile)).size !== sorted.length) {
    fail('each quantile must appear only once in each area');
  }
  const value = sorted.map(
    (r) => r.value ?? (settings.valueType === 2 ? (r.x as number) / r.population : NaN),
  );
  const se = sorted.map((r) =>
    useSe
      ? (r.se as number)
      : (forward(settings.valueType, r.upperCl as number) -
          forward(settings.valueType, r.lowerCl as number)) /
        (2 * Z95),
  );
  if (sorted.length !== k || value.some((v) => !Number.isFinite(v)) || se.some((s) => !Number.isFinite(s)))
    return undefined;
  return {
    population: Float64Array.from(sorted, (r) => r.population),
    value: Float64Array.from(value),
    se: Float64Array.from(se),
  };
}

/** SII (and RII, intercept) with simulated limits for each group of quantile rows. */
export function calculateSii<K>(groups: readonly SiiGroup<K>[], options: SiiOptions = {}): SiiOutput<K> {
  const allRows = groups.flatMap((g) => g.rows);
  const settings = settingsFrom(options, allRows);
  validateRows(allRows, settings.valueType);
  const k = countQuantiles(groups);
  if (k < 5 || k > 100) fail('Number of quantiles must be between 5 and 100');
  const warnings: string[] = [];
  if (k > 10)
    warnings.push('WARNING: Small values can make SII unstable when using a large number of quantiles');
  const random = createRandom(options.seed);
  const useSe = supplied(allRows, 'se');
  const results: { key: K; fit: SiiFit }[] = [];
  let dropped = false;
  for (const group of groups) {
    const area = prepareArea(group.rows, k, settings, useSe);
    if (!area) {
      dropped = true;
      continue;
    }
    results.push({ key: group.key, fit: fitArea(area, settings, random) });
  }
  if (dropped) warnings.push('WARNING: some records have been removed due to incomplete or invalid data');
  return { results, confidence: [...settings.confidence], warnings };
}
