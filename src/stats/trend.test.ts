import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recentTrend, recentTrendForProportions, TREND_CHI_SQUARE } from './trend.ts';

const point = (value: number, halfWidth: number) => ({
  value,
  lower95: value - halfWidth,
  upper95: value + halfWidth,
});

describe('recentTrend (values with 95% limits)', () => {
  it('finds a steady rise significant and gives the weighted least-squares chi-square', () => {
    // Equal weights: SE = 3.92/3.92 = 1, so b = 1 (the OLS slope) and SE(b) = 1/√10.
    const out = recentTrend([10, 11, 12, 13, 14].map((v) => point(v, 1.96)));
    expect(out.slope).toBeCloseTo(1, 12);
    expect(out.chiSquare).toBeCloseTo(10, 10);
    expect(out.marker).toBe('increasing');
    expect(out.pointsUsed).toBe(5);
  });

  it('uses the five most recent points only', () => {
    const out = recentTrend([50, 14, 13, 12, 11, 10].map((v) => point(v, 1.96)));
    expect(out.marker).toBe('decreasing');
    expect(out.slope).toBeCloseTo(-1, 12);
  });

  it('is not significant below the 99.8% chi-square or when leaving a point out flips the slope', () => {
    expect(recentTrend([10, 10.5, 11, 11.5, 12].map((v) => point(v, 1.96))).marker).toBe(
      'no significant change',
    );
    // A strong overall rise carried by the last point alone: without it the slope is negative.
    const flipped = recentTrend([
      point(10, 0.2),
      point(9.9, 0.2),
      point(9.8, 0.2),
      point(9.7, 0.2),
      point(20, 0.2),
    ]);
    expect(flipped.chiSquare).toBeGreaterThan(TREND_CHI_SQUARE);
    expect(flipped.marker).toBe('no significant change');
  });

  it('cannot be calculated from fewer than five points with limits', () => {
    const out = recentTrend([10, 11, 12, 13].map((v) => point(v, 1)));
    expect(out.marker).toBe('cannot be calculated');
    expect(out.message).toContain('5 periods');
    expect(
      recentTrend([...[10, 11, 12, 13].map((v) => point(v, 1)), { value: 14, lower95: NaN, upper95: NaN }])
        .marker,
    ).toBe('cannot be calculated');
  });

  it('gives mirrored values the same chi-square and never the same rising direction', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 5, maxLength: 5 }),
        (values) => {
          const up = recentTrend(values.map((v) => point(v, 1)));
          const down = recentTrend(values.map((v) => point(-v, 1)));
          expect(down.chiSquare).toBeCloseTo(up.chiSquare, 6);
          expect(up.marker === 'increasing' && down.marker === 'increasing').toBe(false);
        },
      ),
    );
  });
});

describe('recentTrendForProportions (Armitage chi-square for trend)', () => {
  it('gives the chi-square for trend of the counts', () => {
    const points = [
      { count: 100, denominator: 1000 },
      { count: 120, denominator: 1000 },
      { count: 140, denominator: 1000 },
      { count: 160, denominator: 1000 },
      { count: 180, denominator: 1000 },
    ];
    // By hand: N = 5000, R = 700, Σr·t = 2300, Σn·t = 15000, Σn·t² = 55000, so
    // χ² = 5000 · (5000·2300 − 700·15000)² / (700 · 4300 · (5000·55000 − 15000²)) = 33.2226.
    const expected = 5e15 / 1.505e14;
    const out = recentTrendForProportions(points);
    expect(out.chiSquare).toBeCloseTo(expected, 10);
    expect(out.marker).toBe('increasing');
  });

  it('finds no trend in flat proportions and cannot test a proportion of 0 or 1', () => {
    const flat = Array.from({ length: 5 }, () => ({ count: 50, denominator: 500 }));
    expect(recentTrendForProportions(flat).marker).toBe('no significant change');
    expect(recentTrendForProportions([...flat.slice(1), { count: 0, denominator: 500 }]).marker).toBe(
      'cannot be calculated',
    );
  });

  it('reports a fall in the proportion as decreasing', () => {
    const falling = [300, 280, 250, 220, 200].map((count) => ({ count, denominator: 1000 }));
    expect(recentTrendForProportions(falling).marker).toBe('decreasing');
  });
});
