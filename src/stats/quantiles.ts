// phe_quantile: assign small areas to quantiles within groups by the deterministic OHID formula
// (PHEindicatormethods R/Quantiles.R). With invert = true the highest value goes to quantile 1.
import { fail } from './errors.ts';

export const TOO_FEW_WARNING =
  'One or more groups had too few small areas with values to allow quantiles to be assigned';

/** Ranks with ties given the smallest rank (R's rank(ties.method = "min")); NaN stays NaN. */
export function minRanks(values: readonly number[]): number[] {
  const order = values
    .map((value, index) => ({ value, index }))
    .filter((entry) => !Number.isNaN(entry.value))
    .sort((a, b) => a.value - b.value);
  const ranks = values.map(() => NaN);
  order.forEach((entry, position) => {
    const previous = order[position - 1];
    ranks[entry.index] =
      previous !== undefined && previous.value === entry.value
        ? (ranks[previous.index] as number)
        : position + 1;
  });
  return ranks;
}

/**
 * Quantile of each value in one group: floor((k + 1) − ceiling(((N + 1) − rank) / (N / k))), 0 → 1,
 * where N counts the non-missing values. Missing values, and every value of a group with N < k,
 * get NaN (`tooFew` says which).
 */
export function assignQuantiles(
  values: readonly number[],
  nquantiles: number,
  invert: boolean,
): { quantiles: number[]; tooFew: boolean } {
  if (!Number.isInteger(nquantiles) || nquantiles < 1)
    fail('nquantiles must be a whole number of at least 1');
  const present = values.filter((v) => !Number.isNaN(v));
  const n = present.length;
  if (n < nquantiles) return { quantiles: values.map(() => NaN), tooFew: n > 0 };
  const max = Math.max(...present);
  const ranks = minRanks(values.map((v) => (invert ? max - v : v)));
  const quantiles = ranks.map((rank) => {
    if (Number.isNaN(rank)) return NaN;
    const q = Math.floor(nquantiles + 1 - Math.ceil((n + 1 - rank) / (n / nquantiles)));
    return q === 0 ? 1 : q;
  });
  return { quantiles, tooFew: false };
}

/** Read an invert flag the way the reference's test data carries polarity. */
export function parseInvert(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'TRUE' || value === 'true' || value === 'RAG - Low is good') return true;
  if (value === 'FALSE' || value === 'false' || value === 'RAG - High is good') return false;
  return undefined;
}

export interface QuantileGroup<K> {
  key: K;
  values: readonly number[];
  /** One flag per value (polarity field) or one for the group. */
  invert: boolean | readonly boolean[];
}

export interface QuantileGroupResult<K> {
  key: K;
  quantiles: number[];
  inverted: boolean;
}

function groupInvert(invert: boolean | readonly boolean[]): boolean {
  if (typeof invert === 'boolean') return invert;
  const first = invert[0] ?? true;
  if (invert.some((flag) => flag !== first)) {
    fail('invert field values must take the same logical value for each data grouping set');
  }
  return first;
}

/** Quantiles for each group, with the reference's warning when a group has too few values. */
export function quantileGroups<K>(
  groups: readonly QuantileGroup<K>[],
  nquantiles = 10,
): { results: QuantileGroupResult<K>[]; warnings: string[] } {
  const inverted = groups.map((g) => groupInvert(g.invert));
  let tooFew = false;
  const results = groups.map((group, i) => {
    const assigned = assignQuantiles(group.values, nquantiles, inverted[i] as boolean);
    tooFew ||= assigned.tooFew;
    return { key: group.key, quantiles: assigned.quantiles, inverted: inverted[i] as boolean };
  });
  return { results, warnings: tooFew ? [TOO_FEW_WARNING] : [] };
}
