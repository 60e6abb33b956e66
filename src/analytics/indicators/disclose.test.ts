import { describe, expect, it } from 'vitest';
import { builtInIndicators } from './catalogue.ts';
import { publishBreakdown } from './disclose.ts';
import type { GroupEstimate } from './result.ts';

const dnaRate = builtInIndicators().find((i) => i.id === 'did-not-attend');
if (!dnaRate) throw new Error('the catalogue has no did-not-attend indicator');

const estimate = (group: string, numerator: number, denominator: number): GroupEstimate => ({
  period: '2024/25',
  dimension: 'imd_decile',
  group,
  numerator,
  denominator,
  denominatorIsPopulation: false,
  n: denominator,
  value: (numerator / denominator) * 100,
  lower95: NaN,
  upper95: NaN,
  lower998: NaN,
  upper998: NaN,
  note: null,
});

describe('publishing a breakdown', () => {
  // Decile 1 has 3 events (hidden as a small number); the column of events has a published total,
  // so the next smallest count, decile 3's 16, is hidden as well to stop 3 being worked out.
  const rows = publishBreakdown(
    dnaRate,
    [estimate('1', 3, 120), estimate('2', 60, 240), estimate('3', 16, 290)],
    undefined,
  );
  const byGroup = new Map(rows.map((r) => [r.group, r]));

  it('says a value hidden for its own small count is a small number', () => {
    expect(byGroup.get('1')).toMatchObject({ numerator: '*', value: null });
    expect(byGroup.get('1')?.note).toBe('Small numbers suppressed to protect confidentiality');
  });

  it('says a value hidden only to protect another group is hidden for that reason', () => {
    expect(byGroup.get('3')).toMatchObject({ numerator: '*', denominator: '290', value: null });
    expect(byGroup.get('3')?.note).toBe('Suppressed so that other small numbers cannot be worked out');
  });

  it('publishes the other groups from their rounded counts, with no note', () => {
    expect(byGroup.get('2')).toMatchObject({ numerator: '60', denominator: '240', value: 25, note: null });
  });
});
