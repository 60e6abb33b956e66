import { trainLinearSvm, type LinearModel, type SvmOptions } from './linear-svm.ts';
import { dot, type SparseVector } from './sparse.ts';

/** How much more a positive example weighs than a negative one, given how rare the label is. */
export interface PositiveWeighting {
  /** Weight = clamp(base × (negatives / positives) ^ power, 1, max). */
  base: number;
  power: number;
  max: number;
}

export function positiveWeightFor(weighting: PositiveWeighting, positives: number, total: number): number {
  if (positives === 0) return 1;
  const ratio = (total - positives) / positives;
  return Math.min(weighting.max, Math.max(1, weighting.base * ratio ** weighting.power));
}

/** One linear SVM per label: label l is positive for the rows whose set contains l. */
export function trainOneVsRest(
  rows: readonly SparseVector[],
  labelSets: readonly (readonly number[])[],
  labelCount: number,
  features: number,
  svm: SvmOptions,
  weighting: PositiveWeighting,
): LinearModel[] {
  return Array.from({ length: labelCount }, (_, label) => {
    const positive = labelSets.map((set) => set.includes(label));
    const positives = positive.filter(Boolean).length;
    const positiveWeight = positiveWeightFor(weighting, positives, rows.length);
    return trainLinearSvm(rows, positive, features, { ...svm, positiveWeight });
  });
}

export function decisionScores(models: readonly LinearModel[], x: SparseVector): Float64Array {
  return Float64Array.from(models, (m) => dot(m.weights, x) + m.bias);
}
