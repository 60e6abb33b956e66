import { seededRandom } from './random.ts';
import type { SparseVector } from './sparse.ts';
import { squaredNorm } from './sparse.ts';

export interface SvmOptions {
  /** Regularisation: larger C fits the training data more closely. */
  c: number;
  /** Extra weight on positive examples (rare labels need more). */
  positiveWeight: number;
  maxIterations: number;
  tolerance: number;
  seed: number;
}

export const defaultSvmOptions: SvmOptions = {
  c: 0.5,
  positiveWeight: 1,
  maxIterations: 60,
  tolerance: 0.05,
  seed: 1,
};

export interface LinearModel {
  weights: Float32Array;
  bias: number;
}

/**
 * L2-regularised squared-hinge SVM trained by dual coordinate descent (Hsieh et al. 2008, the
 * LIBLINEAR solver). The bias is learnt as the weight of a constant feature of value 1.
 */
export function trainLinearSvm(
  rows: readonly SparseVector[],
  labels: ArrayLike<boolean>,
  features: number,
  options: SvmOptions = defaultSvmOptions,
): LinearModel {
  const n = rows.length;
  const w = new Float64Array(features + 1);
  const alpha = new Float64Array(n);
  const y = new Int8Array(n);
  const diag = new Float64Array(n);
  const qii = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = labels[i] ? 1 : -1;
    const c = labels[i] ? options.c * options.positiveWeight : options.c;
    diag[i] = 0.5 / c;
    qii[i] = squaredNorm(rows[i]!) + 1 + diag[i]!;
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(options.seed);
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    let maxPg = -Infinity;
    let minPg = Infinity;
    for (const i of order) {
      const { indices, values } = rows[i]!;
      const yi = y[i]!;
      let margin = w[features]!;
      for (let k = 0; k < indices.length; k++) margin += w[indices[k]!]! * values[k]!;
      const gradient = yi * margin - 1 + diag[i]! * alpha[i]!;
      const projected = alpha[i] === 0 ? Math.min(gradient, 0) : gradient;
      maxPg = Math.max(maxPg, projected);
      minPg = Math.min(minPg, projected);
      if (projected === 0) continue;
      const old = alpha[i]!;
      const next = Math.max(old - gradient / qii[i]!, 0);
      alpha[i] = next;
      const step = (next - old) * yi;
      for (let k = 0; k < indices.length; k++) {
        const index = indices[k]!;
        w[index] = w[index]! + step * values[k]!;
      }
      w[features] = w[features]! + step;
    }
    if (maxPg - minPg < options.tolerance) break;
  }
  return { weights: Float32Array.from(w.subarray(0, features)), bias: w[features]! };
}
