// The arithmetic of phe_sii for one area: relative ranks, the population-weighted regression and the
// Monte-Carlo confidence limits (Low & Low 2004; PHEindicatormethods R/SII_function.R, R/utils.R).
import { simulatedLimits, type Interval } from './order-statistics.ts';
import type { Random } from './random.ts';

export type SiiValueType = 0 | 1 | 2;

/** One area, quantiles sorted 1 (most deprived) → k (least deprived), values already validated. */
export interface SiiArea {
  population: Float64Array;
  /** Indicator value on its natural scale (for proportions: 0–1). */
  value: Float64Array;
  /** Standard error on the transformed scale (log for rates, logit for proportions). */
  se: Float64Array;
}

export interface SiiSettings {
  valueType: SiiValueType;
  transform: boolean;
  multiplier: number;
  repetitions: number;
  confidence: readonly number[];
  rii: boolean;
  reliabilityStat: boolean;
}

export type { Interval };

export interface SiiFit {
  sii: number;
  rii: number;
  intercept: number;
  siiLimits: Interval[];
  riiLimits: Interval[];
  /** Mean absolute difference of the limits of nine further runs from the first (reliability_stat). */
  siiMad: number[];
  riiMad: number[];
}

/** Midpoint of each quantile's share of the cumulative population (FindXValues). */
export function relativeRanks(population: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let i = 0; i < population.length; i++) total += population[i] as number;
  const ranks = new Float64Array(population.length);
  let cumulative = 0;
  for (let i = 0; i < population.length; i++) {
    const share = (population[i] as number) / total;
    ranks[i] = cumulative + share / 2;
    cumulative += share;
  }
  return ranks;
}

/** Weights that turn y into the WLS slope (β = Σ slope_j y_j) and the weighted mean (Σ share_j y_j). */
export interface RegressionWeights {
  share: Float64Array;
  slope: Float64Array;
  meanRank: number;
}

export function regressionWeights(population: ArrayLike<number>): RegressionWeights {
  const ranks = relativeRanks(population);
  let total = 0;
  for (let i = 0; i < population.length; i++) total += population[i] as number;
  const share = new Float64Array(population.length);
  let meanRank = 0;
  for (let i = 0; i < share.length; i++) {
    share[i] = (population[i] as number) / total;
    meanRank += (share[i] as number) * (ranks[i] as number);
  }
  let sxx = 0;
  for (let i = 0; i < share.length; i++) sxx += (share[i] as number) * ((ranks[i] as number) - meanRank) ** 2;
  const slope = new Float64Array(share.length);
  for (let i = 0; i < share.length; i++)
    slope[i] = ((share[i] as number) * ((ranks[i] as number) - meanRank)) / sxx;
  return { share, slope, meanRank };
}

/** Intercept α (fitted value at rank 0) and slope β of the population-weighted fit of y on rank. */
export function fitLine(weights: RegressionWeights, y: ArrayLike<number>): { alpha: number; beta: number } {
  let beta = 0;
  let mean = 0;
  for (let i = 0; i < y.length; i++) {
    beta += (weights.slope[i] as number) * (y[i] as number);
    mean += (weights.share[i] as number) * (y[i] as number);
  }
  return { alpha: mean - beta * weights.meanRank, beta };
}

export function forward(valueType: SiiValueType, v: number): number {
  if (valueType === 1) return Math.log(v);
  if (valueType === 2) return Math.log(v / (1 - v));
  return v;
}

export function inverse(valueType: SiiValueType, z: number): number {
  if (valueType === 1) return Math.exp(z);
  if (valueType === 2) return 1 / (1 + Math.exp(-z));
  return z;
}

type BackTransform = 'none' | 'exp' | 'expit';

/** β and the weighted mean for each of `count` simulated data sets laid out k at a time in `draws`. */
function fitDraws(
  draws: Float64Array,
  count: number,
  centre: Float64Array,
  se: Float64Array,
  weights: RegressionWeights,
  back: BackTransform,
  slopes: Float64Array,
  means: Float64Array,
): void {
  const k = centre.length;
  const slope = weights.slope;
  const share = weights.share;
  // One loop per back-transform, so the hot loop has no branch on it.
  if (back === 'none') {
    for (let r = 0, offset = 0; r < count; r++, offset += k) {
      let beta = 0;
      let mean = 0;
      for (let j = 0; j < k; j++) {
        const y = (centre[j] as number) + (se[j] as number) * (draws[offset + j] as number);
        beta += (slope[j] as number) * y;
        mean += (share[j] as number) * y;
      }
      slopes[r] = beta;
      means[r] = mean;
    }
    return;
  }
  const exp = back === 'exp';
  for (let r = 0, offset = 0; r < count; r++, offset += k) {
    let beta = 0;
    let mean = 0;
    for (let j = 0; j < k; j++) {
      const z = (centre[j] as number) + (se[j] as number) * (draws[offset + j] as number);
      const y = exp ? Math.exp(z) : 1 / (1 + Math.exp(-z));
      beta += (slope[j] as number) * y;
      mean += (share[j] as number) * y;
    }
    slopes[r] = beta;
    means[r] = mean;
  }
}

/** Draw `repetitions` data sets and return the simulated slopes and RIIs (as the reference reports them). */
export function simulate(
  area: SiiArea,
  weights: RegressionWeights,
  settings: SiiSettings,
  repetitions: number,
  random: Random,
): { slopes: Float64Array; riis: Float64Array } {
  const k = area.value.length;
  const centre = area.value.map((v) => forward(settings.valueType, v));
  const back: BackTransform =
    settings.transform || settings.valueType === 0 ? 'none' : settings.valueType === 1 ? 'exp' : 'expit';
  const slopes = new Float64Array(repetitions);
  const means = new Float64Array(repetitions);
  const chunk = Math.max(1, Math.min(repetitions, Math.floor(65536 / k)));
  const noise = new Float64Array(chunk * k);
  for (let start = 0; start < repetitions; start += chunk) {
    const count = Math.min(chunk, repetitions - start);
    random.fillNormal(count === chunk ? noise : noise.subarray(0, count * k));
    fitDraws(noise, count, centre, area.se, weights, back, slopes.subarray(start), means.subarray(start));
  }
  const riis = new Float64Array(settings.rii && !settings.transform ? repetitions : 0);
  for (let r = 0; r < riis.length; r++) {
    const beta = slopes[r] as number;
    const alpha = (means[r] as number) - beta * weights.meanRank;
    riis[r] = settings.multiplier < 0 ? alpha / (alpha + beta) : (alpha + beta) / alpha;
  }
  return { slopes, riis };
}

/** Transform mode: pivot the simulated slope limits around the fitted mid-point and back-transform. */
function transformedLimits(
  settings: SiiSettings,
  midpoint: number,
  slope: Interval,
): { sii: Interval; rii: Interval } {
  const ends = (s: number): [number, number] => [
    inverse(settings.valueType, midpoint - s / 2),
    inverse(settings.valueType, midpoint + s / 2),
  ];
  const [low0, low1] = ends(slope.lower);
  const [high0, high1] = ends(slope.upper);
  const m = settings.multiplier;
  if (m < 0) {
    return {
      sii: { lower: (high1 - high0) * m, upper: (low1 - low0) * m },
      rii: { lower: high0 / high1, upper: low0 / low1 },
    };
  }
  return {
    sii: { lower: (low1 - low0) * m, upper: (high1 - high0) * m },
    rii: { lower: low1 / low0, upper: high1 / high0 },
  };
}

interface RunLimits {
  sii: Interval[];
  rii: Interval[];
}

function limitsOfRun(
  run: { slopes: Float64Array; riis: Float64Array },
  settings: SiiSettings,
  midpoint: number,
): RunLimits {
  if (settings.transform) {
    const pairs = settings.confidence.map((c) =>
      transformedLimits(settings, midpoint, simulatedLimits(run.slopes, c)),
    );
    return { sii: pairs.map((p) => p.sii), rii: pairs.map((p) => p.rii) };
  }
  const hasRii = run.riis.length > 0;
  return {
    sii: settings.confidence.map((c) => simulatedLimits(run.slopes, c, settings.multiplier)),
    rii: settings.confidence.map((c) => (hasRii ? simulatedLimits(run.riis, c) : { lower: NaN, upper: NaN })),
  };
}

function meanAbsoluteDifference(
  runs: RunLimits[],
  pick: (run: RunLimits) => Interval[],
  level: number,
): number {
  const first = pick(runs[0] as RunLimits)[level] as Interval;
  let total = 0;
  for (const run of runs.slice(1)) {
    const limits = pick(run)[level] as Interval;
    total += Math.abs(limits.lower - first.lower) + Math.abs(limits.upper - first.upper);
  }
  return total / (2 * (runs.length - 1));
}

/** SII, RII, intercept and simulated limits for one area. */
export function fitArea(area: SiiArea, settings: SiiSettings, random: Random): SiiFit {
  const weights = regressionWeights(area.population);
  const { valueType, transform, multiplier } = settings;
  const y = transform ? area.value.map((v) => forward(valueType, v)) : area.value;
  const { alpha, beta } = fitLine(weights, y);
  let sii: number;
  let rii: number;
  let intercept: number;
  if (transform) {
    const atZero = inverse(valueType, alpha);
    const atOne = inverse(valueType, alpha + beta);
    sii = (atOne - atZero) * multiplier;
    rii = multiplier < 0 ? atZero / atOne : atOne / atZero;
    intercept = atZero * Math.abs(multiplier);
  } else {
    sii = multiplier * beta;
    rii = multiplier < 0 ? alpha / (alpha + beta) : (alpha + beta) / alpha;
    intercept = alpha;
  }
  const midpoint = alpha + beta / 2;
  const runs: RunLimits[] = [];
  for (let run = 0; run < (settings.reliabilityStat ? 10 : 1); run++) {
    runs.push(
      limitsOfRun(simulate(area, weights, settings, settings.repetitions, random), settings, midpoint),
    );
  }
  const first = runs[0] as RunLimits;
  const levels = settings.confidence.map((_c, i) => i);
  return {
    sii,
    rii,
    intercept,
    siiLimits: first.sii,
    riiLimits: first.rii,
    siiMad: settings.reliabilityStat ? levels.map((i) => meanAbsoluteDifference(runs, (r) => r.sii, i)) : [],
    riiMad: settings.reliabilityStat ? levels.map((i) => meanAbsoluteDifference(runs, (r) => r.rii, i)) : [],
  };
}
