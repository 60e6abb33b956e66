// The dataset page's table of recording quality: what is not recorded, or recorded as not known,
// with the share of rows.
import type { RecordingQuality } from '../../analytics/queries/recording-quality.ts';

const labels: [keyof RecordingQuality['counts'], string][] = [
  ['lsoaMissing', 'Area of residence (LSOA code) not recorded'],
  ['lsoaUnknown', 'LSOA code not in the reference geography'],
  ['ethnicityNotStated', 'Ethnic group not stated (Z)'],
  ['ethnicityNotKnown', 'Ethnic group not known (99) or not recorded'],
  ['sexNotKnown', 'Sex not known or not recorded'],
  ['ageMissing', 'Age not recorded'],
  ['dateMissing', 'Date not recorded'],
];

const share = (count: number, total: number): string =>
  total === 0 ? '–' : `${((100 * count) / total).toFixed(1)}%`;

function recordingRows(quality: RecordingQuality): { label: string; rows: number; share: string }[] {
  return labels.map(([key, label]) => ({
    label,
    rows: quality.counts[key],
    share: share(quality.counts[key], quality.total),
  }));
}

/** "Ethnic group is recorded for 93.1% of rows": stated, neither Z, 99 nor blank. */
function ethnicityRecorded(quality: RecordingQuality): string {
  const { ethnicityNotStated, ethnicityNotKnown } = quality.counts;
  const recorded = quality.total - ethnicityNotStated - ethnicityNotKnown;
  return share(recorded, quality.total);
}

/** What the dataset page shows of a dataset's recording quality. */
export const recordingView = (quality: RecordingQuality) => ({
  total: quality.total,
  rows: recordingRows(quality),
  ethnicityRecorded: ethnicityRecorded(quality),
});
