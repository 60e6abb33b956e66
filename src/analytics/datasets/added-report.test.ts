import { describe, expect, it } from 'vitest';
import { filesOf, reportWithAdded } from './added-report.ts';
import { EXAMPLE_LIMIT, type ProblemExample, type ValidationReport } from './validate.ts';

const examples = (count: number, from: number, sheet?: string): ProblemExample[] =>
  Array.from({ length: count }, (_v, i) => ({
    row: from + i,
    ...(sheet === undefined ? {} : { sheet }),
    column: 'Age',
    value: '-1',
    problem: 'impossible age',
  }));

const report = (parts: Partial<ValidationReport>): ValidationReport => ({
  problems: [],
  examples: [],
  rowsWithProblems: 0,
  warnings: [],
  ...parts,
});

describe('the report of a dataset with files added', () => {
  it('names the rows of a workbook’s worksheets with the workbook, and counts problems of a kind together', () => {
    const workbook = report({
      sheets: ['2023-24', '2024-25'],
      problems: [{ column: 'Age', problem: 'impossible age', rows: 3, firstRow: 7, firstSheet: '2024-25' }],
      examples: examples(1, 7, '2024-25'),
      rowsWithProblems: 3,
    });
    const added = report({
      problems: [
        { column: 'Age', problem: 'impossible age', rows: 2, firstRow: 4 },
        { column: 'LSOA', problem: 'unknown LSOA', rows: 1, firstRow: 9 },
      ],
      examples: examples(1, 4),
      rowsWithProblems: 3,
      warnings: ['The file is not saved as UTF-8.'],
    });
    const together = reportWithAdded(
      { report: workbook, source: 'years.xlsx' },
      { report: added, source: 'april.csv' },
      { read: 40, stored: 39 },
    );
    expect(together.sheets).toEqual([
      'years.xlsx, worksheet 2023-24',
      'years.xlsx, worksheet 2024-25',
      'april.csv',
    ]);
    expect(together.sheetsAreFiles).toBe(true);
    expect(together.problems).toEqual([
      {
        column: 'Age',
        problem: 'impossible age',
        rows: 5,
        firstRow: 7,
        firstSheet: 'years.xlsx, worksheet 2024-25',
      },
      { column: 'LSOA', problem: 'unknown LSOA', rows: 1, firstRow: 9, firstSheet: 'april.csv' },
    ]);
    expect(together.examples.map((e) => [e.sheet, e.row])).toEqual([
      ['years.xlsx, worksheet 2024-25', 7],
      ['april.csv', 4],
    ]);
    expect(together.rowsWithProblems).toBe(6);
    expect(together.warnings).toEqual([
      '"april.csv" was added later: 40 rows read, 39 stored, 3 with problems.',
      '"april.csv": The file is not saved as UTF-8.',
    ]);
    // The files of the source, for its name: the workbook once, then the file added.
    expect([
      ...filesOf({ report: workbook, source: 'years.xlsx' }),
      ...filesOf({ report: added, source: 'april.csv' }),
    ]).toEqual(['years.xlsx', 'april.csv']);
  });

  it('keeps half the examples shown for the files added when the dataset already had a full list', () => {
    const full = report({ examples: examples(EXAMPLE_LIMIT, 2), rowsWithProblems: EXAMPLE_LIMIT });
    const many = report({ examples: examples(EXAMPLE_LIMIT, 2) });
    const few = report({ examples: examples(3, 2) });
    const shown = (earlier: ValidationReport, added: ValidationReport) =>
      reportWithAdded(
        { report: earlier, source: 'april.csv' },
        { report: added, source: 'may.csv' },
        { read: 1, stored: 1 },
      ).examples.map((e) => e.sheet);
    const half = shown(full, many);
    expect(half).toHaveLength(EXAMPLE_LIMIT);
    expect(half.filter((s) => s === 'may.csv')).toHaveLength(EXAMPLE_LIMIT / 2);
    expect(shown(full, few).filter((s) => s === 'may.csv')).toHaveLength(3);
    expect(shown(full, few)).toHaveLength(EXAMPLE_LIMIT);
    expect(shown(few, many).filter((s) => s === 'april.csv')).toHaveLength(3);
  });
});
