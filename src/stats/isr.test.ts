import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRate, isRatio, smr } from './isr.ts';

const input = (x: number[], n: number[], xRef: number[], nRef: number[]) => ({
  x,
  n,
  xRef,
  nRef,
  groupOffsets: [0, x.length],
});

describe('indirect standardisation', () => {
  it('observed equal to expected gives a ratio of refvalue and a rate equal to the reference rate', () => {
    const data = input([10, 20], [1000, 2000], [100, 200], [10000, 20000]);
    expect(isRatio(data, { confidence: [0.95] }).value[0]).toBeCloseTo(1, 12);
    expect(smr(data, { confidence: [0.95] }).value[0]).toBeCloseTo(100, 10);
    const rate = isRate(data, { confidence: [0.95], multiplier: 1000 });
    expect(rate.refRate[0]).toBeCloseTo(10, 12);
    expect(rate.value[0]).toBeCloseTo(10, 10);
  });

  it('zero populations contribute nothing; NA reference counts and populations count as 0', () => {
    const out = isRatio(input([5, NaN], [0, NaN], [NaN, 10], [100, 100]), { confidence: [0.95] });
    expect(out.observed[0]).toBe(5);
    expect(out.expected[0]).toBe(0);
    expect(out.method).toEqual(['Exact']);
  });

  it('takes observed totals per group instead of stratum counts', () => {
    const out = isRatio(
      { observedTotals: [30, NaN], n: [1000, 1000], xRef: [1, 1], nRef: [100, 100], groupOffsets: [0, 1, 2] },
      { confidence: [0.95] },
    );
    expect(out.value[0]).toBeCloseTo(3, 12);
    expect(out.method).toEqual(['Byars', null]);
    expect(Number.isNaN(out.value[1])).toBe(true);
  });

  it.each([
    [{ x: [-1] }, 'numerators must all be greater than or equal to zero'],
    [{ n: [-1] }, 'denominators must all be greater than or equal to zero'],
  ])('refuses %j', (change, message) => {
    expect(() => isRatio({ ...input([1], [1], [1], [1]), ...change }, { confidence: [0.95] })).toThrow(
      message,
    );
  });

  it('limits bracket the ratio and widen with the confidence level', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 0.5, max: 5000, noNaN: true }),
        (observed, expected) => {
          const out = isRatio(input([observed], [expected], [1], [1]), { confidence: [0.95, 0.998] });
          const value = out.value[0] as number;
          const tolerance = 1e-9 * Math.max(1, value);
          expect(out.lower[0]?.[0]).toBeLessThanOrEqual(value + tolerance);
          expect(out.upper[0]?.[0]).toBeGreaterThanOrEqual(value - tolerance);
          expect(out.lower[1]?.[0]).toBeLessThanOrEqual((out.lower[0]?.[0] as number) + tolerance);
          expect(out.upper[1]?.[0]).toBeGreaterThanOrEqual((out.upper[0]?.[0] as number) - tolerance);
        },
      ),
    );
  });
});
