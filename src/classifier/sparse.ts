/** A sparse row: sorted feature indices and their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

export function dot(weights: Float32Array | Float64Array, x: SparseVector): number {
  let sum = 0;
  const { indices, values } = x;
  for (let k = 0; k < indices.length; k++) sum += weights[indices[k]!]! * values[k]!;
  return sum;
}

export function squaredNorm(x: SparseVector): number {
  let sum = 0;
  for (const v of x.values) sum += v * v;
  return sum;
}

/** Builds a sparse vector from a map of feature index → value, sorted by index. */
export function sparseFrom(entries: Map<number, number>): SparseVector {
  const indices = Int32Array.from([...entries.keys()].sort((a, b) => a - b));
  const values = new Float32Array(indices.length);
  indices.forEach((index, k) => (values[k] = entries.get(index)!));
  return { indices, values };
}
