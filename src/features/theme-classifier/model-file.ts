import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  decodeModel,
  decodeVocabulary,
  encodeModel,
  encodeVocabulary,
  type EncodedModel,
  type EncodedVocabulary,
} from '../../classifier/codec.ts';
import type { ThemeModels } from './theme-model.ts';

export const modelFormatVersion = 1;

/** The model shipped with Parity, trained by `parity themes train`. */
export const defaultModelPath = fileURLToPath(
  new URL(`../../../models/themes-v${modelFormatVersion}.json.gz`, import.meta.url),
);

/** Where the training data came from; kept inside the model file, as its licence asks. */
export const publicDataAttribution = {
  data: 'Friends and Family Test comments published by The-Strategy-Unit/pxtextmining (datasets/v6framework_230831.csv, commit ba6c0a2f10ca9bb3b964b72afe6047b463095c75), labelled with the Patient Experience Qualitative Data Categorisation framework',
  licence: 'MIT, Copyright (c) 2021 NHS England',
  framework:
    'Patient Experience Qualitative Data Categorisation (QDC) framework v7, NHS England / Nottinghamshire Healthcare NHS FT',
  mapping:
    'v6 columns to v7 sub-categories: Parity’s own mapping, inferred from the v7 descriptions (not official)',
};

export interface ModelFile {
  format: 'parity-themes';
  version: number;
  id: string;
  trainedAt: string;
  attribution: typeof publicDataAttribution & { corrections: number; comments: number };
  metrics: unknown;
  majorOf: Record<string, string>;
  vocabulary: EncodedVocabulary;
  heads: { qdc: EncodedModel; themes: EncodedModel; sentiment: EncodedModel };
}

export interface LoadedModel {
  id: string;
  trainedAt: string;
  majorOf: Record<string, string>;
  models: ThemeModels;
  file: Omit<ModelFile, 'vocabulary' | 'heads'>;
}

export function encodeModelFile(
  models: ThemeModels,
  meta: Pick<ModelFile, 'trainedAt' | 'attribution' | 'metrics' | 'majorOf'>,
): ModelFile {
  const heads = {
    qdc: encodeModel(models.qdc),
    themes: encodeModel(models.themes),
    sentiment: encodeModel(models.sentiment),
  };
  const id = createHash('sha256').update(JSON.stringify(heads)).digest('hex').slice(0, 12);
  return {
    format: 'parity-themes',
    version: modelFormatVersion,
    id,
    ...meta,
    vocabulary: encodeVocabulary(models.qdc.tfidf),
    heads,
  };
}

export function decodeModelFile(file: ModelFile): LoadedModel {
  if (file.format !== 'parity-themes' || file.version !== modelFormatVersion) {
    throw new Error(`Not a version ${modelFormatVersion} Parity theme model`);
  }
  const tfidf = decodeVocabulary(file.vocabulary);
  const { vocabulary: _v, heads, ...rest } = file;
  return {
    id: file.id,
    trainedAt: file.trainedAt,
    majorOf: file.majorOf,
    models: {
      qdc: decodeModel(heads.qdc, tfidf),
      themes: decodeModel(heads.themes, tfidf),
      sentiment: decodeModel(heads.sentiment, tfidf),
    },
    file: rest,
  };
}

export async function writeModelFile(file: ModelFile, target: string): Promise<number> {
  const bytes = gzipSync(JSON.stringify(file), { level: 9 });
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, bytes);
  return bytes.byteLength;
}

/** The model at `source`, or null when there is none (suggestions then come from the rules alone). */
export async function readModelFile(source: string = defaultModelPath): Promise<LoadedModel | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(source);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return decodeModelFile(JSON.parse(gunzipSync(bytes).toString('utf8')) as ModelFile);
}
