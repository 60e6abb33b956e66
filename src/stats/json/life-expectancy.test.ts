import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './life-expectancy.ts';

interface InputRow {
  area?: string;
  startage: number;
  pops: number;
  deaths: number;
}
type Row = Record<string, unknown>;
const casePath = path.resolve(
  import.meta.dirname,
  '../../../../shared/anchors/phe/cases/life_expectancy.json',
);
const anchor = JSON.parse(readFileSync(casePath, 'utf8')) as {
  simple: { input: InputRow[]; expected: Row[]; expected_cumulative: Row[] };
  wide_ci: { input: InputRow[]; expected_area2: Row[] };
  peer_simple_95_998: Row[];
  peer_wide_95_998: Row[];
};
const toRows = (rows: InputRow[]) => rows.map(({ pops, ...r }) => ({ ...r, population: pops }));
const simple = toRows(anchor.simple.input);

function expectWithin(actual: unknown, expected: unknown, tolerance: number): void {
  if (expected === null) return expect(actual).toBeNull();
  expect(Math.abs((actual as number) - (expected as number))).toBeLessThanOrEqual(tolerance);
}

describe('phe_life_expectancy reference cases', () => {
  it('simple table: LE, 95% limits and cumulative populations/deaths at every start age (4 dp)', () => {
    const out = run({ params: {}, rows: simple }).rows;
    expect(out).toHaveLength(20);
    out.forEach((row, i) => {
      const want = anchor.simple.expected[i] as Row;
      for (const column of ['value', 'lowercl', 'uppercl']) expectWithin(row[column], want[column], 1e-4);
      expect(row).toMatchObject(anchor.simple.expected_cumulative[i] as Row);
      expect(row).toMatchObject({
        confidence: '95%',
        method: 'Chiang, using Silcocks et al for confidence limits',
      });
      expect(row.statistic).toBe(`life expectancy at ${anchor.simple.input[i]?.startage}`);
    });
    expectWithin(out[0]?.value, 80.16961, 1e-5);
    expectWithin(out[14]?.value, 18.76857, 1e-5);
  });

  it('95% and 99.8% agree with the installed package run (peer)', () => {
    const out = run({ params: { confidence: [95, 99.8] }, rows: simple }).rows;
    out.forEach((row, i) => {
      const want = anchor.peer_simple_95_998[i] as Row;
      for (const column of ['value', 'lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl']) {
        expectWithin(row[column], want[column], 1e-9);
      }
      expect(row).toMatchObject({
        pops_used: want.pops_used,
        dths_used: want.dths_used,
        confidence: '95%, 99.8%',
      });
    });
  });

  it('wide CIs: values suppressed above a 20-year 95% interval, limits kept; deaths > population suppresses the area', () => {
    const out = run({
      params: { groupBy: ['area'], confidence: [0.95, 0.998] },
      rows: toRows(anchor.wide_ci.input),
    }).rows;
    const area2 = out.filter((r) => r.area === 'Area 2');
    area2.forEach((row, i) => {
      const want = anchor.wide_ci.expected_area2[i] as Row;
      for (const column of ['value', 'lower95_0cl', 'upper95_0cl'])
        expectWithin(row[column], want[column], 1e-4);
    });
    const peer = anchor.peer_wide_95_998;
    for (const row of out) {
      const want = peer.find((p) => p.area === row.area && p.startage === row.startage) as Row;
      for (const column of [
        'value',
        'lower95_0cl',
        'upper95_0cl',
        'lower99_8cl',
        'upper99_8cl',
        'pops_used',
        'dths_used',
      ]) {
        expectWithin(row[column], want[column], 1e-9);
      }
    }
    expect(
      out.filter((r) => r.area === 'Area 1').every((r) => r.value === null && r.lower95_0cl === null),
    ).toBe(true);
  });

  it('rows in any order and band labels are sorted by the first number in the label', () => {
    const labels = [
      '0',
      '1-4',
      ...Array.from({ length: 17 }, (_, i) => `${5 * (i + 1)} - ${5 * (i + 1) + 4}`),
      '90 +',
    ];
    const labelled = simple.map((r, i) => ({ ...r, startage: labels[i] as string })).reverse();
    const out = run({ params: { age_contents: labels }, rows: labelled }).rows;
    expect(out.map((r) => r.startage)).toEqual(labels);
    expectWithin(out[0]?.value, 80.16960813, 1e-4);
    expect(out[19]?.statistic).toBe('life expectancy at 90 +');
  });

  it('le_age filters the start ages returned; type "standard" drops cumulative columns and metadata', () => {
    const out = run({ params: { le_age: [0, 65], type: 'standard' }, rows: simple }).rows;
    expect(out.map((r) => r.startage)).toEqual([0, 65]);
    expect(Object.keys(out[0] ?? {})).toEqual(['startage', 'value', 'lowercl', 'uppercl']);
    expect(run({ params: { le_age: 3 }, rows: simple }).rows).toHaveLength(20);
  });

  it('suppresses whole groups for the reference rules', () => {
    const variants: [string, (r: Row, i: number) => Row][] = [
      ['negative deaths', (r, i) => (i === 3 ? { ...r, deaths: -1 } : r)],
      ['zero population', (r, i) => (i === 3 ? { ...r, population: 0 } : r)],
      ['small population', (r) => ({ ...r, population: 200, deaths: 1 })],
      ['no deaths at 90+', (r, i) => (i === 19 ? { ...r, deaths: 0 } : r)],
    ];
    for (const [name, change] of variants) {
      const rows = [
        ...simple.map((r) => ({ ...r, area: 'ok' })),
        ...simple.map((r, i) => ({ ...change(r, i), area: name })),
      ];
      const out = run({ params: { groupBy: ['area'] }, rows }).rows;
      expect(
        out.filter((r) => r.area === name).every((r) => r.value === null),
        name,
      ).toBe(true);
      expect(
        out.filter((r) => r.area === 'ok').every((r) => typeof r.value === 'number'),
        name,
      ).toBe(true);
    }
    const missingBand = [
      ...simple.map((r) => ({ ...r, area: 'ok' })),
      ...simple.slice(1).map((r) => ({ ...r, area: 'short' })),
    ];
    const out = run({ params: { groupBy: ['area'] }, rows: missingBand }).rows;
    expect(out.filter((r) => r.area === 'short')).toHaveLength(19);
    expect(out.filter((r) => r.area === 'short').every((r) => r.value === null)).toBe(true);
  });
});

describe('phe_life_expectancy input errors', () => {
  it.each([
    [{ age_contents: [1, 5] }, simple, 'first age band in age_contents must be 0'],
    [
      { age_contents: [0, 5, 1] },
      simple,
      "age_contents doesn't appear to be in ascending order; the following age bands appear out of position: 5, 1",
    ],
    [
      {},
      simple.slice(1),
      'the contents in the startage field do not match the contents of the age_contents vector',
    ],
    [{ confidence: 0.5 }, simple, 'all confidence levels must be between 90 and 100 or between 0.9 and 1'],
    [
      { confidence: [0.95, 101] },
      simple,
      'all confidence levels must be between 90 and 100 or between 0.9 and 1',
    ],
    [{ type: 'value' }, simple, 'type must be either full or standard for life expectancy'],
    [
      {},
      simple.map((r, i) => (i === 4 ? { ...r, deaths: null } : r)),
      'field deaths cannot have missing values (row 5)',
    ],
    [{}, simple.map(({ population: _p, ...r }) => r), 'row 1 has no "population" field'],
  ])('%#: %s', (params, rows, message) => {
    expect(() => run({ params, rows })).toThrow(message);
  });
});
