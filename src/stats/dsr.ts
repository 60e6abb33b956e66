// calculate_dsr: directly standardised rates with Dobson et al. (1991) limits (R/DSR.R).
import { zForConfidence } from './distributions.ts';
import { fail } from './errors.ts';
import { byarsLowerZ, byarsUpperZ, emptyIntervalSet, formatMultiplier, type IntervalSet } from './limits.ts';

/** Rows of all groups, one per stratum; group g spans rows groupOffsets[g] … groupOffsets[g+1] − 1. */
export interface DsrInput {
  /** Events per stratum; NA (NaN) counts as 0. */
  x: ArrayLike<number>;
  /** Population per stratum. */
  n: ArrayLike<number>;
  /** Standard population weight per stratum. */
  stdpop: ArrayLike<number>;
  groupOffsets: ArrayLike<number>;
}

export interface DsrOptions {
  confidence: readonly number[];
  /** Default 100,000. */
  multiplier?: number;
}

export interface DsrResult extends IntervalSet {
  totalCount: Float64Array;
  totalPop: Float64Array;
  /** 1 where the total count is below 10 and value and limits are NA. */
  suppressed: Uint8Array;
}

export const DSR_METHOD = 'Dobson';
export const DSR_NONINDEPENDENT_METHOD = 'Dobson, with confidence adjusted for non-independent events';
export const DSR_SUPPRESSED_STATISTIC = 'dsr NA for total count < 10';
export const DSR_MINIMUM_COUNT = 10;

export function dsrStatistic(multiplier: number): string {
  return `dsr per ${formatMultiplier(multiplier)}`;
}

export function validateDsrInputs(
  x: ArrayLike<number>,
  n: ArrayLike<number>,
  stdpop: ArrayLike<number>,
): void {
  for (let i = 0; i < n.length; i++) if (Number.isNaN(n[i])) fail('field n cannot have missing values');
  for (let i = 0; i < stdpop.length; i++)
    if (Number.isNaN(stdpop[i])) fail('field stdpop cannot have missing values');
  for (let i = 0; i < x.length; i++)
    if ((x[i] as number) < 0) fail('numerators must all be greater than or equal to zero');
  for (let i = 0; i < n.length; i++)
    if ((n[i] as number) <= 0) fail('denominators must all be greater than zero');
  for (let i = 0; i < stdpop.length; i++) {
    if ((stdpop[i] as number) < 0) fail('stdpop must all be greater than or equal to zero');
  }
}

/** Σ(O·w/n)/Σw and var = Σ(O·w²/n²)/(Σw)² for one group's rows; NA counts as 0. */
export function dsrComponents(
  x: ArrayLike<number>,
  n: ArrayLike<number>,
  stdpop: ArrayLike<number>,
  from: number,
  to: number,
): { rate: number; variance: number; count: number; pop: number } {
  let weighted = 0;
  let squared = 0;
  let weights = 0;
  let count = 0;
  let pop = 0;
  for (let i = from; i < to; i++) {
    const xi = x[i] as number;
    const events = xi === xi ? xi : 0;
    const ratio = (stdpop[i] as number) / (n[i] as number);
    weighted += events * ratio;
    squared += events * ratio * ratio;
    weights += stdpop[i] as number;
    count += events;
    pop += n[i] as number;
  }
  return { rate: weighted / weights, variance: squared / (weights * weights), count, pop };
}

/**
 * Writes the value and Dobson limits of group g: DSR + √(var/O)·(Byars(O) − O), scaled; NA below 10
 * events.
 */
export function writeDobson(
  out: DsrResult,
  g: number,
  parts: { rate: number; variance: number; count: number; pop: number },
  zs: readonly number[],
  multiplier: number,
): void {
  out.totalCount[g] = parts.count;
  out.totalPop[g] = parts.pop;
  const suppressed = parts.count < DSR_MINIMUM_COUNT;
  out.suppressed[g] = suppressed ? 1 : 0;
  const value = suppressed ? NaN : parts.rate * multiplier;
  out.value[g] = value;
  const spread = Math.sqrt(parts.variance / parts.count) * multiplier;
  for (let l = 0; l < zs.length; l++) {
    const z = zs[l] as number;
    (out.lower[l] as Float64Array)[g] = value + spread * (byarsLowerZ(parts.count, z) - parts.count);
    (out.upper[l] as Float64Array)[g] = value + spread * (byarsUpperZ(parts.count, z) - parts.count);
  }
}

export function emptyDsrResult(groups: number, levels: number): DsrResult {
  return {
    ...emptyIntervalSet(groups, levels),
    totalCount: new Float64Array(groups),
    totalPop: new Float64Array(groups),
    suppressed: new Uint8Array(groups),
  };
}

/** DSR per group with Dobson limits (independent events). */
export function directlyStandardisedRates(input: DsrInput, options: DsrOptions): DsrResult {
  validateDsrInputs(input.x, input.n, input.stdpop);
  const multiplier = options.multiplier ?? 100000;
  const zs = options.confidence.map(zForConfidence);
  const groups = input.groupOffsets.length - 1;
  const out = emptyDsrResult(Math.max(groups, 0), zs.length);
  for (let g = 0; g < groups; g++) {
    const parts = dsrComponents(
      input.x,
      input.n,
      input.stdpop,
      input.groupOffsets[g] as number,
      input.groupOffsets[g + 1] as number,
    );
    writeDobson(out, g, parts, zs, multiplier);
  }
  return out;
}

/** Rows are persons (x) with each event frequency (eventfreq) per age band, for every group. */
export interface NonIndependentDsrInput extends DsrInput {
  eventfreq: ArrayLike<number>;
  ageband: ArrayLike<string | number | null>;
}

interface Band {
  n: number;
  stdpop: number;
  events: number;
}

/** Σ_f f²·var_f, where var_f uses persons with frequency f as counts and Σw over that frequency's rows. */
function nonIndependentVariance(input: NonIndependentDsrInput, from: number, to: number): number {
  const byFrequency = new Map<number, { weights: number; squared: number }>();
  for (let i = from; i < to; i++) {
    const f = input.eventfreq[i] as number;
    const persons = input.x[i] as number;
    const ratio = (input.stdpop[i] as number) / (input.n[i] as number);
    const entry = byFrequency.get(f) ?? { weights: 0, squared: 0 };
    entry.weights += input.stdpop[i] as number;
    entry.squared += (persons === persons ? persons : 0) * ratio * ratio;
    byFrequency.set(f, entry);
  }
  let variance = 0;
  for (const [f, entry] of byFrequency) variance += f * f * (entry.squared / (entry.weights * entry.weights));
  return variance;
}

/** Events (Σ f·persons) per age band, checking each band has one population and one standard weight. */
function eventsByBand(input: NonIndependentDsrInput, from: number, to: number): Band[] {
  const bands = new Map<string | number, Band>();
  for (let i = from; i < to; i++) {
    const key = input.ageband[i] as string | number;
    const persons = input.x[i] as number;
    const events = (input.eventfreq[i] as number) * (persons === persons ? persons : 0);
    const band = bands.get(key);
    if (!band) {
      bands.set(key, { n: input.n[i] as number, stdpop: input.stdpop[i] as number, events });
    } else if (band.n !== input.n[i] || band.stdpop !== input.stdpop[i]) {
      fail(
        'There are rows with the same grouping variables and ageband but with different populations (n) or ' +
          'standard populations (stdpop)',
      );
    } else {
      band.events += events;
    }
  }
  return [...bands.values()];
}

function validateNonIndependentInputs(input: NonIndependentDsrInput): void {
  for (let i = 0; i < input.eventfreq.length; i++) {
    if (Number.isNaN(input.eventfreq[i])) fail('eventfreq field must not have any missing values');
  }
  for (let i = 0; i < input.ageband.length; i++) {
    const band = input.ageband[i];
    if (band === null || band === undefined || (typeof band === 'number' && Number.isNaN(band))) {
      fail('ageband field must not have any missing values');
    }
  }
}

/**
 * DSR per group when a person can have several events: the DSR uses all events, the variance is
 * Σ_f f²·var_f over event frequencies f (PHEindicatormethods 2.1.0, independent_events = FALSE).
 */
export function directlyStandardisedRatesNonIndependent(
  input: NonIndependentDsrInput,
  options: DsrOptions,
): DsrResult {
  validateDsrInputs(input.x, input.n, input.stdpop);
  validateNonIndependentInputs(input);
  const multiplier = options.multiplier ?? 100000;
  const zs = options.confidence.map(zForConfidence);
  const groups = Math.max(input.groupOffsets.length - 1, 0);
  const out = emptyDsrResult(groups, zs.length);
  for (let g = 0; g < groups; g++) {
    const from = input.groupOffsets[g] as number;
    const to = input.groupOffsets[g + 1] as number;
    const bands = eventsByBand(input, from, to);
    const parts = dsrComponents(
      bands.map((b) => b.events),
      bands.map((b) => b.n),
      bands.map((b) => b.stdpop),
      0,
      bands.length,
    );
    writeDobson(out, g, { ...parts, variance: nonIndependentVariance(input, from, to) }, zs, multiplier);
  }
  return out;
}
