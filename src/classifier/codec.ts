import type { LinearModel } from './linear-svm.ts';
import type { MultiLabelModel } from './multi-label.ts';
import type { Tfidf, TfidfOptions } from './tfidf.ts';

/**
 * Models as plain JSON: the vocabulary once, and each model's weights quantised to 8 bits per
 * label (scale = largest |weight| / 127), base64-encoded. That keeps a 60k-term, 40-label model
 * to a few megabytes; the rounding moves decision scores by well under 1%.
 */
export interface EncodedVocabulary {
  options: TfidfOptions;
  terms: string[];
  idf: string;
}

export interface EncodedModel {
  labels: string[];
  thresholds: number[];
  biases: number[];
  scales: number[];
  weights: string;
}

const toBase64 = (bytes: ArrayBufferView) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

function fromBase64(text: string): Buffer {
  return Buffer.from(text, 'base64');
}

export function encodeVocabulary(tfidf: Tfidf): EncodedVocabulary {
  return { options: tfidf.options, terms: tfidf.vocabulary, idf: toBase64(tfidf.idf) };
}

export function decodeVocabulary(encoded: EncodedVocabulary): Tfidf {
  const bytes = fromBase64(encoded.idf);
  const idf = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(idf.buffer).set(bytes);
  if (idf.length !== encoded.terms.length) throw new Error('The vocabulary and its weights differ in length');
  return { options: encoded.options, vocabulary: encoded.terms, idf };
}

function quantise(weights: Float32Array): { scale: number; values: Int8Array } {
  let largest = 0;
  for (const w of weights) largest = Math.max(largest, Math.abs(w));
  const scale = largest / 127 || 1;
  return { scale, values: Int8Array.from(weights, (w) => Math.round(w / scale)) };
}

export function encodeModel(model: MultiLabelModel): EncodedModel {
  const features = model.tfidf.vocabulary.length;
  const all = new Int8Array(features * model.models.length);
  const scales = model.models.map((m, label) => {
    const { scale, values } = quantise(m.weights);
    all.set(values, label * features);
    return scale;
  });
  return {
    labels: model.labels,
    thresholds: model.thresholds,
    biases: model.models.map((m) => m.bias),
    scales,
    weights: toBase64(all),
  };
}

export function decodeModel(encoded: EncodedModel, tfidf: Tfidf): MultiLabelModel {
  const features = tfidf.vocabulary.length;
  const bytes = fromBase64(encoded.weights);
  if (bytes.byteLength !== features * encoded.labels.length) {
    throw new Error('The model does not match its vocabulary');
  }
  const all = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const models: LinearModel[] = encoded.labels.map((_, label) => {
    const scale = encoded.scales[label]!;
    const slice = all.subarray(label * features, (label + 1) * features);
    return { weights: Float32Array.from(slice, (q) => q * scale), bias: encoded.biases[label]! };
  });
  return { labels: encoded.labels, tfidf, models, thresholds: encoded.thresholds };
}
