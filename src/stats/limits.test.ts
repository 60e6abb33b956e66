import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  byarsLower,
  byarsUpper,
  exactPoissonLower,
  exactPoissonUpper,
  wilsonLower,
  wilsonUpper,
} from './limits.ts';
import { StatsInputError } from './errors.ts';

const casesPath = path.resolve(import.meta.dirname, '../../../shared/anchors/phe/cases/byars_wilson.json');
interface Case {
  x: number;
  n: number | null;
  lowercl: number | null;
  uppercl: number | null;
  confidence: string;
  method: 'Byars' | 'Wilson';
}
const cases = (JSON.parse(readFileSync(casesPath, 'utf8')) as { cases: Case[] }).cases;

function expectClose(actual: number, expected: number | null): void {
  if (expected === null) {
    expect(actual).toBeNaN();
    return;
  }
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
}

describe('reference limits (testdata_Byars_Wilson)', () => {
  it.each(cases.map((c, i) => [i + 1, c] as const))('case %i', (_i, c) => {
    const confidence = Number.parseFloat(c.confidence) / 100;
    if (c.method === 'Byars') {
      expectClose(byarsLower(c.x, confidence), c.lowercl);
      expectClose(byarsUpper(c.x, confidence), c.uppercl);
    } else {
      expectClose(wilsonLower(c.x, c.n ?? NaN, confidence), c.lowercl);
      expectClose(wilsonUpper(c.x, c.n ?? NaN, confidence), c.uppercl);
    }
  });
});

describe('edge cases', () => {
  it('Wilson at confidence 1 gives 0 and 1', () => {
    expect(wilsonLower(3, 10, 1)).toBe(0);
    expect(wilsonUpper(3, 10, 1)).toBe(1);
  });
  it('exact Poisson lower limit of 0 is 0', () => {
    expect(exactPoissonLower(0, 0.95)).toBe(0);
    expect(exactPoissonUpper(0, 0.95)).toBeCloseTo(3.688879454113936, 12);
  });
  it('exact Poisson matches known chi-square values', () => {
    // qchisq(0.025, 2)/2 and qchisq(0.975, 4)/2 in R
    expect(exactPoissonLower(1, 0.95)).toBeCloseTo(0.02531780798428988, 14);
    expect(exactPoissonUpper(1, 0.95)).toBeCloseTo(5.571643390938915, 12);
  });
  it('refuses negative counts and numerators above denominators', () => {
    expect(() => byarsLower(-1, 0.95)).toThrow(StatsInputError);
    expect(() => byarsUpper(-1, 0.95)).toThrow('observed events must all be greater than or equal to zero');
    expect(() => exactPoissonLower(-1, 0.95)).toThrow(StatsInputError);
    expect(() => wilsonLower(-1, 10, 0.95)).toThrow(
      'observed events must all be greater than or equal to zero',
    );
    expect(() => wilsonUpper(1, -10, 0.95)).toThrow('sample sizes must all be greater than zero');
    expect(() => wilsonLower(11, 10, 0.95)).toThrow(
      'numerators must be less than or equal to denominator for a Wilson score to be calculated',
    );
  });
});

describe('properties', () => {
  const confidence = fc.constantFrom(0.9, 0.95, 0.99, 0.998);
  it('Wilson limits bracket the proportion and widen with confidence', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const x = Math.floor(n * share);
          const p = x / n;
          const lo95 = wilsonLower(x, n, 0.95);
          const hi95 = wilsonUpper(x, n, 0.95);
          expect(lo95).toBeLessThanOrEqual(p + 1e-12);
          expect(hi95).toBeGreaterThanOrEqual(p - 1e-12);
          expect(wilsonLower(x, n, 0.998)).toBeLessThanOrEqual(lo95 + 1e-12);
          expect(wilsonUpper(x, n, 0.998)).toBeGreaterThanOrEqual(hi95 - 1e-12);
        },
      ),
    );
  });
  it('Byar and exact limits bracket the count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e7 }), confidence, (x, level) => {
        const lower = byarsLower(x, level);
        if (!Number.isNaN(lower)) expect(lower).toBeLessThanOrEqual(x);
        expect(byarsUpper(x, level)).toBeGreaterThanOrEqual(x);
        expect(exactPoissonLower(x, level)).toBeLessThanOrEqual(x);
        expect(exactPoissonUpper(x, level)).toBeGreaterThanOrEqual(x);
      }),
    );
  });
  it('wider confidence gives wider count limits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), (x) => {
        expect(exactPoissonLower(x, 0.998)).toBeLessThanOrEqual(exactPoissonLower(x, 0.95));
        expect(exactPoissonUpper(x, 0.998)).toBeGreaterThanOrEqual(exactPoissonUpper(x, 0.95));
        expect(byarsUpper(x, 0.998)).toBeGreaterThanOrEqual(byarsUpper(x, 0.95));
      }),
    );
  });
});
