import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as runRate } from './israte.ts';
import { run as runRatio } from './isratio.ts';
import { run as runSmr } from './smr.ts';

interface Expected {
  area: string;
  observed: number;
  expected: number;
  statistic: string;
  method: string;
  [column: string]: unknown;
}
const anchorsDir = path.resolve(import.meta.dirname, '../../../../shared/anchors/phe/cases');
const isr = JSON.parse(readFileSync(path.join(anchorsDir, 'isr.json'), 'utf8')) as {
  refdata: { refcount: number; refpop: number }[];
  err2_input: { area: string; count: number; pop: number }[];
  observed_totals: { area: string; total_count: number }[];
  expected: Expected[];
};
const dsr = JSON.parse(readFileSync(path.join(anchorsDir, 'dsr.json'), 'utf8')) as {
  multiarea_input: { area: string; count: number; pop: number }[];
};
const LIMITS = ['lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl'];
const rows = dsr.multiarea_input.map((r) => ({ area: r.area, x: r.count, n: r.pop }));
const reference = { x_ref: isr.refdata.map((r) => r.refcount), n_ref: isr.refdata.map((r) => r.refpop) };
const params = { groupBy: ['area'], confidence: [0.95, 0.998], ...reference };

function expectClose(actual: unknown, expected: unknown): void {
  if (expected === null) return expect(actual).toBeNull();
  expect(Math.abs((actual as number) - (expected as number))).toBeLessThanOrEqual(
    1e-9 * Math.abs(expected as number),
  );
}

function expectRows(out: Record<string, unknown>[], expected: Expected[], columns: string[]): void {
  expect(out).toHaveLength(expected.length);
  out.forEach((row, i) => {
    const want = expected[i] as Expected;
    expect(row).toMatchObject({
      area: want.area,
      observed: want.observed,
      statistic: want.statistic,
      method: want.method,
    });
    for (const column of ['expected', 'value', ...columns]) expectClose(row[column], want[column]);
    if (want.ref_rate !== null) expectClose(row.ref_rate, want.ref_rate);
    else expect(row).not.toHaveProperty('ref_rate');
  });
}

describe('calculate_ISRate and calculate_ISRatio reference cases (testresults_ISR)', () => {
  it('rows 1-3: ISRate per 100000', () => {
    expectRows(runRate({ params, rows }).rows, isr.expected.slice(0, 3), LIMITS);
  });
  it('rows 4-6: ISRate per 1000', () => {
    expectRows(
      runRate({ params: { ...params, multiplier: 1000 }, rows }).rows,
      isr.expected.slice(3, 6),
      LIMITS,
    );
  });
  it('rows 7-9: ISRatio x 1', () => {
    expectRows(runRatio({ params, rows }).rows, isr.expected.slice(6, 9), LIMITS);
  });
  it('rows 10-12: ISRatio x 100, and the SMR default', () => {
    expectRows(
      runRatio({ params: { ...params, refvalue: 100 }, rows }).rows,
      isr.expected.slice(9, 12),
      LIMITS,
    );
    expectRows(runSmr({ params, rows }).rows, isr.expected.slice(9, 12), LIMITS);
  });
  it('rows 13-16: a zero population in one band contributes nothing to E', () => {
    const errRows = isr.err2_input.map((r) => ({ area: r.area, x: r.count, n: r.pop }));
    const single = { groupBy: ['area'], ...reference };
    const rate = runRate({ params: single, rows: errRows }).rows;
    const ratio = runRatio({ params: { ...single, refvalue: 100 }, rows: errRows }).rows;
    const rename = (e: Expected) => ({ ...e, lowercl: e.lower95_0cl, uppercl: e.upper95_0cl });
    expectRows(rate, isr.expected.slice(12, 14).map(rename), ['lowercl', 'uppercl']);
    expectRows(ratio, isr.expected.slice(14, 16).map(rename), ['lowercl', 'uppercl']);
  });
  it('observed totals instead of stratum counts give the same results', () => {
    const totals = isr.observed_totals.map((t) => ({ area: t.area, x: t.total_count }));
    const withoutX = rows.map(({ x: _x, ...r }) => r);
    expectRows(
      runRate({ params: { ...params, observed_totals: totals }, rows: withoutX }).rows,
      isr.expected.slice(0, 3),
      LIMITS,
    );
    expectRows(
      runRatio({ params: { ...params, observed_totals: totals }, rows: withoutX }).rows,
      isr.expected.slice(6, 9),
      LIMITS,
    );
  });
  it('NA reference counts count as 0; reference columns may be fields', () => {
    const withNa = { ...params, x_ref: reference.x_ref.map((v, i) => (i === 2 ? null : v)) };
    expectRows(runRate({ params: withNa, rows }).rows, isr.expected.slice(0, 3), LIMITS);
    const asFields = rows.map((r, i) => ({
      ...r,
      x_ref: reference.x_ref[i % 19],
      n_ref: reference.n_ref[i % 19],
    }));
    const { x_ref: _x, n_ref: _n, ...fieldParams } = params;
    expectRows(runRatio({ params: fieldParams, rows: asFields }).rows, isr.expected.slice(6, 9), LIMITS);
  });
});

describe('ISR input errors', () => {
  it.each([
    [
      { ...params },
      rows.map((r, i) => (i === 0 ? { ...r, x: -1 } : r)),
      'numerators must all be greater than or equal to zero',
    ],
    [
      { ...params },
      rows.map((r, i) => (i === 0 ? { ...r, n: -1 } : r)),
      'denominators must all be greater than or equal to zero',
    ],
    [{ ...params }, rows.slice(1), 'data must contain the same number of rows for each group'],
    [
      { ...params, x_ref: reference.x_ref.slice(1) },
      rows,
      'x_ref length must equal number of rows in each group within data',
    ],
    [
      { ...params, n_ref: reference.n_ref.slice(1) },
      rows,
      'n_ref length must equal number of rows in each group within data',
    ],
    [
      { ...params, observed_totals: [{ area: 'testdata_big' }] },
      rows,
      'observed_totals is provided but x is not a field name in it',
    ],
    [
      { ...params, confidence: [0.95, 0.99] },
      rows,
      'two confidence levels can only be produced if they are specified as 0.95 and 0.998',
    ],
    [{ ...params, confidence: 89 }, rows, 'confidence level must be between 90 and 100 or between 0.9 and 1'],
    [{ ...params, type: 'combined' }, rows, 'type must be one of value, lower, upper, standard or full'],
    [{ groupBy: ['area'] }, rows, 'row 1 has no "x_ref" field'],
  ])('%#: %s', (p, r, message) => {
    expect(() => runRatio({ params: p, rows: r })).toThrow(message);
  });
  it('an SMR refvalue is 1 or 100', () => {
    expect(() => runSmr({ params: { ...params, refvalue: 10 }, rows })).toThrow('refvalue must be 1 or 100');
    expect(runSmr({ params: { ...params, refvalue: 1 }, rows }).rows[0]?.statistic).toBe(
      'indirectly standardised ratio x 1',
    );
  });
});
