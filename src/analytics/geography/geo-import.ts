// `parity geo import`: reads the official files (CSV or .csv.gz, streamed by DuckDB, or an Excel
// workbook's worksheet) into the reference geography tables. Places are sets of local authorities;
// Core20 = national deciles 1–2. The ONS postcode directory becomes the postcode → LSOA lookup.
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { csvReader } from '../datasets/source.ts';
import { replaceVintage } from './geography-store.ts';
import { geographyTables, type LsoaVintage, type PlaceConfig } from './model.ts';
import { domainColumns, recogniseDomainColumns } from './domains.ts';
import * as formats from './official-formats.ts';
import { derive2021Population, keptBesideYear, recordPopulationSources } from './population-vintages.ts';
import { detailedEthnicityColumns, holdsLocalAuthorities, importCensusDetailed } from './census-detailed.ts';
import { importCensusEthnicity } from './census-ethnicity.ts';
import { importLsoaLookup, type LsoaLookupCounts } from './lsoa-lookup.ts';
import { importPostcodes, postcodeColumns, type PostcodeCounts, type PostcodeFile } from './postcodes.ts';
import {
  describeFile,
  openGeographyFiles,
  type GeographyFile,
  type GeographyFilesGiven,
  type OpenedGeographyFiles,
} from './geography-files.ts';

export interface GeoImportFiles extends GeographyFilesGiven {
  places?: PlaceConfig;
}

export interface GeoImportSummary {
  /** The LSOA vintage of the deprivation imported (of the population estimates, without one). */
  vintage: string;
  /** Null when only population estimates were imported. */
  imdVersion: string | null;
  lsoas: number;
  withWard: number;
  /** LSOAs in the configured places, whose residents rates count (every LSOA without places). */
  inPlaces: number;
  populationRows: number;
  /** The mid-year of the population estimates imported (null when not known, or none imported). */
  populationMidYear: number | null;
  /** Every mid-year imported, in order (a workbook's other mid-years' worksheets are read too). */
  populationMidYears: number[];
  derived2011From2021: number;
  /** Population rows for LSOA 2021 areas worked out from LSOA 2011 estimates through the lookup. */
  populationDerived2021From2011: number;
  /** The LSOA 2011 → 2021 lookup kept for datasets mixing the vintages (null: none given). */
  lsoaLookup: LsoaLookupCounts | null;
  /** LSOAs and usual residents of the Census 2021 ethnic group table imported (null: none given). */
  censusEthnicity: { lsoas: number; residents: number } | null;
  /** Local authorities and usual residents of the detailed ethnic groups imported (null: none given). */
  censusEthnicityDetailed: { localAuthorities: number; residents: number } | null;
  /** The postcodes of the postcode → LSOA lookup imported, and those with each LSOA code (null: none given). */
  postcodes: PostcodeCounts | null;
  /** The worksheet read from each Excel workbook given. */
  worksheets: { file: string; sheets: string[] }[];
}

async function columnsOf(store: AnalyticsStore, file: string): Promise<string[]> {
  const rows = await store.query<{ column_name: string }>(`DESCRIBE SELECT * FROM ${csvReader(file, true)}`);
  return rows.map((r) => r.column_name);
}

function placeSql(places: PlaceConfig | undefined, laCode: string, laName: string): string {
  const whens = Object.entries(places ?? {}).flatMap(([place, codes]) =>
    codes.map((code) => `WHEN ${literal(code)} THEN ${literal(place)}`),
  );
  return whens.length ? `CASE ${laCode} ${whens.join(' ')} ELSE ${laName} END` : laName;
}

/** 1 for an LSOA in one of the places (every LSOA when none are configured), else 0. */
function inAreaSql(places: PlaceConfig | undefined, laCode: string): string {
  const codes = [...new Set(Object.values(places ?? {}).flat())];
  return codes.length ? `CASE WHEN ${laCode} IN (${codes.map(literal).join(', ')}) THEN 1 ELSE 0 END` : '1';
}

interface WardLookup {
  file: GeographyFile;
  columns: formats.WardLookupColumns;
}

function wardSelect({ file, columns: c }: WardLookup): string {
  const q = sourceColumn;
  return `SELECT ${q(c.lsoaCode)} AS lsoa_code, ${q(c.wardCode)} AS ward_code, ${q(c.wardName)} AS ward_name, ${q(c.laCode)} AS la_code, ${q(c.laName)} AS la_name FROM ${csvReader(file.path, true)}`;
}

/** The deprivation domains the file has (File 2: ranks and deciles; File 7: scores too), NULL for the rest. */
function domainsSelect(headings: string[]): string {
  const found = recogniseDomainColumns(headings);
  return domainColumns
    .map(
      ([column]) =>
        `${found.has(column) ? `TRY_CAST(i.${sourceColumn(found.get(column)!)} AS DOUBLE)` : 'NULL'} AS ${column}`,
    )
    .join(', ');
}

function lsoaSelect(
  imd: string,
  c: formats.ImdColumns,
  headings: string[],
  ward: string | null,
  places: PlaceConfig | undefined,
): string {
  const q = sourceColumn;
  const ownName = c.laName ? `i.${q(c.laName)}` : `i.${q(c.laCode)}`;
  const laName = ward ? `COALESCE(w.la_name, ${ownName})` : ownName;
  const laCode = ward ? `COALESCE(w.la_code, i.${q(c.laCode)})` : `i.${q(c.laCode)}`;
  const decile = `CAST(i.${q(c.decile)} AS INTEGER)`;
  return `SELECT upper(trim(i.${q(c.lsoaCode)})) AS lsoa_code, '${c.vintage}' AS vintage, ${c.lsoaName ? `i.${q(c.lsoaName)}` : `i.${q(c.lsoaCode)}`} AS lsoa_name,
    ${ward ? 'w.ward_code' : 'NULL'} AS ward_code, ${ward ? 'w.ward_name' : 'NULL'} AS ward_name, ${laCode} AS la_code, ${laName} AS la_name,
    ${placeSql(places, laCode, laName)} AS place, '${c.version}' AS imd_version, CAST(i.${q(c.rank)} AS INTEGER) AS imd_rank,
    ${decile} AS imd_decile, CAST(ceil(${decile} / 2.0) AS INTEGER) AS imd_quintile, CASE WHEN ${decile} <= 2 THEN 1 ELSE 0 END AS core20,
    ${inAreaSql(places, laCode)} AS in_area, ${domainsSelect(headings)}
  FROM ${csvReader(imd, true)} i ${ward ? `LEFT JOIN (${ward}) w ON upper(trim(w.lsoa_code)) = upper(trim(i.${q(c.lsoaCode)}))` : ''}`;
}

/**
 * LSOA 2011 rows derived from LSOA 2021 deprivation through the ONS lookup, for extracts coded to
 * 2011 LSOAs when IoD2019 is not imported. A 2011 LSOA that was split takes the deprivation of its
 * first child (lowest LSOA 2021 code), a documented simplification.
 */
async function derive2011(store: AnalyticsStore, crosswalk: string): Promise<number> {
  const file = store.geographyPath(geographyTables.lsoa);
  const [official] = await store.query<{ n: string }>(
    `SELECT count(*) AS n FROM read_parquet(${literal(file)}) WHERE vintage = '2011' AND imd_version = 'IoD2019'`,
  );
  // IoD2019 itself, when imported, is the better source for 2011 LSOAs: keep it.
  if (Number(official?.n ?? 0) > 0) return 0;
  const select = `SELECT x.LSOA11CD AS lsoa_code, '2011' AS vintage, x.LSOA11NM AS lsoa_name, g.ward_code, g.ward_name, g.la_code, g.la_name, g.place,
      g.imd_version || ' via LSOA 2011-2021 lookup' AS imd_version, g.imd_rank, g.imd_decile, g.imd_quintile, g.core20, g.in_area,
      ${domainColumns.map(([column]) => `g.${column}`).join(', ')}
    FROM (SELECT LSOA11CD, arg_min(LSOA11NM, LSOA21CD) AS LSOA11NM, min(LSOA21CD) AS LSOA21CD FROM ${csvReader(crosswalk, true)} GROUP BY LSOA11CD) x
    JOIN (SELECT * FROM read_parquet(${literal(file)}) WHERE vintage = '2021') g ON g.lsoa_code = x.LSOA21CD`;
  return replaceVintage(store, geographyTables.lsoa, '2011', select);
}

/**
 * Population by single year of age (and by sex where the file gives it) from a file by single year
 * or by band. One pass over the file gives a column per age or band and sex, then one row per age:
 * a band's people are spread evenly over its years in whole people (the remainder one each to
 * successive years, starting at a different year for each LSOA), so that an indicator whose ages
 * cut a band (children aged 10 and under, say) takes its share of the band rather than the whole of it.
 */
async function importPopulation(
  store: AnalyticsStore,
  file: GeographyFile,
  c: formats.PopulationColumns,
  midYear: number | null,
): Promise<{ rows: number; vintage: LsoaVintage; midYear: number | null }> {
  const name = (a: formats.AgeColumn) => `a${a.from}_${a.sex}`;
  const perAge = c.ages.map((a) => `CAST(${sourceColumn(a.column)} AS INTEGER) AS ${name(a)}`);
  const wide = `SELECT upper(trim(${sourceColumn(c.lsoaCode)})) AS lsoa_code, ${perAge.join(', ')} FROM ${csvReader(file.path, true)}`;
  const spans = [...new Map(c.ages.map((a) => [a.from, a.to - a.from + 1])).entries()]
    .map(([from, width]) => `(${from}, ${width})`)
    .join(', ');
  // Which year of a band gets the first of its remainder: from the LSOA code's number.
  const start = 'COALESCE(TRY_CAST(substr(b.lsoa_code, 4) AS BIGINT), 0)';
  const select = `WITH bands AS (
      SELECT lsoa_code, CAST(split_part(substr(band, 2), '_', 1) AS INTEGER) AS first_age, split_part(band, '_', 2) AS sex, population
      FROM (${wide}) UNPIVOT INCLUDE NULLS (population FOR band IN (${c.ages.map(name).join(', ')}))
    ), years AS (
      SELECT first_age, width, unnest(range(0, width)) AS year FROM (VALUES ${spans}) s(first_age, width)
    )
    SELECT b.lsoa_code, '${c.vintage}' AS vintage, b.sex, y.first_age + y.year AS age,
      CAST(floor(b.population / y.width) + CASE WHEN (y.year + ${start}) % y.width < b.population % y.width THEN 1 ELSE 0 END AS INTEGER) AS population
    FROM bands b JOIN years y ON y.first_age = b.first_age`;
  const keep = keptBesideYear(store, c.vintage, midYear);
  await replaceVintage(
    store,
    geographyTables.population,
    c.vintage,
    `SELECT *, ${midYear ?? 'NULL'} AS mid_year FROM (${select}) s`,
    keep,
  );
  recordPopulationSources(
    store,
    c.vintage,
    [{ midYear, file: file.name, ...(file.sheets === undefined ? {} : { sheets: file.sheets }) }],
    keep !== undefined,
  );
  const [counted] = await store.query<{ n: string }>(
    `SELECT count(*) AS n FROM read_parquet(${literal(store.geographyPath(geographyTables.population))}) WHERE vintage = '${c.vintage}' AND mid_year IS NOT DISTINCT FROM ${midYear ?? 'NULL'}`,
  );
  return { rows: Number(counted?.n ?? 0), vintage: c.vintage, midYear };
}

/**
 * The mid-year of population estimates: as given, else from the worksheet ("Mid-2022 LSOA 2021",
 * "Mid-2020 Persons") or the file's name ("…mid2020…", "…mid-2024…"); null when none says.
 */
export function midYearOf(file: GeographyFile, given?: number): number | null {
  if (given !== undefined) return given;
  for (const text of [...(file.sheets ?? []), file.name]) {
    const found = /mid[-_ ]?((?:19|20)\d{2})/i.exec(text);
    if (found) return Number(found[1]);
  }
  return null;
}

export async function importGeography(
  store: AnalyticsStore,
  files: GeoImportFiles,
): Promise<GeoImportSummary> {
  const opened = await openGeographyFiles(store, files);
  try {
    return await importOpened(store, opened, files.places, files.populationYear);
  } finally {
    opened.close();
  }
}

/** The deprivation file as read before the import: its headings and what they were recognised as. */
interface Deprivation {
  file: GeographyFile;
  headings: string[];
  columns: formats.ImdColumns;
}

/**
 * Refuses places of which no local authority is in the deprivation file (or its ward lookup): they
 * would hold no LSOA, and every rate would leave out their people. A code of another year (a
 * places file shared by both vintages) is passed over when its place has others that are found.
 */
async function checkPlaces(
  store: AnalyticsStore,
  { file, headings, columns }: Deprivation,
  ward: WardLookup | null,
  places: PlaceConfig,
): Promise<void> {
  const select = lsoaSelect(file.path, columns, headings, ward && wardSelect(ward), places);
  const found = await store.query<{ la_code: string }>(`SELECT DISTINCT la_code FROM (${select}) l`);
  const known = new Set(found.map((r) => r.la_code));
  const empty = Object.entries(places).filter(([, codes]) => !codes.some((code) => known.has(code)));
  if (empty.length === 0) return;
  const list = empty.map(([place, codes]) => `${place} (${codes.join(', ')})`).join('; ');
  throw new formats.GeographyFormatError(
    `No local authority of ${empty.length === 1 ? 'this place' : 'these places'} is in ${describeFile(file)}${ward ? ' or the ward lookup' : ''}: ${list}. Local authority codes change when councils are reorganised: use the codes of the deprivation file's year.`,
    'places',
  );
}

/** The deprivation file, with the ward lookup of its vintage if given, into the LSOA table. */
async function importDeprivation(
  store: AnalyticsStore,
  { file, headings, columns: c }: Deprivation,
  ward: WardLookup | null,
  places: PlaceConfig | undefined,
) {
  const lsoas = await replaceVintage(
    store,
    geographyTables.lsoa,
    c.vintage,
    lsoaSelect(file.path, c, headings, ward && wardSelect(ward), places),
  );
  const [counts] = await store.query<{ with_ward: string; in_places: string }>(
    `SELECT count(ward_code) AS with_ward, sum(in_area) AS in_places FROM read_parquet(${literal(store.geographyPath(geographyTables.lsoa))}) WHERE vintage = '${c.vintage}'`,
  );
  return {
    vintage: c.vintage,
    version: c.version,
    lsoas,
    withWard: Number(counts?.with_ward ?? 0),
    inPlaces: Number(counts?.in_places ?? 0),
  };
}

/**
 * The ward lookup and the LSOA 2011 → 2021 lookup among those given. Any other file, or a ward
 * lookup for the other LSOA vintage, is refused: it would be passed over without a word (no wards).
 */
async function sortLookups(
  store: AnalyticsStore,
  lookups: GeographyFile[],
  imdVintage: LsoaVintage | null,
): Promise<{ ward: WardLookup | null; crosswalk: GeographyFile | null }> {
  let ward: WardLookup | null = null;
  let crosswalk: GeographyFile | null = null;
  for (const file of lookups) {
    const columns = await columnsOf(store, file.path);
    if (formats.isLsoaCrosswalk(columns)) {
      crosswalk ??= file;
      continue;
    }
    const wardColumns = formats.wardLookupColumns(columns, describeFile(file));
    const refuse = (why: string) => {
      throw new formats.GeographyFormatError(`${describeFile(file)} ${why}`, 'lookup');
    };
    if (!wardColumns)
      refuse(
        `is neither an ONS LSOA → ward lookup (LSOA11CD or LSOA21CD, WDyyCD, WDyyNM, LADyyCD, LADyyNM) nor the LSOA 2011 → 2021 lookup (LSOA11CD, LSOA21CD, CHGIND). Its columns: ${columns.slice(0, 12).join(', ')}`,
      );
    else if (imdVintage === null)
      refuse(
        'is a ward lookup, which is imported with the deprivation file of its LSOA vintage: give that file too',
      );
    else if (wardColumns.vintage !== imdVintage)
      refuse(
        `is a ward lookup for LSOA ${wardColumns.vintage} areas, but the deprivation file is on LSOA ${imdVintage} areas: give the lookup of the same vintage`,
      );
    else ward ??= { file, columns: wardColumns };
  }
  return { ward, crosswalk };
}

/** The detailed groups' columns when the ethnicity file is the table by local authority, else null. */
async function detailedFormatOf(store: AnalyticsStore, file: GeographyFile, headings: string[]) {
  const format = detailedEthnicityColumns(headings);
  if (format?.shape === 'wide' && !(await holdsLocalAuthorities(store, file, format))) return null;
  return format;
}

async function importOpened(
  store: AnalyticsStore,
  { imd, lookups, population, otherPopulations, ethnicity, postcodes, worksheets }: OpenedGeographyFiles,
  places: PlaceConfig | undefined,
  populationYear: number | undefined,
): Promise<GeoImportSummary> {
  // All read before anything is replaced, so that a file that cannot be used loses nothing.
  const headings = imd ? await columnsOf(store, imd.path) : [];
  const imdFile: Deprivation | null = imd
    ? { file: imd, headings, columns: formats.imdColumns(headings, describeFile(imd)) }
    : null;
  const { ward, crosswalk } = await sortLookups(store, lookups, imdFile?.columns.vintage ?? null);
  const estimatesGiven = [...otherPopulations, ...(population ? [population] : [])];
  const estimatesFormats = [];
  for (const file of estimatesGiven)
    estimatesFormats.push(formats.populationColumns(await columnsOf(store, file.path), describeFile(file)));
  const ethnicityHeadings = ethnicity ? await columnsOf(store, ethnicity.path) : [];
  const detailedFormat = ethnicity ? await detailedFormatOf(store, ethnicity, ethnicityHeadings) : null;
  const ethnicityFormat =
    ethnicity && !detailedFormat
      ? formats.ethnicityColumns(ethnicityHeadings, describeFile(ethnicity))
      : null;
  const postcodeFiles: PostcodeFile[] = [];
  for (const file of postcodes)
    postcodeFiles.push({
      file,
      columns: postcodeColumns(await columnsOf(store, file.path), describeFile(file)),
    });
  if (imdFile && places) await checkPlaces(store, imdFile, ward, places);
  const deprivation = imdFile ? await importDeprivation(store, imdFile, ward, places) : null;
  const derived = crosswalk && deprivation?.vintage === '2021' ? await derive2011(store, crosswalk.path) : 0;
  // The file's own mid-year last: it is the one the summary names.
  let estimates: Awaited<ReturnType<typeof importPopulation>> | null = null;
  const midYears: number[] = [];
  let populationRows = 0;
  for (const [i, file] of estimatesGiven.entries()) {
    estimates = await importPopulation(store, file, estimatesFormats[i]!, midYearOf(file, populationYear));
    populationRows += estimates.rows;
    if (estimates.midYear !== null) midYears.push(estimates.midYear);
  }
  const populationDerived = crosswalk ? await derive2021Population(store, crosswalk.path, crosswalk.name) : 0;
  const lsoaLookup = crosswalk ? await importLsoaLookup(store, crosswalk) : null;
  const census =
    ethnicity && ethnicityFormat ? await importCensusEthnicity(store, ethnicity, ethnicityFormat) : null;
  const censusDetailed =
    ethnicity && detailedFormat ? await importCensusDetailed(store, ethnicity, detailedFormat) : null;
  const postcodeLookup = postcodeFiles.length ? await importPostcodes(store, postcodeFiles) : null;
  return {
    // openGeographyFiles makes sure of a deprivation file, population estimates, census groups
    // (which are on 2021 LSOAs) or the postcode directory.
    vintage: deprivation?.vintage ?? estimates?.vintage ?? '2021',
    imdVersion: deprivation?.version ?? null,
    lsoas: deprivation?.lsoas ?? 0,
    withWard: deprivation?.withWard ?? 0,
    inPlaces: deprivation?.inPlaces ?? 0,
    populationRows,
    populationMidYear: estimates?.midYear ?? null,
    populationMidYears: midYears.sort((a, b) => a - b),
    derived2011From2021: derived,
    populationDerived2021From2011: populationDerived,
    lsoaLookup,
    censusEthnicity: census,
    censusEthnicityDetailed: censusDetailed,
    postcodes: postcodeLookup,
    worksheets,
  };
}
