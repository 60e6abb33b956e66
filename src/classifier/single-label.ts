import { mean } from './metrics.ts';
import { heldOutScores, type MultiLabelModel, type MultiLabelOptions } from './multi-label.ts';
import { trainOneVsRest, decisionScores } from './one-vs-rest.ts';
import { scoresOf } from './metrics.ts';
import { fitTfidf, vectoriser, type Tfidf } from './tfidf.ts';

/** One class per text (e.g. sentiment). */
export interface ClassifiedText {
  text: string;
  label: number;
}

const offsets = Array.from({ length: 41 }, (_, i) => -1 + i * 0.05);

export function argmaxWithOffsets(scores: ArrayLike<number>, offsetsByClass: readonly number[]): number {
  let best = 0;
  for (let c = 1; c < offsetsByClass.length; c++) {
    if (scores[c]! - offsetsByClass[c]! > scores[best]! - offsetsByClass[best]!) best = c;
  }
  return best;
}

export function classScores(truth: readonly number[], predicted: readonly number[], classCount: number) {
  const perClass = Array.from({ length: classCount }, (_, c) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    truth.forEach((want, i) => {
      const got = predicted[i]!;
      if (got === c && want === c) tp++;
      else if (got === c) fp++;
      else if (want === c) fn++;
    });
    return scoresOf({ truePositives: tp, falsePositives: fp, falseNegatives: fn });
  });
  const correct = truth.filter((want, i) => predicted[i] === want).length;
  return {
    accuracy: truth.length ? correct / truth.length : 0,
    macroF1: mean(perClass.filter((s) => s.support > 0).map((s) => s.f1)),
    perClass,
  };
}

/** Per-class offsets that maximise macro-F1 on held-out scores (two rounds of coordinate ascent). */
function tuneOffsets(
  scores: readonly Float64Array[],
  truth: readonly number[],
  classCount: number,
): number[] {
  const chosen = Array<number>(classCount).fill(0);
  const macro = () =>
    classScores(
      truth,
      scores.map((s) => argmaxWithOffsets(s, chosen)),
      classCount,
    ).macroF1;
  for (let round = 0; round < 2; round++) {
    for (let c = 1; c < classCount; c++) {
      let best = chosen[c]!;
      let bestScore = -1;
      for (const offset of offsets) {
        chosen[c] = offset;
        const score = macro();
        if (score > bestScore + 1e-9) [best, bestScore] = [offset, score];
      }
      chosen[c] = best;
    }
  }
  return chosen;
}

/** OvR SVMs for a single-label task; its "thresholds" are offsets subtracted before the argmax. */
export function trainSingleLabel(
  data: readonly ClassifiedText[],
  classes: readonly string[],
  options: MultiLabelOptions,
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
  const sets = data.map((d) => [d.label]);
  const features = tfidf.vocabulary.length;
  const truth = data.map((d) => d.label);
  const thresholds =
    options.innerFolds >= 2
      ? tuneOffsets(heldOutScores(rows, sets, classes.length, features, options), truth, classes.length)
      : classes.map(() => 0);
  const models = trainOneVsRest(rows, sets, classes.length, features, options.svm, options.weighting);
  return { labels: [...classes], tfidf, models, thresholds };
}

export function singleLabelPredictor(model: MultiLabelModel) {
  const vectorise = vectoriser(model.tfidf);
  return (text: string): { label: number; margins: number[] } => {
    const scores = decisionScores(model.models, vectorise(text));
    return {
      label: argmaxWithOffsets(scores, model.thresholds),
      margins: model.labels.map((_, c) => scores[c]! - model.thresholds[c]!),
    };
  };
}
