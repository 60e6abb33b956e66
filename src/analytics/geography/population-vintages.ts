// The population estimates of each LSOA vintage: where they came from (kept beside the table, so
// that an official file is never replaced by a derivation and the pages can say which figures a
// rate's denominator is), what they hold, and LSOA 2021 populations derived from LSOA 2011 estimates
// through the ONS exact-fit lookup, for extracts coded to 2021 LSOAs (IoD2025) when only 2011-based
// estimates by age are to hand (ONS published single-year LSOA estimates on 2011 LSOAs up to mid-2020).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AnalyticsStore } from '../store.ts';
import { literal } from '../sql-text.ts';
import { csvReader } from '../datasets/source.ts';
import { replaceVintage } from './geography-store.ts';
import { geographyTables, type LsoaVintage } from './model.ts';

export interface PopulationSource {
  /** The file the estimates were read from (its name only). */
  file: string;
  /** For a workbook: the worksheets read (ONS publishes one per mid-year, or up to mid-2020 one per sex). */
  sheets?: string[];
  /** For derived estimates: the vintage they were derived from, through `file` (the lookup). */
  derivedFrom?: LsoaVintage;
}

export type PopulationSources = Partial<Record<LsoaVintage, PopulationSource>>;

const sourcesPath = (store: AnalyticsStore): string =>
  `${store.geographyPath(geographyTables.population)}.sources.json`;

export function populationSources(store: AnalyticsStore): PopulationSources {
  const file = sourcesPath(store);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PopulationSources) : {};
}

export function recordPopulationSource(
  store: AnalyticsStore,
  vintage: LsoaVintage,
  source: PopulationSource,
): void {
  const file = sourcesPath(store);
  writeFileSync(`${file}.next`, JSON.stringify({ ...populationSources(store), [vintage]: source }, null, 2));
  renameSync(`${file}.next`, file);
}

/** The LSOA vintages (2011, 2021) that population estimates have been imported for. */
export async function populationVintages(store: AnalyticsStore): Promise<string[]> {
  const file = store.geographyPath(geographyTables.population);
  if (!existsSync(file)) return [];
  const rows = await store.query<{ vintage: string }>(
    `SELECT DISTINCT vintage FROM read_parquet(${literal(file)}) ORDER BY vintage`,
  );
  return rows.map((r) => r.vintage);
}

/**
 * Writes LSOA 2021 populations by age from the LSOA 2011 ones through the lookup, unless estimates
 * for 2021 LSOAs were imported from an official file: each 2011 LSOA's population at each age is
 * shared among the 2021 LSOAs it became, in whole people (the remainder one each to successive
 * children, starting at a different child for each age), and the shares are added up for each
 * 2021 LSOA. An unchanged LSOA keeps its figures, merged ones are added up, split ones divided
 * equally (ONS split LSOAs whose population had grown, into parts of similar size). Returns the rows
 * written (0 when nothing was derived).
 */
export async function derive2021Population(
  store: AnalyticsStore,
  crosswalk: string,
  name: string,
): Promise<number> {
  const existing = populationSources(store)['2021'];
  if (existing && !existing.derivedFrom) return 0;
  if (!(await populationVintages(store)).includes('2011')) return 0;
  const population = literal(store.geographyPath(geographyTables.population));
  const select = `WITH pairs AS (
      SELECT DISTINCT upper(trim(LSOA11CD)) AS lsoa11, upper(trim(LSOA21CD)) AS lsoa21 FROM ${csvReader(crosswalk, true)}
    ), shares AS (
      SELECT lsoa11, lsoa21, row_number() OVER (PARTITION BY lsoa11 ORDER BY lsoa21) - 1 AS part, count(*) OVER (PARTITION BY lsoa11) AS parts
      FROM pairs
    )
    SELECT s.lsoa21 AS lsoa_code, '2021' AS vintage, p.sex, p.age,
      CAST(SUM(floor(p.population / s.parts) + CASE WHEN (s.part + p.age) % s.parts < p.population % s.parts THEN 1 ELSE 0 END) AS INTEGER) AS population
    FROM (SELECT * FROM read_parquet(${population}) WHERE vintage = '2011') p
    JOIN shares s ON s.lsoa11 = p.lsoa_code
    GROUP BY s.lsoa21, p.sex, p.age`;
  const rows = await replaceVintage(store, geographyTables.population, '2021', select);
  recordPopulationSource(store, '2021', { file: name, derivedFrom: '2011' });
  return rows;
}

export interface PopulationSummary {
  vintage: LsoaVintage;
  lsoas: number;
  people: number;
  source: PopulationSource | null;
}

/** The population estimates of each LSOA vintage: areas, people and where they came from. */
export async function summarisePopulation(store: AnalyticsStore): Promise<PopulationSummary[]> {
  const file = store.geographyPath(geographyTables.population);
  if (!existsSync(file)) return [];
  const sources = populationSources(store);
  const rows = await store.query<{ vintage: LsoaVintage; lsoas: string; people: string }>(
    `SELECT vintage, count(DISTINCT lsoa_code) AS lsoas, sum(population) AS people FROM read_parquet(${literal(file)}) GROUP BY vintage ORDER BY vintage`,
  );
  return rows.map((r) => ({
    vintage: r.vintage,
    lsoas: Number(r.lsoas),
    people: Number(r.people),
    source: sources[r.vintage] ?? null,
  }));
}

/** Whether the population estimates of a vintage are by sex (F and M), so that rates by sex can be given. */
export async function populationBySex(store: AnalyticsStore, vintage: string): Promise<boolean> {
  const file = store.geographyPath(geographyTables.population);
  if (!existsSync(file)) return false;
  const [row] = await store.query<{ n: string }>(
    `SELECT count(*) AS n FROM read_parquet(${literal(file)}) WHERE vintage = ${literal(vintage)} AND sex IN ('F', 'M')`,
  );
  return Number(row?.n ?? 0) > 0;
}
