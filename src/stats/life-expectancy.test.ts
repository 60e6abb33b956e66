import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupSuppression, lifeExpectancy } from './life-expectancy.ts';

const casePath = path.resolve(import.meta.dirname, '../../../shared/anchors/phe/cases/life_expectancy.json');
const anchor = JSON.parse(readFileSync(casePath, 'utf8')) as {
  simple: { input: { pops: number; deaths: number }[] };
};
const deaths = anchor.simple.input.map((r) => r.deaths);
const pops = anchor.simple.input.map((r) => r.pops);

describe('lifeExpectancy', () => {
  it('reproduces the package example (e0 = 80.16961, e65 = 18.76857)', () => {
    const out = lifeExpectancy({ deaths, population: pops, groupOffsets: [0, 20] }, { confidence: [0.95] });
    expect(out.value[0]).toBeCloseTo(80.16961, 5);
    expect(out.lower[0]?.[0]).toBeCloseTo(79.88269, 4);
    expect(out.value[14]).toBeCloseTo(18.76857, 5);
    expect(out.popsUsed[0]).toBe(787954);
    expect(out.deathsUsed[0]).toBe(9357);
    expect(out.suppression).toEqual([null]);
  });

  it('names the reason a group is suppressed, in the reference order', () => {
    expect(groupSuppression([-1, 5], [0, 10], 0, 2, 2)).toBe('negativeDeaths');
    expect(groupSuppression([1, 5], [0, 10], 0, 2, 2)).toBe('populationNotPositive');
    expect(groupSuppression([1, 50], [10, 10], 0, 2, 3)).toBe('wrongBandCount');
    expect(groupSuppression([1, 50], [10, 10], 0, 2, 2)).toBe('deathsAbovePopulation');
    expect(groupSuppression([1, 5], [2500, 2500], 0, 2, 2)).toBe('smallPopulation');
    expect(groupSuppression([1, 5], [2500, 2501], 0, 2, 2)).toBeNull();
  });

  it('limits bracket LE and widen with the confidence level', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.2, max: 5, noNaN: true }), { minLength: 20, maxLength: 20 }),
        fc.double({ min: 1, max: 20, noNaN: true }),
        (factors, popScale) => {
          const d = deaths.map((v, i) => Math.max(1, Math.round(v * (factors[i] as number))));
          const p = pops.map((v) => Math.round(v * popScale));
          fc.pre(d.every((v, i) => v <= (p[i] as number)));
          const out = lifeExpectancy(
            { deaths: d, population: p, groupOffsets: [0, 20] },
            { confidence: [0.95, 0.998] },
          );
          // A band where everyone dies (q = 1) empties the table above it; those SEs are NA as in the reference.
          fc.pre(out.se.every(Number.isFinite));
          for (let i = 0; i < 20; i++) {
            const se = out.se[i] as number;
            const centre = ((out.lower[0]?.[i] as number) + (out.upper[0]?.[i] as number)) / 2;
            expect(out.lower[1]?.[i]).toBeLessThanOrEqual(out.lower[0]?.[i] as number);
            expect(out.upper[1]?.[i]).toBeGreaterThanOrEqual(out.upper[0]?.[i] as number);
            if (!Number.isNaN(out.value[i]))
              expect(Math.abs((out.value[i] as number) - centre)).toBeLessThan(1e-9 + se * 1e-9);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
