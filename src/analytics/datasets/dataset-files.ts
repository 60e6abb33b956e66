// The files the analytics store holds for one dataset: its standard Parquet file, the parts added
// to it later (next month's extract; added-files.ts) and, during an import (or after one that
// stopped), the staging copies of the source. Patient-level rows live in these files only, so
// removing or replacing a dataset removes every one of them.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AnalyticsStore } from '../store.ts';
import { literal } from '../sql-text.ts';
import { stagingPathFor } from './source.ts';

/** The file of the `n`th part of a dataset's rows (the first is its own file). */
export const partPath = (store: AnalyticsStore, id: string, n: number): string =>
  store.datasetPath(n === 1 ? `${id}.parquet` : `${id}.part-${n}.parquet`);

/** The files of a dataset's rows, in order: its own file, then each part added to it. */
export function datasetRowFiles(store: AnalyticsStore, id: string): string[] {
  const first = partPath(store, id, 1);
  const folder = path.dirname(first);
  const pattern = new RegExp(`^${id.replace(/[^\w-]/g, '')}\\.part-(\\d+)\\.parquet$`);
  const parts = statSync(folder, { throwIfNoEntry: false })?.isDirectory()
    ? readdirSync(folder)
        .map((name) => pattern.exec(name)?.[1])
        .filter((n): n is string => n !== undefined)
        .map(Number)
        .sort((a, b) => a - b)
    : [];
  return [first, ...parts.map((n) => partPath(store, id, n))];
}

/** The SQL relation of a dataset's rows (its parts read as one, their columns matched by name). */
export const datasetRelation = (store: AnalyticsStore, id: string): string =>
  rowsRelation(datasetRowFiles(store, id));

/** The SQL relation of the rows of these parts, read as one. */
export function rowsRelation(files: readonly string[]): string {
  return files.length === 1
    ? `read_parquet(${literal(files[0]!)})`
    : `read_parquet([${files.map(literal).join(', ')}], union_by_name = true)`;
}

export function datasetFiles(store: AnalyticsStore, id: string): string[] {
  const staging = stagingPathFor(store, id);
  return [...datasetRowFiles(store, id), staging, `${staging}.csv`];
}

/** Deletes a dataset's files (those that exist) and returns how many there were. */
export function removeDatasetFiles(store: AnalyticsStore, id: string): number {
  let removed = 0;
  for (const file of datasetFiles(store, id)) {
    if (!existsSync(file)) continue;
    rmSync(file, { force: true });
    removed++;
  }
  return removed;
}
