import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateThemes } from './evaluate.ts';
import {
  feedbackFiles,
  loadFeedback,
  parseFeedback,
  parseMapping,
  type FeedbackComment,
} from './feedback-data.ts';
import { encodeModelFile, publicDataAttribution, readModelFile, writeModelFile } from './model-file.ts';
import { predictorFor } from './predictor.ts';
import { sentimentOfScore, themesOfSubcategories } from './taxonomy.ts';
import { trainThemeModels } from './theme-model.ts';
import { temporaryDir } from '../../../test/temporary-dirs.ts';

const shared = fileURLToPath(new URL('../../../../shared/data/feedback/', import.meta.url));

const mappingCsv = `v6_column,v7_subcategory,v7_major_category,note
Staff responsiveness,Staffing levels & responsiveness,Staff,merged
Number & deployment of staff,Staffing levels & responsiveness,Staff,merged
Parking,Parking,"Service location, travel & transport",
Not assigned,,,not a label
`;

describe('reading the labelled comments', () => {
  it('maps v6 columns to v7 and drops blank, "Did not answer" and unlabelled rows', () => {
    const csv = `Comment ID,Trust,FFT question,FFT answer,Comment sentiment,Staff responsiveness,Number & deployment of staff,Parking,Not assigned
1,A,What could we do better?,Not enough staff on nights,4,1,1,0,0
2,A,What could we do better?,Did not answer,,0,0,0,0
3,A,What was good?,,1,0,0,1,0
4,B,What was good?,Lovely,1,0,0,0,1
5,B,What could we do better?,No spaces in the car park,,0,0,1,0
6,B,What was good?,❤️,1,0,0,1,0
`;
    const comments = parseFeedback(csv, parseMapping(mappingCsv));
    expect(comments.map((c) => [c.id, c.subcategories, c.sentiment])).toEqual([
      ['1', ['Staffing levels & responsiveness'], 4],
      ['5', ['Parking'], null],
    ]);
  });

  it('maps 5-point sentiment to three classes and sub-categories to Parity themes', () => {
    expect([1, 2, 3, 4, 5].map(sentimentOfScore)).toEqual([
      'positive',
      'positive',
      'neutral',
      'negative',
      'negative',
    ]);
    expect(
      themesOfSubcategories(['Parking', 'Transport to/ from services', 'Positive experience & gratitude']),
    ).toEqual(['Transport']);
  });
});

describe('the protocol and the model file on a small slice of the public data', () => {
  let slice: FeedbackComment[];
  let majorOf: Map<string, string>;
  beforeAll(async () => {
    const { comments, mapping } = await loadFeedback(
      path.join(shared, feedbackFiles.comments),
      path.join(shared, feedbackFiles.mapping),
    );
    expect(comments).toHaveLength(5657);
    slice = comments.filter((_, i) => i % 12 === 0);
    majorOf = mapping.majorOf;
  });

  it('cross-validates themes and sentiment and reports micro/macro F1 per label', () => {
    const report = evaluateThemes(slice, { subcategoryOf: new Map(), majorOf }, { folds: 3 });
    expect(report.data.comments).toBe(slice.length);
    expect(report.themes.folds).toBe(3);
    expect(report.themes.microF1.mean).toBeGreaterThan(0.5);
    expect(report.themes.macroF1.mean).toBeGreaterThan(0.1);
    expect(report.themes.perLabel.map((l) => l.label)).toContain('Timeliness of care');
    expect(report.themes.grouped!.perGroup.map((g) => g.label)).toContain('Staff');
    expect(report.sentiment.accuracy.mean).toBeGreaterThan(0.6);
    expect(report.sentiment.perClass.map((c) => c.label)).toEqual(['positive', 'neutral', 'negative']);
  });

  it('saves a model with its attribution and predicts the same after loading it', async () => {
    const models = trainThemeModels(slice, [
      {
        text: 'No interpreter for my mother who speaks Polish',
        themes: ['Interpreting and language'],
        sentiment: 'negative',
      },
    ]);
    const file = encodeModelFile(models, {
      trainedAt: '2025-01-01T00:00:00.000Z',
      attribution: { ...publicDataAttribution, comments: slice.length, corrections: 1 },
      metrics: null,
      majorOf: Object.fromEntries(majorOf),
    });
    const target = path.join(temporaryDir('parity-model-'), 'themes-v1.json.gz');
    await writeModelFile(file, target);
    const loaded = (await readModelFile(target))!;
    expect(loaded.file.attribution.licence).toContain('MIT');
    expect(loaded.models.themes.labels).toContain('Interpreting and language');
    const predict = predictorFor(loaded);
    const text = 'The ambulance took hours to arrive and the crew were lovely';
    const prediction = predict(text);
    expect(prediction.qdc.length).toBeGreaterThan(0);
    expect(prediction.qdc.map((q) => q.subcategory)).toContain('Timeliness of care');
    expect(['positive', 'neutral', 'negative']).toContain(prediction.sentiment.value);
    expect(await readModelFile(path.join(path.dirname(target), 'missing.json.gz'))).toBeNull();
  });
});
