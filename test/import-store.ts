// A fresh analytics store holding the synthetic geography, for the dataset import tests: files are
// written into its folder and imported as the command line imports them. Removed after the file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll } from 'vitest';
import { importDataset } from '../src/analytics/datasets/import.ts';
import {
  analyticsStore,
  closeAnalyticsStore,
  type AnalyticsStore,
  type SqlRow,
} from '../src/analytics/store.ts';
import { loadSyntheticGeography } from '../src/analytics/synthetic/demo-geography.ts';

export function importStore(prefix: string) {
  let dir = '';
  let current: AnalyticsStore | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    current = await analyticsStore(dir);
    await loadSyntheticGeography(current);
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });
  const store = (): AnalyticsStore => {
    if (!current) throw new Error('The import store is made before the tests run');
    return current;
  };
  const pathOf = (name: string): string => path.join(dir, name);
  return {
    store,
    pathOf,
    write: (name: string, bytes: Buffer | string): string => {
      writeFileSync(pathOf(name), bytes);
      return pathOf(name);
    },
    /** Writes `book` as an .xlsx file named `name` (with SheetJS's writing `options`); returns its path. */
    writeWorkbook: (name: string, book: XLSX.WorkBook, options: XLSX.WritingOptions = {}): string => {
      writeFileSync(
        pathOf(name),
        XLSX.write(book, { type: 'buffer', bookType: 'xlsx', ...options }) as Buffer,
      );
      return pathOf(name);
    },
    /** The stored rows of dataset `id`: the columns (SQL) `select`, in the order `orderBy` (SQL). */
    stored: <T extends SqlRow = SqlRow>(id: string, select: string, orderBy = 'person_id') =>
      store().query<T>(
        `SELECT ${select} FROM read_parquet('${store().datasetPath(`${id}.parquet`)}') ORDER BY ${orderBy}`,
      ),
    /** Imports `file` as dataset `id`, with the mapping given or else the one detected from it. */
    importAs: (id: string, file: string, mapping?: unknown) =>
      importDataset(store(), { id, file, outFile: store().datasetPath(`${id}.parquet`), mapping }),
  };
}
