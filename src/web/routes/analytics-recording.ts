// The dataset page's table of recording quality: what is not recorded, or recorded as not known,
// with the share of rows.
import type { RecordingCounts, RecordingQuality } from '../../analytics/queries/recording-quality.ts';

const labels: [keyof RecordingQuality['counts'], string][] = [
  ['lsoaMissing', 'Area of residence (LSOA code) not recorded'],
  ['lsoaUnknown', 'LSOA code not in the reference geography'],
  ['ethnicityNotStated', 'Ethnic group not stated (Z)'],
  ['ethnicityNotKnown', 'Ethnic group not known (99) or not recorded'],
  ['ethnicityGroupOnly', 'Ethnic group recorded without its category (such as “Asian”)'],
  ['sexNotKnown', 'Sex not known or not recorded'],
  ['ageMissing', 'Age not recorded'],
  ['dateMissing', 'Date not recorded'],
];

/** A share to one decimal place, never rounded to 0.0% or 100.0% when it is not exactly so. */
export function share(count: number, total: number): string {
  if (total === 0) return '–';
  const shown = ((100 * count) / total).toFixed(1);
  if (shown === '100.0' && count < total) return 'over 99.9%';
  if (shown === '0.0' && count > 0) return 'under 0.1%';
  return `${shown}%`;
}

function recordingRows(quality: RecordingCounts): { label: string; rows: number; share: string }[] {
  return labels.map(([key, label]) => ({
    label,
    rows: quality.counts[key],
    share: share(quality.counts[key], quality.total),
  }));
}

/** "Ethnic group is recorded for 93.1% of rows": stated, neither Z, 99 nor blank. */
function ethnicityRecorded(quality: RecordingCounts): string {
  const { ethnicityNotStated, ethnicityNotKnown } = quality.counts;
  const recorded = quality.total - ethnicityNotStated - ethnicityNotKnown;
  return share(recorded, quality.total);
}

/** Each period's share of rows recording each of who and where, so that a change can be seen. */
function periodRows(quality: RecordingQuality) {
  return quality.byPeriod.map((p) => ({
    period: p.period === 'Not known' ? 'Date not known' : p.period,
    rows: p.total,
    ethnicity: ethnicityRecorded(p),
    area: share(p.total - p.counts.lsoaMissing - p.counts.lsoaUnknown, p.total),
    sex: share(p.total - p.counts.sexNotKnown, p.total),
    age: share(p.total - p.counts.ageMissing, p.total),
  }));
}

/**
 * When most rows have no known area (no LSOA code, or one the reference geography does not hold),
 * their share: the gaps by deprivation and place then rest on the few rows left, which the page
 * says before anything else.
 */
function areasMostlyUnknown(quality: RecordingCounts): { share: string; all: boolean } | null {
  const unknown = quality.counts.lsoaMissing + quality.counts.lsoaUnknown;
  if (quality.total === 0 || unknown * 2 <= quality.total) return null;
  return { share: share(unknown, quality.total), all: unknown === quality.total };
}

/** What the dataset page shows of a dataset's recording quality (by period when there are several). */
export const recordingView = (quality: RecordingQuality) => ({
  total: quality.total,
  rows: recordingRows(quality),
  ethnicityRecorded: ethnicityRecorded(quality),
  byPeriod: quality.byPeriod.length > 1 ? periodRows(quality) : [],
  areasUnknown: areasMostlyUnknown(quality),
});
