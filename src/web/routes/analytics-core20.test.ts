import { describe, expect, it } from 'vitest';
import type { IndicatorResult, PublishedRow, SummaryMeasure } from '../../analytics/indicators/result.ts';
import { core20View } from './analytics-core20.ts';
import { publishedRow } from './published-row.test-util.ts';

const row = (period: string, group: string, value: number | null): PublishedRow =>
  publishedRow({
    period,
    dimension: 'core20',
    group,
    order: group === 'Core20' ? '1' : '2',
    value,
    valueText: value === null ? '*' : value.toFixed(1),
    lower95: value === null ? null : value - 1,
    upper95: value === null ? null : value + 1,
  });

const difference = (period: string, value: number, halfWidth: number): SummaryMeasure => ({
  period,
  dimension: 'core20',
  measure: 'd',
  label: 'Difference between the ends (WHO D)',
  value,
  lower: value - halfWidth,
  upper: value + halfWidth,
});

const resultOf = (rows: PublishedRow[], summaries: SummaryMeasure[], polarity = 'low-is-good') =>
  ({
    title: 'Appointments not attended',
    unit: '%',
    polarity,
    periods: ['2022/23', '2023/24', '2024/25', 'Not known'],
    rows,
    summaries,
  }) as unknown as IndicatorResult;

const everyPeriod = [
  row('2022/23', 'Core20', 15.7),
  row('2022/23', 'Rest of the population', 8.5),
  row('2023/24', 'Core20', 14.6),
  row('2023/24', 'Rest of the population', null),
  row('2024/25', 'Core20', 12.9),
  // Rows whose area is not known are neither group.
  { ...row('2024/25', 'Not known', 3), order: '0' },
  row('2024/25', 'Rest of the population', 8.4),
  row('Not known', 'Core20', 30),
  row('Not known', 'Rest of the population', 20),
];

describe('the Core20 and the rest over time, on the indicator page', () => {
  it('sets each period’s two values beside the difference between them, and compares its first and latest', () => {
    const view = core20View(
      resultOf(everyPeriod, [difference('2022/23', 7.2, 1), difference('2024/25', 4.5, 1)]),
    );
    expect(view?.sentences).toEqual([
      'The difference between the Core20 and the rest (WHO difference, in percentage points, positive when the Core20 fare worse) was 7.20 (6.20 to 8.20) in 2022/23 and 4.50 (3.50 to 5.50) in 2024/25.',
      'Their 95% intervals do not overlap, so the gap is narrower than in 2022/23.',
      'Recent trend of the gap: not tested, as a trend needs the difference of 5 periods.',
    ]);
    // Rows whose date could not be read are no period of the trend.
    expect(view?.rows.map((r) => r.period)).toEqual(['2022/23', '2023/24', '2024/25']);
    expect(view?.rows[1]).toEqual({
      period: '2023/24',
      core20: '14.6',
      core20Interval: '13.6 to 15.6',
      rest: '*',
      restInterval: '–',
      difference: '–',
      differenceInterval: '–',
    });
    expect(view?.rows[2]).toMatchObject({
      rest: '8.4',
      difference: '4.50',
      differenceInterval: '3.50 to 5.50',
    });
    expect(view?.restLabel).toBe('Rest of the population');
    expect(view?.differenceHeading).toBe('Difference (percentage points)');
    // The Core20 as circles and the rest as squares; a hidden value is left out of the chart.
    expect(view?.chart.match(/<circle /g)).toHaveLength(3);
    expect(view?.chart.match(/<path d="M-[\d.]+,-[\d.]+h/g)).toHaveLength(2);
  });

  it('says when the difference cannot be compared, and what it means where neither end is better', () => {
    const view = core20View(resultOf(everyPeriod, [difference('2024/25', 4.5, 1)], 'no-judgement'));
    expect(view?.sentences).toEqual([
      'The difference between the Core20 and the rest cannot be compared over time: it needs the difference of at least two periods, and a period has none when either value is hidden or too uncertain to give one.',
    ]);
    const both = core20View(
      resultOf(everyPeriod, [difference('2022/23', 7.2, 1), difference('2024/25', 6.5, 1)], 'no-judgement'),
    );
    expect(both?.sentences[0]).toContain('positive when the Core20 have the higher value');
    expect(both?.sentences[1]).toBe(
      'Their 95% intervals overlap, so there is no significant change in the gap since 2022/23.',
    );
  });

  it('tests five periods of the difference for a recent trend, as the SII is tested', () => {
    const periods = ['2020/21', '2021/22', '2022/23', '2023/24', '2024/25'];
    const rows = periods.flatMap((p, i) => [
      row(p, 'Core20', 20 - 2 * i),
      row(p, 'Rest of the population', 10),
    ]);
    const narrowing = periods.map((p, i) => difference(p, 10 - 2 * i, 0.5));
    const view = core20View({ ...resultOf(rows, narrowing), periods });
    expect(view?.sentences[2]).toMatch(
      /^Recent trend of the gap: narrowing over 2020\/21 to 2024\/25 \(weighted least-squares chi-square test for trend of the difference, Fingertips recent trend, 99\.8%, chi-square \d+\.\d{2}\)\.$/,
    );
    const flat = periods.map((p) => difference(p, 5, 3));
    expect(core20View({ ...resultOf(rows, flat), periods })?.sentences[2]).toMatch(
      /^Recent trend of the gap: no significant change over 2020\/21 to 2024\/25 /,
    );
  });

  it('is not shown without two periods that have both groups', () => {
    expect(core20View(resultOf(everyPeriod.slice(0, 3), []))).toBeNull();
    expect(core20View(resultOf([], []))).toBeNull();
  });
});
