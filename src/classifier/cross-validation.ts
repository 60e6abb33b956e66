import { kFolds } from './folds.ts';
import { mean, multiLabelScores, standardDeviation, type MultiLabelScores } from './metrics.ts';
import type { LabelledText } from './multi-label.ts';
import { classScores, type ClassifiedText } from './single-label.ts';

/** Trains on some items and returns a function that predicts label indices for a text. */
export type Learner = (train: readonly LabelledText[]) => (text: string) => readonly number[];

export interface LabelSummary {
  label: string;
  f1: number;
  precision: number;
  recall: number;
  /** Examples of the label across all test folds. */
  support: number;
}

export interface CrossValidationReport {
  folds: number;
  seed: number;
  items: number;
  microF1: { mean: number; sd: number };
  macroF1: { mean: number; sd: number };
  microPrecision: number;
  microRecall: number;
  exactMatch: number;
  perLabel: LabelSummary[];
  /** Scores after mapping each label to a group (e.g. QDC major categories), when a grouping is given. */
  grouped?: { microF1: number; macroF1: number; perGroup: LabelSummary[] };
}

function summarise(labels: readonly string[], runs: readonly MultiLabelScores[]): LabelSummary[] {
  return labels.map((label, l) => {
    const present = runs.map((r) => r.perLabel[l]!).filter((s) => s.support > 0);
    return {
      label,
      f1: mean(present.map((s) => s.f1)),
      precision: mean(present.map((s) => s.precision)),
      recall: mean(present.map((s) => s.recall)),
      support: present.reduce((sum, s) => sum + s.support, 0),
    };
  });
}

function regroup(sets: readonly (readonly number[])[], groupOf: readonly number[]): number[][] {
  return sets.map((set) => [...new Set(set.map((l) => groupOf[l]!))]);
}

/**
 * k-fold cross-validation with a seeded shuffle. Every fold trains from scratch on the other folds
 * (any tuning happens inside `learn`, on training data only) and is scored on its own items.
 * Macro-F1 is the mean over the labels present in each test fold, then over folds.
 */
export function crossValidate(
  data: readonly LabelledText[],
  labels: readonly string[],
  learn: Learner,
  options: { folds: number; seed: number; groups?: { names: readonly string[]; groupOf: readonly number[] } },
): CrossValidationReport {
  const runs: MultiLabelScores[] = [];
  const groupRuns: MultiLabelScores[] = [];
  for (const fold of kFolds(data.length, options.folds, options.seed)) {
    const predict = learn(fold.train.map((i) => data[i]!));
    const truth = fold.test.map((i) => data[i]!.labels);
    const predicted = fold.test.map((i) => predict(data[i]!.text));
    runs.push(multiLabelScores(truth, predicted, labels.length));
    if (options.groups) {
      const { names, groupOf } = options.groups;
      groupRuns.push(multiLabelScores(regroup(truth, groupOf), regroup(predicted, groupOf), names.length));
    }
  }
  const micro = runs.map((r) => r.micro.f1);
  const macro = runs.map((r) => r.macroF1);
  const report: CrossValidationReport = {
    folds: options.folds,
    seed: options.seed,
    items: data.length,
    microF1: { mean: mean(micro), sd: standardDeviation(micro) },
    macroF1: { mean: mean(macro), sd: standardDeviation(macro) },
    microPrecision: mean(runs.map((r) => r.micro.precision)),
    microRecall: mean(runs.map((r) => r.micro.recall)),
    exactMatch: mean(runs.map((r) => r.exactMatch)),
    perLabel: summarise(labels, runs),
  };
  if (options.groups) {
    report.grouped = {
      microF1: mean(groupRuns.map((r) => r.micro.f1)),
      macroF1: mean(groupRuns.map((r) => r.macroF1)),
      perGroup: summarise(options.groups.names, groupRuns),
    };
  }
  return report;
}

export interface ClassReport {
  folds: number;
  seed: number;
  items: number;
  accuracy: { mean: number; sd: number };
  macroF1: { mean: number; sd: number };
  perClass: LabelSummary[];
}

/** The same protocol for a single-label task: accuracy and macro-F1 over classes, per fold. */
export function crossValidateClasses(
  data: readonly ClassifiedText[],
  classes: readonly string[],
  learn: (train: readonly ClassifiedText[]) => (text: string) => number,
  options: { folds: number; seed: number },
): ClassReport {
  const runs = kFolds(data.length, options.folds, options.seed).map((fold) => {
    const predict = learn(fold.train.map((i) => data[i]!));
    const truth = fold.test.map((i) => data[i]!.label);
    return classScores(
      truth,
      fold.test.map((i) => predict(data[i]!.text)),
      classes.length,
    );
  });
  const accuracy = runs.map((r) => r.accuracy);
  const macro = runs.map((r) => r.macroF1);
  return {
    folds: options.folds,
    seed: options.seed,
    items: data.length,
    accuracy: { mean: mean(accuracy), sd: standardDeviation(accuracy) },
    macroF1: { mean: mean(macro), sd: standardDeviation(macro) },
    perClass: classes.map((label, c) => ({
      label,
      f1: mean(runs.map((r) => r.perClass[c]!.f1)),
      precision: mean(runs.map((r) => r.perClass[c]!.precision)),
      recall: mean(runs.map((r) => r.perClass[c]!.recall)),
      support: runs.reduce((sum, r) => sum + r.perClass[c]!.support, 0),
    })),
  };
}
