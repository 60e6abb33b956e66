import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';
import { EXCEL_ERROR } from './excel-errors.ts';

// A spreadsheet's formula that failed leaves an error value in its cell (#N/A from a VLOOKUP that
// found nothing). The report names it as such, whatever the column, and the row is kept.
describe('spreadsheet error values in an extract', () => {
  const { importAs, stored, write, writeWorkbook } = importStore('parity-excel-errors-');

  it('reports an error value in any column as a formula that failed, and keeps the row', async () => {
    const file = write(
      'errors.csv',
      [
        'Pseudo ID,LSOA,Age,Sex,Ethnic category,Appointment date,DNA,LD flag',
        'P1,X01000001,34,F,A,01/05/2024,1,0',
        'P2,#N/A,#VALUE!,M,#N/A,02/05/2024,#DIV/0!,#REF!',
        'P3,X01000001,#NUM!,Err:502,B,#N/A,0,1',
        'P4,X01000001,abc,Q,A,03/05/2024,0,0',
      ].join('\n') + '\n',
    );
    const result = await importAs('errors', file, { flags: { flag_ld: 'LD flag' } });
    expect(result.rowsStored).toBe(4);
    const problems = result.report.examples.map((e) => [e.row, e.column, e.value, e.problem]);
    expect(problems).toEqual([
      [3, 'Age', '#VALUE!', EXCEL_ERROR],
      [3, 'DNA', '#DIV/0!', EXCEL_ERROR],
      [3, 'Ethnic category', '#N/A', EXCEL_ERROR],
      [3, 'LD flag', '#REF!', EXCEL_ERROR],
      [3, 'LSOA', '#N/A', EXCEL_ERROR],
      [4, 'Age', '#NUM!', EXCEL_ERROR],
      [4, 'Appointment date', '#N/A', EXCEL_ERROR],
      [4, 'Sex', 'Err:502', EXCEL_ERROR],
      // A value that is wrong in itself keeps its own problem.
      [5, 'Age', 'abc', 'not a number'],
      [5, 'Sex', 'Q', 'unknown code (use F, M or U, or Female, Male or Not known)'],
    ]);
    expect(result.report.problems.find((p) => p.column === 'Age' && p.problem === EXCEL_ERROR)).toMatchObject(
      {
        rows: 2,
        firstRow: 3,
      },
    );
    expect(await stored('errors', 'lsoa_code, age, sex, ethnic_code, dna')).toEqual([
      { lsoa_code: 'X01000001', age: 34, sex: 'F', ethnic_code: 'A', dna: 1 },
      { lsoa_code: '#N/A', age: null, sex: 'M', ethnic_code: '99', dna: null },
      { lsoa_code: 'X01000001', age: null, sex: 'U', ethnic_code: 'B', dna: 0 },
      { lsoa_code: 'X01000001', age: null, sex: 'U', ethnic_code: 'A', dna: 0 },
    ]);
  });

  it('stores no person for an identifier that is an error value, so such rows are not one person', async () => {
    const file = write(
      'person-errors.csv',
      'Pseudo ID,LSOA\nP1,X01000001\n#N/A,X01000001\n#1234,X01000001\n#N/A,X01000001\n',
    );
    const result = await importAs('person-errors', file);
    expect(result.report.problems).toEqual([
      { column: 'Pseudo ID', problem: EXCEL_ERROR, rows: 2, firstRow: 3 },
    ]);
    // Never shown: a person identifier is not written into the report.
    expect(result.report.examples.map((e) => [e.row, e.value])).toEqual([
      [3, ''],
      [5, ''],
    ]);
    // "#1234" is an identifier, not an error value.
    const people = await stored<{ person_id: string | null }>(
      'person-errors',
      'person_id',
      'person_id NULLS LAST',
    );
    expect(people.map((r) => r.person_id)).toEqual(['#1234', 'P1', null, null]);
  });

  it("reads a workbook's error cells as their error values, reported the same way", async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Pseudo ID', 'LSOA', 'Age'],
      ['W1', 'X01000001', 40],
      ['W2', 'X01000001', 41],
    ]);
    // Error cells as Excel writes them: type "e", with the error's code (0x2A is #N/A, 0x0F #VALUE!).
    sheet.B3 = { t: 'e', v: 0x2a, w: '#N/A' };
    sheet.C2 = { t: 'e', v: 0x0f, w: '#VALUE!' };
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Extract');
    const result = await importAs('book-errors', writeWorkbook('errors.xlsx', book));
    expect(result.report.examples.map((e) => [e.row, e.column, e.value, e.problem])).toEqual([
      [2, 'Age', '#VALUE!', EXCEL_ERROR],
      [3, 'LSOA', '#N/A', EXCEL_ERROR],
    ]);
  });
});
