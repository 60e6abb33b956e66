import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignQuantiles, minRanks, parseInvert, quantileGroups, TOO_FEW_WARNING } from './quantiles.ts';

const valuesArb = fc.array(
  fc.oneof(fc.integer({ min: 0, max: 30 }), fc.double({ min: -1e3, max: 1e3, noNaN: true })),
  {
    minLength: 10,
    maxLength: 200,
  },
);

describe('phe_quantile formula', () => {
  it("ranks ties at the lowest rank, as R's rank(ties = 'min')", () => {
    expect(minRanks([3, 1, 3, NaN, 2])).toEqual([3, 1, 3, NaN, 2]);
    expect(minRanks([5, 5, 5, 1])).toEqual([2, 2, 2, 1]);
  });
  it('gives NaN for missing values and for groups smaller than the number of quantiles', () => {
    expect(assignQuantiles([1, NaN, 2, 3, 4, 5], 5, false).quantiles).toEqual([1, NaN, 2, 3, 4, 5]);
    expect(assignQuantiles([1, 2, 3], 5, false)).toEqual({ quantiles: [NaN, NaN, NaN], tooFew: true });
    expect(quantileGroups([{ key: 'a', values: [1, 2], invert: true }], 4).warnings).toEqual([
      TOO_FEW_WARNING,
    ]);
  });
  it('refuses a number of quantiles that is not a whole number of at least 1', () => {
    expect(() => assignQuantiles([1, 2], 0, false)).toThrow(
      'nquantiles must be a whole number of at least 1',
    );
  });
  it('reads polarity fields', () => {
    expect(['RAG - Low is good', 'RAG - High is good', 'TRUE', 'FALSE', true, 'x'].map(parseInvert)).toEqual([
      true,
      false,
      true,
      false,
      true,
      undefined,
    ]);
  });
  it('property: quantiles lie in 1..k, rise with the value, invert flips the order, quantile 1 is used', () => {
    fc.assert(
      fc.property(valuesArb, fc.integer({ min: 2, max: 10 }), (values, k) => {
        const up = assignQuantiles(values, k, false).quantiles;
        const down = assignQuantiles(values, k, true).quantiles;
        const inRange = [...up, ...down].every((q) => Number.isInteger(q) && q >= 1 && q <= k);
        const monotone = values.every((a, i) =>
          values.every(
            (b, j) =>
              !(a < b) ||
              ((up[i] as number) <= (up[j] as number) && (down[i] as number) >= (down[j] as number)),
          ),
        );
        return inRange && monotone && up.includes(1) && down.includes(1);
      }),
      { numRuns: 100 },
    );
  });
  it('property: quantile groups are near equal in size when values are distinct', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer(), { minLength: 20, maxLength: 300 }),
        fc.integer({ min: 2, max: 10 }),
        (values, k) => {
          const q = assignQuantiles(values, k, false).quantiles;
          const sizes = Array.from({ length: k }, (_v, i) => q.filter((x) => x === i + 1).length);
          return Math.max(...sizes) - Math.min(...sizes) <= 1;
        },
      ),
    );
  });
  it('property: shifting or positively scaling the values changes nothing', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 10, maxLength: 100 }),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 1, max: 9 }),
        (values, shift, factor) => {
          const base = assignQuantiles(values, 5, true).quantiles;
          const moved = assignQuantiles(
            values.map((v) => v * factor + shift),
            5,
            true,
          ).quantiles;
          return base.every((q, i) => q === moved[i]);
        },
      ),
    );
  });
});
