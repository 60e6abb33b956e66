import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './dsr.ts';

interface Expected {
  area: string;
  total_count: number;
  total_pop: number;
  statistic: string;
  method: string;
  [column: string]: unknown;
}
interface WideRow {
  area: string;
  ageband: string;
  pop: number;
  f1: number | null;
  f2: number | null;
  f3: number | null;
  f4: number | null;
}
const casePath = path.resolve(import.meta.dirname, '../../../../shared/anchors/phe/cases/dsr.json');
const anchor = JSON.parse(readFileSync(casePath, 'utf8')) as {
  esp2013: number[];
  multiarea_input: { area: string; ageband: string; count: number; pop: number }[];
  input_1976: { count: number; pop: number; esp1976: number }[];
  nonindependent_input_wide: WideRow[];
  expected: Expected[];
};
const LIMITS = ['lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl'];
const multiarea = anchor.multiarea_input.map((r) => ({
  area: r.area,
  ageband: r.ageband,
  x: r.count,
  n: r.pop,
}));

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
      total_count: want.total_count,
      total_pop: want.total_pop,
      statistic: want.statistic,
      method: want.method,
    });
    for (const column of ['value', ...columns]) expectClose(row[column], want[column]);
  });
}

/** The package's long form: one row per area, band and event frequency; frequency 4 only for the big area. */
function nonIndependentRows() {
  const rows = [];
  for (const f of [1, 2, 3, 4] as const) {
    for (const r of anchor.nonindependent_input_wide) {
      if (f === 4 && r.area !== 'testdata_nonind_big') continue;
      rows.push({ area: r.area, ageband: r.ageband, eventfreq: f, x: r[`f${f}`], n: r.pop });
    }
  }
  return rows;
}

describe('calculate_dsr reference cases (testresults_DSR)', () => {
  it('rows 1-3: ESP2013 by default, multiplier 10000', () => {
    const out = run({
      params: { groupBy: ['area'], multiplier: 10000, confidence: [0.95, 0.998] },
      rows: multiarea,
    });
    expectRows(out.rows, anchor.expected.slice(0, 3), LIMITS);
  });

  it('rows 5-7: multiplier 100000 with 95% and 99.8%; total count 9 suppressed', () => {
    const out = run({ params: { groupBy: ['area'], confidence: [95, 99.8] }, rows: multiarea });
    expectRows(out.rows, anchor.expected.slice(4, 7), LIMITS);
    expect(out.rows[2]?.confidence).toBe('95%, 99.8%');
  });

  it('stdpop as a field in every row gives the same result', () => {
    const rows = multiarea.map((r, i) => ({ ...r, stdpop: anchor.esp2013[i % 19] }));
    const out = run({ params: { groupBy: ['area'], confidence: [0.95, 0.998] }, rows });
    expectRows(out.rows, anchor.expected.slice(4, 7), LIMITS);
  });

  it('row 8: ESP1976 (18 bands), value and 95% limits', () => {
    const rows = anchor.input_1976.map((r) => ({ x: r.count, n: r.pop }));
    const [row] = run({ params: { stdpop: 'esp1976' }, rows }).rows;
    const want = anchor.expected[7] as Expected;
    expectClose(row?.value, want.value);
    expectClose(row?.lowercl, want.lower95_0cl);
    expectClose(row?.uppercl, want.upper95_0cl);
    expect(row).toMatchObject({
      total_count: 804,
      total_pop: 8763,
      confidence: '95%',
      statistic: 'dsr per 100000',
    });
  });

  it('row 8 at 99.8% is a tenth of the sheet value (the sheet oddity)', () => {
    const rows = anchor.input_1976.map((r) => ({ x: r.count, n: r.pop, stdpop: r.esp1976 }));
    const [row] = run({ params: { confidence: [0.95, 0.998] }, rows }).rows;
    const want = anchor.expected[7] as Expected;
    expectClose(row?.lower99_8cl, (want.lower99_8cl as number) / 10);
    expectClose(row?.upper99_8cl, (want.upper99_8cl as number) / 10);
  });

  it('rows 9-12: non-independent events', () => {
    const params = { groupBy: ['area'], confidence: [0.95, 0.998], independent_events: false };
    const out = run({ params, rows: nonIndependentRows() });
    expectRows(out.rows, anchor.expected.slice(8, 12), LIMITS);
  });

  it('type "value" gives the group columns and the value only', () => {
    const out = run({ params: { groupBy: ['area'], type: 'value' }, rows: multiarea });
    expect(Object.keys(out.rows[0] ?? {})).toEqual(['area', 'value']);
  });
});

describe('calculate_dsr input errors', () => {
  const withX = (change: (row: Record<string, unknown>, i: number) => void) =>
    multiarea.map((r, i) => {
      const row: Record<string, unknown> = { ...r };
      change(row, i);
      return row;
    });
  const params = { groupBy: ['area'] };
  it.each([
    [withX((r, i) => i === 3 && (r.x = -1)), 'numerators must all be greater than or equal to zero'],
    [withX((r, i) => i === 3 && (r.n = 0)), 'denominators must all be greater than zero'],
    [withX((r, i) => i === 3 && (r.n = null)), 'field n cannot have missing values (row 4)'],
    [withX((r, i) => i === 3 && delete r.n), 'row 4 has no "n" field'],
    [withX((r, i) => i === 3 && (r.x = 'ten')), 'field x must be numeric (row 4 has "ten")'],
    [withX((r) => (r.stdpop = -1)), 'stdpop must all be greater than or equal to zero'],
    [multiarea.slice(1), 'group {"area":"testdata_big"} has 18 age bands but esp2013 has 19'],
  ])('%#: %s', (rows, message) => {
    expect(() => run({ params, rows })).toThrow(message);
  });

  it.each([
    [{ confidence: 0.74 }, 'confidence level must be between 90 and 100 or between 0.9 and 1'],
    [
      { confidence: [0.95, 1] },
      'two confidence levels can only be produced if they are specified as 0.95 and 0.998',
    ],
    [{ confidence: '0.95' }, 'confidence must be numeric'],
    [{ multiplier: -1 }, 'multiplier must be greater than 0'],
    [{ multiplier: '1000' }, 'multiplier must be numeric'],
    [{ type: 'combined' }, 'type must be one of value, lower, upper, standard or full'],
    [{ independent_events: 'a' }, 'independent_events must be TRUE or FALSE'],
    [
      { stdpop: 'esp1999' },
      'stdpop must be a field in every row, a list of numbers, or one of esp2013, esp1976',
    ],
  ])('%j → %s', (extra, message) => {
    expect(() => run({ params: { ...params, ...extra }, rows: multiarea })).toThrow(message);
  });

  it('non-independent events need eventfreq and ageband, and consistent populations', () => {
    const params = { groupBy: ['area'], independent_events: false };
    const rows = nonIndependentRows();
    expect(() => run({ params, rows: rows.map(({ eventfreq: _f, ...r }) => r) })).toThrow(
      'function calculate_dsr requires an eventfreq column to be specified when independent_events is FALSE',
    );
    expect(() => run({ params, rows: rows.map(({ ageband: _a, ...r }) => r) })).toThrow(
      'function calculate_dsr requires an ageband column to be specified when independent_events is FALSE',
    );
    expect(() =>
      run({ params, rows: rows.map((r, i) => (i === 0 ? { ...r, eventfreq: null } : r)) }),
    ).toThrow('eventfreq field must not have any missing values');
    expect(() => run({ params, rows: rows.map((r, i) => (i === 0 ? { ...r, ageband: null } : r)) })).toThrow(
      'ageband field must not have any missing values',
    );
    expect(() => run({ params, rows: rows.map((r, i) => (i === 0 ? { ...r, n: 1 } : r)) })).toThrow(
      'There are rows with the same grouping variables and ageband but with different populations (n) or standard populations (stdpop)',
    );
  });
});
