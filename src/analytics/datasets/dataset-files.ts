// The files the analytics store holds for one dataset: its standard Parquet file and, during an
// import (or after one that stopped), the staging copies of the source. Patient-level rows live in
// these files only, so removing or replacing a dataset removes every one of them.
import { existsSync, rmSync } from 'node:fs';
import type { AnalyticsStore } from '../store.ts';
import { stagingPathFor } from './source.ts';

/** Where an import adding files to a dataset writes their rows before they join the dataset's. */
export const addedRowsPath = (store: AnalyticsStore, id: string): string =>
  store.datasetPath(`${id}-added.parquet`);

export function datasetFiles(store: AnalyticsStore, id: string): string[] {
  const staging = stagingPathFor(store, id);
  return [store.datasetPath(`${id}.parquet`), addedRowsPath(store, id), staging, `${staging}.csv`];
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
