// Shared pieces of the WHO HEAT summary measures: the input of one setting × indicator × dimension,
// validation, the setting average, relative ranks, the normal interval and the simulation of
// subgroup estimates (HEAT-Measures R/utils.R; Technical Notes v6.0). See docs/methods/heat.md.
import { zForConfidence } from './distributions.ts';
import { fail } from './errors.ts';
import type { Random } from './random.ts';

export interface HeatSubgroup {
  subgroup?: string;
  estimate: number;
  /** Standard error; derived from the 95% limits when absent. */
  se?: number;
  lower?: number;
  upper?: number;
  population?: number;
  /** Ordered dimensions: 1 = most disadvantaged. */
  order?: number;
  reference?: boolean;
}

export interface HeatSetting {
  subgroups: readonly HeatSubgroup[];
  /** Favourable indicator (higher is better) or adverse. */
  favourable: boolean;
  ordered: boolean;
  /** Indicator scale: 1, 100 (percentages), 1000, … */
  scale: number;
  /** Used as μ when populations are missing. */
  settingAverage?: number;
}

/**
 * "sound" (default) follows the statistics documented in docs/methods/heat.md; "heat" reproduces
 * the HEAT / healthequal code where it differs (pop² GLM weights, convenient-regression SEs,
 * unscaled PAF/TI/MLD SEs).
 */
export type HeatMode = 'sound' | 'heat';

export interface HeatOptions {
  /** Confidence level as a fraction; default 0.95. */
  confidence?: number;
  /** Draws for the simulated intervals; default 1,000 (HEAT itself uses 100). */
  simulations?: number;
  seed?: number;
  mode?: HeatMode;
}

export interface HeatResult {
  measure: string;
  estimate: number;
  se: number;
  lower: number;
  upper: number;
  ciMethod: 'analytic' | 'simulation' | 'none';
}

/** A setting prepared for the measures: estimates sorted by subgroup order (when ordered). */
export interface Prepared {
  est: number[];
  se: number[];
  pop: number[];
  order: number[];
  reference: number;
  favourable: boolean;
  ordered: boolean;
  scale: number;
  hasPopulation: boolean;
  /** Population shares (NaN without populations). */
  share: number[];
  /** Setting average μ: population-weighted mean, else the supplied setting average. */
  mean: number;
  z: number;
  confidence: number;
  mode: HeatMode;
  simulations: number;
  random: Random;
}

const Z95 = 1.959963984540054;

function seOf(s: HeatSubgroup): number {
  if (s.se !== undefined && !Number.isNaN(s.se)) return s.se;
  if (s.lower !== undefined && s.upper !== undefined) return (s.upper - s.lower) / (2 * Z95);
  return NaN;
}

function validateSetting(setting: HeatSetting, options: HeatOptions): HeatSubgroup[] {
  const all = setting.subgroups;
  if (all.length < 2) fail('at least two subgroups are needed to measure inequality');
  const present = all.filter((s) => Number.isFinite(s.estimate));
  const minimumShare = setting.ordered ? 1 : 0.85;
  if (present.length < all.length * minimumShare) {
    fail(
      setting.ordered
        ? 'estimates are missing in some subgroups; ordered dimensions need every estimate'
        : 'estimates are missing in more than 15% of subgroups',
    );
  }
  if (present.length < 2) fail('at least two subgroups with estimates are needed to measure inequality');
  if (present.every((s) => s.estimate === 0))
    fail('all subgroup estimates are zero; inequality cannot be measured');
  const simulations = options.simulations ?? 1000;
  if (!Number.isInteger(simulations) || simulations < 10)
    fail('simulations must be a whole number of at least 10');
  if (!(setting.scale > 0)) fail('indicator_scale must be a positive number such as 1, 100 or 1000');
  if (present.some((s) => s.population !== undefined && s.population < 0))
    fail('populations must not be negative');
  if (present.filter((s) => s.reference).length > 1) fail('only one subgroup can be the reference subgroup');
  return setting.ordered ? orderedSubgroups(present) : [...present];
}

export function prepare(setting: HeatSetting, options: HeatOptions, random: Random): Prepared {
  const sorted = validateSetting(setting, options);
  const pop = sorted.map((s) => s.population ?? NaN);
  const hasPopulation = pop.every((p) => Number.isFinite(p)) && pop.some((p) => p > 0);
  const total = pop.reduce((a, b) => a + b, 0);
  const share = pop.map((p) => p / total);
  const est = sorted.map((s) => s.estimate);
  return {
    est,
    se: sorted.map(seOf),
    pop,
    order: sorted.map((s) => s.order ?? NaN),
    reference: sorted.findIndex((s) => s.reference === true),
    favourable: setting.favourable,
    ordered: setting.ordered,
    scale: setting.scale,
    hasPopulation,
    share,
    mean: hasPopulation ? weightedMean(est, share) : (setting.settingAverage ?? NaN),
    z: zForConfidence(options.confidence ?? 0.95),
    confidence: options.confidence ?? 0.95,
    mode: options.mode ?? 'sound',
    simulations: options.simulations ?? 1000,
    random,
  };
}

function orderedSubgroups(subgroups: readonly HeatSubgroup[]): HeatSubgroup[] {
  const orders = subgroups.map((s) => s.order);
  if (orders.some((o) => o === undefined || !Number.isInteger(o))) {
    fail('ordered dimensions need a whole-number subgroup_order for every subgroup (1 = most disadvantaged)');
  }
  const sorted = [...subgroups].sort((a, b) => (a.order as number) - (b.order as number));
  if (sorted.some((s, i) => i > 0 && s.order === sorted[i - 1]?.order))
    fail('subgroup_order values must all differ');
  return sorted;
}

export function requirePopulation(p: Prepared, measure: string): void {
  if (!p.hasPopulation) fail(`${measure} needs the population of every subgroup`);
}

export function requireMean(p: Prepared, measure: string): void {
  if (!Number.isFinite(p.mean)) fail(`${measure} needs populations for every subgroup or a setting_average`);
}

/** Midpoint of each subgroup's cumulative population share (subgroups in order). */
export function relativeRank(pop: readonly number[]): number[] {
  const total = pop.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  return pop.map((p) => {
    const rank = (cumulative + p / 2) / total;
    cumulative += p;
    return rank;
  });
}

export function analytic(measure: string, estimate: number, se: number, z: number): HeatResult {
  const ok = Number.isFinite(se);
  return {
    measure,
    estimate,
    se: ok ? se : NaN,
    lower: ok ? estimate - z * se : NaN,
    upper: ok ? estimate + z * se : NaN,
    ciMethod: ok ? 'analytic' : 'none',
  };
}

/** R's quantile(type = 7): linear interpolation between order statistics. */
export function quantileType7(sorted: readonly number[], prob: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * prob;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return below + (h - lo) * (above - below);
}

/** A draw from N(mean, sd) truncated to [0, ∞) (and to [0, 100] on the percentage scale), by rejection. */
function truncatedDraw(mean: number, sd: number, scale: number, random: Random): number {
  const max = scale === 100 ? 100 : Infinity;
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const x = mean + sd * random.normal();
    if (x >= 0 && x <= max) return x;
  }
  return Math.min(Math.max(mean, 0), max);
}

/**
 * The simulated interval HEAT uses: redraw every subgroup estimate from its truncated normal,
 * recompute the measure (with μ and the best subgroup recomputed too), take the percentiles.
 */
export function simulated(
  measure: string,
  estimate: number,
  p: Prepared,
  compute: (est: number[]) => number,
): HeatResult {
  if (p.se.some((s) => !Number.isFinite(s)))
    return { measure, estimate, se: NaN, lower: NaN, upper: NaN, ciMethod: 'none' };
  const values: number[] = [];
  for (let i = 0; i < p.simulations; i++) {
    const draw = p.est.map((e, j) => truncatedDraw(e, p.se[j] as number, p.scale, p.random));
    const value = compute(draw);
    if (Number.isFinite(value)) values.push(value);
  }
  values.sort((a, b) => a - b);
  const alpha = 1 - p.confidence;
  return {
    measure,
    estimate,
    se: NaN,
    lower: quantileType7(values, alpha / 2),
    upper: quantileType7(values, 1 - alpha / 2),
    ciMethod: 'simulation',
  };
}

export function weightedMean(est: readonly number[], share: readonly number[]): number {
  return est.reduce((sum, e, i) => sum + (share[i] as number) * e, 0);
}
