import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';
import { sourceColumnsProblem } from './file-checks.ts';
import { importDataset } from './import.ts';
import { layoutOf } from './fixed-width.ts';

// Results saved from SQL Server Management Studio to a file (.rpt) or to text: columns lined up
// with spaces under a line of dashes, numbers on the right, NULL for no value, and the count of
// rows below. Management Studio saves them as UTF-16 with Windows line ends.
const RESULTS = [
  'Pseudo ID  LSOA       Age         Clinic                DNA',
  '---------- ---------- ----------- --------------------- -----------',
  'Q1         X01000001           34 Smith, 5" cut                   1',
  'Q2         X99999999           50 NULL                            0',
  '',
  'Q3         X01000002         NULL Westdale – Eye clinic        NULL',
  '',
  '(3 rows affected)',
  '',
  'Completion time: 2024-05-01T09:30:15.1234567+01:00',
  '',
];

const utf16 = (lines: readonly string[]): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n'), 'utf16le')]);

describe('results lined up with spaces, as SQL Server Management Studio saves them', () => {
  const { importAs, stored, write, store } = importStore('parity-fixed-width-');

  it('finds the columns from the dashes under the headings', () => {
    expect(layoutOf(['Title', 'ID  Age', '--- ---', 'Q1   34'], false)).toEqual({
      headingLine: 1,
      columns: [
        { start: 0, end: 3 },
        { start: 4, end: 7 },
      ],
    });
    // A CSV file's column of dashes is not a layout, but for a .rpt file, whose columns are lined up.
    expect(layoutOf(['ID', '---', 'Q1'], false)).toBeNull();
    expect(layoutOf(['ID', '---', 'Q1'], true)?.columns).toEqual([{ start: 0, end: 3 }]);
    expect(layoutOf(['ID\tAge', '---\t---'], false)).toBeNull();
    expect(layoutOf(['ID,Age', '---,---'], false)).toBeNull();
    // Headings with a delimiter are a CSV file's, but for results to a file, whose headings may have commas.
    expect(layoutOf(['ID,Age', '--- ---'], false)).toBeNull();
    expect(layoutOf(['Age, years', '----------'], true)?.columns).toEqual([{ start: 0, end: 10 }]);
  });

  it('reads a .rpt file (UTF-16) column by column, leaving out the dashes and the messages, with rows numbered as in the file', async () => {
    const file = write('results.rpt', utf16(RESULTS));
    const result = await importAs('rpt', file);
    expect(result.mapping.columns).toMatchObject({ person_id: 'Pseudo ID', lsoa_code: 'LSOA', age: 'Age' });
    expect(result.rowsStored).toBe(3);
    // Named as what it is on the dataset's page, though read as CSV once written out.
    expect(result.format).toBe('rpt');
    expect(
      await stored<{
        person_id: string;
        lsoa_code: string;
        age: number | null;
        dna: number | null;
        clinic: string | null;
      }>('rpt', 'person_id, lsoa_code, age, dna, clinic'),
    ).toEqual([
      { person_id: 'Q1', lsoa_code: 'X01000001', age: 34, dna: 1, clinic: 'Smith, 5" cut' },
      { person_id: 'Q2', lsoa_code: 'X99999999', age: 50, dna: 0, clinic: null },
      { person_id: 'Q3', lsoa_code: 'X01000002', age: null, dna: null, clinic: 'Westdale – Eye clinic' },
    ]);
    // The unknown LSOA is on the file's fourth line; the messages on its eighth and tenth.
    expect(result.report.examples.find((e) => e.column === 'LSOA')?.row).toBe(4);
    expect(result.report.warnings).toContain(
      `3 rows are lines that a query tool such as SQL Server's sqlcmd writes around its results (rows 2, 8, 10: dashes under the headings, or messages such as "(200 rows affected)"), not rows of data, so they were left out.`,
    );
  });

  it('reads results to text saved as .txt (UTF-8) and gzipped, a title above the headings left out', async () => {
    const lines = ['Appointments, May', ...RESULTS.slice(0, 4)];
    const txt = await importAs('txt', write('results.txt', lines.join('\n')));
    expect(txt.rowsStored).toBe(2);
    expect(txt.report.warnings).toContain(
      'The headings are in row 2 of the file: the row above them was left out.',
    );
    expect(txt.report.examples.find((e) => e.column === 'LSOA')?.row).toBe(5);
    const gz = await importAs('gz', write('results.rpt.gz', gzipSync(utf16(RESULTS))));
    expect(gz.rowsStored).toBe(3);
    expect((await stored<{ age: number | null }>('gz', 'age')).map((r) => r.age)).toEqual([34, 50, null]);
  });

  it('reads a file saved as Windows Latin-1', async () => {
    const latin1 = Buffer.from(RESULTS.join('\r\n'), 'latin1');
    // "–" is 0x96 in Windows-1252, which Buffer's latin1 cannot write.
    latin1[latin1.indexOf('Westdale ') + 9] = 0x96;
    await importAs('latin1', write('latin1.rpt', latin1));
    expect((await stored<{ clinic: string | null }>('latin1', 'clinic')).map((r) => r.clinic)).toContain(
      'Westdale – Eye clinic',
    );
    // Its one byte that is not UTF-8 past the first 64 KB, which are read to find the layout.
    const padding = Array.from({ length: 2000 }, (_, i) =>
      RESULTS[2]!.replace('Q1        ', `R${i}`.padEnd(10)),
    );
    const late = Buffer.from(
      [...RESULTS.slice(0, 2), ...padding, ...RESULTS.slice(2)].join('\r\n'),
      'latin1',
    );
    expect(late.indexOf('Westdale ')).toBeGreaterThan(65_536);
    late[late.indexOf('Westdale ') + 9] = 0x96;
    const result = await importAs('late', write('late.rpt', late));
    expect(result.rowsStored).toBe(2003);
    expect((await stored<{ clinic: string | null }>('late', 'clinic')).map((r) => r.clinic)).toContain(
      'Westdale – Eye clinic',
    );
  });

  it('reads a .rpt file saved comma-delimited as CSV, and tells one saved without headings how to save them', async () => {
    const delimited = write(
      'delimited.rpt',
      'Pseudo ID,LSOA,Age\n---------,----,---\nQ1,X01000001,34\n\n(1 row affected)\n',
    );
    const result = await importAs('delimited', delimited);
    expect(result.rowsStored).toBe(1);
    expect(result.report.warnings.join('\n')).toContain('(rows 2, 5: dashes under the headings');

    const file = write('no-headings.rpt', utf16([RESULTS[3]!, RESULTS[5]!]));
    const problem = await sourceColumnsProblem(store(), file);
    expect(problem?.field).toBe('file');
    expect(problem?.message).toMatch(
      /cannot be told apart without the line of dashes .*"Include column headers in the result set"/,
    );
  });

  it('reads lined-up results saved under the name .csv', async () => {
    const result = await importAs('named-csv', write('results.csv', RESULTS.join('\n')));
    expect(result.rowsStored).toBe(3);
    expect(result.mapping.columns.lsoa_code).toBe('LSOA');
  });

  it('refuses a file with a line that does not fit the columns, or with a second set of results, saying where', async () => {
    const broken = [
      ...RESULTS.slice(0, 3),
      'Q2         X01000001           50 Two',
      'lines of text           0',
    ];
    await expect(importAs('broken', write('broken.rpt', broken.join('\n')))).rejects.toThrow(
      /^A line does not fit the columns lined up under the headings \(line 5\): line 5 has a character at position 11, between the columns "Pseudo ID" and "LSOA", where the line of dashes has a space\. .* Nothing was stored\.$/,
    );
    // Headings out of line with the dashes under them, as in a file put together by hand.
    const askew = ['LSOA      Appointment date', '---------- ----------------', 'X01000001  2024-05-01'];
    await expect(importAs('askew', write('askew.rpt', askew.join('\n')))).rejects.toThrow(
      /^A line does not fit the columns lined up under the headings \(line 1\): line 1 has a character at position 11, between the columns "LSOA" and "ppointment date", .* or headings not lined up with the dashes/,
    );
    // sqlcmd's results wrapped at 80 characters: the headings and the dashes go on over two lines.
    const wrapped = [
      RESULTS[0]!.slice(0, 40),
      RESULTS[0]!.slice(40),
      RESULTS[1]!.slice(0, 40),
      RESULTS[1]!.slice(40),
    ];
    await expect(importAs('wrapped', write('wrapped.txt', wrapped.join('\n')))).rejects.toThrow(
      /^The line of dashes under the headings goes on at line 4: the results were wrapped at a width/,
    );
    const twice = [...RESULTS.slice(0, 3), '', '(1 row affected)', 'Pseudo ID', '---------', 'Q9'];
    await expect(importAs('twice', write('twice.rpt', twice.join('\n')))).rejects.toThrow(
      /^The file holds the results of more than one query: a second line of dashes under headings is at line 7\./,
    );
  });

  it('reads lined-up results with CSV files as one dataset, numbering each row as its file does', async () => {
    const april = write('april.csv', 'Pseudo ID,LSOA,Age,Clinic,DNA\nP1,X01000003,20,Eyes,0\n');
    const may = write('may.rpt', utf16(RESULTS));
    const result = await importDataset(store(), {
      id: 'months',
      file: april,
      moreFiles: [may],
      outFile: store().datasetPath('months.parquet'),
    });
    expect(result.rowsStored).toBe(4);
    expect(result.report.examples.map((e) => [e.sheet, e.row, e.column])).toEqual([['may.rpt', 4, 'LSOA']]);
    expect(result.report.warnings.join('\n')).toContain(
      '(row 2 of "may.rpt", row 8 of "may.rpt", row 10 of "may.rpt": dashes under the headings',
    );
  });

  it('keeps a file whose dashes are a column of values, or which has tabs, as delimited text', async () => {
    const file = write('tabs.txt', 'Pseudo ID\tLSOA\n---\t---\nQ1\tX01000001\n');
    const result = await importAs('tabs', file);
    expect(result.mapping.columns.lsoa_code).toBe('LSOA');
    expect(result.rowsStored).toBe(1);
  });
});
