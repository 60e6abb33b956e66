import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';
import { importDataset } from './import.ts';

const ethnicCodeProblem =
  'unknown code (use an NHS ethnic category code, A to S, Z or 99, or its description)';

describe('dataset import', () => {
  const { store, write, writeWorkbook, importAs, pathOf, stored } = importStore('parity-import-');

  it('names the row, column and problem of every value it cannot read, and keeps the rows', async () => {
    const file = write(
      'extract.csv',
      'Pseudo ID,LSOA,Age,Gender,Ethnicity,Appointment date,DNA flag\n' +
        'P1,X01000001,34,F,A,2023-05-01,0\n' +
        'P2,E0100QQQQ,130,Q,7,not a date,maybe\n' +
        'P3,x01000002,,Male,H,01/06/2024,1\n',
    );
    const mapping = {
      columns: {
        person_id: 'Pseudo ID',
        lsoa_code: 'LSOA',
        age: 'Age',
        sex: 'Gender',
        ethnicity: 'Ethnicity',
        event_date: 'Appointment date',
      },
      flags: { flag_dna: 'DNA flag' },
    };
    const progress: number[] = [];
    const result = await importDataset(store(), {
      id: 'one',
      file,
      outFile: store().datasetPath('one.parquet'),
      mapping,
      onProgress: (p) => progress.push(p.percent),
    });
    expect(result.rowsRead).toBe(3);
    expect(result.report.rowsWithProblems).toBe(1);
    // Rows are numbered as in the file: the headings are row 1, P2 row 3.
    expect(result.report.examples).toEqual([
      { row: 3, column: 'Age', value: '130', problem: 'impossible age' },
      {
        row: 3,
        column: 'Appointment date',
        value: 'not a date',
        problem: 'not a date that exists, written YYYY-MM-DD or DD/MM/YYYY',
      },
      {
        row: 3,
        column: 'DNA flag',
        value: 'maybe',
        problem: 'not a yes/no value (use 1/0, Y/N or true/false)',
      },
      { row: 3, column: 'Ethnicity', value: '7', problem: ethnicCodeProblem },
      {
        row: 3,
        column: 'Gender',
        value: 'Q',
        problem: 'unknown code (use F, M or U, or Female, Male or Not known)',
      },
      { row: 3, column: 'LSOA', value: 'E0100QQQQ', problem: 'unknown LSOA 2021 code' },
    ]);
    expect(progress.at(-1)).toBe(100);
    const stored = await store().query(
      `SELECT lsoa_code, age, sex, ethnic_code, period FROM read_parquet('${store().datasetPath('one.parquet')}') ORDER BY person_id`,
    );
    expect(stored).toEqual([
      { lsoa_code: 'X01000001', age: 34, sex: 'F', ethnic_code: 'A', period: '2023/24' },
      { lsoa_code: 'E0100QQQQ', age: null, sex: 'U', ethnic_code: '99', period: 'Not known' },
      { lsoa_code: 'X01000002', age: null, sex: 'M', ethnic_code: 'H', period: '2024/25' },
    ]);
  });

  it('says how to go on when a dataset was imported with a mapping that can no longer be used', async () => {
    const file = write('added.csv', 'Pseudo ID,LSOA,Period\nP1,X01000001,Q1\n');
    // Stored before fields Parity writes itself were refused as other fields' names.
    const stored = { columns: { lsoa_code: 'LSOA' }, attributes: { period: 'Period' } };
    const added = (addedTo?: string) =>
      importDataset(store(), {
        id: 'added',
        file,
        outFile: store().datasetPath('added.parquet'),
        mapping: stored,
        addedTo,
      });
    await expect(added('Clinic extract')).rejects.toThrow(
      /^Clinic extract was imported with a mapping that can no longer be used \(attributes\.period: .*\), so files cannot be added to it\. Import its files again, all together with this one, under its name: they are then read as one dataset\.$/,
    );
    await expect(added()).rejects.toThrow(/^The column mapping cannot be used: attributes\.period: /);
  });

  it('reads ONS 2021 ethnic group labels and Excel workbooks', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['lsoa_code', 'age', 'ethnicity', 'wait_weeks'],
      ['X01000003', 61, 'Asian, Asian British or Asian Welsh: Indian', 20],
      ['X01000004', 25, 'White: Irish', 'soon'],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Waiting list');
    const file = writeWorkbook('waits.xlsx', book);
    const result = await importDataset(store(), {
      id: 'two',
      file,
      outFile: store().datasetPath('two.parquet'),
      mapping: {
        columns: { lsoa_code: 'lsoa_code', age: 'age', ethnicity: 'ethnicity' },
        ethnicityCoding: 'ons2021',
        measures: { wait_weeks: 'wait_weeks' },
      },
    });
    expect(result.format).toBe('xlsx');
    expect(result.report.problems).toEqual([
      { column: 'wait_weeks', problem: 'not a number', rows: 1, firstRow: 3 },
    ]);
    const stored = await store().query(
      `SELECT ethnic_code, wait_weeks FROM read_parquet('${store().datasetPath('two.parquet')}')`,
    );
    expect(stored).toEqual([
      { ethnic_code: 'H', wait_weeks: 20 },
      { ethnic_code: 'B', wait_weeks: null },
    ]);
  });

  it('reads a worksheet whose every row ends in a carriage return, as text pasted from Windows leaves', async () => {
    const rows = Array.from({ length: 40 }, (_v, i) => [`X0100000${1 + (i % 9)}`, i % 2, 'Eyes\r']);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([['LSOA', 'DNA', 'Clinic\r'], ...rows]),
      'Clinics',
    );
    const result = await importAs('pasted', writeWorkbook('pasted.xlsx', book));
    expect(result.rowsStored).toBe(40);
    expect(result.report.problems).toEqual([]);
    const kept = await stored<{ dna: number }>('pasted', 'dna', 'dna');
    expect(kept.filter((r) => Number(r.dna) === 1)).toHaveLength(20);
  });

  it("moves the progress bar as a large workbook's worksheet is read, then as it is copied", async () => {
    const rows = Array.from({ length: 30_000 }, (_v, i) => [
      `P${i}`,
      `X01${String(1 + (i % 600)).padStart(6, '0')}`,
      i % 90,
      i % 2 ? 'F' : 'M',
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([['person_id', 'lsoa_code', 'age', 'sex'], ...rows]),
      'Extract',
    );
    const file = writeWorkbook('large.xlsx', book, { compression: true });
    const reading: number[] = [];
    const result = await importDataset(store(), {
      id: 'large-workbook',
      file,
      outFile: store().datasetPath('large-workbook.parquet'),
      onProgress: (p) => {
        if (p.stage === 'reading') reading.push(p.percent);
      },
    });
    expect(result.rowsRead).toBe(30_000);
    // The reading stage is 0–40% of an import; the worksheet's reading its first half.
    expect(reading).toEqual([...reading].sort((a, b) => a - b));
    expect(new Set(reading.filter((p) => p > 0 && p < 20)).size).toBeGreaterThanOrEqual(2);
    expect(reading).toContain(20);
  });

  it('says which other worksheets have an LSOA column, as a workbook of a sheet a year would lose them', async () => {
    const book = XLSX.utils.book_new();
    for (const [year, date] of [
      ['2023-24', '01/05/2023'],
      ['2024-25', '01/05/2024'],
      ['2025-26', '01/05/2025'],
    ] as const)
      XLSX.utils.book_append_sheet(
        book,
        XLSX.utils.aoa_to_sheet([
          ['LSOA', 'Appointment date', 'DNA'],
          ['X01000003', date, 1],
        ]),
        year,
      );
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Notes'], ['Run monthly']]), 'Notes');
    const file = writeWorkbook('a-sheet-a-year.xlsx', book);
    const result = await importAs('sheet-a-year', file);
    expect(result.rowsStored).toBe(1);
    expect(result.report.warnings).toContain(
      'The workbook has other worksheets with an LSOA column ("2024-25" and "2025-26"), which were not read: only one worksheet is imported unless you ask for more. If they hold more of the same rows (another year, say), tick "Also read the other worksheets that have the same headings" under "Say which columns to use" on the import form (or give "allSheets": true in a mapping file) and import the workbook again. To import a worksheet as a dataset of its own, give its name there (or as "sheet" in a mapping file).',
    );
    // A worksheet named in the mapping is the one wanted: nothing more is said.
    const named = await importAs('sheet-named', file, { sheet: '2024-25' });
    expect(named.report.warnings.join(' ')).not.toContain('other worksheet');
    // Of a CSV file there is no worksheet to read: the file is read whole, and the report says so.
    const csv = write('a-year.csv', 'LSOA,DNA\nX01000003,1\n');
    const notWorkbook = await importAs('csv-sheet', csv, { sheet: '2024-25' });
    expect(notWorkbook.rowsStored).toBe(1);
    expect(notWorkbook.report.warnings).toContain(
      'The file is not a workbook (.xlsx or .ods), so it has no worksheets: the worksheet settings were not used, and the whole file was read.',
    );
  });

  it('reads every worksheet with the same headings as one dataset when asked, naming each row by its worksheet', async () => {
    const book = XLSX.utils.book_new();
    const sheet = (name: string, rows: unknown[][]) =>
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
    sheet('Notes', [['Notes'], ['Run monthly']]);
    sheet('2023-24', [
      ['Outpatient appointments, 2023-24'],
      [],
      ['LSOA', 'Appointment date', 'DNA'],
      ['X01000003', '01/05/2023', 1],
      ['X01000004', '02/05/2023', 0],
    ]);
    // Headings spelt a little differently, a blank row, and two rows with a problem (rows 4 and 5).
    sheet('2024-25', [
      ['lsoa', 'Appointment  date', 'DNA'],
      ['X01000003', '01/05/2024', 1],
      [],
      ['NOT-AN-LSOA', '03/05/2024', 1],
      ['X01000005', '31/02/2024', 0],
    ]);
    // The same headings starting in column B: its cells line up with theirs.
    sheet('2025-26', [
      [null, 'LSOA', 'Appointment date', 'DNA'],
      [null, 'X01000006', '01/05/2025', 0],
    ]);
    sheet('By area', [
      ['LSOA', 'Appointments'],
      ['X01000003', 2],
    ]);
    const file = writeWorkbook('years.xlsx', book);
    const result = await importAs('years', file, { allSheets: true });

    expect(result.rowsStored).toBe(6);
    expect(result.mapping.allSheets).toBe(true);
    expect(result.report.sheets).toEqual(['2023-24', '2024-25', '2025-26']);
    expect(result.report.examples).toMatchObject([
      { sheet: '2024-25', row: 4, column: 'LSOA', value: 'NOT-AN-LSOA' },
      { sheet: '2024-25', row: 5, column: 'Appointment date', value: '31/02/2024' },
    ]);
    expect(result.report.problems.map((p) => [p.firstSheet, p.firstRow])).toEqual([
      ['2024-25', 4],
      ['2024-25', 5],
    ]);
    expect(result.report.warnings).toContain(
      '3 worksheets with the same headings were read as one dataset: "2023-24" (rows 4 to 5), "2024-25" (rows 2 to 5) and "2025-26" (row 2). Rows above a worksheet\'s headings were left out. Rows are named by their worksheet and numbered as in it.',
    );
    expect(result.report.warnings.join(' ')).not.toContain('of the file');
    expect(result.report.warnings).toContain(
      'The workbook\'s worksheet "By area" has an LSOA column but other headings than the worksheet read ("By area" has no "Appointment date" or "DNA" and has "Appointments", which the worksheet read has not), so it was not read with it. Worksheets are read together when they have the headings of the worksheet read, in any order, and perhaps more (a column given from a later year on), but not when two add different ones (a column renamed, it may be). Give it the same headings and import the workbook again, or import it as a dataset of its own, giving its name under "Say which columns to use" on the import form (or as "sheet" in a mapping file).',
    );
    expect(
      await stored('years', 'lsoa_code, CAST(event_date AS VARCHAR) AS d, period, dna', 'event_date'),
    ).toEqual([
      { lsoa_code: 'X01000003', d: '2023-05-01', period: '2023/24', dna: 1 },
      { lsoa_code: 'X01000004', d: '2023-05-02', period: '2023/24', dna: 0 },
      { lsoa_code: 'X01000003', d: '2024-05-01', period: '2024/25', dna: 1 },
      { lsoa_code: 'NOT-AN-LSOA', d: '2024-05-03', period: '2024/25', dna: 1 },
      { lsoa_code: 'X01000006', d: '2025-05-01', period: '2025/26', dna: 0 },
      { lsoa_code: 'X01000005', d: null, period: 'Not known', dna: 0 },
    ]);
  });

  it('lines a worksheet up below another whose first column has no heading', async () => {
    const book = XLSX.utils.book_new();
    // The first worksheet numbers its rows in column A, without a heading; the second has no such column.
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        [null, 'LSOA', 'Appointment date', 'DNA'],
        [1, 'X01000003', '01/05/2023', 1],
      ]),
      '2023-24',
    );
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ['LSOA', 'Appointment date', 'DNA'],
        ['X01000004', '01/05/2024', 0],
      ]),
      '2024-25',
    );
    const result = await importAs('numbered', writeWorkbook('numbered.xlsx', book), { allSheets: true });
    expect(result.report.sheets).toEqual(['2023-24', '2024-25']);
    expect(result.report.problems).toEqual([]);
    expect(
      await stored('numbered', 'lsoa_code, CAST(event_date AS VARCHAR) AS d, dna', 'event_date'),
    ).toEqual([
      { lsoa_code: 'X01000003', d: '2023-05-01', dna: 1 },
      { lsoa_code: 'X01000004', d: '2024-05-01', dna: 0 },
    ]);
  });

  it('judges a column only later worksheets have by its values in them', async () => {
    const book = XLSX.utils.book_new();
    const rows = (count: number, when?: string) =>
      Array.from({ length: count }, (_v, i) => [`X0100000${1 + (i % 9)}`, i % 2, ...(when ? [when] : [])]);
    // 1,200 rows before the worksheet that adds a column of dates under a heading that names none.
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['LSOA', 'DNA'], ...rows(1_200)]), '2023-24');
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([['LSOA', 'DNA', 'When'], ...rows(50, '2024-05-01')]),
      '2024-25',
    );
    const result = await importAs('later-dates', writeWorkbook('later-dates.xlsx', book), {
      allSheets: true,
    });

    expect(result.rowsStored).toBe(1_250);
    expect(result.report.warnings).toEqual(
      expect.arrayContaining([expect.stringContaining('the file has dates in "When"')]),
    );
  });

  it('matches the columns of worksheets by heading, reads those that add a column, and names how others differ', async () => {
    const book = XLSX.utils.book_new();
    const sheet = (name: string, rows: unknown[][]) =>
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
    sheet('2023-24', [
      ['LSOA', 'Appointment date', 'DNA', 'Clinic'],
      ['X01000003', '01/05/2023', 1, 'Eyes'],
    ]);
    sheet('2024-25', [
      ['dna', 'Clinic', 'LSOA', 'Appointment Date'],
      [0, 'Skin', 'X01000004', '02/05/2024'],
    ]);
    // Ethnicity and sex given from 2025-26 on.
    sheet('2025-26', [
      ['LSOA', 'Appointment date', 'DNA', 'Clinic', 'Ethnicity', 'Sex'],
      ['X01000005', '03/05/2025', 1, 'Eyes', 'A', '2'],
    ]);
    // A heading in place of one 2025-26 adds: renamed, it may be.
    sheet('2026-27', [
      ['LSOA', 'Appointment date', 'DNA', 'Clinic', 'Ethnic group', 'Sex'],
      ['X01000006', '03/05/2026', 1, 'Eyes', 'A', '2'],
    ]);
    // Without a column of the worksheet read: a summary, not more of its rows.
    sheet('Summary', [
      ['LSOA', 'DNA', 'Clinic'],
      ['X01000003', 1, 'Eyes'],
    ]);
    const result = await importAs('reordered', writeWorkbook('reordered.xlsx', book), { allSheets: true });

    expect(result.report.sheets).toEqual(['2023-24', '2024-25', '2025-26']);
    expect(result.report.problems).toEqual([]);
    expect(result.report.warnings).toEqual(
      expect.arrayContaining([
        '3 worksheets were read as one dataset: "2023-24" (row 2), "2024-25" (row 2, its columns in another order) and "2025-26" (row 2). Columns in another order were matched to those of the first by their headings. Rows are named by their worksheet and numbered as in it.',
        'The worksheets "2023-24" and "2024-25" have no "Ethnicity" or "Sex" columns, which other worksheets have: their rows were read with them empty.',
        'The workbook\'s worksheets "2026-27" and "Summary" have an LSOA column but other headings than the worksheet read ("2026-27" has no "Ethnicity" and has "Ethnic group", which "2025-26", read with it, has not; "Summary" has no "Appointment date"), so they were not read with it. Worksheets are read together when they have the headings of the worksheet read, in any order, and perhaps more (a column given from a later year on), but not when two add different ones (a column renamed, it may be). Give them the same headings and import the workbook again, or import each as a dataset of its own, giving its name under "Say which columns to use" on the import form (or as "sheet" in a mapping file).',
      ]),
    );
    expect(
      await stored(
        'reordered',
        'lsoa_code, CAST(event_date AS VARCHAR) AS d, dna, clinic, ethnic_code, sex',
        'event_date',
      ),
    ).toEqual([
      { lsoa_code: 'X01000003', d: '2023-05-01', dna: 1, clinic: 'Eyes', ethnic_code: '99', sex: 'U' },
      { lsoa_code: 'X01000004', d: '2024-05-02', dna: 0, clinic: 'Skin', ethnic_code: '99', sex: 'U' },
      { lsoa_code: 'X01000005', d: '2025-05-03', dna: 1, clinic: 'Eyes', ethnic_code: 'A', sex: 'F' },
    ]);
  });

  it.each([
    ['stray', ['LSOA', 'DNA'], ['X01000004', 0, 'checked']],
    ['stray-reordered', ['DNA', 'LSOA'], [0, 'X01000004', 'checked']],
  ])(
    'refuses a worksheet to be read below another whose values stray outside its headings, and stores nothing (%s)',
    async (name, headings, row) => {
      const book = XLSX.utils.book_new();
      const rows = [
        ['LSOA', 'DNA'],
        ['X01000003', 1],
      ];
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '2023-24');
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([headings, row]), '2024-25');
      const file = writeWorkbook(`${name}.xlsx`, book);
      await expect(importAs(name, file, { allSheets: true })).rejects.toThrow(
        'The worksheet "2024-25" has values in columns without a heading, so its rows cannot be read below those of "2023-24". Delete those values, or give each column a heading on every worksheet, and import the workbook again.',
      );
      expect(existsSync(store().datasetPath(`${name}.parquet`))).toBe(false);
    },
  );

  it('reads the first worksheet with an LSOA column when the first is a cover sheet, and says so', async () => {
    const book = XLSX.utils.book_new();
    const cover = [
      ['Outpatient activity'],
      ['Run on 01/12/2026 by the Business Intelligence team'],
      ['Contains no patient names'],
    ];
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(cover), 'About this report');
    const activity = [
      ['Outpatient DNA report'],
      [],
      ['LSOA', 'Age', 'DNA'],
      ['X01000003', 61, 1],
      ['X01000004', 25, 0],
    ];
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(activity), 'Activity');
    const file = writeWorkbook('report-with-cover.xlsx', book);
    const result = await importAs('cover', file);
    expect(result.rowsStored).toBe(2);
    expect(result.report.warnings).toContain(
      'The workbook\'s first worksheet ("About this report") has no LSOA column, so the worksheet "Activity" was read. To read another, give its name under "Say which columns to use" on the import form (or as "sheet" in a mapping file).',
    );
    expect(result.report.warnings).toContain(
      'The headings are in row 3 of the file: the 2 rows above them were left out.',
    );
    const stored = await store().query(
      `SELECT lsoa_code, age FROM read_parquet('${store().datasetPath('cover.parquet')}')`,
    );
    expect(stored).toEqual([
      { lsoa_code: 'X01000003', age: 61 },
      { lsoa_code: 'X01000004', age: 25 },
    ]);
  });

  it('reads yes/no columns named after a PLUS group as flags, and counts or text under such names as before', async () => {
    const file = write(
      'plus-groups.csv',
      'LSOA,Learning disability,Homeless,Carer,Autism\n' +
        'X01000001,Y,1,0,yes\n' +
        'X01000002,N,,2,sometimes\n' +
        'X01000003,n,0,3,no\n',
    );
    const result = await importAs('plus-groups', file);
    expect(result.fields.flags).toEqual(['flag_learning_disability', 'flag_homeless']);
    // Carer holds counts and Autism words other than yes and no: neither is a flag.
    expect(result.fields.measures).toEqual(['carer']);
    expect(result.fields.attributes).toEqual(['autism']);
    expect(result.report.problems).toEqual([]);
    const stored = await store().query<{ ld: number | null; homeless: number | null }>(
      `SELECT flag_learning_disability AS ld, flag_homeless AS homeless FROM read_parquet('${store().datasetPath('plus-groups.parquet')}') ORDER BY lsoa_code`,
    );
    expect(stored).toEqual([
      { ld: 1, homeless: 1 },
      { ld: 0, homeless: null },
      { ld: 0, homeless: 0 },
    ]);
    // A mapping that lists such a column as a measure has it as a measure only.
    const mapped = await importAs('plus-groups-mapped', file, { measures: { homeless: 'Homeless' } });
    expect(mapped.fields.flags).toEqual(['flag_learning_disability']);
    expect(mapped.fields.measures).toEqual(['homeless']);
  });

  it('does not import columns that identify people unless a mapping names them, and says so', async () => {
    const file = write(
      'identifiable.csv',
      'Pseudo ID,NHS Number,Patient surname,LSOA,Postcode,Date of birth,Postcode district,Clinic name,DNA\n' +
        'Q1,9434765919,Smith,X01000001,LE1 5WW,1980-02-03,LE1,Heart clinic,1\n' +
        'Q2,9434765870,Jones,X01000002,LE2 1AA,1975-06-07,LE2,Heart clinic,0\n',
    );
    const result = await importAs('identifiable', file);
    expect(result.report.warnings).toContain(
      'The columns "NHS Number", "Patient surname", "Postcode", "Date of birth" were not imported: they hold NHS numbers, names, postcodes and dates of birth, which identify people, and Parity needs only a pseudonymised identifier and the LSOA code. Leave such columns out of extracts for Parity where you can.',
    );
    const stored = await store().query<Record<string, unknown>>(
      `SELECT * FROM read_parquet('${store().datasetPath('identifiable.parquet')}')`,
    );
    expect(Object.keys(stored[0]!)).toEqual(
      expect.arrayContaining(['person_id', 'dna', 'postcode_district', 'clinic_name']),
    );
    expect(JSON.stringify(stored)).not.toMatch(/943476|Smith|Jones|LE1 5WW|LE2 1AA|1980|1975/);
    // Named in a mapping, a column is read as the person asked, and is not reported as left out.
    const mapped = await importAs('identifiable-mapped', file, { attributes: { postcode: 'Postcode' } });
    expect(mapped.fields.attributes).toEqual(['postcode']);
    expect(mapped.report.warnings.find((w) => w.includes('were not imported'))).toContain(
      '"NHS Number", "Patient surname", "Date of birth"',
    );
  });

  it('replaces NHS numbers given as the person identifier by a keyed pseudonym before storing them', async () => {
    const file = write(
      'by-nhs-number.csv',
      'NHS Number,LSOA,DNA\n9434765919,X01000001,1\n943 476 5919,X01000002,0\n9434765870,X01000002,1\n',
    );
    const mapping = { columns: { person_id: 'NHS Number' } };
    const importWith = (id: string) => importAs(id, file, mapping);
    const first = await importWith('nhs-first');
    expect(first.report.warnings).toContain(
      'The person identifier "NHS Number" holds NHS numbers: each was replaced by a pseudonym (a keyed hash, the same for the same number in every dataset imported here) before anything was stored.',
    );
    expect(first.report.warnings.join(' ')).not.toContain('were not imported');
    const people = async (id: string) =>
      (await stored<{ person_id: string }>(id, 'person_id', 'lsoa_code, dna')).map((r) => r.person_id);
    const pseudonyms = await people('nhs-first');
    expect(pseudonyms.every((p) => /^[0-9a-f]{64}$/.test(p))).toBe(true);
    // Hex digits can spell a few digits of a number by chance, so only whole numbers are looked for.
    expect(pseudonyms.join(' ')).not.toMatch(/9434765919|9434765870/);
    // The same number, written with or without spaces, is the same person; another number is not.
    expect(new Set(pseudonyms).size).toBe(2);
    const [a, b, c] = pseudonyms;
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    // And the same person in every dataset imported here, with a key only the store holds.
    await importWith('nhs-second');
    expect(await people('nhs-second')).toEqual(pseudonyms);
    expect(statSync(path.join(store().root, 'pseudonym.key')).mode & 0o777).toBe(0o600);

    // A column of NHS numbers under another heading is found by their check digits; other ids are not.
    const unlabelled = write(
      'nhs-unlabelled.csv',
      'Patient ID,LSOA,DNA\n9434765919,X01000001,1\n4010232137,X01000002,0\n',
    );
    const found = await importAs('nhs-unlabelled', unlabelled);
    expect(found.report.warnings.join(' ')).toContain('The person identifier "Patient ID" holds NHS numbers');
    expect((await people('nhs-unlabelled'))[0]).toBe(pseudonyms[0]);
    // The mapping the import gives says so, and a file read with it is pseudonymised whatever its values.
    expect(found.mapping.personIds).toBe('nhs-number');
    // Half NHS numbers (temporary ids for some patients) is enough for the person identifier.
    const mixed = write('nhs-mixed.csv', 'Patient ID,LSOA,DNA\nP1,X01000001,1\n9434765919,X01000002,0\n');
    expect((await importAs('nhs-mixed', mixed)).mapping.personIds).toBe('nhs-number');
    expect((await people('nhs-mixed')).join(' ')).not.toMatch(/9434765919|P1/);
    // One in three is not (a random ten-digit id passes the check one time in eleven), unless the
    // mapping says they are NHS numbers.
    const few = write(
      'nhs-few.csv',
      'Patient ID,LSOA,DNA\nP1,X01000001,1\n9434765919,X01000002,0\nP3,X01000003,0\n',
    );
    expect((await importAs('nhs-few', few)).mapping.personIds).toBeUndefined();
    await importAs('nhs-few-mapped', few, { personIds: 'nhs-number' });
    expect((await people('nhs-few-mapped')).join(' ')).not.toMatch(/9434765919|P1|P3/);
    const notNhs = write('ids.csv', 'Patient ID,LSOA,DNA\n1234567890,X01000001,1\nP2,X01000002,0\n');
    const kept = await importAs('ids', notNhs);
    expect(kept.report.warnings.join(' ')).not.toContain('holds NHS numbers');
    // NHS numbers in a column that is not the person, under a heading that does not say so, are left out.
    const second = write(
      'nhs-second-column.csv',
      'Pseudo ID,Contact ref,LSOA,DNA\nZ1,9434765919,X01000001,1\nZ2,4010232137,X01000002,0\n',
    );
    const left = await importAs('nhs-second-column', second);
    expect(left.report.warnings).toContain(
      'The column "Contact ref" was not imported: it holds NHS numbers, which identify people, and Parity needs only a pseudonymised identifier and the LSOA code. Leave such columns out of extracts for Parity where you can. "Contact ref" was judged by its values: if it identifies no one, name it in the mapping ("Measures, flags and other settings" on the import form, or a mapping file) to import it, with the other columns to keep as they are, for example {"attributes":{"contact_ref":"Contact ref"}}.',
    );
    expect([...left.fields.measures, ...left.fields.attributes]).toEqual(['dna']);
    expect(await people('ids')).toEqual(['1234567890', 'P2']);
    // Also when the column is blank in the first thousand rows and filled in below them.
    const blankFirst = Array.from({ length: 1_200 }, (_v, i) => `Z${i},,X01000001,${i % 2}`);
    const late = write(
      'nhs-late.csv',
      [
        'Pseudo ID,Contact ref,LSOA,DNA',
        ...blankFirst,
        'Z9,9434765919,X01000002,1',
        'Z10,4010232137,X01000003,0',
      ].join('\n'),
    );
    const lateLeft = await importAs('nhs-late', late);
    expect(lateLeft.report.warnings.join(' ')).toContain(
      'The column "Contact ref" was not imported: it holds NHS numbers',
    );
    expect([...lateLeft.fields.measures, ...lateLeft.fields.attributes]).toEqual(['dna']);
  });

  it('names the fields of headings with words run together as their words', async () => {
    const file = write(
      'warehouse.csv',
      'PseudoPatientID,LSOACode,AppointmentDate,WaitWeeks,HbA1c,eGFR\n' +
        'Z1,X01000001,2024-05-01,12,48,90\nZ2,X01000002,2024-06-01,30,52,61\n',
    );
    const result = await importAs('warehouse', file);
    expect(result.mapping.columns).toMatchObject({
      person_id: 'PseudoPatientID',
      lsoa_code: 'LSOACode',
      event_date: 'AppointmentDate',
    });
    // wait_weeks is what the waiting-list indicators read; abbreviations keep their one word.
    expect(result.fields.measures).toEqual(['wait_weeks', 'hba1c', 'egfr']);
  });

  it('leaves out full postcodes and e-mail addresses under headings that do not say so, and keeps districts', async () => {
    const file = write(
      'contact-values.csv',
      'Pseudo ID,LSOA,PC,Contact,Area,Ref,DNA\n' +
        'Z1,X01000001,LE1 5WW,a.patient@example.org,LE1,ab@cd,1\n' +
        'Z2,X01000002,le21aa,b.patient@example.nhs.uk,LE2,REF 2,0\n',
    );
    const result = await importAs('contact-values', file);
    expect(result.report.warnings).toContain(
      'The columns "PC", "Contact" were not imported: they hold postcodes and e-mail addresses, which identify people, and Parity needs only a pseudonymised identifier and the LSOA code. Leave such columns out of extracts for Parity where you can. "PC", "Contact" were judged by their values: if one identifies no one, name it in the mapping ("Measures, flags and other settings" on the import form, or a mapping file) to import it, with the other columns to keep as they are, for example {"attributes":{"area":"Area","ref":"Ref","pc":"PC"}}.',
    );
    // A postcode district, and a column only half of whose values look like e-mail addresses, stay.
    expect(result.fields.attributes).toEqual(['area', 'ref']);
    const stored = await store().query<Record<string, unknown>>(
      `SELECT * FROM read_parquet('${store().datasetPath('contact-values.parquet')}')`,
    );
    expect(JSON.stringify(stored)).not.toMatch(/5WW|21aa|patient@/i);
    // Named in a mapping, such a column is read as the person asked.
    const mapped = await importAs('contact-values-mapped', file, { attributes: { postcode: 'PC' } });
    expect(mapped.fields.attributes).toEqual(['postcode']);
    expect(mapped.report.warnings.filter((w) => w.includes('not imported'))).toEqual([
      expect.stringMatching(/^The column "Contact" was not imported: it holds e-mail addresses/),
      // The mapping's attributes take the place of those found, and the report says what that left out.
      'The columns "Area", "Ref" were not imported: the mapping lists attributes, which take the place of those Parity finds, and does not name them. To import them, add them to the mapping\'s measures, flags or attributes.',
    ]);
  });

  it('leaves out names, telephone numbers and addresses under headings that do not say so', async () => {
    const file = write(
      'people-values.csv',
      'Pseudo ID,LSOA,Client,Contact,Where,Specialty,DNA\n' +
        'Z1,X01000001,Jane Smith,0116 258 7000,12 High Street,General Surgery,1\n' +
        'Z2,X01000002,"PATEL, Priya",07700 900123,"Flat 3, 27 London Road",Trauma And Orthopaedics,0\n' +
        'Z3,X01000003,Mohammed Hussain,+44 (0)7700 900456,4a Mill Lane,General Surgery,0\n',
    );
    const result = await importAs('people-values', file);
    expect(result.report.warnings).toContain(
      'The columns "Client", "Contact", "Where" were not imported: they hold names, telephone numbers and addresses, which identify people, and Parity needs only a pseudonymised identifier and the LSOA code. Leave such columns out of extracts for Parity where you can. "Client", "Contact", "Where" were judged by their values: if one identifies no one, name it in the mapping ("Measures, flags and other settings" on the import form, or a mapping file) to import it, with the other columns to keep as they are, for example {"attributes":{"specialty":"Specialty","client":"Client"}}.',
    );
    expect(result.fields.attributes).toEqual(['specialty']);
    const stored = await store().query<Record<string, unknown>>(
      `SELECT * FROM read_parquet('${store().datasetPath('people-values.parquet')}')`,
    );
    expect(JSON.stringify(stored)).not.toMatch(/Smith|Priya|7700|High Street|Mill Lane/);
    // The mapping the note suggests imports the column after all.
    const suggested = result.report.warnings
      .find((w) => w.includes('judged by'))!
      .match(/for example (\{.*\})\.$/)![1]!;
    const kept = await importAs('people-values-kept', file, JSON.parse(suggested));
    expect(kept.fields.attributes).toEqual(['specialty', 'client']);
  });

  it('leaves out a column of names on no list, told from repeated name-shaped values by how many differ', async () => {
    const forenames = ['Chidi', 'Agnieszka', 'Bogdan', 'Hodan', 'Xiaoling', 'Kwame', 'Ioana', 'Oluwaseun'];
    const surnames = ['Okafor', 'Wisniewski', 'Popescu', 'Warsame', 'Zhang', 'Mensah', 'Nwosu', 'Adeyemi'];
    const clinics = ['Paediatric Cardiology', 'Geriatric Medicine', 'Clinical Haematology'];
    const rows = Array.from(
      { length: 60 },
      (_v, i) => `X0100000${i % 9},${forenames[i % 8]} ${surnames[Math.floor(i / 8) % 8]},${clinics[i % 3]}`,
    );
    const file = write('unlisted-names.csv', `LSOA,Who,Clinic\n${rows.join('\n')}\n`);
    const result = await importAs('unlisted-names', file);
    expect(result.fields.attributes).toEqual(['clinic']);
    expect(result.report.warnings.join(' ')).toContain('The column "Who" was not imported: it holds names');
    const stored = await store().query<Record<string, unknown>>(
      `SELECT * FROM read_parquet('${store().datasetPath('unlisted-names.parquet')}')`,
    );
    expect(JSON.stringify(stored)).not.toMatch(/Okafor|Warsame/);
  });

  it("leaves out a report's total lines, saying which rows they were, and keeps every other row", async () => {
    const file = write(
      'with-totals.csv',
      'Pseudo ID,LSOA,Specialty,Age,DNA\n' +
        'T1,X01000001,Cardiology,34,1\n' +
        'T2,X01000002,Cardiology,50,0\n' +
        ',,Sub-total:,,1\n' +
        'T3,,Urology,61,1\n' +
        'T4,X01000003,Total,45,0\n' +
        ',,,,\n' +
        'Grand TOTAL,,,,2\n' +
        // Total in place of the LSOA code.
        ',Total,,,3\n',
    );
    const result = await importAs('with-totals', file);
    expect(result.rowsRead).toBe(8);
    expect(result.rowsStored).toBe(4);
    expect(result.report.warnings.filter((w) => w.includes('left out'))).toEqual([
      '3 rows read "Total" and have no LSOA code (rows 4, 8, 9): totals of the rows above, not rows of their own, so they were left out.',
      '1 row was blank in every mapped column and left out (they still count when rows are numbered).',
    ]);
    // T3 has no LSOA but is a person, so it is kept and reported; T4 has an LSOA, whatever its specialty.
    expect(result.report.examples).toEqual([
      { row: 5, column: 'LSOA', value: '', problem: 'missing LSOA code' },
    ]);
    const stored = await store().query<{ person_id: string; dna: number }>(
      `SELECT person_id, dna FROM read_parquet('${store().datasetPath('with-totals.parquet')}') ORDER BY person_id`,
    );
    expect(stored.map((r) => r.person_id)).toEqual(['T1', 'T2', 'T3', 'T4']);
  });

  it('leaves out rows that hold only spaces as blank rows, and keeps a row with a value among spaces', async () => {
    const file = write(
      'spaced.csv',
      'Pseudo ID,LSOA,Age,DNA\n' +
        'S1,X01000001,34,1\n' +
        '   \n' +
        ' , ,  ,\n' +
        ',,,\n' +
        '\t, ,,\n' +
        // A value among spaces is a row: its missing LSOA is reported.
        ' S2 , ,,0\n' +
        'S3,X01000002,50,0\n',
    );
    const result = await importAs('spaced', file);
    expect(result.rowsRead).toBe(7);
    expect(result.rowsStored).toBe(3);
    expect(result.report.warnings).toContain(
      '4 rows were blank in every mapped column (3 of them held only spaces) and left out (they still count when rows are numbered).',
    );
    expect(result.report.examples).toEqual([
      { row: 7, column: 'LSOA', value: '', problem: 'missing LSOA code' },
    ]);
    const rows = await stored<{ person_id: string }>('spaced', 'person_id');
    expect(rows.map((r) => r.person_id)).toEqual(['S1', 'S2', 'S3']);

    // A Parquet file's blank row may be empty strings, its numbers NULL.
    const parquet = pathOf('spaced.parquet');
    await store().query(
      `COPY (SELECT * FROM (VALUES ('P1', 'X01000001', 34), ('', '  ', NULL), ('P2', 'X01000002', 50)) v(person_id, lsoa_code, age)) TO '${parquet}' (FORMAT parquet)`,
    );
    const fromParquet = await importAs('spaced-parquet', parquet);
    expect(fromParquet.rowsStored).toBe(2);
    expect(fromParquet.report.warnings).toContain(
      '1 row was blank in every mapped column (it held only spaces) and left out (they still count when rows are numbered).',
    );
  });

  it('leaves out the headings repeated where files were joined one after another, saying where', async () => {
    const heading = 'Pseudo ID,LSOA,Age,DNA\n';
    const april = 'J1,X01000001,34,1\nJ2,X01000002,50,0\n';
    const may = 'J3,X01000003,61,1\nJ4,X0100QQQQ,45,0\n';
    const file = write('joined.csv', heading + april + heading + may + heading);
    const result = await importAs('joined', file);
    expect(result.rowsRead).toBe(6);
    expect(result.rowsStored).toBe(4);
    expect(result.report.warnings).toContain(
      '2 rows repeat the headings (rows 4, 7), as where files are joined one after another, so they were left out.',
    );
    expect(result.report.warnings.join(' ')).not.toContain('blank');
    // Only the real problem is reported, on the file's row.
    expect(result.report.examples).toEqual([
      { row: 6, column: 'LSOA', value: 'X0100QQQQ', problem: 'unknown LSOA 2021 code' },
    ]);
  });

  it("reads Excel numbers as stored and numbers problems by the sheet's rows, blank rows included", async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['lsoa_code', 'age', 'event_date', 'cost'],
      ['X01000003', 61, new Date(Date.UTC(2024, 4, 1)), 1234567890123],
      [],
      ['X01000004', 25, new Date(Date.UTC(2024, 5, 1)), 0.000012345678901],
      ['X01000004', 'forty', new Date(Date.UTC(2024, 6, 1)), 123456.789012345],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Costs');
    const file = writeWorkbook('costs.xlsx', book, { cellDates: true });
    const result = await importAs('costs', file);
    // Rows are numbered as the sheet numbers them: the headings are row 1, the blank row row 3.
    expect(result.report.examples).toEqual([
      { row: 5, day: '2024-07-01', column: 'age', value: 'forty', problem: 'not a number' },
    ]);
    expect(result.rowsRead).toBe(4);
    expect(result.rowsStored).toBe(3);
    expect(result.report.warnings).toContain(
      '1 row was blank in every mapped column and left out (they still count when rows are numbered).',
    );
    const stored = await store().query(
      `SELECT CAST(event_date AS VARCHAR) AS event_date, cost FROM read_parquet('${store().datasetPath('costs.parquet')}') ORDER BY event_date`,
    );
    expect(stored).toEqual([
      { event_date: '2024-05-01', cost: 1234567890123 },
      { event_date: '2024-06-01', cost: 0.000012345678901 },
      { event_date: '2024-07-01', cost: 123456.789012345 },
    ]);
  });

  it("reads yes/no measures written as words, and checks given age bands against Parity's", async () => {
    // Nine readable values and one that is not: still a measure (at least 90% numbers), with the
    // unreadable value reported rather than the whole column taken as text.
    const dna = ['True', 'false', 'Yes', 'no', 'maybe', 'Y', 'N', '1', '0', '1'];
    const bands = ['18-24', '18 to 24', '85+', 'banana', '121+', '0-17', '25-34', '35-44', '45-54', '55-64'];
    const file = write(
      'bands.csv',
      'lsoa_code,age_band,dna\n' + dna.map((d, i) => `X0100000${i},${bands[i]},${d}`).join('\n') + '\n',
    );
    const result = await importAs('bands', file);
    const notABand =
      'not an age band Parity uses (0-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65-74, 75-84, 85+, or five-year bands 0-4 to 85-89 and 90+)';
    expect(result.fields.measures).toEqual(['dna']);
    expect(result.report.examples.filter((e) => e.column !== 'lsoa_code')).toEqual([
      { row: 5, column: 'age_band', value: 'banana', problem: notABand },
      { row: 6, column: 'age_band', value: '121+', problem: notABand },
      { row: 6, column: 'dna', value: 'maybe', problem: 'not a number' },
    ]);
    const stored = await store().query(
      `SELECT age_band, dna FROM read_parquet('${store().datasetPath('bands.parquet')}') ORDER BY lsoa_code LIMIT 5`,
    );
    expect(stored).toEqual([
      { age_band: '18-24', dna: 1 },
      { age_band: '18-24', dna: 0 },
      { age_band: '85+', dna: 1 },
      { age_band: null, dna: 0 },
      { age_band: null, dna: null },
    ]);
    const all = await store().query<{ dna: number | null }>(
      `SELECT dna FROM read_parquet('${store().datasetPath('bands.parquet')}') ORDER BY lsoa_code`,
    );
    expect(all.map((r) => r.dna)).toEqual([1, 0, 1, 0, null, 1, 0, 1, 0, 1]);
  });

  it('reads a column an indicator needs as a number when most of its values are, and says when it keeps one as text', async () => {
    // dna (which the catalogue reads as a number) is two-thirds numbers: a measure, "maybe" reported.
    // clinic_code, needed by no indicator, is also two-thirds numbers: text, as it is under 90%.
    // wait_weeks is a third numbers: kept as text, with a note saying why the indicators cannot use it.
    const file = write(
      'few.csv',
      'lsoa_code,DNA,Clinic code,Wait_Weeks\n' +
        'X01000001,1,10,4\n' +
        'X01000002,maybe,11,about six\n' +
        'X01000003,0,ENT,long\n',
    );
    const result = await importAs('few', file);
    expect(result.fields.measures).toEqual(['dna']);
    expect(result.fields.attributes).toEqual(['clinic_code', 'wait_weeks']);
    expect(result.report.examples.filter((e) => e.column !== 'lsoa_code')).toEqual([
      { row: 3, column: 'DNA', value: 'maybe', problem: 'not a number' },
    ]);
    expect(result.report.warnings).toContain(
      '"Wait_Weeks" was kept as text: only 1 of its 3 values checked is a number, and the indicators read wait_weeks as a number, so they cannot use it. If it holds numbers, correct the values that are not, or name the column under "measures" in the mapping, and each value that is not a number will be reported with its row.',
    );
    expect(result.report.warnings.join(' ')).not.toContain('"Clinic code" was kept as text');
    expect((await stored('few', 'dna', 'lsoa_code')).map((r) => r.dna)).toEqual([1, null, 0]);

    // The fields the indicators need are given by the caller (custom indicators among them), and
    // a column listed as an attribute is not remarked on.
    const given = await importDataset(store(), {
      id: 'few-given',
      file,
      outFile: store().datasetPath('few-given.parquet'),
      mapping: { attributes: { wait_weeks: 'Wait_Weeks' } },
      numberFields: new Set(['clinic_code']),
    });
    expect(given.fields.measures).toEqual(['clinic_code']);
    expect(given.fields.attributes).toEqual(['wait_weeks']);
    expect(given.report.warnings.join(' ')).not.toContain('was kept as text');
  });

  it('dates a timestamp with a time zone by the day it was in England, as Spark writes one', async () => {
    const file = pathOf('instants.parquet');
    // 23:00 UTC on 31 March 2024 is midnight on 1 April in British Summer Time; in January, GMT.
    await store().run(
      `COPY (SELECT * FROM (VALUES ('I1', 'X01000001', TIMESTAMPTZ '2024-03-31 23:00:00+00'), ('I2', 'X01000001', TIMESTAMPTZ '2024-01-15 23:30:00+00'), ('I3', 'X01000001', TIMESTAMPTZ '2024-03-31 22:59:59+00')) v(person_id, lsoa_code, appointment_date)) TO '${file}' (FORMAT parquet)`,
    );
    await importAs('instants', file);
    expect(
      await store().query(
        `SELECT event_date::VARCHAR AS event_date, period FROM read_parquet('${store().datasetPath('instants.parquet')}') ORDER BY person_id`,
      ),
    ).toEqual([
      { event_date: '2024-04-01', period: '2024/25' },
      { event_date: '2024-01-15', period: '2023/24' },
      { event_date: '2024-03-31', period: '2023/24' },
    ]);
  });

  it('reads typed Parquet columns as they are and still names impossible values', async () => {
    const file = pathOf('typed.parquet');
    await store().run(
      `COPY (SELECT * FROM (VALUES ('P1', 'X01000001', 34, DATE '2024-05-01', 1, 2.5), ('P2', 'X01000002', 130, DATE '2023-01-10', 2, NULL), ('P3', 'X01000003', 40, NULL, 0, 7.0)) v(person_id, lsoa_code, age, event_date, flag_frail, wait_weeks)) TO '${file}' (FORMAT parquet)`,
    );
    const result = await importAs('typed', file);
    expect(result.report.examples).toEqual([
      { row: 2, day: '2023-01-10', column: 'age', value: '130', problem: 'impossible age' },
      {
        row: 2,
        day: '2023-01-10',
        column: 'flag_frail',
        value: '2',
        problem: 'not a yes/no value (use 1/0, Y/N or true/false)',
      },
    ]);
    const stored = await store().query(
      `SELECT age, age_band, esp_band, event_date::VARCHAR AS event_date, period, flag_frail, wait_weeks FROM read_parquet('${store().datasetPath('typed.parquet')}') ORDER BY person_id`,
    );
    expect(stored).toEqual([
      {
        age: 34,
        age_band: '25-34',
        esp_band: 6,
        event_date: '2024-05-01',
        period: '2024/25',
        flag_frail: 1,
        wait_weeks: 2.5,
      },
      {
        age: null,
        age_band: null,
        esp_band: null,
        event_date: '2023-01-10',
        period: '2022/23',
        // 2 is not a yes/no value: not known, rather than counted as "no".
        flag_frail: null,
        wait_weeks: null,
      },
      {
        age: 40,
        age_band: '35-44',
        esp_band: 8,
        event_date: null,
        period: 'Not known',
        flag_frail: 0,
        wait_weeks: 7,
      },
    ]);
  });

  it('refuses a mapping that names columns the file does not have', async () => {
    const file = write('short.csv', 'lsoa_code,age\nX01000001,3\n');
    await expect(importAs('three', file, { columns: { lsoa_code: 'LSOA11CD' } })).rejects.toThrow(
      'The mapping names columns the file does not have: LSOA11CD',
    );
  });

  it('reads codes in any case and with spaces, and treats blanks as missing rather than wrong', async () => {
    const file = write(
      'spaces.csv',
      'person_id,lsoa_code,sex,ethnicity,flag_carer\n' +
        'P1, x01000001 , f ,h,y\n' +
        'P2,X01000002,,,\n' +
        ' ,  ,Female, a ,No\n' +
        'P4,X01000003,male,99,maybe\n' +
        'P5,X01000004,m,A, 1.0 \n',
    );
    const result = await importDataset(store(), {
      id: 'spaces',
      file,
      outFile: store().datasetPath('spaces.parquet'),
      mapping: {
        columns: { person_id: 'person_id', lsoa_code: 'lsoa_code', sex: 'sex', ethnicity: 'ethnicity' },
        flags: { flag_carer: 'flag_carer' },
      },
    });
    expect(result.report.problems).toEqual([
      { column: 'lsoa_code', problem: 'missing LSOA code', rows: 1, firstRow: 4 },
      { column: 'person_id', problem: 'missing person identifier', rows: 1, firstRow: 4 },
      {
        column: 'flag_carer',
        problem: 'not a yes/no value (use 1/0, Y/N or true/false)',
        rows: 1,
        firstRow: 5,
      },
    ]);
    const stored = await store().query(
      `SELECT lsoa_code, sex, ethnic_code, flag_carer FROM read_parquet('${store().datasetPath('spaces.parquet')}') ORDER BY person_id NULLS LAST`,
    );
    expect(stored).toEqual([
      { lsoa_code: 'X01000001', sex: 'F', ethnic_code: 'H', flag_carer: 1 },
      // A blank flag and an unreadable one ("maybe") are not known, not "no".
      { lsoa_code: 'X01000002', sex: 'U', ethnic_code: '99', flag_carer: null },
      { lsoa_code: 'X01000003', sex: 'M', ethnic_code: '99', flag_carer: null },
      // A spreadsheet's numeric 1 written out as 1.0 is a yes.
      { lsoa_code: 'X01000004', sex: 'M', ethnic_code: 'A', flag_carer: 1 },
      { lsoa_code: null, sex: 'F', ethnic_code: 'A', flag_carer: 0 },
    ]);
  });

  it('recognises the columns of an extract with NHS headings, and reads ONS 2021 ethnic groups', async () => {
    const file = write(
      'nhs-headings.csv',
      'Pseudo ID,LSOA 2021 code,Age at appointment,Gender,Ethnic group,Referral date,Appointment Date,DNA\n' +
        'P1,X01000001,34,2,White: Irish,2023-01-05,2023-05-01,0\n' +
        'P2,X01000002,71,1,"Asian, Asian British or Asian Welsh: Pakistani",2023-11-20,2024-02-10,1\n' +
        'P3,X01000003,8,9,other ethnic group: arab,2024-03-01,2024-04-02,0\n',
    );
    const result = await importAs('nhs-headings', file);
    expect(result.mapping.columns).toEqual({
      person_id: 'Pseudo ID',
      lsoa_code: 'LSOA 2021 code',
      age: 'Age at appointment',
      sex: 'Gender',
      ethnicity: 'Ethnic group',
      event_date: 'Appointment Date',
    });
    expect(result.mapping.ethnicityCoding).toBe('ons2021');
    expect(result.fields.measures).toEqual(['dna']);
    expect(result.fields.attributes).toEqual(['referral_date']);
    expect(result.report.problems).toEqual([]);
    expect(result.report.warnings).toEqual([
      '"Appointment Date" was read as the date of each row, which gives its financial year. The file also has "Referral date": to use it instead, type the heading of the date column under "Say which columns to use" on the import form (or, on the command line, give it in the mapping as columns.event_date).',
    ]);
    const stored = await store().query(
      `SELECT person_id, age, sex, ethnic_code, period, dna FROM read_parquet('${store().datasetPath('nhs-headings.parquet')}') ORDER BY person_id`,
    );
    expect(stored).toEqual([
      { person_id: 'P1', age: 34, sex: 'F', ethnic_code: 'B', period: '2023/24', dna: 0 },
      { person_id: 'P2', age: 71, sex: 'M', ethnic_code: 'J', period: '2023/24', dna: 1 },
      { person_id: 'P3', age: 8, sex: 'U', ethnic_code: 'S', period: '2024/25', dna: 0 },
    ]);
  });

  it('says when no column could be the LSOA code, and when none gives the date', async () => {
    const noLsoa = write('no-lsoa.csv', 'Pseudo ID,Postcode district,DNA\nP1,LE1,0\n');
    await expect(importAs('no-lsoa', noLsoa)).rejects.toThrow(
      'No column was recognised as the LSOA code (headings such as LSOA, LSOA code, LSOA11CD or LSOA21CD are). To import the file, type the heading of the LSOA column under "Say which columns to use" on the import form (or, on the command line, give it in the mapping as columns.lsoa_code). The file has: Pseudo ID, Postcode district, DNA',
    );
    // An extract that gives only the deprivation of each row's area is told what to ask for.
    const deciles = write('deciles.csv', 'Pseudo ID,Der_IMD_Decile,DNA\nP1,3,0\n');
    await expect(importAs('deciles', deciles)).rejects.toThrow(
      'The file gives deprivation ("Der_IMD_Decile") but no LSOA: Parity works out each row\'s deprivation, place and ward from its LSOA, with the deprivation file imported, so that every dataset is set against the same index and the same residents; ask for the extract with the LSOA of residence (in SUS, Der_Postcode_LSOA_2021_Code) or the postcode. The file has: Pseudo ID, Der_IMD_Decile, DNA',
    );
    const undated = write('undated.csv', 'LSOA,DNA\nX01000001,0\n');
    const result = await importAs('undated', undated);
    expect(result.report.warnings).toEqual([
      'No column was read as the date of each row, so every row is in one period ("All") and no trend can be shown. To split the rows by financial year, type the heading of the date column under "Say which columns to use" on the import form (or, on the command line, give it in the mapping as columns.event_date).',
    ]);
    const twoDates = write(
      'two-dates.csv',
      'LSOA,Clinic date,Discharge date\nX01000001,2024-05-01,2024-05-03\n',
    );
    const chosen = await importAs('two-dates', twoDates);
    expect(chosen.report.warnings).toEqual([
      'No column was read as the date of each row, so every row is in one period ("All") and no trend can be shown. To split the rows by financial year, type the heading of the date column under "Say which columns to use" on the import form (or, on the command line, give it in the mapping as columns.event_date): the file has dates in "Clinic date", "Discharge date".',
    ]);
  });

  it('names the columns whose values are dates when no heading says which is the date', async () => {
    const csv = write(
      'dates-by-value.csv',
      [
        'LSOA,Admitted,Seen,Ref,DOB,Ward,DNA',
        'X01000001,2024-05-01,01/05/2024,20240501,03/02/1950,Abbey,0',
        'X01000001,2024-06-11 09:30:00,1 Jun 2024,20240601,04/03/1961,Castle,1',
        'X01000001,,12-Jun-24,45413,,Abbey,0',
      ].join('\n') + '\n',
    );
    const result = await importAs('dates-by-value', csv);
    expect(result.mapping.columns.event_date).toBeUndefined();
    expect(result.report.warnings[0]).toBe(
      'No column was read as the date of each row, so every row is in one period ("All") and no trend can be shown. To split the rows by financial year, type the heading of the date column under "Say which columns to use" on the import form (or, on the command line, give it in the mapping as columns.event_date): the file has dates in "Admitted", "Seen".',
    );
    const parquet = pathOf('dates-by-value.parquet');
    await store().run(
      `COPY (SELECT 'X01000001' AS LSOA, DATE '2024-05-01' + CAST(i AS INTEGER) AS "Attended on", i % 2 AS DNA FROM range(3) t(i)) TO '${parquet}' (FORMAT parquet)`,
    );
    const typed = await importAs('typed-dates', parquet);
    expect(typed.report.warnings[0]).toMatch(/: the file has dates in "Attended on"\.$/);
    const named = await importAs('named-date', csv, { columns: { event_date: 'Seen' } });
    expect(named.fields.hasDate).toBe(true);
    expect(named.report.warnings.join(' ')).not.toMatch(/No column was read as the date/);
  });

  it("finds the headings below a report's title, in CSV (plain or gzipped) and in Excel", async () => {
    const title = 'Outpatient DNA report,,,\nRun on 01/12/2026,,,\n,,,\n';
    const body =
      'Pseudo ID,LSOA,Appointment date,DNA\nP1,X01000001,01/05/2024,1\nP2,X0100QQQQ,02/05/2024,0\n';
    const csv = write('titled.csv', title + body);
    const gz = write('titled.csv.gz', gzipSync(title + body));
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Outpatient DNA report'],
      ['Run on 01/12/2026'],
      [],
      ['Pseudo ID', 'LSOA', 'Appointment date', 'DNA'],
      ['P1', 'X01000001', '01/05/2024', 1],
      ['P2', 'X0100QQQQ', '02/05/2024', 0],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Report');
    const xlsx = writeWorkbook('titled.xlsx', book);
    for (const [id, file] of [
      ['titled-csv', csv],
      ['titled-gz', gz],
      ['titled-xlsx', xlsx],
    ] as const) {
      const result = await importAs(id, file);
      expect(result.rowsRead, id).toBe(2);
      expect(result.mapping.columns.lsoa_code, id).toBe('LSOA');
      expect(result.fields.measures, id).toEqual(['dna']);
      // Rows are numbered as in the file (P2 is row 6), and the report says where the headings are.
      expect(result.report.examples, id).toEqual([
        { row: 6, day: '2024-05-02', column: 'LSOA', value: 'X0100QQQQ', problem: 'unknown LSOA 2021 code' },
      ]);
      expect(result.report.headingRow, id).toBe(4);
      expect(result.report.warnings, id).toContain(
        'The headings are in row 4 of the file: the 3 rows above them were left out.',
      );
    }
  });
});
