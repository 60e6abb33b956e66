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

export async function recordingQualityOf(ctx: AnalyticsContext, dataset: Dataset): Promise<RecordingQuality> {
  const store = await ctx.store();
  const { run, relations } = await whereTheDataIs(ctx, store, dataset);
  const [row] = await run(recordingQualitySql(relations, dataset.lsoaVintage));
  return readRecordingQuality(row);
}
