import { describe, expect, it } from 'vitest';
import { recordingView } from './analytics-recording.ts';

const none = {
  lsoaMissing: 0,
  lsoaUnknown: 0,
  ethnicityNotStated: 0,
  ethnicityNotKnown: 0,
  ethnicityGroupOnly: 0,
  sexNotKnown: 0,
  ageMissing: 0,
  dateMissing: 0,
};

describe('the recording table of a dataset page', () => {
  it('never shows a share as 0.0% or 100.0% when a few rows make it not so', () => {
    // One unknown LSOA in 9,000 rows: 99.99% recorded, 0.01% not.
    const quality = { total: 9000, counts: { ...none, lsoaUnknown: 1 } };
    const view = recordingView({
      ...quality,
      byPeriod: [
        { ...quality, period: '2023/24' },
        { total: 10, counts: none, period: '2024/25' },
      ],
    });
    expect(view.rows.find((r) => r.label === 'LSOA code not in the reference geography')?.share).toBe(
      'under 0.1%',
    );
    expect(view.rows.find((r) => r.label === 'Age not recorded')?.share).toBe('0.0%');
    expect(view.byPeriod.map((p) => p.area)).toEqual(['over 99.9%', '100.0%']);
    expect(view.ethnicityRecorded).toBe('100.0%');
  });
});
