// Builds the recording-quality query of a dataset (queries/recording-quality.sql) and reads its row.
import { literal } from '../sql-text.ts';
import type { SqlRow } from '../store.ts';
import type { Relations } from './indicator-aggregates.ts';
import { fillTemplate } from './template.ts';

export interface RecordingQuality {
  total: number;
  /** Rows by what is not recorded or recorded as not known. */
  counts: {
    lsoaMissing: number;
    lsoaUnknown: number;
    ethnicityNotStated: number;
    ethnicityNotKnown: number;
    sexNotKnown: number;
    ageMissing: number;
    dateMissing: number;
  };
}

export function recordingQualitySql(relations: Relations, vintage: string): string {
  return fillTemplate('recording-quality', {
    activity: relations.activity,
    geography: relations.geography,
    vintage: literal(vintage),
  });
}

export function readRecordingQuality(row: SqlRow | undefined): RecordingQuality {
  const n = (column: string) => Number(row?.[column] ?? 0);
  return {
    total: n('total'),
    counts: {
      lsoaMissing: n('lsoa_missing'),
      lsoaUnknown: n('lsoa_unknown'),
      ethnicityNotStated: n('ethnicity_not_stated'),
      ethnicityNotKnown: n('ethnicity_not_known'),
      sexNotKnown: n('sex_not_known'),
      ageMissing: n('age_missing'),
      dateMissing: n('date_missing'),
    },
  };
}
