import { multiLabelPredictor } from '../../classifier/multi-label.ts';
import { singleLabelPredictor } from '../../classifier/single-label.ts';
import type { LoadedModel } from './model-file.ts';
import { sentiments, type Sentiment } from './taxonomy.ts';

export interface Prediction {
  /** QDC sub-categories chosen (at least one), with their major category. */
  qdc: { subcategory: string; major: string; margin: number }[];
  /** Parity themes whose score passed the threshold (possibly none). */
  themes: { theme: string; margin: number }[];
  sentiment: { value: Sentiment; margin: number };
}

/** How sure the model is, in words staff can weigh: from the score's distance past the threshold. */
export function confidenceOf(margin: number): 'high' | 'medium' | 'low' {
  return margin >= 0.5 ? 'high' : margin >= 0.2 ? 'medium' : 'low';
}

export function predictorFor(model: LoadedModel): (text: string) => Prediction {
  const qdc = multiLabelPredictor(model.models.qdc);
  const themes = multiLabelPredictor(model.models.themes);
  const sentiment = singleLabelPredictor(model.models.sentiment);
  return (text) => {
    const q = qdc(text);
    const s = sentiment(text);
    const ranked = new Map(q.ranked.map((r) => [r.label, r.margin]));
    return {
      qdc: q.chosen.map((i) => {
        const subcategory = model.models.qdc.labels[i]!;
        return { subcategory, major: model.majorOf[subcategory] ?? '', margin: ranked.get(subcategory)! };
      }),
      themes: themes(text)
        .ranked.filter((r) => r.margin >= 0)
        .map((r) => ({ theme: r.label, margin: r.margin })),
      sentiment: {
        value: sentiments[s.label]!,
        margin: s.margins[s.label]! - Math.max(...s.margins.filter((_, c) => c !== s.label)),
      },
    };
  };
}
