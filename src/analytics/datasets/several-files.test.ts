import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';
import { importDataset } from './import.ts';

describe('several files read as one dataset', () => {
  const { store, write, stored } = importStore('parity-several-');
  const importFiles = (id: string, files: string[], mapping?: unknown) =>
    importDataset(store(), {
      id,
      file: files[0]!,
      moreFiles: files.slice(1),
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
      { sheet: 'may.csv', row: 5, column: 'LSOA', value: 'NOT-AN-LSOA', problem: 'unknown LSOA 2021 code' },
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

  it('refuses files with other headings, or that are not CSV, saying which, and stores nothing', async () => {
    const first = write('q1.csv', 'LSOA,DNA\nX01000001,1\n');
    const second = write('q2.csv', 'LSOA,Did not attend,Clinic\nX01000002,0,Eyes\n');
    await expect(importFiles('quarters', [first, second])).rejects.toThrow(
      'Files are read as one dataset only when they have the same headings (in any order), and "q2.csv" has no "DNA" and has "Did not attend" and "Clinic", which "q1.csv" has not. Give them the same headings, or import each as a dataset of its own.',
    );
    expect(existsSync(store().datasetPath('quarters.parquet'))).toBe(false);
    const parquet = write('q3.parquet', 'not read');
    await expect(importFiles('mixed', [first, parquet])).rejects.toThrow(
      'Several files are read as one dataset only when each is CSV or tab-separated text, and "q3.parquet" is not.',
    );
    expect(readdirSync(path.join(store().root, 'tmp')).filter((f) => f.startsWith('staging-'))).toEqual([]);
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
