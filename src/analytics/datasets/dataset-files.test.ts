import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { datasetRelation, datasetRowFiles, partPath, removeDatasetFiles } from './dataset-files.ts';
import { temporaryDir } from '../../../test/temporary-dirs.ts';

describe("a dataset's files", () => {
  let dataDir: string;
  let store: AnalyticsStore;
  beforeAll(async () => {
    dataDir = temporaryDir('parity-parts-');
    store = await analyticsStore(dataDir);
  });
  afterAll(() => closeAnalyticsStore(dataDir));

  const writeRows = async (file: string, rows: string) =>
    store.run(`COPY (SELECT * FROM (VALUES ${rows}) v(event_date, dna)) TO '${file}' (FORMAT parquet)`);

  it('reads the parts added to a dataset after its own file, in the order they were added', async () => {
    const id = '0b7c1f52-7d0e-4d8a-9d43-3c0c5a1f0e11';
    await writeRows(partPath(store, id, 1), "(DATE '2024-04-01', 1)");
    for (const n of [2, 10, 3]) await writeRows(partPath(store, id, n), `(DATE '2024-0${n % 9}-02', ${n})`);
    // Another dataset's files, and one whose id begins the same, are not its parts.
    writeFileSync(store.datasetPath(`${id}0.part-4.parquet`), 'other');
    writeFileSync(store.datasetPath('d2.part-5.parquet'), 'other');
    const names = datasetRowFiles(store, id).map((f) => path.basename(f));
    expect(names).toEqual([
      `${id}.parquet`,
      `${id}.part-2.parquet`,
      `${id}.part-3.parquet`,
      `${id}.part-10.parquet`,
    ]);
    const rows = await store.query<{ dna: number }>(`SELECT dna FROM ${datasetRelation(store, id)}`);
    expect(rows.map((r) => Number(r.dna)).sort((a, b) => a - b)).toEqual([1, 2, 3, 10]);

    expect(removeDatasetFiles(store, id)).toBe(4);
    expect(existsSync(partPath(store, id, 10))).toBe(false);
    expect(existsSync(store.datasetPath(`${id}0.part-4.parquet`))).toBe(true);
  });

  it('reads a dataset with no parts added from its own file alone', async () => {
    const id = 'f3a0e2c4-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
    await writeRows(partPath(store, id, 1), "(DATE '2024-04-01', 1), (DATE '2024-04-02', 0)");
    expect(datasetRowFiles(store, id)).toEqual([partPath(store, id, 1)]);
    const [row] = await store.query<{ rows: number }>(
      `SELECT count(*) AS rows FROM ${datasetRelation(store, id)}`,
    );
    expect(Number(row!.rows)).toBe(2);
  });
});
