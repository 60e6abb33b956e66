import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directlyStandardisedRates, directlyStandardisedRatesNonIndependent, dsrStatistic } from './dsr.ts';
import { ESP2013 } from './standard-populations.ts';

const weights = ESP2013.weights;
const oneGroup = (x: number[], n: number[], stdpop: readonly number[] = weights) => ({
  x,
  n,
  stdpop,
  groupOffsets: [0, x.length],
});

describe('directlyStandardisedRates', () => {
  it('suppresses groups with fewer than 10 events and counts NA events as 0', () => {
    const x = weights.map((_, i) => (i === 0 ? 9 : i === 1 ? NaN : 0));
    const out = directlyStandardisedRates(
      oneGroup(
        x,
        weights.map(() => 1000),
      ),
      { confidence: [0.95] },
    );
    expect(out.totalCount[0]).toBe(9);
    expect(out.suppressed[0]).toBe(1);
    expect(Number.isNaN(out.value[0])).toBe(true);
    expect(Number.isNaN(out.upper[0]?.[0])).toBe(true);
  });

  it.each([
    [{ x: [-1] }, 'numerators must all be greater than or equal to zero'],
    [{ n: [0] }, 'denominators must all be greater than zero'],
    [{ n: [NaN] }, 'field n cannot have missing values'],
    [{ stdpop: [NaN] }, 'field stdpop cannot have missing values'],
    [{ stdpop: [-5] }, 'stdpop must all be greater than or equal to zero'],
  ])('refuses %j', (change, message) => {
    const input = { ...oneGroup([20], [100], [100]), ...change };
    expect(() => directlyStandardisedRates(input, { confidence: [0.95] })).toThrow(message);
  });

  it('labels the statistic', () => {
    expect(dsrStatistic(100000)).toBe('dsr per 100000');
  });

  const band = fc.record({ rate: fc.double({ min: 0, max: 0.2, noNaN: true }) });
  it('equals the crude rate when the age structure is the standard’s', () => {
    fc.assert(
      fc.property(
        fc.array(band, { minLength: 19, maxLength: 19 }),
        fc.integer({ min: 1, max: 50 }),
        (bands, scale) => {
          const n = weights.map((w) => w * scale);
          const x = n.map((pop, i) => Math.round(pop * (bands[i]?.rate ?? 0)));
          const total = x.reduce((a, b) => a + b, 0);
          fc.pre(total >= 10);
          const out = directlyStandardisedRates(oneGroup(x, n), { confidence: [0.95] });
          const crude = (total / n.reduce((a, b) => a + b, 0)) * 100000;
          expect(Math.abs((out.value[0] as number) - crude)).toBeLessThanOrEqual(1e-9 * crude);
        },
      ),
    );
  });

  it('limits bracket the DSR and widen with the confidence level', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 1e5 })), {
          minLength: 19,
          maxLength: 19,
        }),
        (bands) => {
          const x = bands.map(([events]) => events);
          const n = bands.map(([, pop]) => pop);
          fc.pre(x.reduce((a, b) => a + b, 0) >= 10);
          const out = directlyStandardisedRates(oneGroup(x, n), { confidence: [0.95, 0.998] });
          const value = out.value[0] as number;
          const tolerance = 1e-9 * value;
          expect(out.lower[0]?.[0]).toBeLessThanOrEqual(value + tolerance);
          expect(out.upper[0]?.[0]).toBeGreaterThanOrEqual(value - tolerance);
          expect(out.lower[1]?.[0]).toBeLessThanOrEqual((out.lower[0]?.[0] as number) + tolerance);
          expect(out.upper[1]?.[0]).toBeGreaterThanOrEqual((out.upper[0]?.[0] as number) - tolerance);
        },
      ),
    );
  });
});

describe('directlyStandardisedRatesNonIndependent', () => {
  it('with every person having one event equals the independent DSR', () => {
    const x = weights.map((_, i) => 5 + i);
    const n = weights.map(() => 2000);
    const independent = directlyStandardisedRates(oneGroup(x, n), { confidence: [0.95] });
    const nonIndependent = directlyStandardisedRatesNonIndependent(
      { ...oneGroup(x, n), eventfreq: x.map(() => 1), ageband: x.map((_, i) => i) },
      { confidence: [0.95] },
    );
    expect(nonIndependent.value[0]).toBeCloseTo(independent.value[0] as number, 9);
    expect(nonIndependent.lower[0]?.[0]).toBeCloseTo(independent.lower[0]?.[0] as number, 9);
  });

  it('refuses missing frequencies and bands, and bands with two populations', () => {
    const base = oneGroup([10, 10], [100, 100], [1, 1]);
    const run = (eventfreq: number[], ageband: (string | null)[], n = [100, 100]) =>
      directlyStandardisedRatesNonIndependent({ ...base, n, eventfreq, ageband }, { confidence: [0.95] });
    expect(() => run([NaN, 1], ['a', 'a'])).toThrow('eventfreq field must not have any missing values');
    expect(() => run([1, 2], ['a', null])).toThrow('ageband field must not have any missing values');
    expect(() => run([1, 2], ['a', 'a'], [100, 200])).toThrow(
      'There are rows with the same grouping variables and ageband but with different populations (n) or standard populations (stdpop)',
    );
  });
});
