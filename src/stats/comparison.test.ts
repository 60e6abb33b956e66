import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAll, compareAtBothLevels, compareIntervals, compareWithBenchmark } from './comparison.ts';

const area = { value: 12, lower: 10.5, upper: 13.5 };

describe('compareWithBenchmark', () => {
  it('is similar when the benchmark lies inside the area interval, limits included', () => {
    expect(compareWithBenchmark(area, 11, 'high-is-good')).toBe('similar');
    expect(compareWithBenchmark(area, 10.5, 'low-is-good')).toBe('similar');
    expect(compareWithBenchmark(area, 13.5, 'no-judgement')).toBe('similar');
  });

  it('applies the polarity', () => {
    expect(compareWithBenchmark(area, 9, 'high-is-good')).toBe('better');
    expect(compareWithBenchmark(area, 9, 'low-is-good')).toBe('worse');
    expect(compareWithBenchmark(area, 9, 'no-judgement')).toBe('higher');
    expect(compareWithBenchmark(area, 15, 'high-is-good')).toBe('worse');
    expect(compareWithBenchmark(area, 15, 'low-is-good')).toBe('better');
    expect(compareWithBenchmark(area, 15, 'no-judgement')).toBe('lower');
  });

  it('does not compare missing values, limits or benchmarks', () => {
    expect(compareWithBenchmark({ ...area, lower: NaN }, 9, 'high-is-good')).toBe('not compared');
    expect(compareWithBenchmark({ ...area, value: NaN }, 9, 'high-is-good')).toBe('not compared');
    expect(compareWithBenchmark(area, NaN, 'high-is-good')).toBe('not compared');
  });

  it('gives an outcome at 95% and at 99.8%', () => {
    const twoLevel = { value: 12, lower95: 11, upper95: 13, lower998: 9.5, upper998: 14.5 };
    expect(compareAtBothLevels(twoLevel, 10, 'high-is-good')).toEqual({ at95: 'better', at998: 'similar' });
    expect(compareAtBothLevels(twoLevel, 9, 'low-is-good')).toEqual({ at95: 'worse', at998: 'worse' });
    expect(compareAtBothLevels(twoLevel, 12, 'low-is-good')).toEqual({ at95: 'similar', at998: 'similar' });
  });

  it('compares many areas at once', () => {
    expect(compareAll({ value: [1, 5], lower: [0.5, 4], upper: [1.5, 6] }, 3, 'high-is-good')).toEqual([
      'worse',
      'better',
    ]);
  });

  it('swapping polarity swaps better and worse; a 99.8% difference is a 95% difference', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (value, half95, extra, benchmark) => {
          const estimate = {
            value,
            lower95: value - half95,
            upper95: value + half95,
            lower998: value - half95 - extra,
            upper998: value + half95 + extra,
          };
          const high = compareAtBothLevels(estimate, benchmark, 'high-is-good');
          const low = compareAtBothLevels(estimate, benchmark, 'low-is-good');
          const swap = { better: 'worse', worse: 'better', similar: 'similar' } as Record<string, string>;
          expect(low.at95).toBe(swap[high.at95]);
          if (high.at998 !== 'similar') expect(high.at95).toBe(high.at998);
        },
      ),
    );
  });
});

describe('compareIntervals (both intervals, as Fingertips compares two areas)', () => {
  const first = { value: 12, lower: 10.5, upper: 13.5 };

  it('is similar when the intervals overlap, touching limits included', () => {
    expect(compareIntervals(first, { value: 15, lower: 13.5, upper: 16 }, 'high-is-good')).toBe('similar');
    expect(compareIntervals(first, { value: 9, lower: 8, upper: 10.5 }, 'low-is-good')).toBe('similar');
    // The other value lies outside the first's interval, but the intervals still overlap.
    expect(compareIntervals(first, { value: 14, lower: 13, upper: 15 }, 'high-is-good')).toBe('similar');
  });

  it('says how the first compares with the second, by the polarity, when they do not overlap', () => {
    const lower = { value: 8, lower: 7, upper: 9 };
    expect(compareIntervals(first, lower, 'high-is-good')).toBe('better');
    expect(compareIntervals(first, lower, 'low-is-good')).toBe('worse');
    expect(compareIntervals(first, lower, 'no-judgement')).toBe('higher');
    expect(compareIntervals(lower, first, 'high-is-good')).toBe('worse');
    expect(compareIntervals(lower, first, 'low-is-good')).toBe('better');
    expect(compareIntervals(lower, first, 'no-judgement')).toBe('lower');
  });

  it('does not compare a missing value or limit', () => {
    expect(compareIntervals(first, { value: 8, lower: NaN, upper: 9 }, 'high-is-good')).toBe('not compared');
    expect(compareIntervals({ ...first, value: NaN }, first, 'high-is-good')).toBe('not compared');
  });

  it('is symmetric: swapping the two swaps better and worse', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (a, halfA, b, halfB) => {
          const x = { value: a, lower: a - halfA, upper: a + halfA };
          const y = { value: b, lower: b - halfB, upper: b + halfB };
          const swapped = { better: 'worse', worse: 'better', similar: 'similar' } as const;
          const there = compareIntervals(x, y, 'high-is-good') as keyof typeof swapped;
          expect(compareIntervals(y, x, 'high-is-good')).toBe(swapped[there]);
        },
      ),
    );
  });
});
