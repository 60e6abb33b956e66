import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './rate.ts';

interface RateRow {
  Area: string;
  Numerator: number | null;
  Denominator: number | null;
  multiplier: number;
  [column: string]: unknown;
}
const casePath = path.resolve(import.meta.dirname, '../../../../shared/anchors/phe/cases/rate.json');
const anchor = JSON.parse(readFileSync(casePath, 'utf8')) as {
  ungrouped: RateRow[];
  grouped_results: RateRow[];
};
const LIMITS = ['lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl'];

const toInput = (rows: RateRow[]) => rows.map((r) => ({ Area: r.Area, x: r.Numerator, n: r.Denominator }));

function expectClose(actual: unknown, expected: unknown): void {
  if (expected === null) return expect(actual).toBeNull();
  expect(Math.abs((actual as number) - (expected as number))).toBeLessThanOrEqual(
    1e-9 * Math.abs(expected as number),
  );
}

describe('phe_rate reference cases', () => {
  for (const multiplier of [100, 100000]) {
    it(`ungrouped rows ×${multiplier}: exact below 10, Byar's from 10, x > n allowed`, () => {
      const expected = anchor.ungrouped.filter((r) => r.multiplier === multiplier);
      const out = run({ params: { confidence: [95, 99.8], multiplier }, rows: toInput(expected) }).rows;
      out.forEach((row, i) => {
        const want = expected[i] as RateRow;
        expectClose(row.value, want.value);
        for (const column of LIMITS) expectClose(row[column], want[column]);
        expect(row).toMatchObject({
          statistic: want.statistic,
          method: want.method,
          confidence: '95%, 99.8%',
        });
      });
    });
  }

  it('grouped by Area sums x and n (one 95% level)', () => {
    const input = toInput(anchor.ungrouped);
    const out = run({ params: { groupBy: ['Area'] }, rows: input }).rows;
    expect(out).toHaveLength(anchor.grouped_results.length);
    out.forEach((row, i) => {
      const want = anchor.grouped_results[i] as RateRow;
      expect(row).toMatchObject({
        Area: want.Area,
        x: want.Numerator,
        n: want.Denominator,
        method: want.method,
      });
      for (const column of ['value', 'lowercl', 'uppercl']) expectClose(row[column], want[column]);
      expect(row.statistic).toBe('rate per 100000');
    });
  });
});

describe('phe_rate input errors', () => {
  const rows = [{ x: 1, n: 10 }];
  it.each([
    [{ params: {}, rows: [{ x: -1, n: 10 }] }, 'numerators must be greater than or equal to zero'],
    [{ params: {}, rows: [{ x: 1, n: 0 }] }, 'denominators must be greater than zero'],
    [
      { params: { confidence: [0.95, 0.99] }, rows },
      'two confidence levels can only be produced if they are specified as 0.95 and 0.998',
    ],
    [
      { params: { confidence: 1000 }, rows },
      'confidence level must be between 90 and 100 or between 0.9 and 1',
    ],
    [
      { params: { confidence: [0.95, 0.998, 1] }, rows },
      'a maximum of two confidence levels can be provided',
    ],
    [{ params: { type: 'combined' }, rows }, 'type must be one of value, lower, upper, standard or full'],
    [{ params: { multiplier: '1000' }, rows }, 'multiplier must be numeric'],
    [{ params: {}, rows: [{ n: 1 }] }, 'row 1 has no "x" field'],
  ])('%j → %s', (input, message) => {
    expect(() => run(input)).toThrow(message);
  });
});
