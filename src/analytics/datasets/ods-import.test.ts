import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGeography } from '../geography/geo-import.ts';
import { literal } from '../sql-text.ts';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { importDataset } from './import.ts';

const shared = path.resolve(import.meta.dirname, '../../../../shared/data');

/** Rows written as an OpenDocument spreadsheet by SheetJS, one sheet each. */
function writeSpreadsheet(file: string, sheets: Record<string, unknown[][]>): string {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets))
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { cellDates: true }), name);
  writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'ods', cellDates: true }) as Buffer);
  return file;
}

describe('OpenDocument spreadsheets imported', () => {
  let dir: string;
  let store: AnalyticsStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-ods-import-'));
    store = await analyticsStore(dir);
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the deprivation file saved as .ods, as government statistics are published', async () => {
    const csv = readFileSync(path.join(shared, 'iod2025_imd_lsoa21_llr.csv'), 'utf8');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(
      XLSX.read(csv, { type: 'string', raw: true }).Sheets.Sheet1!,
      {
        header: 1,
        raw: true,
      },
    );
    const file = writeSpreadsheet(path.join(dir, 'iod2025.ods'), {
      Notes: [['English Indices of Deprivation 2025']],
      'IoD2025 LSOA': rows,
    });
    const summary = await importGeography(store, { imd: file });
    expect(summary).toMatchObject({ vintage: '2021', imdVersion: 'IoD2025', lsoas: rows.length - 1 });
    expect(summary.worksheets).toEqual([{ file: 'iod2025.ods', sheets: ['IoD2025 LSOA'] }]);
    // The deciles as the file gives them, read from the spreadsheet's numbers.
    const [first] = csv.split('\n').slice(1);
    const [code] = first!.split(',');
    const decile = csv.split('\n')[0]!.split(',').indexOf('IMD_decile');
    const [stored] = await store.query<{ imd_decile: number }>(
      `SELECT imd_decile FROM read_parquet(${literal(store.geographyPath('lsoa_geography'))}) WHERE lsoa_code = ${literal(code!)}`,
    );
    expect(stored?.imd_decile).toBe(Number(first!.split(',')[decile]));
  });

  it('imports a dataset from the sheet with the LSOA column, below its title, naming problems at the sheet’s rows', async () => {
    const codes = readFileSync(path.join(shared, 'iod2025_imd_lsoa21_llr.csv'), 'utf8')
      .split('\n')
      .slice(1, 4)
      .map((line) => line.split(',')[0]!);
    const file = writeSpreadsheet(path.join(dir, 'clinic.ods'), {
      Contents: [['This workbook holds the clinic list']],
      Clinic: [
        ['Clinic list, April 2024'],
        [],
        ['person_id', 'lsoa_code', 'age', 'sex', 'appointment_date', 'dna'],
        ['P1', codes[0], 34, 'F', new Date(Date.UTC(2024, 3, 2)), 1],
        ['P2', codes[1], 130, 'M', new Date(Date.UTC(2024, 3, 3)), 0],
        ['P3', codes[2], 58, 'F', new Date(Date.UTC(2024, 3, 4)), 0],
      ],
    });
    const result = await importDataset(store, {
      id: 'clinic',
      file,
      outFile: store.datasetPath('clinic.parquet'),
    });
    expect(result.format).toBe('ods');
    expect(result.rowsStored).toBe(3);
    expect(result.report.problems).toEqual([
      { column: 'age', problem: 'impossible age', rows: 1, firstRow: 5 },
    ]);
    const stored = await store.query<{ lsoa_code: string; event_date: string; dna: number }>(
      `SELECT lsoa_code, CAST(event_date AS VARCHAR) AS event_date, dna FROM read_parquet(${literal(store.datasetPath('clinic.parquet'))}) ORDER BY event_date`,
    );
    expect(stored).toEqual([
      { lsoa_code: codes[0], event_date: '2024-04-02', dna: 1 },
      { lsoa_code: codes[1], event_date: '2024-04-03', dna: 0 },
      { lsoa_code: codes[2], event_date: '2024-04-04', dna: 0 },
    ]);
  });
});
