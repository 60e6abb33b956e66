// Writing the reference geography tables (Parquet under analytics/geography/). Importing one LSOA
// vintage replaces that vintage only, so LSOA 2011 (IoD2019) and LSOA 2021 (IoD2025) live side by side.
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { AnalyticsStore } from '../store.ts';
import { literal } from '../sql-text.ts';
import { domainColumns } from './domains.ts';
import {
  geographyTables,
  type LsoaGeographyRow,
  type LsoaVintage,
  type PopulationRow,
  type ResidentArea,
} from './model.ts';

const lsoaColumns =
  'lsoa_code, vintage, lsoa_name, ward_code, ward_name, la_code, la_name, place, imd_version, imd_rank, imd_decile, imd_quintile, core20';

/** The columns a geography file has (one written before the domains has none of theirs). */
async function columnsIn(store: AnalyticsStore, file: string): Promise<Set<string>> {
  const rows = await store.query<{ column_name: string }>(
    `DESCRIBE SELECT * FROM read_parquet(${literal(file)})`,
  );
  return new Set(rows.map((c) => c.column_name));
}

/**
 * The condition keeping the LSOAs of the configured places (every LSOA of a file written before
 * places were recorded).
 */
export async function inPlacesCondition(store: AnalyticsStore): Promise<string> {
  const file = store.geographyPath(geographyTables.lsoa);
  return (await columnsIn(store, file)).has('in_area') ? 'in_area = 1' : 'TRUE';
}

/**
 * The columns of a table as a SELECT list. In a geography file written before a column existed,
 * every LSOA is in the area (in_area), the domains are NULL, and so is the mid-year of populations.
 */
function selectList(table: string, has: (column: string) => boolean = () => true): string {
  if (table !== geographyTables.lsoa)
    return `lsoa_code, vintage, sex, age, population, CAST(${has('mid_year') ? 'mid_year' : 'NULL'} AS INTEGER) AS mid_year`;
  const domains = domainColumns.map(
    ([column, type]) => `CAST(${has(column) ? column : 'NULL'} AS ${type}) AS ${column}`,
  );
  return [lsoaColumns, `CAST(${has('in_area') ? 'in_area' : '1'} AS INTEGER) AS in_area`, ...domains].join(
    ', ',
  );
}

/**
 * Replaces one vintage of a geography table with the rows of `selectSql` (same columns, same order),
 * but for the rows of the vintage that `keep` holds for (population estimates of other mid-years).
 * Returns the rows of the vintage there are now.
 */
export async function replaceVintage(
  store: AnalyticsStore,
  table: string,
  vintage: LsoaVintage,
  selectSql: string,
  keep?: string,
): Promise<number> {
  const file = store.geographyPath(table);
  let kept = '';
  if (existsSync(file)) {
    const present = await columnsIn(store, file);
    const other = `vintage <> ${literal(vintage)}${keep ? ` OR (${keep})` : ''}`;
    kept = `SELECT * FROM (SELECT ${selectList(table, (c) => present.has(c))} FROM read_parquet(${literal(file)})) t WHERE ${other} UNION ALL `;
  }
  const next = `${file}.next`;
  await store.run(
    `COPY (${kept}SELECT ${selectList(table)} FROM (${selectSql}) n) TO ${literal(next)} (FORMAT parquet)`,
  );
  renameSync(next, file);
  const [row] = await store.query<{ n: string }>(
    `SELECT count(*) AS n FROM read_parquet(${literal(file)}) WHERE vintage = ${literal(vintage)}`,
  );
  return Number(row?.n ?? 0);
}

function valuesSql(rows: unknown[][]): string {
  return rows.map((r) => `(${r.map((v) => literal(v as string | number | null)).join(', ')})`).join(',\n');
}

export async function writeLsoaRows(
  store: AnalyticsStore,
  rows: LsoaGeographyRow[],
  vintage: LsoaVintage,
): Promise<number> {
  const values = valuesSql(
    rows.map((r) => [
      r.lsoa_code,
      r.vintage,
      r.lsoa_name,
      r.ward_code,
      r.ward_name,
      r.la_code,
      r.la_name,
      r.place,
      r.imd_version,
      r.imd_rank,
      r.imd_decile,
      r.imd_quintile,
      r.core20,
      r.in_area ?? 1,
      ...domainColumns.map(([column]) => r.domains?.[column] ?? null),
    ]),
  );
  const names = [lsoaColumns, 'in_area', ...domainColumns.map(([column]) => column)].join(', ');
  return replaceVintage(store, geographyTables.lsoa, vintage, `SELECT * FROM (VALUES ${values}) v(${names})`);
}

/**
 * Runs `use` with `rows` readable as a relation, through a CSV file beside `file`: a VALUES list of
 * hundreds of thousands of rows costs DuckDB's parser far more memory than the rows themselves (0.6
 * GB for the demo's populations of three mid-years).
 */
export async function withRowsAsCsv<T>(
  file: string,
  columns: Record<string, 'VARCHAR' | 'INTEGER'>,
  rows: (string | number | null)[][],
  use: (relation: string) => Promise<T>,
): Promise<T> {
  const csv = `${file}.rows.csv`;
  const cell = (v: string | number | null) =>
    v === null ? '' : typeof v === 'string' ? `"${v.replaceAll('"', '""')}"` : String(v);
  writeFileSync(csv, [Object.keys(columns).join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n'));
  const types = Object.entries(columns).map(([name, type]) => `'${name}': '${type}'`);
  try {
    return await use(`read_csv(${literal(csv)}, header = true, columns = {${types.join(', ')}})`);
  } finally {
    rmSync(csv, { force: true });
  }
}

export async function writePopulationRows(
  store: AnalyticsStore,
  rows: PopulationRow[],
  vintage: LsoaVintage,
): Promise<number> {
  const file = store.geographyPath(geographyTables.population);
  const columns = {
    lsoa_code: 'VARCHAR',
    vintage: 'VARCHAR',
    sex: 'VARCHAR',
    age: 'INTEGER',
    population: 'INTEGER',
    mid_year: 'INTEGER',
  } as const;
  const values = rows.map((r) => [r.lsoa_code, r.vintage, r.sex, r.age, r.population, r.mid_year]);
  return withRowsAsCsv(file, columns, values, (relation) =>
    replaceVintage(store, geographyTables.population, vintage, `SELECT * FROM ${relation}`),
  );
}

export interface GeographySummary {
  vintage: string;
  imdVersion: string;
  lsoas: number;
  wards: number;
  authorities: number;
  /** Places holding LSOAs in the area (with places set, the configured ones). */
  places: number;
  /** LSOAs in the configured places (all of them without places), whose residents rates count. */
  inPlaces: number;
  core20Lsoas: number;
  /** How many of the seven deprivation domains the LSOAs have deciles for. */
  domains: number;
}

export async function summariseGeography(store: AnalyticsStore): Promise<GeographySummary[]> {
  const file = store.geographyPath(geographyTables.lsoa);
  if (!existsSync(file)) return [];
  const present = await columnsIn(store, file);
  const deciles = domainColumns.map(([c]) => c).filter((c) => c.endsWith('_decile') && present.has(c));
  const domains = deciles.length
    ? deciles.map((c) => `CASE WHEN count(${c}) > 0 THEN 1 ELSE 0 END`).join(' + ')
    : '0';
  const inPlaces = await inPlacesCondition(store);
  const rows = await store.query<Record<string, string>>(
    `SELECT vintage, imd_version, count(*) AS lsoas, count(DISTINCT ward_code) AS wards, count(DISTINCT la_code) AS authorities, count(DISTINCT CASE WHEN ${inPlaces} THEN place END) AS places, count(*) FILTER (WHERE ${inPlaces}) AS in_places, sum(core20) AS core20, ${domains} AS domains FROM read_parquet(${literal(file)}) GROUP BY vintage, imd_version ORDER BY vintage`,
  );
  return rows.map((r) => ({
    vintage: String(r.vintage),
    imdVersion: String(r.imd_version),
    lsoas: Number(r.lsoas),
    wards: Number(r.wards),
    authorities: Number(r.authorities),
    places: Number(r.places),
    inPlaces: Number(r.in_places),
    core20Lsoas: Number(r.core20),
    domains: Number(r.domains),
  }));
}

/** Whether a geography file has every column of today's: one written by an earlier Parity may not. */
async function isCurrent(store: AnalyticsStore, table: string, file: string): Promise<boolean> {
  const present = await columnsIn(store, file);
  const wanted =
    table === geographyTables.lsoa ? ['in_area', ...domainColumns.map(([c]) => c)] : ['mid_year'];
  return wanted.every((c) => present.has(c));
}

const upgraded = new WeakMap<AnalyticsStore, Promise<void>>();

/**
 * Rewrites geography files written before a column existed with every column of today's (every
 * LSOA in the area, no domains, populations of a mid-year not recorded), so that the queries joined
 * to them, here or copied to PostgreSQL, find them all. Once for each store: files written later
 * are current.
 */
export function upgradeGeographyFiles(store: AnalyticsStore): Promise<void> {
  let done = upgraded.get(store);
  if (!done) {
    done = (async () => {
      for (const table of [geographyTables.lsoa, geographyTables.population]) {
        const file = store.geographyPath(table);
        if (!existsSync(file) || (await isCurrent(store, table, file))) continue;
        const present = await columnsIn(store, file);
        const next = `${file}.next`;
        await store.run(
          `COPY (SELECT ${selectList(table, (c) => present.has(c))} FROM read_parquet(${literal(file)})) TO ${literal(next)} (FORMAT parquet)`,
        );
        renameSync(next, file);
      }
    })();
    upgraded.set(store, done);
  }
  return done;
}

/**
 * The area whose residents rates count: the configured places of an LSOA vintage (every place when
 * the file was cut to the area). Rows whose LSOA is outside them, not in the file or not given are
 * not counted in rates, as their population is not the denominator. Null without that vintage.
 */
export async function residentArea(store: AnalyticsStore, vintage: string): Promise<ResidentArea | null> {
  const file = store.geographyPath(geographyTables.lsoa);
  if (!existsSync(file)) return null;
  const rows = await store.query<{ place: string }>(
    `SELECT DISTINCT place FROM read_parquet(${literal(file)}) WHERE vintage = ${literal(vintage)} AND in_area = 1 ORDER BY place`,
  );
  return rows.length ? { places: rows.map((r) => String(r.place)) } : null;
}

export interface PlaceSummary {
  place: string;
  /** Names of its local authorities, in order. */
  authorities: string[];
  lsoas: number;
}

/** The places of an LSOA vintage's area (outside LSOAs left out), with their local authorities. */
export async function summarisePlaces(store: AnalyticsStore, vintage: string): Promise<PlaceSummary[]> {
  const file = store.geographyPath(geographyTables.lsoa);
  if (!existsSync(file)) return [];
  const inPlaces = await inPlacesCondition(store);
  const rows = await store.query<{ place: string; authorities: string[]; lsoas: string }>(
    `SELECT place, list_sort(list(DISTINCT la_name)) AS authorities, count(*) AS lsoas FROM read_parquet(${literal(file)}) WHERE vintage = ${literal(vintage)} AND ${inPlaces} GROUP BY place ORDER BY place`,
  );
  return rows.map((r) => ({
    place: String(r.place),
    authorities: [...r.authorities].map(String),
    lsoas: Number(r.lsoas),
  }));
}
