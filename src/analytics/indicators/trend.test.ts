import { describe, expect, it } from 'vitest';
import { builtInIndicators } from './catalogue.ts';
import type { GroupEstimate, PublishedRow } from './result.ts';
import { trendFor } from './trend.ts';

const periods = ['2019/20', '2020/21', '2021/22', '2022/23', '2023/24'];
const dna = builtInIndicators().find((i) => i.id === 'did-not-attend')!;
const meanWait = builtInIndicators().find((i) => i.id === 'waiting-mean-weeks')!;

function overall(
  period: string,
  numerator: number,
  denominator: number,
  value: number,
  half: number,
): GroupEstimate {
  return {
    period,
    dimension: 'overall',
    group: 'All',
    numerator,
    denominator,
    denominatorIsPopulation: false,
    n: denominator,
    value,
    lower95: value - half,
    upper95: value + half,
    lower998: NaN,
    upper998: NaN,
    note: null,
  };
}
const shown = (period: string, value: number | null) =>
  ({ period, dimension: 'overall', value }) as PublishedRow;

describe('trend of an indicator', () => {
  it('tests proportions on their counts over the published periods', () => {
    const estimates = periods.map((p, i) => overall(p, 100 + 30 * i, 1000, 10 + 3 * i, 2));
    const trend = trendFor(
      dna,
      [...periods, 'Not known'],
      estimates,
      periods.map((p) => shown(p, 1)),
    );
    expect(trend.marker).toBe('increasing');
    expect(trend.periods).toEqual(periods);
    expect(trend.method).toContain('proportions');
  });

  it('tests means on their values and limits, and leaves out a suppressed period', () => {
    const estimates = periods.map((p, i) => overall(p, NaN, NaN, 20 - i, 0.3));
    expect(
      trendFor(
        meanWait,
        periods,
        estimates,
        periods.map((p) => shown(p, 1)),
      ).marker,
    ).toBe('decreasing');
    const oneHidden = periods.map((p, i) => shown(p, i === 2 ? null : 1));
    const trend = trendFor(meanWait, periods, estimates, oneHidden);
    expect(trend.marker).toBe('cannot be calculated');
    expect(trend.periods).toEqual([]);
  });
});
