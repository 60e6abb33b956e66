// How completely a ready dataset records area of residence, ethnic group, sex, age and date: counted
// where the data is (its Parquet file, or its linked PostgreSQL table), for staff to see beside the
// validation report. Only counts leave the analytics store.
import {
  readRecordingQuality,
  recordingQualitySql,
  type RecordingQuality,
} from '../../analytics/queries/recording-quality.ts';
import type { AnalyticsContext } from './analytics-context.ts';
import { whereTheDataIs } from './analytics-compute.ts';
import type { Dataset } from './analytics.ts';
import { rememberedReach } from './remembered-reach.ts';

async function workOut(ctx: AnalyticsContext, dataset: Dataset): Promise<RecordingQuality> {
  const store = await ctx.store();
  const { run, relations } = await whereTheDataIs(ctx, store, dataset);
  return readRecordingQuality(await run(recordingQualitySql(relations, dataset.lsoaVintage)));
}

/** Remembered as the reaches are (0.2 s for 10M rows, on every view of the dataset's page otherwise). */
export const recordingQualityOf = (ctx: AnalyticsContext, dataset: Dataset): Promise<RecordingQuality> =>
  rememberedReach(ctx, 'recording', dataset, () => workOut(ctx, dataset));
