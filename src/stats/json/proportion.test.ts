import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './proportion.ts';

interface PropRow {
  Area: string;
  Numerator: number | null;
  Denominator: number | null;
  multiplier: number;
  [column: string]: unknown;
}
const casePath = path.resolve(import.meta.dirname, '../../../../shared/anchors/phe/cases/proportion.json');
const anchor = JSON.parse(readFileSync(casePath, 'utf8')) as {
  ungrouped: PropRow[];
  grouped_results: PropRow[];
};
const NA_AREAS = ['Area09', 'Area10', 'Area11'];
const LIMITS = ['lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl'];

function toInput(rows: PropRow[]) {
  return rows.map((r) => ({ Area: r.Area, x: r.Numerator, n: r.Denominator }));
}

function expectClose(actual: unknown, expected: unknown): void {
  if (expected === null) return expect(actual).toBeNull();
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - (expected as number))).toBeLessThanOrEqual(
    1e-9 * Math.abs(expected as number),
  );
}

describe('phe_proportion reference cases', () => {
  for (const multiplier of [1, 100]) {
    it(`ungrouped rows, multiplier ${multiplier}, 95% and 99.8%`, () => {
      const expected = anchor.ungrouped.filter(
        (r) => r.multiplier === multiplier || NA_AREAS.includes(r.Area),
      );
      const out = run({ params: { confidence: [0.95, 0.998], multiplier }, rows: toInput(expected) }).rows;
      expect(out).toHaveLength(expected.length);
      out.forEach((row, i) => {
        const want = expected[i] as PropRow;
        expect(row.Area).toBe(want.Area);
        expectClose(row.value, want.value);
        for (const column of LIMITS) expectClose(row[column], want[column]);
        expect(row.confidence).toBe('95%, 99.8%');
        expect(row.statistic).toBe(multiplier === 100 ? 'percentage' : 'proportion of 1');
        expect(row.method).toBe('Wilson');
      });
    });
  }

  it('grouped by Area: sums x and n within groups before the interval', () => {
    const out = run({ params: { groupBy: ['Area'] }, rows: toInput(anchor.ungrouped) }).rows;
    expect(out).toHaveLength(anchor.grouped_results.length);
    out.forEach((row, i) => {
      const want = anchor.grouped_results[i] as PropRow;
      expect(row).toMatchObject({
        Area: want.Area,
        x: want.Numerator,
        n: want.Denominator,
        confidence: '95%',
      });
      for (const column of ['value', 'lowercl', 'uppercl']) expectClose(row[column], want[column]);
    });
  });

  it('a single group is computed row by row, keeping the input columns', () => {
    const out = run({
      params: { groupBy: ['area'], confidence: 95, multiplier: 100 },
      rows: [
        { area: 'A', x: 12, n: 80, extra: 'kept' },
        { area: 'A', x: 1, n: 10, extra: 'kept' },
      ],
    }).rows;
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ area: 'A', x: 12, n: 80, extra: 'kept', value: 15, confidence: '95%' });
    expect(Object.keys(out[0] ?? {})).toEqual([
      'area',
      'x',
      'n',
      'extra',
      'value',
      'lowercl',
      'uppercl',
      'confidence',
      'statistic',
      'method',
    ]);
  });

  it('confidence null gives the value without limits', () => {
    const out = run({ params: { confidence: null }, rows: [{ x: 1, n: 4 }] }).rows;
    expect(out).toEqual([{ x: 1, n: 4, value: 0.25, statistic: 'proportion of 1' }]);
  });

  it('type "value" and "lower" keep only that statistic', () => {
    const rows = [{ x: 65, n: 100 }];
    expect(Object.keys(run({ params: { type: 'value' }, rows }).rows[0] ?? {})).toEqual(['x', 'n', 'value']);
    expect(Object.keys(run({ params: { type: 'lower' }, rows }).rows[0] ?? {})).toEqual([
      'x',
      'n',
      'lowercl',
    ]);
    expect(Object.keys(run({ params: { type: 'standard' }, rows }).rows[0] ?? {})).toEqual([
      'x',
      'n',
      'value',
      'lowercl',
      'uppercl',
    ]);
  });
});

describe('phe_proportion input errors', () => {
  const rows = [{ x: 1, n: 10 }];
  it.each([
    [{ params: {}, rows: [{ x: -1, n: 10 }] }, 'numerators must be greater than or equal to zero'],
    [{ params: {}, rows: [{ x: 1, n: 0 }] }, 'denominators must be greater than zero'],
    [
      { params: {}, rows: [{ x: 11, n: 10 }] },
      'numerators must be less than or equal to denominator for a proportion statistic',
    ],
    [{ params: { type: 'combined' }, rows }, 'type must be one of value, lower, upper, standard or full'],
    [
      { params: { confidence: [0.95, 0.998, 0.99] }, rows },
      'a maximum of two confidence levels can be provided',
    ],
    [
      { params: { confidence: [0.95, 0.99] }, rows },
      'two confidence levels can only be produced if they are specified as 0.95 and 0.998',
    ],
    [
      { params: { confidence: 0.74 }, rows },
      'confidence level, if specified, must be between 90 and 100 or between 0.9 and 1',
    ],
    [
      { params: { confidence: 3 }, rows },
      'confidence level, if specified, must be between 90 and 100 or between 0.9 and 1',
    ],
    [{ params: { confidence: '95' }, rows }, 'confidence must be numeric'],
    [{ params: { multiplier: -1 }, rows }, 'multiplier must be greater than 0'],
    [{ params: {}, rows: [{ x: 1 }] }, 'row 1 has no "n" field'],
    [
      {
        params: {},
        rows: [
          { x: 1, n: 2 },
          { x: 'a', n: 2 },
        ],
      },
      'field x must be numeric (row 2 has "a")',
    ],
    [{ params: { groupBy: ['area'] }, rows }, 'row 1 has no "area" field, which groupBy names'],
  ])('%j → %s', (input, message) => {
    expect(() => run(input)).toThrow(message);
  });
});
