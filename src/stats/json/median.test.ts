import { describe, expect, it } from 'vitest';
import { runJsonMethod } from './index.ts';

// Twenty values 1 … 20 (given in reverse): median 10.5; the 95% limits are the 6th and 15th values
// (Campbell & Gardner, BMJ 1988, table for n = 20). For 99.8%, with B ~ Binomial(20, ½),
// P(B ≤ 2) = 211/2^20 ≈ 0.0002 ≤ 0.001 < P(B ≤ 3) ≈ 0.0013, so the 3rd and 18th values.
const rows = Array.from({ length: 20 }, (_v, i) => ({ x: 20 - i }));

describe('median JSON method', () => {
  it('gives the median and the order statistics at the tabulated ranks', () => {
    const [row] = runJsonMethod('median', { params: { confidence: [0.95, 0.998] }, rows }).rows;
    expect(row).toMatchObject({
      value_count: 20,
      value: 10.5,
      lower95_0cl: 6,
      upper95_0cl: 15,
      lower99_8cl: 3,
      upper99_8cl: 18,
      statistic: 'median',
    });
  });

  it('skips missing values, groups rows and says when a group is too small for limits', () => {
    const out = runJsonMethod('median', {
      params: { groupBy: ['area'] },
      rows: [
        { area: 'A', x: 3 },
        { area: 'A', x: null },
        { area: 'A', x: 1 },
        { area: 'B', x: 5 },
      ],
    }).rows;
    expect(out.map((r) => [r.area, r.value_count, r.value, r.lowercl])).toEqual([
      ['A', 2, 2, null],
      ['B', 1, 5, null],
    ]);
  });
});
