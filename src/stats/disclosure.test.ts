import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  discloseCount,
  disclosePercentage,
  discloseRate,
  discloseSimpleStatistic,
  NHS_SDC_DEFAULTS,
  thresholdsWith,
  type DisclosedValue,
} from './disclosure.ts';
import { discloseTable, type DisclosedTable } from './disclosure-table.ts';
import { StatsInputError } from './errors.ts';

describe('counts (NHS England 2018 rule)', () => {
  it('suppresses 1-7, rounds the rest to the nearest 5 and keeps 0', () => {
    const shown = [0, 1, 7, 8, 12, 13, 102, 1003].map((n) => discloseCount(n, 'subnational').display);
    expect(shown).toEqual(['0', '*', '*', '10', '10', '15', '100', '1005']);
    expect(discloseCount(3, 'subnational')).toEqual({
      value: 3,
      published: null,
      display: '*',
      reason: 'primary',
      flag: null,
    });
  });
  it('exempts national figures', () => {
    expect(discloseCount(3, 'national').published).toBe(3);
    expect(discloseCount(1003, 'national').display).toBe('1003');
  });
  it('uses configurable thresholds', () => {
    const t = thresholdsWith({ suppressUpTo: 5, roundTo: 10 });
    expect([5, 6, 14, 15].map((n) => discloseCount(n, 'subnational', t).display)).toEqual([
      '*',
      '10',
      '10',
      '20',
    ]);
    expect(() => thresholdsWith({ roundTo: 0 })).toThrow('threshold roundTo must be at least 1');
    expect(() => thresholdsWith({ suppressUpTo: -1 })).toThrow(StatsInputError);
  });
  it('refuses negative counts and passes missing ones through', () => {
    expect(() => discloseCount(-2, 'subnational')).toThrow('counts cannot be negative (got -2)');
    expect(discloseCount(Number.NaN, 'subnational')).toMatchObject({
      published: null,
      display: '',
      reason: null,
    });
  });
  it('every published sub-national count is 0 or a multiple of 5 above the threshold, within 2.5 of the truth', () => {
    fc.assert(
      fc.property(fc.nat(100_000), (n) => {
        const d = discloseCount(n, 'subnational');
        if (d.published === null) return n >= 1 && n <= 7 && d.reason === 'primary';
        return (
          d.published % 5 === 0 &&
          (d.published === 0 || d.published >= 10) &&
          Math.abs(d.published - n) <= 2.5
        );
      }),
    );
  });
});

describe('percentages, rates and simple statistics', () => {
  it('computes percentages from the rounded numerator and denominator', () => {
    const p = disclosePercentage(discloseCount(12, 'subnational'), discloseCount(48, 'subnational'));
    expect(p.published).toBe(20); // 10 / 50, not 12 / 48 = 25
    expect(p.display).toBe('20.0');
  });
  it('suppresses a percentage when either part is suppressed', () => {
    expect(
      disclosePercentage(discloseCount(5, 'subnational'), discloseCount(48, 'subnational')),
    ).toMatchObject({ reason: 'derived', display: '*' });
    expect(
      disclosePercentage(discloseCount(40, 'subnational'), discloseCount(6, 'subnational')).published,
    ).toBeNull();
  });
  it('does not show DSRs on fewer than 10 events or crude rates on fewer than 3; flags fewer than 20 with u', () => {
    expect(discloseRate(123.4, 9, 'dsr')).toMatchObject({
      published: null,
      display: ':',
      reason: 'low-count-rate',
    });
    expect(discloseRate(123.4, 10, 'dsr')).toMatchObject({ published: 123.4, flag: 'u' });
    // The DSR engine gives NaN below 10 events: still ':', not a blank.
    expect(discloseRate(NaN, 9, 'dsr')).toMatchObject({ display: ':', reason: 'low-count-rate' });
    expect(discloseRate(NaN, 0, 'dsr').display).toBe(':');
    expect(discloseRate(NaN, 25, 'dsr')).toMatchObject({ display: '', reason: null });
    expect(discloseRate(5.1, 2, 'crude').reason).toBe('low-count-rate');
    expect(discloseRate(5.1, 3, 'crude').flag).toBe('u');
    expect(discloseRate(5.1, 20, 'crude').flag).toBeNull();
  });
  it('suppresses a sub-national mean over 1-7 people', () => {
    expect(discloseSimpleStatistic(41.2, 6, 'subnational').reason).toBe('primary');
    expect(discloseSimpleStatistic(41.2, 8, 'subnational').published).toBe(41.2);
    expect(discloseSimpleStatistic(41.2, 6, 'national').published).toBe(41.2);
  });
});

describe('tables', () => {
  it('computes totals from unrounded values, then rounds them', () => {
    const t = discloseTable({
      cells: [
        [12, 13],
        [12, 13],
      ],
      level: 'subnational',
      rowTotals: true,
      columnTotals: true,
    });
    expect(t.cells.map((row) => row.map((c) => c.published))).toEqual([
      [10, 15],
      [10, 15],
    ]);
    expect(t.rowTotals?.map((c) => c.published)).toEqual([25, 25]);
    expect(t.columnTotals?.map((c) => c.published)).toEqual([25, 25]); // 24 → 25, 26 → 25
    expect(t.grandTotal?.published).toBe(50);
  });
  // Published exactly, a line with one suppressed entry gives it away as total − rest.
  const exact = thresholdsWith({ roundTo: 1 });
  it('with exact counts, suppresses the next smallest non-zero cell of a row holding one suppressed cell', () => {
    const t = discloseTable(
      {
        cells: [
          [3, 40, 0, 25],
          [50, 60, 0, 70],
        ],
        level: 'subnational',
        rowTotals: true,
      },
      exact,
    );
    expect(t.cells.map((row) => row.map((c) => c.reason))).toEqual([
      ['primary', null, null, 'secondary'],
      [null, null, null, null],
    ]);
    expect(t.rowTotals?.map((c) => c.published)).toEqual([68, 180]);
  });
  it('with exact counts, cascades through columns until no line has a single suppressed entry', () => {
    const t = discloseTable(
      {
        cells: [
          [3, 40],
          [50, 60],
        ],
        level: 'subnational',
        rowTotals: true,
        columnTotals: true,
      },
      exact,
    );
    expect(t.cells.map((row) => row.map((c) => c.reason))).toEqual([
      ['primary', 'secondary'],
      ['secondary', 'secondary'],
    ]);
  });
  it('with exact counts, suppresses the total when nothing else in the line can hide the cell', () => {
    const t = discloseTable({ cells: [[3, 0, 0]], level: 'subnational', rowTotals: true }, exact);
    expect(t.rowTotals?.[0]?.reason).toBe('primary'); // the total is 3 itself
    const u = discloseTable({ cells: [[9, 3]], level: 'subnational', rowTotals: true }, exact);
    expect(u.cells[0]?.map((c) => c.reason)).toEqual(['secondary', 'primary']);
  });
  it('relies on rounding where it leaves the suppressed cell uncertain, as the NHS England rule does', () => {
    // 68 → 70, 40 → 40, 25 → 25: the hidden cell is 70 ± 2 − (40 ± 2) − (25 ± 2), anything from 1 to 7.
    const t = discloseTable({ cells: [[3, 40, 0, 25]], level: 'subnational', rowTotals: true });
    expect(t.cells[0]?.map((c) => c.display)).toEqual(['*', '40', '0', '25']);
    expect(t.rowTotals?.[0]?.display).toBe('70');
  });
  it('suppresses a second cell where the rounding ranges would still pin the suppressed one down', () => {
    // 17 → 15, 8 → 10, 8 → 10: the hidden cell is at most 17 − 8 − 8 = 1, and it is at least 1.
    const t = discloseTable({ cells: [[1, 8, 8]], level: 'subnational', rowTotals: true });
    expect(t.cells[0]?.map((c) => c.reason)).toEqual(['primary', 'secondary', null]);
    // One more count makes the published 15 stand for 13–17 again with room to spare.
    const u = discloseTable({ cells: [[1, 8, 9]], level: 'subnational', rowTotals: true });
    expect(u.cells[0]?.map((c) => c.reason)).toEqual(['primary', null, null]);
    // A missing cell adds nothing to the total, so it cannot hide anything either.
    const v = discloseTable({ cells: [[1, Number.NaN, 8, 8]], level: 'subnational', rowTotals: true });
    expect(v.cells[0]?.map((c) => c.reason)).toEqual(['primary', null, 'secondary', null]);
  });
  it('leaves national tables alone', () => {
    const t = discloseTable({ cells: [[3, 40]], level: 'national', rowTotals: true });
    expect(t.cells[0]?.map((c) => c.published)).toEqual([3, 40]);
  });
  it('refuses ragged tables', () => {
    expect(() => discloseTable({ cells: [[1, 2], [3]], level: 'subnational' })).toThrow(
      'every row of a table must have the same number of cells',
    );
  });

  const isHidden = (d: DisclosedValue): boolean => d.published === null && d.reason !== null;
  /** Every row / column with a published total holds 0 or ≥ 2 suppressed entries. */
  function noEntryDerivable(t: DisclosedTable, rowTotals: boolean, columnTotals: boolean): boolean {
    const grid = t.cells.map((row, i) => (rowTotals ? [...row, t.rowTotals?.[i] as DisclosedValue] : row));
    if (columnTotals) grid.push([...(t.columnTotals ?? []), ...(t.grandTotal ? [t.grandTotal] : [])]);
    const lines: DisclosedValue[][] = [];
    if (rowTotals) lines.push(...grid);
    if (columnTotals)
      for (let j = 0; j < (grid[0]?.length ?? 0); j++)
        lines.push(grid.map((row) => row[j] as DisclosedValue));
    return lines.every((line) => line.filter(isHidden).length !== 1);
  }

  const tables = fc.integer({ min: 1, max: 6 }).chain((w) =>
    fc.array(
      fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 400 })), {
        minLength: w,
        maxLength: w,
      }),
      { minLength: 1, maxLength: 6 },
    ),
  );
  const primaryKept = (cells: number[][], t: DisclosedTable): boolean =>
    cells.every((row, i) =>
      row.every((n, j) => !(n >= 1 && n <= 7) || t.cells[i]?.[j]?.reason === 'primary'),
    );

  it('property: with exact counts, no suppressed cell can be derived by subtraction from a published total', () => {
    fc.assert(
      fc.property(tables, fc.boolean(), fc.boolean(), (cells, rowTotals, columnTotals) => {
        const t = discloseTable({ cells, level: 'subnational', rowTotals, columnTotals }, exact);
        return primaryKept(cells, t) && noEntryDerivable(t, rowTotals, columnTotals);
      }),
      { numRuns: 500 },
    );
  });

  /**
   * The true entries of every line with a published total (the total last); `published` in parallel.
   * Lines come from the original counts, so this check does not reuse the code under test.
   */
  function linesWithTruth(cells: number[][], t: DisclosedTable, rowTotals: boolean, columnTotals: boolean) {
    const truth = cells.map((row) => (rowTotals ? [...row, row.reduce((a, b) => a + b, 0)] : [...row]));
    const shown = t.cells.map((row, i) => (rowTotals ? [...row, t.rowTotals?.[i] as DisclosedValue] : row));
    if (columnTotals) {
      truth.push((truth[0] ?? []).map((_v, j) => truth.reduce((a, row) => a + (row[j] ?? 0), 0)));
      shown.push([...(t.columnTotals ?? []), ...(t.grandTotal ? [t.grandTotal] : [])]);
    }
    const lines: { truth: number[]; shown: DisclosedValue[] }[] = [];
    if (rowTotals) truth.forEach((row, i) => lines.push({ truth: row, shown: shown[i] ?? [] }));
    if (columnTotals)
      for (let j = 0; j < (truth[0]?.length ?? 0); j++)
        lines.push({
          truth: truth.map((row) => row[j] ?? 0),
          shown: shown.map((row) => row[j] as DisclosedValue),
        });
    return lines;
  }

  /** Another value the one hidden entry could have: move it by one and another entry to match. */
  function hasOtherValue(truth: number[], shown: DisclosedValue[], hidden: number): boolean {
    const last = truth.length - 1;
    const sameDisplay = (k: number, v: number) =>
      v >= 0 && discloseCount(v, 'subnational').display === shown[k]?.display;
    return [1, -1].some((d) => {
      const moved = (truth[hidden] ?? 0) + d;
      if (!(moved >= 1 && moved <= 7)) return false;
      // The hidden entry and one other move together so that the line still adds up to its total.
      return truth.some((v, k) => {
        if (k === hidden || shown[k]?.published === null) return false;
        const step = (k === last) !== (hidden === last) ? d : -d;
        return sameDisplay(k, v + step);
      });
    });
  }

  it('property: with rounded counts, every suppressed cell alone in its line could have another value', () => {
    fc.assert(
      fc.property(tables, fc.boolean(), fc.boolean(), (cells, rowTotals, columnTotals) => {
        const t = discloseTable({ cells, level: 'subnational', rowTotals, columnTotals });
        const safe = linesWithTruth(cells, t, rowTotals, columnTotals).every(({ truth, shown }) => {
          const hidden = shown.flatMap((s, k) => (s.published === null && s.reason !== null ? [k] : []));
          return (
            hidden.length !== 1 ||
            shown[hidden[0] as number]?.reason !== 'primary' ||
            hasOtherValue(truth, shown, hidden[0] as number)
          );
        });
        return primaryKept(cells, t) && safe;
      }),
      { numRuns: 1000 },
    );
  });

  it('is deterministic', () => {
    const cells = [
      [3, 12, 12],
      [12, 5, 12],
      [12, 12, 12],
    ];
    const a = discloseTable({ cells, level: 'subnational', rowTotals: true, columnTotals: true });
    const b = discloseTable({ cells, level: 'subnational', rowTotals: true, columnTotals: true });
    expect(a).toEqual(b);
  });

  it('has the NHS defaults', () => {
    expect(NHS_SDC_DEFAULTS).toEqual({
      suppressUpTo: 7,
      roundTo: 5,
      dsrMinEvents: 10,
      crudeRateMinEvents: 3,
      unreliableBelow: 20,
    });
  });
});
