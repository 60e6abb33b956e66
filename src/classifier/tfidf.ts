import { sparseFrom, type SparseVector } from './sparse.ts';
import { defaultTermOptions, termsOf, type TermOptions } from './text.ts';

export interface TfidfOptions {
  terms: TermOptions;
  /** Terms seen in fewer documents than this are dropped. */
  minDf: number;
  /** The most frequent terms kept (by document frequency), to bound the model's size. */
  maxFeatures: number;
}

export const defaultTfidfOptions: TfidfOptions = { terms: defaultTermOptions, minDf: 2, maxFeatures: 60_000 };

/** A fitted vocabulary: term → column, with each column's inverse document frequency. */
export interface Tfidf {
  options: TfidfOptions;
  vocabulary: string[];
  idf: Float32Array;
}

export function fitTfidf(texts: readonly string[], options: TfidfOptions = defaultTfidfOptions): Tfidf {
  const df = new Map<string, number>();
  for (const text of texts) {
    for (const term of new Set(termsOf(text, options.terms))) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const kept = [...df.entries()]
    .filter(([, count]) => count >= options.minDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxFeatures)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const n = texts.length;
  return {
    options,
    vocabulary: kept.map(([term]) => term),
    idf: Float32Array.from(kept.map(([, count]) => Math.log((1 + n) / (1 + count)) + 1)),
  };
}

/** Sublinear tf × idf, each block (words, characters) scaled to unit length, then the whole. */
export function vectoriser(model: Tfidf): (text: string) => SparseVector {
  const column = new Map(model.vocabulary.map((term, index) => [term, index]));
  return (text) => {
    const counts = new Map<number, number>();
    for (const term of termsOf(text, model.options.terms)) {
      const index = column.get(term);
      if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    const blockNorms = new Map<string, number>();
    const weighted = new Map<number, number>();
    for (const [index, count] of counts) {
      const value = (1 + Math.log(count)) * model.idf[index]!;
      weighted.set(index, value);
      const block = model.vocabulary[index]![0]!;
      blockNorms.set(block, (blockNorms.get(block) ?? 0) + value * value);
    }
    const blocks = blockNorms.size;
    for (const [index, value] of weighted) {
      const norm = Math.sqrt(blockNorms.get(model.vocabulary[index]![0]!)! * blocks);
      weighted.set(index, value / norm);
    }
    return sparseFrom(weighted);
  };
}
