// The ONS LSOA 2011 → 2021 lookup, kept with the reference geography, so that an extract whose LSOA
// codes mix the two vintages (years of records coded before and after the 2021 census) can have the
// codes of the other vintage read as those of the dataset's own, where the lookup gives one area
// (datasets/lsoa-other-vintage.ts). Each import of the lookup replaces it.
import { existsSync, renameSync, rmSync } from 'node:fs';
import type { AnalyticsStore } from '../store.ts';
import { literal } from '../sql-text.ts';
import { csvReader } from '../datasets/source.ts';
import type { GeographyFile } from './geography-files.ts';
import { geographyTables, type LsoaVintage } from './model.ts';
import { recordSourceFile, sourceFileOf } from './source-record.ts';

export interface LsoaLookupCounts {
  /** Pairs of a 2011 and a 2021 LSOA. */
  pairs: number;
  lsoas2011: number;
  lsoas2021: number;
}

export interface LsoaLookupSummary extends LsoaLookupCounts {
  /** The name of the file imported. */
  file: string | null;
}

const code = (column: string): string => `nullif(upper(trim(${column})), '')`;

async function countsOf(store: AnalyticsStore, parquet: string): Promise<LsoaLookupCounts> {
  const [row] = await store.query<{ pairs: string; lsoas2011: string; lsoas2021: string }>(
    `SELECT count(*) AS pairs, count(DISTINCT lsoa11_code) AS lsoas2011, count(DISTINCT lsoa21_code) AS lsoas2021 FROM read_parquet(${literal(parquet)})`,
  );
  return {
    pairs: Number(row?.pairs ?? 0),
    lsoas2011: Number(row?.lsoas2011 ?? 0),
    lsoas2021: Number(row?.lsoas2021 ?? 0),
  };
}

/**
 * Keeps the lookup (LSOA11CD, LSOA21CD, CHGIND as ONS publishes it), replacing the one kept before:
 * one row per pair of areas, with the change (U unchanged, S split, M merged, X neither).
 */
export async function importLsoaLookup(
  store: AnalyticsStore,
  file: GeographyFile,
): Promise<LsoaLookupCounts> {
  const target = store.geographyPath(geographyTables.lsoaLookup);
  const next = `${target}.next`;
  try {
    await store.run(
      `COPY (SELECT DISTINCT ${code('LSOA11CD')} AS lsoa11_code, ${code('LSOA21CD')} AS lsoa21_code, ${code('CHGIND')} AS change
        FROM ${csvReader(file.path, true)} WHERE ${code('LSOA11CD')} IS NOT NULL AND ${code('LSOA21CD')} IS NOT NULL
        ORDER BY lsoa11_code, lsoa21_code) TO ${literal(next)} (FORMAT parquet)`,
    );
    const counts = await countsOf(store, next);
    renameSync(next, target);
    recordSourceFile(target, file.name);
    return counts;
  } finally {
    rmSync(next, { force: true });
  }
}

/** The kept lookup's Parquet file (lsoa11_code, lsoa21_code, change), or null when none was imported. */
export function lsoaLookupFile(store: AnalyticsStore): string | null {
  const file = store.geographyPath(geographyTables.lsoaLookup);
  return existsSync(file) ? file : null;
}

/** What the kept lookup holds, or null when none has been imported. */
export async function summariseLsoaLookup(store: AnalyticsStore): Promise<LsoaLookupSummary | null> {
  const file = lsoaLookupFile(store);
  if (!file) return null;
  return { ...(await countsOf(store, file)), file: sourceFileOf(file) };
}

/**
 * The codes of the other vintage than `vintage` only (not codes of `vintage` too, as an unchanged
 * LSOA keeps its code), each with the area of `vintage` it became or was part of (the lowest code,
 * when several) and how many there are: code, area, areas. `lookup` is the lookup as a relation: its
 * Parquet file read by DuckDB, or its copy in PostgreSQL (postgres-source.ts); the SQL runs on both.
 */
export function otherVintageCodesSql(lookup: string, vintage: LsoaVintage): string {
  const [own, other] = vintage === '2021' ? ['lsoa21_code', 'lsoa11_code'] : ['lsoa11_code', 'lsoa21_code'];
  return `SELECT ${other} AS code, min(${own}) AS area, count(DISTINCT ${own}) AS areas FROM ${lookup}
    WHERE ${other} NOT IN (SELECT ${own} FROM ${lookup}) GROUP BY ${other}`;
}
