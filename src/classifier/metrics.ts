/** Precision, recall and F1 from counts; F1 is 0 when there is nothing to score. */
export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export function scoresOf({ truePositives: tp, falsePositives: fp, falseNegatives: fn }: Counts): Scores {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, support: tp + fn };
}

export interface MultiLabelScores {
  micro: Scores;
  /** Mean F1 over the labels with at least one true example in the data scored. */
  macroF1: number;
  exactMatch: number;
  perLabel: Scores[];
}

/** Scores a multi-label prediction: truth and predicted are sets of label indices per item. */
export function multiLabelScores(
  truth: readonly (readonly number[])[],
  predicted: readonly (readonly number[])[],
  labelCount: number,
): MultiLabelScores {
  const counts: Counts[] = Array.from({ length: labelCount }, () => ({
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
  }));
  let exact = 0;
  truth.forEach((expected, i) => {
    const got = new Set(predicted[i]);
    const want = new Set(expected);
    for (const label of got) counts[label]![want.has(label) ? 'truePositives' : 'falsePositives']++;
    for (const label of want) if (!got.has(label)) counts[label]!.falseNegatives++;
    if (got.size === want.size && [...got].every((label) => want.has(label))) exact++;
  });
  const total = counts.reduce(
    (sum, c) => ({
      truePositives: sum.truePositives + c.truePositives,
      falsePositives: sum.falsePositives + c.falsePositives,
      falseNegatives: sum.falseNegatives + c.falseNegatives,
    }),
    { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
  );
  const perLabel = counts.map(scoresOf);
  const present = perLabel.filter((s) => s.support > 0);
  return {
    micro: scoresOf(total),
    macroF1: present.length ? present.reduce((sum, s) => sum + s.f1, 0) / present.length : 0,
    exactMatch: truth.length ? exact / truth.length : 0,
    perLabel,
  };
}

export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1));
}
