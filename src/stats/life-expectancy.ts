// phe_life_expectancy: abridged life table (Chiang II) with Silcocks et al. (2001) variance for the
// open-ended band (R/LifeExpectancy.R).
import { qnorm, zForConfidence } from './distributions.ts';

export const LE_AGE_BANDS: readonly number[] = [
  0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90,
];
export const LE_METHOD = 'Chiang, using Silcocks et al for confidence limits';
export const LE_MINIMUM_TOTAL_POPULATION = 5000;
const RADIX = 100000;
const Z95 = qnorm(0.975);

/** Why a whole group was suppressed to NA (the reference warns with these messages). */
export const LE_SUPPRESSION_MESSAGES = {
  negativeDeaths: 'some age bands have negative deaths; outputs have been suppressed to NAs',
  populationNotPositive: 'some age bands have a zero or less population; outputs have been suppressed to NAs',
  wrongBandCount:
    'some groups contain a different number of age bands than 20; life expectancy cannot be calculated for these. These groups will contain NAs.',
  deathsAbovePopulation:
    'some age bands have more deaths than population; outputs have been suppressed to NAs',
  smallPopulation:
    'some groups have a total population of less than 5,000; outputs have been suppressed to NAs',
} as const;
export type LeSuppression = keyof typeof LE_SUPPRESSION_MESSAGES;
export const LE_WIDE_CI_MESSAGE =
  'some life expectancy values have a 95% confidence interval > 20 years; these values have been suppressed to NAs';

/** Rows of all groups; each group's rows in ascending age order, group g spanning groupOffsets[g] … [g+1]. */
export interface LifeTableInput {
  deaths: ArrayLike<number>;
  population: ArrayLike<number>;
  groupOffsets: ArrayLike<number>;
  /** Start age of each band, ascending from 0; the last band is open-ended. Default LE_AGE_BANDS. */
  startAges?: readonly number[];
}

export interface LifeExpectancyResult {
  /** Per row: life expectancy at the band's start age (NA when suppressed or the 95% CI > 20 years). */
  value: Float64Array;
  se: Float64Array;
  lower: Float64Array[];
  upper: Float64Array[];
  /** Per row: population and deaths from this band upwards (pops_used, dths_used). */
  popsUsed: Float64Array;
  deathsUsed: Float64Array;
  /** Per row: 1 where the value was suppressed because 1.96·SE > 10. */
  wideInterval: Uint8Array;
  /** Per group: the reason the whole group is NA, or null. */
  suppression: (LeSuppression | null)[];
}

/** The reference's group-level checks, in its order. */
export function groupSuppression(
  deaths: ArrayLike<number>,
  population: ArrayLike<number>,
  from: number,
  to: number,
  bands: number,
): LeSuppression | null {
  let negativeDeaths = false;
  let badPopulation = false;
  let deathsAbove = false;
  let total = 0;
  for (let i = from; i < to; i++) {
    const d = deaths[i] as number;
    const p = population[i] as number;
    if (d < 0) negativeDeaths = true;
    if (p <= 0) badPopulation = true;
    if (d > p) deathsAbove = true;
    total += p;
  }
  if (negativeDeaths) return 'negativeDeaths';
  if (badPopulation) return 'populationNotPositive';
  if (to - from !== bands) return 'wrongBandCount';
  if (deathsAbove) return 'deathsAbovePopulation';
  if (total <= LE_MINIMUM_TOTAL_POPULATION) return 'smallPopulation';
  return null;
}

interface Scratch {
  q: Float64Array;
  l: Float64Array;
  e: Float64Array;
  width: Float64Array;
  a: Float64Array;
  M: Float64Array;
}

function makeScratch(startAges: readonly number[]): Scratch {
  const k = startAges.length;
  const width = new Float64Array(k);
  const a = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    width[i] = i < k - 1 ? (startAges[i + 1] as number) - (startAges[i] as number) : NaN;
    a[i] = startAges[i] === 0 ? 0.1 : 0.5;
  }
  return {
    q: new Float64Array(k),
    l: new Float64Array(k + 1),
    e: new Float64Array(k + 1),
    width,
    a,
    M: new Float64Array(k),
  };
}

/** Chiang life table for one complete group: fills s.q, s.l and s.e (LE per band) for rows from…. */
function lifeTable(deaths: ArrayLike<number>, population: ArrayLike<number>, from: number, s: Scratch): void {
  const k = s.q.length;
  s.l[0] = RADIX;
  for (let i = 0; i < k; i++) {
    const d = deaths[from + i] as number;
    const p = population[from + i] as number;
    const M = d / p;
    const n = i < k - 1 ? (s.width[i] as number) : 2 / M;
    const a = s.a[i] as number;
    s.M[i] = M;
    s.q[i] = d <= p / n / a ? (M * n) / (1 + M * n * (1 - a)) : 1;
    s.l[i + 1] = (s.l[i] as number) * (1 - (s.q[i] as number));
  }
  let T = 0;
  s.e[k] = NaN;
  for (let i = k - 1; i >= 0; i--) {
    const li = s.l[i] as number;
    const L =
      i < k - 1
        ? (s.width[i] as number) *
          ((s.l[i + 1] as number) + (s.a[i] as number) * (li - (s.l[i + 1] as number)))
        : li / (s.M[i] as number);
    T += L;
    s.e[i] = li === 0 ? 0 : T / li;
  }
}

/** Writes LE, SE and limits for each band of one complete group (Chiang variance + Silcocks for 90+). */
function writeGroup(
  out: LifeExpectancyResult,
  deaths: ArrayLike<number>,
  from: number,
  s: Scratch,
  zs: readonly number[],
): void {
  const k = s.q.length;
  let sumW = 0;
  for (let i = k - 1; i >= 0; i--) {
    const d = deaths[from + i] as number;
    const q = s.q[i] as number;
    const l = s.l[i] as number;
    const M = s.M[i] as number;
    const dying = i < k - 1 ? l - (s.l[i + 1] as number) : l;
    const varQ = i === k - 1 ? 4 / (d * M * M) : dying === 0 ? 0 : (q * q * (1 - q)) / d;
    const W =
      i < k - 1
        ? varQ * l * l * ((1 - (s.a[i] as number)) * (s.width[i] as number) + (s.e[i + 1] as number)) ** 2
        : (l / 2) ** 2 * varQ;
    sumW += W;
    const se = Math.sqrt(sumW / (l * l));
    const e = s.e[i] as number;
    const row = from + i;
    out.se[row] = se;
    for (let c = 0; c < zs.length; c++) {
      (out.lower[c] as Float64Array)[row] = e - (zs[c] as number) * se;
      (out.upper[c] as Float64Array)[row] = e + (zs[c] as number) * se;
    }
    const wide = Z95 * se > 10;
    out.wideInterval[row] = wide ? 1 : 0;
    out.value[row] = wide || e === Infinity ? NaN : e;
  }
}

function writeCumulative(out: LifeExpectancyResult, input: LifeTableInput, from: number, to: number): void {
  let pops = 0;
  let deaths = 0;
  for (let i = to - 1; i >= from; i--) {
    pops += input.population[i] as number;
    deaths += input.deaths[i] as number;
    out.popsUsed[i] = pops;
    out.deathsUsed[i] = deaths;
  }
}

/** Life expectancy at every band's start age for every group, with limits at each confidence level. */
export function lifeExpectancy(
  input: LifeTableInput,
  options: { confidence: readonly number[] },
): LifeExpectancyResult {
  const startAges = input.startAges ?? LE_AGE_BANDS;
  const rows = input.deaths.length;
  const zs = options.confidence.map(zForConfidence);
  const out: LifeExpectancyResult = {
    value: new Float64Array(rows).fill(NaN),
    se: new Float64Array(rows).fill(NaN),
    lower: zs.map(() => new Float64Array(rows).fill(NaN)),
    upper: zs.map(() => new Float64Array(rows).fill(NaN)),
    popsUsed: new Float64Array(rows),
    deathsUsed: new Float64Array(rows),
    wideInterval: new Uint8Array(rows),
    suppression: [],
  };
  const scratch = makeScratch(startAges);
  for (let g = 0; g + 1 < input.groupOffsets.length; g++) {
    const from = input.groupOffsets[g] as number;
    const to = input.groupOffsets[g + 1] as number;
    writeCumulative(out, input, from, to);
    const reason = groupSuppression(input.deaths, input.population, from, to, startAges.length);
    out.suppression.push(reason);
    if (reason !== null) continue;
    lifeTable(input.deaths, input.population, from, scratch);
    writeGroup(out, input.deaths, from, scratch, zs);
  }
  return out;
}
