// Builds the recording-quality query of a dataset (queries/recording-quality.sql) and reads its row.
import { groupOnlyCodes } from '../datasets/ethnicity.ts';
import { literal } from '../sql-text.ts';
import type { SqlRow } from '../store.ts';
import type { Relations } from './indicator-aggregates.ts';
import { fillTemplate } from './template.ts';

export interface RecordingCounts {
  total: number;
  /** Rows by what is not recorded or recorded as not known. */
  counts: {
    lsoaMissing: number;
    lsoaUnknown: number;
    ethnicityNotStated: number;
    ethnicityNotKnown: number;
    /** Rows giving an ethnic group without its category ("Asian"). */
    ethnicityGroupOnly: number;
    sexNotKnown: number;
    ageMissing: number;
    dateMissing: number;
  };
}

export interface RecordingQuality extends RecordingCounts {
  /** The same for each period (financial year; "Not known" for rows without a date), in order. */
  byPeriod: (RecordingCounts & { period: string })[];
}

export function recordingQualitySql(relations: Relations, vintage: string): string {
  return fillTemplate('recording-quality', {
    activity: relations.activity,
    geography: relations.geography,
    vintage: literal(vintage),
    group_only_codes: groupOnlyCodes.map((code) => literal(code)).join(', '),
  });
}

export function readRecordingQuality(rows: SqlRow[]): RecordingQuality {
  const countsOf = (row: SqlRow | undefined): RecordingCounts => {
    const n = (column: string) => Number(row?.[column] ?? 0);
    return {
      total: n('total'),
      counts: {
        lsoaMissing: n('lsoa_missing'),
        lsoaUnknown: n('lsoa_unknown'),
        ethnicityNotStated: n('ethnicity_not_stated'),
        ethnicityNotKnown: n('ethnicity_not_known'),
        ethnicityGroupOnly: n('ethnicity_group_only'),
        sexNotKnown: n('sex_not_known'),
        ageMissing: n('age_missing'),
        dateMissing: n('date_missing'),
      },
    };
  };
  // An empty dataset gives no row for its periods and, on some databases, none at all.
  const overall = rows.find((r) => Number(r.all_periods) === 1);
  const byPeriod = rows
    .filter((r) => Number(r.all_periods) === 0)
    .map((r) => ({ period: String(r.period as string), ...countsOf(r) }))
    .sort((a, b) => periodOrder(a.period) - periodOrder(b.period) || (a.period < b.period ? -1 : 1));
  return { ...countsOf(overall), byPeriod };
}

/** Financial years first, in order; "Not known" (no date) last. */
const periodOrder = (period: string): number => (period === 'Not known' ? 1 : 0);
