import { fileURLToPath } from 'node:url';
import { parseOptions } from '../options.ts';
import path from 'node:path';
import { evaluateThemes } from '../../features/theme-classifier/evaluate.ts';
import { feedbackFiles, loadFeedback } from '../../features/theme-classifier/feedback-data.ts';
import {
  defaultModelPath,
  encodeModelFile,
  publicDataAttribution,
  writeModelFile,
} from '../../features/theme-classifier/model-file.ts';
import { trainThemeModels, type CorrectedText } from '../../features/theme-classifier/theme-model.ts';
import type { Services } from '../../services.ts';
import { CliError, type CliIO } from '../context.ts';

/** The labelled data beside the project (../shared/data/feedback), read at training time only. */
const sharedFeedbackDir = fileURLToPath(new URL('../../../../shared/data/feedback/', import.meta.url));

const usage = `Usage:
  parity themes train [--data <csv>] [--mapping <csv>] [--include-corrections] [--out <file>] [--no-evaluate]
  parity themes evaluate [--data <csv>] [--mapping <csv>] [--folds <n>]`;

const dataOptions = {
  data: { type: 'string' },
  mapping: { type: 'string' },
} as const;

async function loadData(values: { data?: string | undefined; mapping?: string | undefined }) {
  const data = values.data ?? path.join(sharedFeedbackDir, feedbackFiles.comments);
  const mapping = values.mapping ?? path.join(sharedFeedbackDir, feedbackFiles.mapping);
  try {
    return await loadFeedback(data, mapping);
  } catch (error) {
    throw new CliError(`Could not read the labelled comments (${data}): ${(error as Error).message}`);
  }
}

/** parity themes evaluate: the research note's cross-validation, printed as JSON. */
export async function themesEvaluate(io: CliIO, args: string[]): Promise<number> {
  const { values } = parseOptions({ args, options: { ...dataOptions, folds: { type: 'string' } } });
  const folds = values.folds ? Number.parseInt(values.folds, 10) : undefined;
  if (folds !== undefined && !(folds >= 2 && folds <= 20)) throw new CliError('--folds must be 2 to 20');
  const { comments, mapping } = await loadData(values);
  io.out(JSON.stringify(evaluateThemes(comments, mapping, { folds }), null, 2));
  return 0;
}

/** parity themes train: fits every head on the public data (and staff corrections) and saves it. */
export async function themesTrain(
  io: CliIO,
  args: string[],
  corrections: () => Promise<CorrectedText[]>,
): Promise<number> {
  const { values } = parseOptions({
    args,
    options: {
      ...dataOptions,
      'include-corrections': { type: 'boolean' },
      out: { type: 'string' },
      'no-evaluate': { type: 'boolean' },
    },
  });
  const { comments, mapping } = await loadData(values);
  const extra = values['include-corrections'] ? await corrections() : [];
  const started = Date.now();
  const metrics = values['no-evaluate']
    ? null
    : (io.err('Cross-validating (5 folds)…'), evaluateThemes(comments, mapping));
  io.err(`Training on ${comments.length} comments and ${extra.length} staff corrections…`);
  const models = trainThemeModels(comments, extra);
  const file = encodeModelFile(models, {
    trainedAt: new Date().toISOString(),
    attribution: { ...publicDataAttribution, comments: comments.length, corrections: extra.length },
    metrics: metrics && {
      themes: summary(metrics.themes),
      sentiment: metrics.sentiment,
      protocol: metrics.protocol,
    },
    majorOf: Object.fromEntries(mapping.majorOf),
  });
  const target = values.out ?? defaultModelPath;
  const bytes = await writeModelFile(file, target);
  io.out(
    JSON.stringify({
      model: target,
      id: file.id,
      bytes,
      seconds: (Date.now() - started) / 1000,
      corrections: extra.length,
    }),
  );
  return 0;
}

function summary(report: ReturnType<typeof evaluateThemes>['themes']) {
  const { perLabel: _p, ...rest } = report;
  return rest;
}

export async function themesCommand(
  io: CliIO,
  args: string[],
  withServices: <T>(work: (s: Services) => Promise<T>) => Promise<T>,
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'evaluate') return themesEvaluate(io, rest);
  if (sub === 'train') {
    return themesTrain(io, rest, () => withServices((s) => s.insightTagging.trainingCorrections()));
  }
  throw new CliError(usage);
}
