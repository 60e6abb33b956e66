import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';
import { paddedByQueryTool } from './padded-values.ts';

// Results saved from SQL Server's tools: sqlcmd -s "," -W, and Management Studio's results to file
// with a comma as the delimiter.
describe("a query tool's lines around its results", () => {
  const { importAs, stored, write } = importStore('parity-query-tool-lines-');

  it('leaves out the dashes under the headings and the count of rows, and keeps "-" for a missing LSOA code', async () => {
    const file = write(
      'sqlcmd.csv',
      'Pseudo ID,LSOA,Age,DNA\n' +
        '---------,----,---,---\n' +
        'Q1,X01000001,34,1\n' +
        'Q2,-,50,0\n' +
        'Q3,X01000002,61,-\n' +
        '\n' +
        '(3 rows affected)\n',
    );
    const result = await importAs('sqlcmd', file);
    expect(result.rowsRead).toBe(5);
    expect(result.rowsStored).toBe(3);
    // Rows as the file numbers them, its empty line included.
    expect(result.report.warnings).toContain(
      `2 rows are lines that a query tool such as SQL Server's sqlcmd writes around its results (rows 2, 7: dashes under the headings, or messages such as "(200 rows affected)"), not rows of data, so they were left out.`,
    );
    expect(result.report.examples.map((e) => [e.row, e.column, e.value])).toEqual([
      [4, 'LSOA', '-'],
      [5, 'DNA', '-'],
    ]);
    expect((await stored<{ person_id: string }>('sqlcmd', 'person_id')).map((r) => r.person_id)).toEqual([
      'Q1',
      'Q2',
      'Q3',
    ]);
  });

  it("leaves out Management Studio's messages in the LSOA code's column, and says so of one line", async () => {
    const file = write(
      'ssms.csv',
      'LSOA,Age\nX01000001,34\nX01000002,50\n\n(2 row(s) affected)\n\nCompletion time: 2024-05-01T09:30:15.1234567+01:00\n',
    );
    const result = await importAs('ssms', file);
    expect(result.rowsStored).toBe(2);
    expect(result.report.problems).toEqual([]);
    expect(result.report.warnings.filter((w) => w.includes('query tool'))).toEqual([
      `2 rows are lines that a query tool such as SQL Server's sqlcmd writes around its results (rows 5, 7: dashes under the headings, or messages such as "(200 rows affected)"), not rows of data, so they were left out.`,
    ]);

    const one = write('one.csv', 'Pseudo ID,LSOA\nQ1,X01000001\n(1 row affected)\n');
    expect((await importAs('one', one)).report.warnings).toContain(
      `1 row is a line that a query tool such as SQL Server's sqlcmd writes around its results (row 3: dashes under the headings, or a message such as "(200 rows affected)"), not a row of data, so it was left out.`,
    );
  });

  it('reads values that sqlcmd pads to their columns without -W, NULL among them, as the values and no value', async () => {
    const lines = [
      'Pseudo ID ,LSOA      ,Age        ,Ethnicity ,DNA        ',
      '----------,----------,-----------,----------,-----------',
      'Q1        ,X01000001 ,         34,A         ,          1',
      'Q2        ,X01000002 ,       NULL,NULL      ,          0',
      '',
      '(2 rows affected)',
    ];
    expect(paddedByQueryTool(lines)).toBe(true);
    // Without padding (sqlcmd -W), or dashes narrower than the headings, or a CSV file's rows, it is not.
    expect(paddedByQueryTool(['Pseudo ID,LSOA', '---------,----'])).toBe(false);
    expect(paddedByQueryTool(['Pseudo ID ,LSOA', '---,----'])).toBe(false);
    expect(paddedByQueryTool(['Pseudo ID ,LSOA', 'Q1,X01000001'])).toBe(false);

    const result = await importAs('padded', write('padded.csv', lines.join('\n')));
    expect(result.rowsStored).toBe(2);
    expect(result.report.problems).toEqual([]);
    expect(
      await stored<{ person_id: string; lsoa_code: string; age: number | null; ethnic_code: string }>(
        'padded',
        'person_id, lsoa_code, age, ethnic_code',
      ),
    ).toEqual([
      { person_id: 'Q1', lsoa_code: 'X01000001', age: 34, ethnic_code: 'A' },
      { person_id: 'Q2', lsoa_code: 'X01000002', age: null, ethnic_code: '99' },
    ]);
  });
});
