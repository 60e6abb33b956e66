// The reference's SII test blocks (testdata_SII.xlsx, tests/testthat/testSII.R) fed through the JSON
// adapter: point values to 1e-7, Monte-Carlo limits within 5% relative.
import { describe, expect, it } from 'vitest';
import { num, readAnchorCsv, readAnchorJson, relClose } from '../anchor-fixtures.test-util.ts';
import { StatsInputError } from '../errors.ts';
import type { JsonRow } from './types.ts';
import { run } from './sii.ts';

const sheet = readAnchorCsv('phe/sheets/testdata_SII__testdata_SII.csv');
type Fields = ('value' | 'se' | 'cls' | 'x')[];

function rowsOf(from: number, to: number, fields: Fields): JsonRow[] {
  return sheet.slice(from - 1, to).map((r) => {
    const row: JsonRow = { Area: r.Area, quantile: num(r.Quantile), population: num(r.Population) };
    if (fields.includes('value')) row.value = num(r.Value);
    if (fields.includes('x')) row.x = num(r.Count);
    if (fields.includes('se')) row.se = num(r.StandardError);
    if (fields.includes('cls')) {
      row.lower_cl = num(r.LowerCL);
      row.upper_cl = num(r.UpperCL);
    }
    for (const key of Object.keys(row)) if (Number.isNaN(row[key])) row[key] = null;
    return row;
  });
}

const POINT = 1e-7;
const MONTE_CARLO = 0.05;

function expectRow(
  actual: JsonRow | undefined,
  expectedRecord: number,
  levels: string[],
  withRii = true,
): void {
  const e = sheet[expectedRecord - 1] as Record<string, string>;
  expect(actual).toBeDefined();
  const a = actual as Record<string, number>;
  expect(relClose(a.sii as number, num(e.sii), POINT)).toBe(true);
  if (withRii) expect(relClose(a.rii as number, num(e.rii), POINT)).toBe(true);
  levels.forEach((tag, i) => {
    for (const [ours, theirs] of [
      [`sii_lower${tag}cl`, `sii_lowercl_${i + 1}`],
      [`sii_upper${tag}cl`, `sii_uppercl_${i + 1}`],
      ...(withRii
        ? [
            [`rii_lower${tag}cl`, `rii_lowercl_${i + 1}`],
            [`rii_upper${tag}cl`, `rii_uppercl_${i + 1}`],
          ]
        : []),
    ] as [string, string][]) {
      expect(relClose(a[ours] as number, num(e[theirs]), MONTE_CARLO), `${ours} vs ${theirs}`).toBe(true);
    }
  });
  if (e.Intercept !== '' && 'intercept' in a)
    expect(relClose(a.intercept, num(e.Intercept), POINT)).toBe(true);
}

interface Case {
  name: string;
  rows: [number, number];
  fields: Fields;
  params: Record<string, unknown>;
  expected: [number, number];
  levels?: string[];
  rii?: boolean;
}

const cases: Case[] = [
  { name: 'normal, se', rows: [1, 20], fields: ['value', 'se'], params: {}, expected: [1, 11] },
  { name: 'normal, limits', rows: [1, 20], fields: ['value', 'cls'], params: {}, expected: [1, 11] },
  {
    name: 'normal, intercept',
    rows: [1, 20],
    fields: ['value', 'cls'],
    params: { intercept: true },
    expected: [246, 256],
  },
  {
    name: '99% as fraction',
    rows: [21, 40],
    fields: ['value', 'cls'],
    params: { confidence: 0.99 },
    expected: [21, 31],
    levels: ['99_0'],
  },
  {
    name: '99% as percentage',
    rows: [21, 40],
    fields: ['value', 'se'],
    params: { confidence: 99 },
    expected: [21, 31],
    levels: ['99_0'],
  },
  {
    name: '95% and 99%',
    rows: [226, 245],
    fields: ['value', 'se'],
    params: { confidence: [95, 99] },
    expected: [226, 236],
    levels: ['95_0', '99_0'],
  },
  {
    name: '10,000 repetitions',
    rows: [41, 60],
    fields: ['value', 'se'],
    params: { repetitions: 10000 },
    expected: [41, 51],
  },
  {
    name: 'rate, se',
    rows: [71, 90],
    fields: ['value', 'se'],
    params: { value_type: 1 },
    expected: [71, 81],
  },
  {
    name: 'rate, limits',
    rows: [71, 90],
    fields: ['value', 'cls'],
    params: { value_type: 1 },
    expected: [71, 81],
  },
  {
    name: 'rate, intercept',
    rows: [71, 90],
    fields: ['value', 'cls'],
    params: { value_type: 1, intercept: true },
    expected: [266, 276],
  },
  {
    name: 'proportion, se',
    rows: [91, 110],
    fields: ['value', 'se'],
    params: { value_type: 2 },
    expected: [91, 101],
  },
  {
    name: 'proportion, limits',
    rows: [91, 110],
    fields: ['value', 'cls'],
    params: { value_type: 2 },
    expected: [91, 101],
  },
  {
    name: 'proportion from x',
    rows: [91, 110],
    fields: ['x', 'cls'],
    params: { value_type: 2 },
    expected: [91, 101],
  },
  {
    name: 'proportion data as rate, intercept',
    rows: [91, 110],
    fields: ['value', 'cls'],
    params: { value_type: 1, intercept: true },
    expected: [286, 296],
  },
  {
    name: 'multiplier 100',
    rows: [111, 130],
    fields: ['value', 'cls'],
    params: { value_type: 2, multiplier: 100 },
    expected: [111, 121],
  },
  {
    name: 'multiplier 100, no RII',
    rows: [111, 130],
    fields: ['value', 'cls'],
    params: { value_type: 2, multiplier: 100, rii: false },
    expected: [111, 121],
    rii: false,
  },
  {
    name: 'multiplier -100',
    rows: [131, 150],
    fields: ['value', 'cls'],
    params: { value_type: 2, multiplier: -100 },
    expected: [131, 141],
  },
  {
    name: 'log transform',
    rows: [306, 325],
    fields: ['value', 'cls'],
    params: { value_type: 1, transform: true, intercept: true },
    expected: [306, 316],
  },
  {
    name: 'log transform, multiplier -1',
    rows: [386, 405],
    fields: ['value', 'cls'],
    params: { value_type: 1, transform: true, multiplier: -1, intercept: true },
    expected: [386, 396],
  },
  {
    name: 'log transform, 98%',
    rows: [406, 425],
    fields: ['value', 'cls'],
    params: { value_type: 1, transform: true, confidence: 98, intercept: true },
    expected: [406, 416],
    levels: ['98_0'],
  },
  {
    name: 'log transform, 95% and 98%',
    rows: [366, 385],
    fields: ['value', 'cls'],
    params: { value_type: 1, transform: true, confidence: [95, 98], intercept: true },
    expected: [366, 376],
    levels: ['95_0', '98_0'],
  },
  {
    name: 'log transform, no RII',
    rows: [426, 445],
    fields: ['value', 'cls'],
    params: { value_type: 1, transform: true, rii: false },
    expected: [426, 436],
    rii: false,
  },
  {
    name: 'logit transform',
    rows: [326, 345],
    fields: ['value', 'cls'],
    params: { value_type: 2, transform: true, intercept: true },
    expected: [326, 336],
  },
  {
    name: 'logit transform, multiplier -1',
    rows: [346, 365],
    fields: ['value', 'cls'],
    params: { value_type: 2, transform: true, multiplier: -1, intercept: true },
    expected: [346, 356],
  },
  {
    name: 'logit transform, 98%',
    rows: [466, 485],
    fields: ['value', 'cls'],
    params: { value_type: 2, transform: true, confidence: 98, intercept: true },
    expected: [466, 476],
    levels: ['98_0'],
  },
  {
    name: 'logit transform, 95% and 98%',
    rows: [486, 505],
    fields: ['value', 'cls'],
    params: { value_type: 2, transform: true, confidence: [95, 98], intercept: true },
    expected: [486, 496],
    levels: ['95_0', '98_0'],
  },
  {
    name: 'logit transform, no RII',
    rows: [446, 465],
    fields: ['value', 'cls'],
    params: { value_type: 2, transform: true, rii: false },
    expected: [446, 456],
    rii: false,
  },
];

describe('phe_sii reference blocks through the JSON adapter', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const withRii = c.rii ?? true;
    const out = run({
      params: { rii: withRii, seed: 7, groupBy: ['Area'], ...c.params },
      rows: rowsOf(...c.rows, c.fields),
    });
    expect(out.rows.map((r) => r.Area)).toEqual(['area1', 'area2']);
    expectRow(out.rows[0], c.expected[0], c.levels ?? ['95_0'], withRii);
    expectRow(out.rows[1], c.expected[1], c.levels ?? ['95_0'], withRii);
    if (!withRii) expect(out.rows[0]).not.toHaveProperty('rii');
  });

  it('quintiles: SII only (rows 61-70)', () => {
    const out = run({ params: { groupBy: ['Area'], seed: 1 }, rows: rowsOf(61, 70, ['value', 'se']) });
    expect(relClose(out.rows[0]?.sii as number, num(sheet[60]?.sii), POINT)).toBe(true);
    expect(relClose(out.rows[1]?.sii as number, num(sheet[65]?.sii), POINT)).toBe(true);
  });

  it('an ungrouped area gives one row without group columns', () => {
    const out = run({
      params: { rii: true, seed: 3, type: 'standard' },
      rows: rowsOf(1, 10, ['value', 'cls']),
    });
    expect(out.rows).toHaveLength(1);
    expect(Object.keys(out.rows[0] ?? {})).toEqual([
      'sii',
      'rii',
      'sii_lower95_0cl',
      'sii_upper95_0cl',
      'rii_lower95_0cl',
      'rii_upper95_0cl',
    ]);
    expectRow(out.rows[0], 1, ['95_0']);
  });

  it('full output carries the metadata columns', () => {
    const out = run({
      params: { value_type: 1, transform: true, repetitions: 1000, confidence: [0.95, 0.998] },
      rows: rowsOf(306, 315, ['value', 'cls']),
    });
    expect(out.rows[0]).toMatchObject({
      indicator_type: 'rate',
      multiplier: 1,
      transform: 'log',
      CI_confidence: '95%, 99.8%',
      CI_method: 'simulation 1000 reps',
    });
    expect(out.rows[0]).toHaveProperty('sii_upper99_8cl');
  });

  it('reliability_stat adds the mean absolute difference columns', () => {
    const out = run({
      params: { rii: true, repetitions: 1000, reliability_stat: true, type: 'standard', groupBy: 'Area' },
      rows: rowsOf(1, 20, ['value', 'cls']),
    });
    expect(Object.keys(out.rows[0] ?? {})).toHaveLength(9);
    expect(out.rows[0]?.sii_mad95_0).toBeGreaterThan(0);
    expect(out.rows[0]?.rii_mad95_0).toBeGreaterThan(0);
  });
});

describe('peer runs of the installed R package (sii_peer.json)', () => {
  interface PeerRun {
    rows: string;
    args: string;
    peer: Record<string, number | string>[];
  }
  const peer = readAnchorJson<{ runs: PeerRun[] }>('phe/cases/sii_peer.json');
  it.each(peer.runs.map((r) => [r.rows, r] as const))('rows %s', (_rows, r) => {
    const [from, to] = r.rows.split('-').map(Number) as [number, number];
    const valueType = Number(/value_type=(\d)/.exec(r.args)?.[1] ?? 0);
    const transform = r.args.includes('transform=TRUE');
    const fields: Fields = r.args.includes('se=') ? ['value', 'se'] : ['value', 'cls'];
    const out = run({
      params: { value_type: valueType, transform, rii: true, intercept: true, seed: 11, groupBy: ['Area'] },
      rows: rowsOf(from, to, fields),
    });
    r.peer.forEach((expected, i) => {
      const actual = out.rows[i] as Record<string, number>;
      for (const column of ['sii', 'rii', 'intercept']) {
        expect(relClose(actual[column] as number, expected[column] as number, POINT), column).toBe(true);
      }
      for (const column of ['sii_lower95_0cl', 'sii_upper95_0cl', 'rii_lower95_0cl', 'rii_upper95_0cl']) {
        // In transform mode the reference names these columns without the "cl" suffix (quirk 6).
        const theirs = (expected[column] ?? expected[column.replace(/cl$/, '')]) as number;
        expect(relClose(actual[column] as number, theirs, MONTE_CARLO), column).toBe(true);
      }
    });
  });
});

describe('validation errors (reference wording)', () => {
  const expectError = (params: Record<string, unknown>, rows: JsonRow[], message: string | RegExp): void => {
    expect(() => run({ params, rows })).toThrow(StatsInputError);
    expect(() => run({ params, rows })).toThrow(message);
  };
  const base = rowsOf(1, 20, ['value', 'se']);

  it('refuses a value_type other than 0, 1 or 2', () => {
    expectError({ value_type: 3 }, base, 'value_type should be 0, 1 or 2');
  });
  it('needs at least 1,000 repetitions', () => {
    expectError(
      { repetitions: 0 },
      base,
      'number of repetitions must be 1000 or greater. Default is 100,000',
    );
  });
  it('refuses confidence levels outside 90-100 / 0.9-1', () => {
    for (const confidence of [0.35, 40, 135]) {
      expectError(
        { confidence },
        base,
        'all confidence levels must be between 90 and 100 or between 0.9 and 1',
      );
    }
  });
  it('refuses non-numeric params and fields', () => {
    expectError({ multiplier: 'none' }, base, 'params.multiplier must be a number');
    expectError(
      {},
      [{ ...base[0], population: 'lots' }, ...base.slice(1)],
      'row 1: population must be a number',
    );
  });
  it('names a missing required field and its row', () => {
    const rows = base.map((r, i) => (i === 4 ? { ...r, quantile: undefined } : r));
    expectError({}, rows, 'row 5: quantile is missing');
  });
  it('needs a value or x field, and se or both limits', () => {
    expectError(
      {},
      rowsOf(1, 20, ['se']),
      'function phe_sii requires value field, or x field if indicator is a proportion of population',
    );
    expectError(
      {},
      rowsOf(1, 20, ['value']),
      'function phe_sii requires either lower_cl and upper_cl fields, or se field',
    );
  });
  it('transform needs a rate or proportion, limits and no se', () => {
    expectError(
      { transform: true },
      rowsOf(1, 20, ['value', 'cls']),
      'value_type should be 1 or 2 when transform is true',
    );
    expectError(
      { transform: true, value_type: 1 },
      base,
      'function phe_sii requires se to be missing when transform is true',
    );
  });
  it('refuses zero, negative or missing populations (rows 151-160)', () => {
    expectError(
      {},
      rowsOf(151, 160, ['value', 'se']),
      'some groups have a zero, negative or missing population',
    );
  });
  it('refuses negative or missing standard errors (rows 161-165, 191-200)', () => {
    expectError(
      {},
      rowsOf(161, 165, ['value', 'se']),
      'negative or missing standard errors in input dataset',
    );
    expectError(
      {},
      rowsOf(191, 200, ['value', 'se']),
      'negative or missing standard errors in input dataset',
    );
  });
  it('refuses missing confidence limits (rows 191-200)', () => {
    expectError(
      {},
      rowsOf(191, 200, ['value', 'cls']),
      'missing lower or upper confidence limits in input dataset',
    );
  });
  it('refuses a zero count for proportions from x (rows 166-170)', () => {
    expectError(
      { value_type: 2 },
      rowsOf(166, 170, ['x', 'se']),
      'some groups have a zero or negative count x',
    );
  });
  it('refuses proportions or limits outside 0-1', () => {
    expectError({ value_type: 2 }, base, 'value proportions are not all between 0 and 1');
    expectError(
      { value_type: 2 },
      rowsOf(171, 175, ['value', 'cls']),
      'confidence limit proportions are not all between 0 and 1',
    );
    expectError(
      { value_type: 2 },
      rowsOf(176, 180, ['value', 'cls']),
      'confidence limit proportions are not all between 0 and 1',
    );
  });
  it('needs 5 to 100 quantiles', () => {
    expectError({}, rowsOf(1, 3, ['value', 'cls']), 'Number of quantiles must be between 5 and 100');
  });
  it('refuses a quantile given twice in one area', () => {
    const rows = rowsOf(1, 10, ['value', 'se']);
    rows[1] = { ...rows[1], quantile: 1 };
    rows.push({ ...rows[2], quantile: 11 });
    expectError({ repetitions: 1000 }, rows, 'each quantile must appear only once in each area');
  });
});

describe('warnings', () => {
  it('drops an area with a missing quantile and says so', () => {
    const rows = [...rowsOf(1, 15, ['value', 'cls']), ...rowsOf(17, 20, ['value', 'cls'])];
    const out = run({ params: { groupBy: ['Area'], repetitions: 1000 }, rows }) as {
      rows: JsonRow[];
      warnings?: string[];
    };
    expect(out.rows.map((r) => r.Area)).toEqual(['area1']);
    expect(out.warnings).toContain(
      'WARNING: some records have been removed due to incomplete or invalid data',
    );
  });
  it('warns when there are more than 10 quantiles (rows 211-225)', () => {
    const out = run({ params: { repetitions: 1000 }, rows: rowsOf(211, 225, ['value', 'cls']) }) as {
      warnings?: string[];
    };
    expect(out.warnings).toContain(
      'WARNING: Small values can make SII unstable when using a large number of quantiles',
    );
  });
});
