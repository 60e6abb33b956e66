// Order statistics as R computes them: round-half-even positions and quickselect.

export interface Interval {
  lower: number;
  upper: number;
}

/** R's round(): halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Order statistics at round(R·α/2) and round(R·(1 − α/2)) (1-based) of scale × values, as the
 * reference takes them after sorting. `values` is reordered in place (selection, not a full sort).
 */
export function simulatedLimits(values: Float64Array, confidence: number, scale = 1): Interval {
  const n = values.length;
  const upperTail = confidence + (1 - confidence) / 2;
  const lowerPos = Math.min(n, Math.max(1, roundHalfEven(n * (1 - upperTail))));
  const upperPos = Math.min(n, Math.max(1, roundHalfEven(n * upperTail)));
  // Sorting scale × values with a negative scale reverses the order: position p becomes n + 1 − p.
  const at = (pos: number): number => scale * select(values, scale < 0 ? n - pos : pos - 1);
  return { lower: at(lowerPos), upper: at(upperPos) };
}

/** The k-th smallest (0-based) element, by quickselect with median-of-three pivots. */
export function select(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    const mid = (left + right) >>> 1;
    const a = values[left] as number;
    const b = values[mid] as number;
    const c = values[right] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k] as number;
}
