import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';
import { sourceFilesProblem } from './file-checks.ts';
import { importDataset } from './import.ts';

describe('several files read as one dataset', () => {
  const { store, write, writeWorkbook, stored } = importStore('parity-several-');
  const importFiles = (id: string, files: string[], mapping?: unknown, fileNames?: string[]) =>
    importDataset(store(), {
      id,
      file: files[0]!,
      moreFiles: files.slice(1),
      fileNames,
      outFile: store().datasetPath(`${id}.parquet`),
      mapping,
    });

  it('reads files of an extract a month below one another, naming each row by its file and line', async () => {
    const april = write(
      'april.csv',
      'LSOA,Appointment date,DNA,Clinic\nX01000001,01/04/2024,1,Eyes\nX01000002,02/04/2024,0,Skin\n',
    );
    // A title above the headings, the columns in another order, an empty line, then a problem on line 5.
    const may = write(
      'may.csv',
      'May extract\nclinic,DNA,lsoa,Appointment  Date\nEyes,0,X01000003,01/05/2024\n\nSkin,1,NOT-AN-LSOA,02/05/2024\n',
    );
    // Saved by Excel as "CSV (Comma delimited)": Windows Latin-1.
    const june = write(
      'june.csv',
      Buffer.from('LSOA,Appointment date,DNA,Clinic\nX01000004,31/06/2024,1,Cardiología\n', 'latin1'),
    );
    const result = await importFiles('months', [april, may, june]);

    expect(result.rowsRead).toBe(5);
    expect(result.rowsStored).toBe(5);
    expect(result.report.sheets).toEqual(['april.csv', 'may.csv', 'june.csv']);
    expect(result.report.sheetsAreFiles).toBe(true);
    expect(result.report.examples).toEqual([
      {
        sheet: 'may.csv',
        row: 5,
        day: '2024-05-02',
        column: 'LSOA',
        value: 'NOT-AN-LSOA',
        problem: 'unknown LSOA 2021 code',
      },
      {
        sheet: 'june.csv',
        row: 2,
        column: 'Appointment date',
        value: '31/06/2024',
        problem: 'not a date that exists, written YYYY-MM-DD or DD/MM/YYYY',
      },
    ]);
    expect(result.report.warnings).toEqual(
      expect.arrayContaining([
        '3 files with the same headings were read as one dataset: "april.csv" (2 rows), "may.csv" (2 rows, its columns in another order) and "june.csv" (1 row). Rows above a file\'s headings were left out. Columns in another order were matched to those of the first by their headings. Rows are named by their file and numbered as in it.',
        '"june.csv" is not saved as UTF-8, so it was read as Windows Latin-1 text (what Excel\'s "CSV (Comma delimited)" writes). If any names or words look wrong, save it from Excel as "CSV UTF-8" and import again.',
      ]),
    );
    const rows = await stored(
      'months',
      'lsoa_code, CAST(event_date AS VARCHAR) AS d, dna, clinic',
      'lsoa_code',
    );
    expect(rows.map((r) => Object.values(r).join(' '))).toEqual([
      'NOT-AN-LSOA 2024-05-02 1 Skin',
      'X01000001 2024-04-01 1 Eyes',
      'X01000002 2024-04-02 0 Skin',
      'X01000003 2024-05-01 0 Eyes',
      'X01000004  1 Cardiología',
    ]);
    // Nothing of the files staged one by one is left behind.
    expect(readdirSync(path.join(store().root, 'tmp')).filter((f) => f.startsWith('staging-'))).toEqual([]);
  });

  it('refuses files where one has a heading in place of another, saying which, and stores nothing', async () => {
    const first = write('q1.csv', 'LSOA,DNA\nX01000001,1\n');
    const second = write('q2.csv', 'LSOA,Did not attend,Clinic\nX01000002,0,Eyes\n');
    const refusal =
      'Files are read as one dataset when they have the same headings, in any order, or when some only add columns to the others\' or leave some out (a column first given in a later month, say). Here "q2.csv" has no "DNA" and has "Did not attend" and "Clinic", which "q1.csv" has not, so a column may have been renamed. Give them the same headings, or import each as a dataset of its own.';
    await expect(importFiles('quarters', [first, second])).rejects.toThrow(refusal);
    // Found from the headings alone, before an import is recorded; a file between them that each
    // differs from only by added columns does not hide it.
    const between = write('q1b.csv', 'LSOA,DNA,Clinic\nX01000002,0,Eyes\n');
    expect(await sourceFilesProblem(store(), [first, between, second])).toEqual({
      field: 'file',
      message: refusal,
    });
    expect(existsSync(store().datasetPath('quarters.parquet'))).toBe(false);
    // A file's own problem is said of it by name.
    const damaged = write('q3.parquet', 'not a Parquet file');
    await expect(importFiles('mixed', [first, damaged])).rejects.toThrow(
      /^In "q3\.parquet": The file could not be read: .*No magic bytes/,
    );
    expect(existsSync(store().datasetPath('mixed.parquet'))).toBe(false);
    // A Parquet file whose headings read but whose rows do not is found among the others and named,
    // whether it is copied as it is (its columns text, as the CSV file's) or lined up (numbers).
    for (const [name, dna] of [
      ['q4.parquet', 'CAST(i % 2 AS VARCHAR)'],
      ['q5.parquet', 'i % 2'],
    ]) {
      const whole = store().datasetPath('whole.parquet');
      await store().run(
        `COPY (SELECT 'X0100000' || (i % 2 + 1) AS LSOA, ${dna} AS DNA FROM range(200000) t(i)) TO '${whole}' (FORMAT parquet, COMPRESSION uncompressed)`,
      );
      const bytes = readFileSync(whole);
      for (let i = 1_000; i < bytes.length - 5_000; i += 997) bytes[i] = bytes[i]! ^ 0xff;
      await expect(importFiles('flipped', [first, write(name!, bytes), first])).rejects.toThrow(
        `In "${name}": The Parquet file could not be read past its headings: it may be damaged or only partly copied.`,
      );
    }
    expect(readdirSync(path.join(store().root, 'tmp')).filter((f) => f.startsWith('staging-'))).toEqual([]);
  });

  it('reads files where later ones add a column or leave one out, their rows empty in the columns they lack', async () => {
    const april = write(
      'april.csv',
      'LSOA,Appointment date,DNA\nX01000001,01/04/2024,1\nX01000002,02/04/2024,0\n',
    );
    // A column first given in May, by a database export holding real dates and whole numbers.
    const may = store().datasetPath('may.parquet');
    await store().run(
      `COPY (SELECT * FROM (VALUES (0, DATE '2024-05-01', 'X01000003', 'Yes'), (1, DATE '2024-05-02', 'X01000004', 'No')) AS t("DNA", "Appointment date", "LSOA", "Learning disability")) TO '${may}' (FORMAT parquet)`,
    );
    const june = write(
      'june.csv',
      'LSOA,appointment date,Learning  Disability,DNA\nX01000005,01/06/2024,No,1\n',
    );
    // A short extract with neither.
    const july = write('july.csv', 'LSOA,Appointment date\nX01000006,01/07/2024\nX01000007,02/07/2024\n');
    const files = [april, may, june, july];
    const names = ['april.csv', 'may.parquet', 'june.csv', 'july.csv'];
    const mapping = { flags: { flag_learning_disability: 'Learning disability' } };
    // A mapping naming a column only later files have is checked against every file's headings.
    expect(await sourceFilesProblem(store(), files, { mapping, names })).toBeNull();
    expect(await sourceFilesProblem(store(), [april], { mapping })).toMatchObject({ field: 'mapping' });

    const result = await importFiles('added-column', files, mapping, names);

    expect(result.rowsStored).toBe(7);
    expect(result.report.warnings).toEqual(
      expect.arrayContaining([
        '4 files were read as one dataset: "april.csv" (2 rows), "may.parquet" (2 rows, its columns in another order), "june.csv" (1 row, its columns in another order) and "july.csv" (2 rows). Columns in another order were matched to those of the first by their headings. Rows are named by their file and numbered as in it.',
        '"april.csv" (2 rows) has no "Learning disability" column, which other files have: its rows were read with it empty.',
        '"july.csv" (2 rows) has no "DNA" or "Learning disability" columns, which other files have: its rows were read with them empty.',
      ]),
    );
    const rows = await stored(
      'added-column',
      "concat_ws(' ', lsoa_code, event_date, coalesce(CAST(CAST(dna AS INTEGER) AS VARCHAR), '-'), coalesce(CAST(flag_learning_disability AS VARCHAR), '-')) AS row",
      'lsoa_code',
    );
    expect(rows.map((r) => r.row)).toEqual([
      'X01000001 2024-04-01 1 -',
      'X01000002 2024-04-02 0 -',
      'X01000003 2024-05-01 0 1',
      'X01000004 2024-05-02 1 0',
      'X01000005 2024-06-01 1 0',
      'X01000006 2024-07-01 - -',
      'X01000007 2024-07-02 - -',
    ]);
    // Files with the same headings say so.
    const alike = await importFiles('alike', [april, april], undefined, ['april.csv', 'april again.csv']);
    expect(alike.report.warnings[0]).toMatch(/^2 files with the same headings were read as one dataset/);
  });

  it('judges columns that only later files have by their values in them', async () => {
    // From May on, NHS numbers (valid check digits) in a column with a heading that names nothing,
    // and a yes/no flag: April's 120,000 rows, before them, have both empty.
    const nhsNumber = (i: number) => {
      const digits = String(400_000_000 + i * 7)
        .split('')
        .map(Number);
      const check = 11 - (digits.reduce((sum, d, at) => sum + d * (10 - at), 0) % 11);
      return check === 10 ? '' : `${digits.join('')}${check === 11 ? 0 : check}`;
    };
    const lsoa = (i: number) => `X0100000${1 + (i % 9)}`;
    const aprilRows = Array.from({ length: 120_000 }, (_v, i) => `${lsoa(i)},${i % 2}`);
    const mayRows = Array.from(
      { length: 300 },
      (_v, i) => `${lsoa(i)},${i % 2},${nhsNumber(i)},${i % 3 ? 'No' : 'Yes'}`,
    );
    const april = write('april-120k.csv', ['LSOA,DNA', ...aprilRows].join('\n'));
    const may = write('may-300.csv', ['LSOA,DNA,Ref,Learning disability', ...mayRows].join('\n'));

    const result = await importFiles('later-columns', [april, may]);

    expect(result.rowsStored).toBe(120_300);
    expect(result.report.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^The column "Ref" was not imported: it holds NHS numbers/),
      ]),
    );
    expect(result.fields.flags).toEqual(['flag_learning_disability']);
    expect(result.fields.attributes).toEqual([]);
    // Of the columns April lacks, the note names the one imported.
    expect(result.report.warnings).toContain(
      '"april-120k.csv" (120,000 rows) has no "Learning disability" column, which other files have: its rows were read with it empty.',
    );
    // The sample read from each file is gone with the import.
    expect(readdirSync(path.join(store().root, 'tmp')).filter((f) => f.startsWith('staging-'))).toEqual([]);
  });

  it('reads a CSV file, a Parquet file and workbooks together, each row named by its file and worksheet', async () => {
    const april = write(
      'april.csv',
      'LSOA,Appointment date,DNA\nX01000001,01/04/2024,1\nX01000002,02/04/2024,0\n',
    );
    // A database's export: a real date and a whole number where the CSV file has text, the columns
    // in another order.
    await store().run(
      `COPY (SELECT * FROM (VALUES (0, DATE '2024-05-01', 'X01000003'), (1, DATE '2024-05-02', 'NOT-AN-LSOA')) AS t("DNA", "Appointment date", "LSOA")) TO '${store().datasetPath('may.parquet')}' (FORMAT parquet)`,
    );
    const workbook = (rows: unknown[][]) => {
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(
        book,
        XLSX.utils.aoa_to_sheet([['June extract'], ['Rows of June']]),
        'Contents',
      );
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Data');
      return book;
    };
    const june = writeWorkbook(
      'june.xlsx',
      workbook([
        ['DNA', 'LSOA', 'Appointment date'],
        [0, 'X01000004', '01/06/2024'],
        [],
        [1, 'X01000005', '31/06/2024'],
      ]),
    );
    const july = writeWorkbook(
      'july.xlsx',
      workbook([
        ['LSOA', 'Appointment date', 'DNA'],
        ['X01000006', '01/07/2024', 1],
      ]),
    );
    const result = await importFiles(
      'mixed-formats',
      [april, store().datasetPath('may.parquet'), june, july],
      undefined,
      ['april.csv', 'may.parquet', 'june.xlsx', 'july.xlsx'],
    );

    expect(result.format).toBe('csv and parquet and xlsx');
    expect(result.rowsStored).toBe(7);
    expect(result.report.sheets).toEqual(['april.csv', 'may.parquet', 'june.xlsx', 'july.xlsx']);
    // The Parquet file's rows are numbered from 1, a workbook's as Excel numbers them, blank row included.
    expect(result.report.examples.map((e) => [e.sheet, e.row, e.column, e.value])).toEqual([
      ['may.parquet', 2, 'LSOA', 'NOT-AN-LSOA'],
      ['june.xlsx', 4, 'Appointment date', '31/06/2024'],
    ]);
    expect(result.report.warnings).toEqual(
      expect.arrayContaining([
        '4 files with the same headings were read as one dataset: "april.csv" (2 rows), "may.parquet" (2 rows, its columns in another order), "june.xlsx" (3 rows, its columns in another order) and "july.xlsx" (1 row). Columns in another order were matched to those of the first by their headings. Rows are named by their file and numbered as in it.',
        'The first worksheet ("Contents") of "june.xlsx" and "july.xlsx" has no LSOA column, so the worksheet "Data" of each was read. To read another, give its name under "Say which columns to use" on the import form (or as "sheet" in a mapping file).',
      ]),
    );
    const rows = await stored(
      'mixed-formats',
      'lsoa_code, CAST(event_date AS VARCHAR) AS d, dna',
      'lsoa_code',
    );
    expect(rows.map((r) => Object.values(r).join(' '))).toEqual([
      'NOT-AN-LSOA 2024-05-02 1',
      'X01000001 2024-04-01 1',
      'X01000002 2024-04-02 0',
      'X01000003 2024-05-01 0',
      'X01000004 2024-06-01 0',
      'X01000005  1',
      'X01000006 2024-07-01 1',
    ]);
  });

  it('reads the worksheets named, or every worksheet alike, of each workbook', async () => {
    const book = (year: string, rows: unknown[][]) => {
      const made = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(made, XLSX.utils.aoa_to_sheet(rows), year);
      XLSX.utils.book_append_sheet(
        made,
        XLSX.utils.aoa_to_sheet([
          ['LSOA', 'DNA'],
          ['X01000009', 1],
        ]),
        'Later',
      );
      return made;
    };
    const east = writeWorkbook(
      'east.xlsx',
      book('Main', [
        ['LSOA', 'DNA'],
        ['X01000001', 1],
        ['X01000002', 'maybe'],
      ]),
    );
    const west = writeWorkbook('west.xlsx', book('Main', [['Title'], ['LSOA', 'DNA'], ['X01000003', 0]]));
    const all = await importFiles('all-sheets', [east, west], { allSheets: true });
    expect(all.rowsStored).toBe(5);
    expect(all.report.sheets).toEqual([
      'east.xlsx, worksheet Main',
      'east.xlsx, worksheet Later',
      'west.xlsx, worksheet Main',
      'west.xlsx, worksheet Later',
    ]);
    expect(all.report.warnings).toContain(
      '2 files with the same headings were read as one dataset, each worksheet of a workbook on its own: "east.xlsx, worksheet Main" (2 rows), "east.xlsx, worksheet Later" (1 row), "west.xlsx, worksheet Main" (1 row) and "west.xlsx, worksheet Later" (1 row). Rows above a file\'s headings were left out. Rows are named by their file and numbered as in it.',
    );
    expect(all.report.examples.map((e) => [e.sheet, e.row, e.value])).toEqual([
      ['east.xlsx, worksheet Main', 3, 'maybe'],
    ]);

    const named = await importFiles('named-sheet', [east, west], { sheet: 'Later' });
    expect(named.rowsStored).toBe(2);
    expect(named.report.sheets).toEqual(['east.xlsx', 'west.xlsx']);
    await expect(importFiles('no-such-sheet', [east, west], { sheet: 'Earlier' })).rejects.toThrow(
      'In "east.xlsx": The workbook has no worksheet called "Earlier". Its worksheets are: Main, Later',
    );
    // Without a setting, the other worksheet with an LSOA column is named as not read, by workbook.
    const first = await importFiles('first-sheets', [east, west]);
    expect(first.rowsStored).toBe(3);
    expect(first.report.warnings.filter((w) => w.startsWith('In "'))).toEqual([
      expect.stringMatching(
        /^In "east\.xlsx": The workbook has another worksheet with an LSOA column \("Later"\)/,
      ),
      expect.stringMatching(
        /^In "west\.xlsx": The workbook has another worksheet with an LSOA column \("Later"\)/,
      ),
    ]);
  });

  it('names two files of the same name by their paths, or uploads by their places', async () => {
    const a = write('extract-a.csv', 'LSOA,DNA\nX01000001,1\n');
    const b = write('extract-b.csv', 'LSOA,DNA\nX01000002,maybe\nX01000003,0\n');
    // The same file given twice stands for two files named alike in different folders.
    const result = await importFiles('twice', [a, b, b]);
    expect(result.report.sheets).toEqual(['extract-a.csv', b, b]);
    expect(result.report.examples.map((e) => [e.sheet, e.row])).toEqual([
      [b, 2],
      [b, 2],
    ]);
    // Uploads of the same name are told apart by their places in the list.
    const uploaded = await importDataset(store(), {
      id: 'uploaded',
      file: a,
      moreFiles: [b, b],
      fileNames: ['extract.csv', 'extract.csv', 'other.csv'],
      outFile: store().datasetPath('uploaded.parquet'),
    });
    expect(uploaded.report.sheets).toEqual(['extract.csv (file 1)', 'extract.csv (file 2)', 'other.csv']);
  });
});
