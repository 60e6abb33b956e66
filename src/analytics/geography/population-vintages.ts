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
  /** The mid-year (30 June) the estimates are for; null when neither the file nor the import said. */
  midYear: number | null;
  /** The file the estimates were read from (its name only). */
  file: string;
  /** For a workbook: the worksheets read (ONS publishes one per mid-year, or up to mid-2020 one per sex). */
  sheets?: string[];
  /** For derived estimates: the vintage they were derived from, through `file` (the lookup). */
  derivedFrom?: LsoaVintage;
}

/** The estimates of each LSOA vintage, one source for each mid-year, in year order. */
export type PopulationSources = Partial<Record<LsoaVintage, PopulationSource[]>>;

const sourcesPath = (store: AnalyticsStore): string =>
  `${store.geographyPath(geographyTables.population)}.sources.json`;

/** One source per vintage, as recorded before estimates were kept by mid-year, is of a year not known. */
const asList = (recorded: PopulationSource | PopulationSource[] | undefined): PopulationSource[] =>
  recorded === undefined ? [] : Array.isArray(recorded) ? recorded : [{ ...recorded, midYear: null }];

export function populationSources(store: AnalyticsStore): PopulationSources {
  const file = sourcesPath(store);
  if (!existsSync(file)) return {};
  const recorded = JSON.parse(readFileSync(file, 'utf8')) as Record<
    string,
    PopulationSource | PopulationSource[]
  >;
  return Object.fromEntries(Object.entries(recorded).map(([vintage, sources]) => [vintage, asList(sources)]));
}

/**
 * Records where the estimates of a vintage came from, one source per mid-year: with `besideOthers`,
 * they join those of the vintage's other years; otherwise they are its only ones (as the import
 * replaced the rest).
 */
export function recordPopulationSources(
  store: AnalyticsStore,
  vintage: LsoaVintage,
  added: PopulationSource[],
  besideOthers = false,
): void {
  const file = sourcesPath(store);
  const sources = populationSources(store);
  const years = new Set(added.map((s) => s.midYear));
  const others = besideOthers ? (sources[vintage] ?? []).filter((s) => !years.has(s.midYear)) : [];
  const list = [...others, ...added].sort((a, b) => (a.midYear ?? 0) - (b.midYear ?? 0));
  writeFileSync(`${file}.next`, JSON.stringify({ ...sources, [vintage]: list }, null, 2));
  renameSync(`${file}.next`, file);
}

/**
 * The rows of a vintage kept when official estimates for `midYear` are imported: those of its other
 * years, when they are official too and the year is known; otherwise none, as estimates of a year
 * not known cannot be placed beside others, and derived ones give way to official ones.
 */
export function keptBesideYear(
  store: AnalyticsStore,
  vintage: LsoaVintage,
  midYear: number | null,
): string | undefined {
  const official = (populationSources(store)[vintage] ?? []).every(
    (s) => !s.derivedFrom && s.midYear !== null,
  );
  return midYear === null || !official
    ? undefined
    : `mid_year IS NOT NULL AND mid_year <> ${Math.trunc(midYear)}`;
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
  const sources = populationSources(store);
  if ((sources['2021'] ?? []).some((s) => !s.derivedFrom)) return 0;
  if (!(await populationVintages(store)).includes('2011')) return 0;
  const population = literal(store.geographyPath(geographyTables.population));
  // Every mid-year of the 2011 estimates, each shared out on its own.
  const select = `WITH pairs AS (
      SELECT DISTINCT upper(trim(LSOA11CD)) AS lsoa11, upper(trim(LSOA21CD)) AS lsoa21 FROM ${csvReader(crosswalk, true)}
    ), shares AS (
      SELECT lsoa11, lsoa21, row_number() OVER (PARTITION BY lsoa11 ORDER BY lsoa21) - 1 AS part, count(*) OVER (PARTITION BY lsoa11) AS parts
      FROM pairs
    )
    SELECT s.lsoa21 AS lsoa_code, '2021' AS vintage, p.sex, p.age,
      CAST(SUM(floor(p.population / s.parts) + CASE WHEN (s.part + p.age) % s.parts < p.population % s.parts THEN 1 ELSE 0 END) AS INTEGER) AS population,
      p.mid_year
    FROM (SELECT * FROM read_parquet(${population}) WHERE vintage = '2011') p
    JOIN shares s ON s.lsoa11 = p.lsoa_code
    GROUP BY s.lsoa21, p.sex, p.age, p.mid_year`;
  const rows = await replaceVintage(store, geographyTables.population, '2021', select);
  const years = (sources['2011'] ?? []).map((s) => s.midYear);
  recordPopulationSources(
    store,
    '2021',
    (years.length ? years : [null]).map((midYear) => ({ midYear, file: name, derivedFrom: '2011' })),
  );
  return rows;
}

export interface PopulationSummary {
  vintage: LsoaVintage;
  midYear: number | null;
  lsoas: number;
  people: number;
  source: PopulationSource | null;
}

/** The population estimates of each LSOA vintage and mid-year: areas, people and where they came from. */
export async function summarisePopulation(store: AnalyticsStore): Promise<PopulationSummary[]> {
  const file = store.geographyPath(geographyTables.population);
  if (!existsSync(file)) return [];
  const sources = populationSources(store);
  const rows = await store.query<{
    vintage: LsoaVintage;
    mid_year: number | null;
    lsoas: string;
    people: string;
  }>(
    `SELECT vintage, mid_year, count(DISTINCT lsoa_code) AS lsoas, sum(population) AS people FROM read_parquet(${literal(file)}) GROUP BY vintage, mid_year ORDER BY vintage, mid_year`,
  );
  return rows.map((r) => {
    const midYear = r.mid_year === null ? null : Number(r.mid_year);
    return {
      vintage: r.vintage,
      midYear,
      lsoas: Number(r.lsoas),
      people: Number(r.people),
      source: (sources[r.vintage] ?? []).find((s) => s.midYear === midYear) ?? null,
    };
  });
}

/** The mid-years a vintage's estimates are for, in order (null: a year not recorded). */
export async function populationYears(store: AnalyticsStore, vintage: string): Promise<(number | null)[]> {
  const file = store.geographyPath(geographyTables.population);
  if (!existsSync(file)) return [];
  const rows = await store.query<{ mid_year: number | null }>(
    `SELECT DISTINCT mid_year FROM read_parquet(${literal(file)}) WHERE vintage = ${literal(vintage)} ORDER BY mid_year`,
  );
  return rows.map((r) => (r.mid_year === null ? null : Number(r.mid_year)));
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
