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
  it('gives the groups in display order: deciles by number, "Not known" last', () => {
    const rows = publishBreakdown(
      dnaRate,
      ['1', '10', '2', 'Not known', '9'].map((g) => estimate(g, 20, 100)),
      null,
    );
    expect(rows.map((r) => r.group)).toEqual(['1', '2', '9', '10', 'Not known']);
  });

  const publish = (counts: [string, number, number][]) =>
    new Map(
      publishBreakdown(
        dnaRate,
        counts.map(([group, numerator, denominator]) => estimate(group, numerator, denominator)),
        null,
      ).map((r) => [r.group, r]),
    );

  it('hides a small count and lets rounding protect it, publishing the rest from rounded counts', () => {
    // 3 is hidden; 79 events in all publish as 80, 60 as 60 and 16 as 15, so 3 could be 1 to 7.
    const rows = publish([
      ['1', 3, 120],
      ['2', 60, 240],
      ['3', 16, 290],
    ]);
    expect(rows.get('1')).toMatchObject({ numerator: '*', value: null });
    expect(rows.get('1')?.note).toBe('Small numbers suppressed to protect confidentiality');
    expect(rows.get('2')).toMatchObject({ numerator: '60', denominator: '240', value: 25, note: null });
    expect(rows.get('3')).toMatchObject({ numerator: '15', denominator: '290', note: null });
    expect(rows.get('3')?.value).toBeCloseTo((15 / 290) * 100, 10);
  });

  it('says a value hidden only to protect another group is hidden for that reason', () => {
    // 17 events publish as 15 and each 8 as 10: 15 + 2 − 8 − 8 = 1 would give the hidden 1 away.
    const rows = publish([
      ['1', 1, 120],
      ['2', 8, 240],
      ['3', 8, 290],
    ]);
    expect(rows.get('2')).toMatchObject({ numerator: '*', denominator: '240', value: null });
    expect(rows.get('2')?.note).toBe('Suppressed so that other small numbers cannot be worked out');
    expect(rows.get('3')).toMatchObject({ numerator: '10', denominator: '290', note: null });
  });
});
