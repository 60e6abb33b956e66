import {
  defaultMultiLabelOptions,
  trainMultiLabel,
  type MultiLabelOptions,
} from '../../classifier/multi-label.ts';
import type { MultiLabelModel } from '../../classifier/multi-label.ts';
import { trainSingleLabel } from '../../classifier/single-label.ts';
import { fitTfidf } from '../../classifier/tfidf.ts';
import type { FeedbackComment } from './feedback-data.ts';
import { sentimentOfScore, sentiments, themesOfSubcategories, type Sentiment } from './taxonomy.ts';

/** A text staff have tagged in Parity: its confirmed themes and, if decided, its sentiment. */
export interface CorrectedText {
  text: string;
  themes: string[];
  sentiment: Sentiment | null;
}

/** Three heads over one vocabulary: QDC sub-categories, Parity themes and sentiment. */
export interface ThemeModels {
  qdc: MultiLabelModel;
  themes: MultiLabelModel;
  sentiment: MultiLabelModel;
}

export const themeModelOptions: MultiLabelOptions = defaultMultiLabelOptions;

export const sentimentOptions: MultiLabelOptions = {
  ...defaultMultiLabelOptions,
  weighting: { base: 1, power: 0.5, max: 4 },
};

export function subcategoryLabels(comments: readonly FeedbackComment[]): string[] {
  return [...new Set(comments.flatMap((c) => c.subcategories))].sort();
}

export function qdcData(comments: readonly FeedbackComment[], labels: readonly string[]) {
  const index = new Map(labels.map((l, i) => [l, i]));
  return comments.map((c) => ({ text: c.text, labels: c.subcategories.map((s) => index.get(s)!) }));
}

export function sentimentData(comments: readonly FeedbackComment[]) {
  return comments
    .filter((c) => c.sentiment !== null)
    .map((c) => ({ text: c.text, label: sentiments.indexOf(sentimentOfScore(c.sentiment!)) }));
}

function themeData(comments: readonly FeedbackComment[], corrections: readonly CorrectedText[]) {
  const rows = [
    ...comments.map((c) => ({ text: c.text, themes: themesOfSubcategories(c.subcategories) })),
    ...corrections.map((c) => ({ text: c.text, themes: c.themes })),
  ];
  const labels = [...new Set(rows.flatMap((r) => r.themes))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  return { labels, data: rows.map((r) => ({ text: r.text, labels: r.themes.map((t) => index.get(t)!) })) };
}

/** Trains every head from the public comments plus any staff corrections. */
export function trainThemeModels(
  comments: readonly FeedbackComment[],
  corrections: readonly CorrectedText[] = [],
  options: MultiLabelOptions = themeModelOptions,
): ThemeModels {
  const texts = [...comments.map((c) => c.text), ...corrections.map((c) => c.text)];
  const tfidf = fitTfidf(texts, options.tfidf);
  const labels = subcategoryLabels(comments);
  const themes = themeData(comments, corrections);
  const sentimentRows = [
    ...sentimentData(comments),
    ...corrections
      .filter((c) => c.sentiment !== null)
      .map((c) => ({ text: c.text, label: sentiments.indexOf(c.sentiment!) })),
  ];
  return {
    qdc: trainMultiLabel(qdcData(comments, labels), labels, options, tfidf),
    themes: trainMultiLabel(themes.data, themes.labels, options, tfidf),
    sentiment: trainSingleLabel(sentimentRows, sentiments, sentimentOptions, tfidf),
  };
}
