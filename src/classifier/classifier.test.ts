import { describe, expect, it } from 'vitest';
import { decodeModel, decodeVocabulary, encodeModel, encodeVocabulary } from './codec.ts';
import { crossValidate, crossValidateClasses } from './cross-validation.ts';
import { kFolds } from './folds.ts';
import { multiLabelScores } from './metrics.ts';
import { defaultMultiLabelOptions, multiLabelPredictor, trainMultiLabel } from './multi-label.ts';
import { singleLabelPredictor, trainSingleLabel } from './single-label.ts';
import { fitTfidf, vectoriser } from './tfidf.ts';
import { termsOf } from './text.ts';
import { chooseLabels } from './thresholds.ts';

const labels = ['parking', 'food', 'staff'];
const templates: [string, number[]][] = [
  ['could not find a parking space in the car park', [0]],
  ['the car park was full and parking cost too much', [0]],
  ['parking machines broken again at the car park', [0]],
  ['the food was cold and the meals were bland', [1]],
  ['lovely hot meals and good food on the ward', [1]],
  ['food menu had nothing I could eat, meals late', [1]],
  ['the nurses were kind and caring staff', [2]],
  ['staff were rude and the nurse ignored me', [2]],
  ['doctors and nurses explained everything, great staff', [2]],
  ['no parking and the food was awful', [0, 1]],
  ['kind staff brought food to my bed', [1, 2]],
];
/** Hand-made data with an obvious pattern, repeated with small variations. */
const data = Array.from({ length: 6 }, (_, copy) =>
  templates.map(([text, set]) => ({
    text: `${text} ${['today', 'yesterday', 'again', 'twice', 'once', 'sadly'][copy]}`,
    labels: set,
  })),
).flat();
const quick = { ...defaultMultiLabelOptions, innerFolds: 3 };

describe('the text features', () => {
  it('makes word 1–2-grams and character 2–5-grams inside word boundaries', () => {
    const terms = termsOf("Can't park");
    expect(terms).toContain('w can not');
    expect(terms).toContain('w park');
    expect(terms).toContain('c pa');
    expect(terms).toContain('cark ');
    expect(terms.filter((t) => t.startsWith('c')).some((t) => t.includes('t p'))).toBe(false);
  });

  it('scales each vector to unit length', () => {
    const vectorise = vectoriser(fitTfidf(data.map((d) => d.text)));
    const x = vectorise('the car park was full');
    expect(x.values.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 5);
  });
});

describe('the multi-label classifier', () => {
  it('learns an obvious pattern and labels texts it has not seen', () => {
    const predict = multiLabelPredictor(trainMultiLabel(data, labels, quick));
    const named = (text: string) => predict(text).chosen.map((l) => labels[l]);
    expect(named('nowhere to park, the car park is tiny')).toEqual(['parking']);
    expect(named('the meals and food were cold')).toEqual(['food']);
    expect(named('the nurses and doctors were caring')).toEqual(['staff']);
  });

  it('always gives at least one label, the one nearest its threshold', () => {
    expect(chooseLabels([-2, -0.5, -1], [0, 0, 0])).toEqual([1]);
    expect(chooseLabels([0.2, -0.5, 0.1], [0, 0, 0])).toEqual([0, 2]);
  });

  it('predicts the same after encoding to JSON and back', () => {
    const model = trainMultiLabel(data, labels, { ...quick, innerFolds: 0 });
    const json = JSON.parse(JSON.stringify({ v: encodeVocabulary(model.tfidf), m: encodeModel(model) })) as {
      v: ReturnType<typeof encodeVocabulary>;
      m: ReturnType<typeof encodeModel>;
    };
    const decoded = decodeModel(json.m, decodeVocabulary(json.v));
    const [before, after] = [multiLabelPredictor(model), multiLabelPredictor(decoded)];
    for (const { text } of data) expect(after(text).chosen).toEqual(before(text).chosen);
  });
});

describe('the sentiment (single-label) classifier', () => {
  it('learns three classes from words', () => {
    const words = [
      ['great excellent thank you', 0],
      ['fine, some good some bad', 1],
      ['awful terrible rude', 2],
    ] as const;
    const rows = Array.from({ length: 8 }, (_, i) =>
      words.map(([t, label]) => ({ text: `${t} ${i}`, label })),
    ).flat();
    const predict = singleLabelPredictor(trainSingleLabel(rows, ['pos', 'neu', 'neg'], quick));
    expect(predict('excellent, thank you').label).toBe(0);
    expect(predict('terrible and rude').label).toBe(2);
  });
});

describe('the evaluation protocol', () => {
  it('tests every item exactly once, the same way for the same seed', () => {
    const folds = kFolds(23, 5, 42);
    const tested = folds.flatMap((f) => f.test).sort((a, b) => a - b);
    expect(tested).toEqual(Array.from({ length: 23 }, (_, i) => i));
    for (const f of folds) expect(f.train.filter((i) => f.test.includes(i))).toEqual([]);
    expect(kFolds(23, 5, 42)).toEqual(folds);
    expect(kFolds(23, 5, 7)).not.toEqual(folds);
  });

  it('computes micro-F1 over all decisions and macro-F1 over the labels present', () => {
    // Label 0: TP 1, FN 1. Label 1: TP 1, FP 1. Label 2: never true, predicted once (FP).
    const scores = multiLabelScores([[0], [0, 1], [3]], [[0, 2], [1], [1, 3]], 4);
    expect(scores.micro.precision).toBeCloseTo(3 / 5);
    expect(scores.micro.recall).toBeCloseTo(3 / 4);
    expect(scores.perLabel[0]!.f1).toBeCloseTo(2 / 3);
    expect(scores.perLabel[1]!.f1).toBeCloseTo(2 / 3);
    // Macro over labels 0, 1 and 3 (label 2 has no true example): (2/3 + 2/3 + 1) / 3.
    expect(scores.macroF1).toBeCloseTo(7 / 9);
    expect(scores.exactMatch).toBeCloseTo(0);
  });

  it('scores a learner fold by fold, without it seeing the test items', () => {
    const seen: string[][] = [];
    const report = crossValidate(
      data,
      labels,
      (train) => {
        seen.push(train.map((d) => d.text));
        return () => [0];
      },
      { folds: 3, seed: 42 },
    );
    expect(seen).toHaveLength(3);
    // Each item is in the training data of every fold but its own.
    expect(seen.reduce((sum, texts) => sum + texts.length, 0)).toBe(2 * data.length);
    expect(report.perLabel[0]!.recall).toBe(1);
    expect(report.perLabel[1]!.f1).toBe(0);
    const classes = crossValidateClasses(
      data.map((d) => ({ text: d.text, label: d.labels[0]! })),
      labels,
      () => () => 0,
      { folds: 3, seed: 42 },
    );
    expect(classes.accuracy.mean).toBeCloseTo(data.filter((d) => d.labels[0] === 0).length / data.length, 1);
  });
});
