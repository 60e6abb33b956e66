import { crossValidate, crossValidateClasses } from '../../classifier/cross-validation.ts';
import {
  multiLabelPredictor,
  trainMultiLabel,
  type MultiLabelOptions,
} from '../../classifier/multi-label.ts';
import { singleLabelPredictor, trainSingleLabel } from '../../classifier/single-label.ts';
import type { CategoryMapping, FeedbackComment } from './feedback-data.ts';
import {
  qdcData,
  sentimentData,
  sentimentOptions,
  subcategoryLabels,
  themeModelOptions,
} from './theme-model.ts';
import { sentiments } from './taxonomy.ts';

export const protocol = {
  folds: 5,
  seed: 42,
  description:
    'The research note\'s protocol: the public pxtextmining v6 file mapped to QDC v7 sub-categories, rows without text, "Did not answer" rows and rows with no v7 label dropped; 5-fold cross-validation after a seeded shuffle (seed 42); thresholds tuned only on each training fold (inner 3-fold held-out scores); at least one label per comment; macro-F1 over the labels present in each test fold.',
  baseline: { microF1: 0.737, macroF1: 0.58, source: 'research note, TF-IDF + linear SVM in TypeScript' },
  published: {
    microF1: 0.77,
    macroF1: 0.71,
    source: 'pxtextmining ensemble on its hidden 6-trust data (not directly comparable)',
  },
  sentimentBaseline: { accuracy: 0.875, macroF1: 0.683, source: 'research note' },
};

const round = (value: number) => Math.round(value * 1000) / 1000;

function rounded<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' ? round(v) : v))) as T;
}

export function evaluateThemes(
  comments: readonly FeedbackComment[],
  mapping: CategoryMapping,
  options: { folds?: number; seed?: number; model?: MultiLabelOptions } = {},
) {
  const folds = options.folds ?? protocol.folds;
  const seed = options.seed ?? protocol.seed;
  const labels = subcategoryLabels(comments);
  const majors = [...new Set(labels.map((l) => mapping.majorOf.get(l) ?? 'Other'))].sort();
  const groupOf = labels.map((l) => majors.indexOf(mapping.majorOf.get(l) ?? 'Other'));
  const started = Date.now();
  const themes = crossValidate(
    qdcData(comments, labels),
    labels,
    (train) => {
      const predict = multiLabelPredictor(trainMultiLabel(train, labels, options.model ?? themeModelOptions));
      return (text) => predict(text).chosen;
    },
    { folds, seed, groups: { names: majors, groupOf } },
  );
  const themeSeconds = (Date.now() - started) / 1000;
  const sentiment = crossValidateClasses(
    sentimentData(comments),
    sentiments,
    (train) => {
      const predict = singleLabelPredictor(trainSingleLabel(train, sentiments, sentimentOptions));
      return (text) => predict(text).label;
    },
    { folds, seed },
  );
  return rounded({
    protocol: { ...protocol, folds, seed },
    data: { comments: comments.length, labels: labels.length },
    themes,
    sentiment,
    seconds: { themes: themeSeconds, total: (Date.now() - started) / 1000 },
  });
}
