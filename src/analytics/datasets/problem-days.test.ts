import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';
import { correctionsNote } from './added-files.ts';
import { reportWithoutDays } from './problem-days.ts';
import type { ValidationReport } from './validate.ts';

const unknownLsoa = 'unknown LSOA 2021 code';
const impossibleAge = 'impossible age';

describe('problems kept by the day of their rows', () => {
  const { write, importAs } = importStore('parity-problem-days-');

  it('counts each day’s problems and rows, numbered as in the file, and those of rows without a date', async () => {
    // Line 4 is empty: rows are numbered as in the file, as the report's other rows are.
    const file = write(
      'days.csv',
      'person_id,lsoa_code,age,event_date,dna\n' +
        'P1,X01000001,34,2024-05-01,0\n' +
        'P2,NOT-AN-LSOA,130,2024-05-01,1\n' +
        '\n' +
        'P3,NOT-AN-LSOA,40,2024-05-02,0\n' +
        'P4,X01000002,150,,1\n' +
        'P5,ALSO-NOT,50,2024-05-01,0\n',
    );
    const { report } = await importAs('days', file);
    expect(report.rowsWithProblems).toBe(4);
    expect(report.problemDays).toEqual([
      {
        day: '2024-05-01',
        rowsWithProblems: 2,
        problems: [
          { column: 'age', problem: impossibleAge, rows: 1, firstRow: 3 },
          { column: 'lsoa_code', problem: unknownLsoa, rows: 2, firstRow: 3 },
        ],
      },
      {
        day: '2024-05-02',
        rowsWithProblems: 1,
        problems: [{ column: 'lsoa_code', problem: unknownLsoa, rows: 1, firstRow: 5 }],
      },
      {
        day: null,
        rowsWithProblems: 1,
        problems: [{ column: 'age', problem: impossibleAge, rows: 1, firstRow: 6 }],
      },
    ]);
    // Its days add up to the report's counts.
    const days = report.problemDays!;
    expect(days.reduce((sum, d) => sum + d.rowsWithProblems, 0)).toBe(report.rowsWithProblems);
    expect(reportWithoutDays(report, new Set())!.problems).toEqual(report.problems);
  });

  it('has no problems by day for a dataset without dates, which corrections cannot correct', async () => {
    const { report } = await importAs('undated', write('undated.csv', 'lsoa_code,dna\nNOT-AN-LSOA,1\n'));
    expect(report.rowsWithProblems).toBe(1);
    expect(report.problemDays).toBeUndefined();
  });

  // Two files read as one: April's rows on 3 and 9 April, May's on 2 May and one without a date.
  const twoFiles: ValidationReport = {
    problems: [
      { column: 'lsoa_code', problem: unknownLsoa, rows: 4, firstRow: 10, firstSheet: 'april.csv' },
      { column: 'age', problem: impossibleAge, rows: 2, firstRow: 5, firstSheet: 'may.csv' },
    ],
    examples: [
      {
        row: 10,
        day: '2024-04-03',
        sheet: 'april.csv',
        column: 'lsoa_code',
        value: 'A',
        problem: unknownLsoa,
      },
      {
        row: 12,
        day: '2024-04-03',
        sheet: 'april.csv',
        column: 'lsoa_code',
        value: 'B',
        problem: unknownLsoa,
      },
      {
        row: 40,
        day: '2024-04-09',
        sheet: 'april.csv',
        column: 'lsoa_code',
        value: 'C',
        problem: unknownLsoa,
      },
      { row: 5, day: '2024-05-02', sheet: 'may.csv', column: 'age', value: '130', problem: impossibleAge },
      { row: 5, day: '2024-05-02', sheet: 'may.csv', column: 'lsoa_code', value: 'D', problem: unknownLsoa },
      { row: 7, sheet: 'may.csv', column: 'age', value: '140', problem: impossibleAge },
    ],
    rowsWithProblems: 5,
    warnings: ['A note'],
    sheets: ['april.csv', 'may.csv'],
    sheetsAreFiles: true,
    problemDays: [
      {
        day: '2024-04-03',
        rowsWithProblems: 2,
        problems: [
          { column: 'lsoa_code', problem: unknownLsoa, rows: 2, firstRow: 10, firstSheet: 'april.csv' },
        ],
      },
      {
        day: '2024-04-09',
        rowsWithProblems: 1,
        problems: [
          { column: 'lsoa_code', problem: unknownLsoa, rows: 1, firstRow: 40, firstSheet: 'april.csv' },
        ],
      },
      {
        day: '2024-05-02',
        rowsWithProblems: 1,
        problems: [
          { column: 'age', problem: impossibleAge, rows: 1, firstRow: 5, firstSheet: 'may.csv' },
          { column: 'lsoa_code', problem: unknownLsoa, rows: 1, firstRow: 5, firstSheet: 'may.csv' },
        ],
      },
      {
        day: null,
        rowsWithProblems: 1,
        problems: [{ column: 'age', problem: impossibleAge, rows: 1, firstRow: 7, firstSheet: 'may.csv' }],
      },
    ],
  };

  it('takes out the problems of the days replaced, naming the first row left of each kind', () => {
    const kept = reportWithoutDays(twoFiles, new Set(['2024-04-03', '2024-05-02']))!;
    expect(kept.problems).toEqual([
      { column: 'lsoa_code', problem: unknownLsoa, rows: 1, firstRow: 40, firstSheet: 'april.csv' },
      { column: 'age', problem: impossibleAge, rows: 1, firstRow: 7, firstSheet: 'may.csv' },
    ]);
    expect(kept.rowsWithProblems).toBe(2);
    expect(kept.examples.map((e) => [e.sheet, e.row])).toEqual([
      ['april.csv', 40],
      ['may.csv', 7],
    ]);
    expect(kept.problemDays!.map((d) => d.day)).toEqual(['2024-04-09', null]);
    expect(kept.warnings).toEqual(['A note']);
    // A row's first problem may be in a later file than another kind's: files come first, then rows.
    const april = reportWithoutDays(twoFiles, new Set(['2024-04-09']))!;
    expect(april.problems.map((p) => [p.column, p.rows, p.firstSheet, p.firstRow])).toEqual([
      ['lsoa_code', 3, 'april.csv', 10],
      ['age', 2, 'may.csv', 5],
    ]);
  });

  it('cannot take out problems a report does not keep by day, and the corrections note says so', () => {
    const { problemDays: _days, ...earlier } = twoFiles;
    expect(reportWithoutDays(earlier, new Set(['2024-04-03']))).toBeNull();
    // A report without problems has none to take out.
    const clean = { problems: [], examples: [], rowsWithProblems: 0, warnings: [] };
    expect(reportWithoutDays(clean, new Set(['2024-04-03']))).toMatchObject({ rowsWithProblems: 0 });
    const replaced = { days: ['2024-04-03'], rows: 3, first: '2024-04-03', last: '2024-04-03' };
    expect(correctionsNote(replaced, ['april.csv'], false)).toContain(
      'The problems counted in this report include any found in the rows replaced when they were read.',
    );
    expect(correctionsNote(replaced, ['april.csv'], true)).toContain(
      'The problems found in the rows replaced are no longer counted in this report.',
    );
  });
});
