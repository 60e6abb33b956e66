import { multiLabelScores, scoresOf } from './metrics.ts';

const candidates = Array.from({ length: 41 }, (_, i) => -1.2 + i * 0.05);

/** Labels whose score passes its threshold; if none does, the one nearest to passing. */
export function chooseLabels(scores: ArrayLike<number>, thresholds: readonly number[]): number[] {
  const chosen: number[] = [];
  let best = 0;
  for (let label = 0; label < thresholds.length; label++) {
    const margin = scores[label]! - thresholds[label]!;
    if (margin >= 0) chosen.push(label);
    if (margin > scores[best]! - thresholds[best]!) best = label;
  }
  return chosen.length ? chosen : [best];
}

function labelF1(
  scores: readonly Float64Array[],
  truth: readonly (readonly number[])[],
  label: number,
  t: number,
) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    const want = truth[i]!.includes(label);
    const got = s[label]! >= t;
    if (got && want) tp++;
    else if (got) fp++;
    else if (want) fn++;
  });
  return scoresOf({ truePositives: tp, falsePositives: fp, falseNegatives: fn }).f1;
}

function bestBy(score: (t: number) => number): number {
  let best = candidates[0]!;
  let bestScore = -1;
  for (const t of candidates) {
    const s = score(t);
    if (s > bestScore + 1e-9) [best, bestScore] = [t, s];
  }
  return best;
}

/**
 * Thresholds from held-out decision scores: one global threshold that maximises micro-F1 (with the
 * at-least-one-label rule), then each label's own best, shrunk towards the global one in proportion
 * to how few positives the label had (`shrinkage` pseudo-examples).
 */
export function tuneThresholds(
  scores: readonly Float64Array[],
  truth: readonly (readonly number[])[],
  labelCount: number,
  shrinkage: number,
): number[] {
  const global = bestBy((t) => {
    const flat = Array<number>(labelCount).fill(t);
    return multiLabelScores(
      truth,
      scores.map((s) => chooseLabels(s, flat)),
      labelCount,
    ).micro.f1;
  });
  return Array.from({ length: labelCount }, (_, label) => {
    const positives = truth.filter((set) => set.includes(label)).length;
    if (positives === 0) return global;
    const own = bestBy((t) => labelF1(scores, truth, label, t));
    return (positives * own + shrinkage * global) / (positives + shrinkage);
  });
}
