import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './mean.ts';

const casePath = path.resolve(import.meta.dirname, '../../../../shared/anchors/phe/cases/mean.json');
const anchor = JSON.parse(readFileSync(casePath, 'utf8')) as {
  input: { area: string; values: number }[];
  expected: Record<string, number | string>[];
};
const COLUMNS = [
  'value_sum',
  'value_count',
  'stdev',
  'value',
  'lower95_0cl',
  'upper95_0cl',
  'lower99_8cl',
  'upper99_8cl',
];
const rows = anchor.input.map((r) => ({ area: r.area, x: r.values }));

function expectRow(
  actual: Record<string, unknown> | undefined,
  expected: Record<string, number | string>,
): void {
  for (const column of COLUMNS) {
    const want = expected[column] as number;
    expect(Math.abs((actual?.[column] as number) - want)).toBeLessThanOrEqual(1e-9 * Math.abs(want));
  }
  expect(actual).toMatchObject({
    confidence: '95%, 99.8%',
    statistic: 'mean',
    method: "Student's t-distribution",
  });
}

describe('phe_mean reference cases', () => {
  it('grouped by area', () => {
    const out = run({ params: { groupBy: ['area'], confidence: [0.95, 0.998] }, rows }).rows;
    expect(out.map((r) => r.area)).toEqual(['Area1', 'Area2']);
    expectRow(out[0], anchor.expected[0] ?? {});
    expectRow(out[1], anchor.expected[1] ?? {});
  });

  it('ungrouped: one summary of all rows', () => {
    const out = run({ params: { confidence: [95, 99.8] }, rows }).rows;
    expect(out).toHaveLength(1);
    expectRow(out[0], anchor.expected[2] ?? {});
  });

  it('one level gives lowercl/uppercl; widening the level widens the interval', () => {
    const at95 = run({ params: {}, rows }).rows[0] ?? {};
    const at99 = run({ params: { confidence: 0.99 }, rows }).rows[0] ?? {};
    expect(at95.confidence).toBe('95%');
    expect(at99.lowercl as number).toBeLessThan(at95.lowercl as number);
    expect(at99.uppercl as number).toBeGreaterThan(at95.uppercl as number);
  });

  it('type "standard" drops the metadata, "value" keeps only the mean', () => {
    expect(Object.keys(run({ params: { type: 'standard' }, rows }).rows[0] ?? {})).toEqual([
      'value_sum',
      'value_count',
      'stdev',
      'value',
      'lowercl',
      'uppercl',
    ]);
    expect(Object.keys(run({ params: { type: 'value', groupBy: ['area'] }, rows }).rows[0] ?? {})).toEqual([
      'area',
      'value',
    ]);
  });
});

describe('phe_mean input errors', () => {
  it.each([
    [
      { params: { confidence: [0.95, 0.99] }, rows },
      'two confidence levels can only be produced if they are specified as 0.95 and 0.998',
    ],
    [
      { params: { confidence: 0.5 }, rows },
      'confidence level must be between 90 and 100 or between 0.9 and 1',
    ],
    [
      { params: { confidence: [0.95, 0.998, 0.99] }, rows },
      'a maximum of two confidence levels can be provided',
    ],
    [{ params: { type: 'x' }, rows }, 'type must be one of value, lower, upper, standard or full'],
    [{ params: {}, rows: [{ y: 1 }] }, 'row 1 has no "x" field'],
  ])('%j → %s', (input, message) => {
    expect(() => run(input)).toThrow(message);
  });
});
