import { kFolds } from './folds.ts';
import { defaultSvmOptions, type LinearModel, type SvmOptions } from './linear-svm.ts';
import { decisionScores, trainOneVsRest, type PositiveWeighting } from './one-vs-rest.ts';
import type { SparseVector } from './sparse.ts';
import { defaultTfidfOptions, fitTfidf, vectoriser, type Tfidf, type TfidfOptions } from './tfidf.ts';
import { chooseLabels, tuneThresholds } from './thresholds.ts';

export interface MultiLabelOptions {
  tfidf: TfidfOptions;
  svm: SvmOptions;
  weighting: PositiveWeighting;
  /** Folds inside the training data whose held-out scores set the thresholds. */
  innerFolds: number;
  thresholdShrinkage: number;
  seed: number;
}

export const defaultMultiLabelOptions: MultiLabelOptions = {
  tfidf: defaultTfidfOptions,
  svm: defaultSvmOptions,
  weighting: { base: 1, power: 0.5, max: 8 },
  innerFolds: 3,
  thresholdShrinkage: 10,
  seed: 42,
};

export interface MultiLabelModel {
  labels: string[];
  tfidf: Tfidf;
  models: LinearModel[];
  thresholds: number[];
}

export interface LabelledText {
  text: string;
  /** Indices into the label list. */
  labels: readonly number[];
}

/** Held-out decision scores for every row, from models trained on the other inner folds. */
export function heldOutScores(
  rows: readonly SparseVector[],
  sets: readonly (readonly number[])[],
  labelCount: number,
  features: number,
  options: MultiLabelOptions,
): Float64Array[] {
  const scores: Float64Array[] = Array.from({ length: rows.length });
  for (const fold of kFolds(rows.length, options.innerFolds, options.seed + 1)) {
    const models = trainOneVsRest(
      fold.train.map((i) => rows[i]!),
      fold.train.map((i) => sets[i]!),
      labelCount,
      features,
      options.svm,
      options.weighting,
    );
    for (const i of fold.test) scores[i] = decisionScores(models, rows[i]!);
  }
  return scores;
}

/**
 * One-vs-rest SVMs with per-label thresholds set on held-out scores of the training data. A
 * vocabulary fitted elsewhere (shared by several models) may be passed in.
 */
export function trainMultiLabel(
  data: readonly LabelledText[],
  labels: readonly string[],
  options: MultiLabelOptions = defaultMultiLabelOptions,
  fitted?: Tfidf,
): MultiLabelModel {
  const tfidf =
    fitted ??
    fitTfidf(
      data.map((d) => d.text),
      options.tfidf,
    );
  const vectorise = vectoriser(tfidf);
  const rows = data.map((d) => vectorise(d.text));
  const sets = data.map((d) => d.labels);
  const features = tfidf.vocabulary.length;
  const thresholds =
    options.innerFolds >= 2
      ? tuneThresholds(
          heldOutScores(rows, sets, labels.length, features, options),
          sets,
          labels.length,
          options.thresholdShrinkage,
        )
      : labels.map(() => 0);
  const models = trainOneVsRest(rows, sets, labels.length, features, options.svm, options.weighting);
  return { labels: [...labels], tfidf, models, thresholds };
}

export interface LabelScore {
  label: string;
  /** Decision score minus the label's threshold: above 0 means chosen. */
  margin: number;
}

/** A predictor for one model: the chosen labels, and every label's margin, best first. */
export function multiLabelPredictor(model: MultiLabelModel) {
  const vectorise = vectoriser(model.tfidf);
  return (text: string): { chosen: number[]; ranked: LabelScore[] } => {
    const scores = decisionScores(model.models, vectorise(text));
    const ranked = model.labels
      .map((label, i) => ({ label, margin: scores[i]! - model.thresholds[i]! }))
      .sort((a, b) => b.margin - a.margin);
    return { chosen: chooseLabels(scores, model.thresholds), ranked };
  };
}
