// Disclosure control of a table of counts with margins: primary suppression and rounding per cell,
// totals from the unrounded values then rounded. Rounding is what stops a suppressed cell being
// worked out as its total minus the rest of its line (total and rest are each only known to within
// the rounding), which is why the NHS England rule of 2018 replaced secondary suppression with it.
// Rounding does not always suffice (e.g. cells 1, 8, 8 with total 17 publish as *, 10, 10, 15, and
// 15 + 2 − (10 − 2) − (10 − 2) = 1 pins the hidden cell to 1), and exact counts (roundTo 1) never do,
// so secondary (complementary) suppression is applied to any line whose one suppressed entry can
// still be worked out exactly, until none can.
import { fail } from './errors.ts';
import {
  discloseCount,
  NHS_SDC_DEFAULTS,
  suppressed,
  type DisclosedValue,
  type GeographyLevel,
  type SdcThresholds,
} from './disclosure.ts';

export interface CountTable {
  /** Rows × columns of counts (NaN = missing). */
  cells: readonly (readonly number[])[];
  level: GeographyLevel;
  /** Publish a total for each row (computed from the unrounded cells). */
  rowTotals?: boolean;
  /** Publish a total for each column, and the grand total when rowTotals is set too. */
  columnTotals?: boolean;
}

export interface DisclosedTable {
  cells: DisclosedValue[][];
  rowTotals: DisclosedValue[] | null;
  columnTotals: DisclosedValue[] | null;
  grandTotal: DisclosedValue | null;
}

interface Entry {
  row: number;
  column: number;
  isTotal: boolean;
  disclosed: DisclosedValue;
}

const sum = (values: readonly number[]): number =>
  values.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);

/** The table with its margins as one grid: the last row / column hold the totals. */
function buildGrid(table: CountTable, thresholds: SdcThresholds): Entry[][] {
  const width = table.cells[0]?.length ?? 0;
  if (table.cells.some((row) => row.length !== width))
    fail('every row of a table must have the same number of cells');
  const values = table.cells.map((row) => (table.rowTotals ? [...row, sum(row)] : [...row]));
  if (table.columnTotals) {
    const columns = values[0]?.length ?? 0;
    values.push(Array.from({ length: columns }, (_v, j) => sum(values.map((row) => row[j] ?? 0))));
  }
  return values.map((row, i) =>
    row.map((value, j) => ({
      row: i,
      column: j,
      isTotal:
        (table.rowTotals === true && j === width) ||
        (table.columnTotals === true && i === table.cells.length),
      disclosed: discloseCount(value, table.level, thresholds),
    })),
  );
}

/** Rows and columns whose last entry is a published total. */
function linesOf(grid: Entry[][], table: CountTable): Entry[][] {
  const lines: Entry[][] = [];
  if (table.rowTotals) lines.push(...grid);
  if (table.columnTotals) {
    const width = grid[0]?.length ?? 0;
    for (let j = 0; j < width; j++) lines.push(grid.map((row) => row[j] as Entry));
  }
  return lines;
}

const isSuppressed = (e: Entry): boolean => e.disclosed.reason !== null && e.disclosed.published === null;

/** The entry to suppress next in a line: the smallest non-zero cell, a total only as a last resort. */
function complement(line: Entry[]): Entry | undefined {
  const open = line.filter((e) => !isSuppressed(e) && Number.isFinite(e.disclosed.value));
  const rank = (e: Entry): [number, number, number] => [
    e.disclosed.value > 0 ? 0 : 1,
    e.isTotal ? 1 : 0,
    e.disclosed.value,
  ];
  return open.sort((a, b) => {
    const [a0, a1, a2] = rank(a);
    const [b0, b1, b2] = rank(b);
    return a0 - b0 || a1 - b1 || a2 - b2 || a.row - b.row || a.column - b.column;
  })[0];
}

/** The whole numbers a published entry may stand for: its rounding range, above the suppressed ones. */
function rangeOf(e: Entry, t: SdcThresholds): [number, number] {
  const p = e.disclosed.published;
  // Only a missing cell is unpublished yet not suppressed, and it adds nothing to its total.
  if (p === null || p === 0) return [0, 0];
  return [Math.max(Math.ceil(p - t.roundTo / 2), t.suppressUpTo + 1), Math.ceil(p + t.roundTo / 2) - 1];
}

/**
 * Whether the one suppressed entry of a line can be worked out exactly from the published rest:
 * the values the line's total minus its other cells (each only known within its rounding) allows,
 * among those a suppressed entry can have, number one or none.
 */
function recoverable(line: Entry[], hidden: Entry, t: SdcThresholds): boolean {
  const total = line[line.length - 1] as Entry;
  let [lo, hi] = [0, 0];
  for (const e of line) {
    if (e === hidden) continue;
    const [a, b] = rangeOf(e, t);
    // Moving every other entry to the total's side of the equation: hidden = total − cells.
    const sign = e === total || hidden === total ? 1 : -1;
    [lo, hi] = sign > 0 ? [lo + a, hi + b] : [lo - b, hi - a];
  }
  const [low, high] = hidden.disclosed.reason === 'primary' ? [1, t.suppressUpTo] : [0, Infinity];
  return Math.min(hi, high) - Math.max(lo, low) < 1;
}

function secondarySuppression(lines: Entry[][], thresholds: SdcThresholds): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const hidden = line.filter(isSuppressed);
      if (hidden.length !== 1 || !recoverable(line, hidden[0] as Entry, thresholds)) continue;
      const next = complement(line);
      if (!next) continue;
      next.disclosed = suppressed(next.disclosed.value, 'secondary');
      changed = true;
    }
  }
}

/**
 * Apply the count rules to a table and its margins; below national level, secondary suppression
 * wherever a suppressed entry could still be worked out exactly.
 */
export function discloseTable(
  table: CountTable,
  thresholds: SdcThresholds = NHS_SDC_DEFAULTS,
): DisclosedTable {
  const grid = buildGrid(table, thresholds);
  if (table.level !== 'national') secondarySuppression(linesOf(grid, table), thresholds);
  const rows = table.cells.length;
  const width = table.cells[0]?.length ?? 0;
  const at = (i: number, j: number): DisclosedValue => (grid[i]?.[j] as Entry).disclosed;
  return {
    cells: table.cells.map((row, i) => row.map((_v, j) => at(i, j))),
    rowTotals: table.rowTotals ? table.cells.map((_row, i) => at(i, width)) : null,
    columnTotals: table.columnTotals ? Array.from({ length: width }, (_v, j) => at(rows, j)) : null,
    grandTotal: table.rowTotals && table.columnTotals ? at(rows, width) : null,
  };
}
