import { describe, expect, it } from 'vitest';
import type { PublishedRow } from '../../analytics/indicators/result.ts';
import { comparedWithOf } from '../../analytics/indicators/compared-with.ts';
import { breakdownSummary, chartKey, countOf, displayRow } from './analytics-breakdown.ts';

const row = (overrides: Partial<PublishedRow>): PublishedRow => ({
  period: '2024/25',
  dimension: 'ward',
  group: 'Abbey',
  order: 'Abbey',
  numerator: '1440',
  denominator: '17390',
  value: 8.3,
  valueText: '8.3',
  lower95: 7.9,
  upper95: 9,
  lower998: 7.5,
  upper998: 9.3,
  comparison: 'similar',
  flag: null,
  note: null,
  ...overrides,
});

describe('a row as the page shows it', () => {
  it('separates thousands, keeps the decimals of the interval and names the comparison', () => {
    expect(displayRow(row({}))).toMatchObject({
      label: 'Abbey',
      numerator: '1,440',
      denominator: '17,390',
      value: '8.3',
      interval: '7.9 to 9.0',
      comparison: 'Similar to overall',
    });
  });

  it('says a rate by ethnic group is compared with all the groups together, as it is worked out', () => {
    const against = comparedWithOf({ statistic: 'crude-rate' }, 'ethnic_detailed');
    expect(against).toBe('all groups');
    expect(displayRow(row({ dimension: 'ethnic_detailed', comparison: 'worse' }), against).comparison).toBe(
      'Worse than all groups',
    );
    // Any other breakdown, and a proportion by ethnic group, against the overall value.
    expect(comparedWithOf({ statistic: 'crude-rate' }, 'ward')).toBe('overall');
    expect(comparedWithOf({ statistic: 'proportion' }, 'ethnic_broad')).toBe('overall');
    expect(displayRow(row({ comparison: 'not compared' }), against).comparison).toBe('Not compared');
  });

  it('names sex groups in words', () => {
    expect(displayRow(row({ dimension: 'sex', group: 'U' })).label).toBe('Not known');
  });

  it('keeps suppressed counts and values, and marks a less reliable value', () => {
    const shown = displayRow(
      row({ numerator: '*', valueText: ':', value: null, lower95: null, upper95: null, flag: null }),
    );
    expect(shown).toMatchObject({ numerator: '*', value: ':', interval: '–' });
    expect(displayRow(row({ flag: 'u' })).value).toBe('8.3 (u)');
  });
});

describe('a long breakdown at a glance', () => {
  const rows = [
    row({ group: 'Abbey', value: 8.3, valueText: '8.3', comparison: 'similar' }),
    row({ group: 'Castle', value: 12.25, valueText: '12.3', comparison: 'worse' }),
    row({ group: 'Dane Hills', value: 3.1, valueText: '3.1', comparison: 'better' }),
    row({ group: 'Eyres Monsell', value: 11, valueText: '11.0', comparison: 'worse' }),
    row({ group: 'Not known', value: 30, valueText: '30.0', comparison: 'worse' }),
  ];

  it('counts how many groups are worse, better or similar, and names the highest and lowest', () => {
    expect(breakdownSummary('ward', rows, '%')).toEqual([
      'Compared with the overall value: 3 of the 5 wards worse, 1 better and 1 similar.',
      'Highest: Castle (12.3%). Lowest: Dane Hills (3.1%).',
    ]);
  });

  it('says nothing of highest and lowest when fewer than two groups have a value', () => {
    expect(breakdownSummary('ward', rows.slice(0, 1), '%')).toEqual([
      'Compared with the overall value: 1 of the 1 ward similar.',
    ]);
  });

  it('counts in the breakdown’s own words', () => {
    expect(countOf('ward', 100)).toBe('100 wards');
    expect(countOf('ethnic_detailed', 1)).toBe('1 ethnic group');
    expect(countOf('flag_smi', 2)).toBe('2 groups');
  });
});

describe('the key to a chart', () => {
  it('explains the dashed line only where the chart draws one', () => {
    expect(chartKey('decile', true).map((k) => k.mark)).toEqual(['bar', 'whisker', 'dashed']);
    expect(chartKey('decile', false).map((k) => k.mark)).toEqual(['bar', 'whisker']);
    expect(chartKey('trend', false).map((k) => k.mark)).toEqual(['dot', 'whisker']);
    expect(chartKey('gap', false).map((k) => k.mark)).toEqual(['dot', 'whisker']);
  });
});
