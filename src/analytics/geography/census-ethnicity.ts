// The Census 2021 ethnic group table by LSOA 2021 (ONS TS021): the usual residents of each LSOA in
// each of the five high-level groups, kept so that the people a dataset reaches can be set beside
// the people living in the places. The census counts everybody on one day in March 2021, on 2021
// LSOAs only.
import { existsSync, renameSync } from 'node:fs';
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { csvReader } from '../datasets/source.ts';
import type { GeographyFile } from './geography-files.ts';
import { withRowsAsCsv } from './geography-store.ts';
import { geographyTables } from './model.ts';
import { broadGroupOfCensus, type EthnicityColumns } from './official-formats.ts';

const broadSql = (label: string): string => {
  const groups = ['Asian', 'Black', 'Mixed', 'White', 'Other ethnic group'];
  const whens = groups.map(
    (g) => `WHEN ${label} ILIKE '${g}%' THEN '${broadGroupOfCensus(g)!.replaceAll("'", "''")}'`,
  );
  return `CASE ${whens.join(' ')} END`;
};

function selectOf(file: GeographyFile, c: EthnicityColumns): string {
  const code = `upper(trim(CAST(${sourceColumn(c.lsoaCode)} AS VARCHAR)))`;
  if (c.shape === 'long')
    return `SELECT ${code} AS lsoa_code, ${broadSql(`trim(CAST(${sourceColumn(c.group)} AS VARCHAR))`)} AS ethnic_broad, CAST(${sourceColumn(c.count)} AS INTEGER) AS people FROM ${csvReader(file.path, true)}`;
  return c.groups
    .map(
      (g) =>
        `SELECT ${code} AS lsoa_code, ${literal(g.broad)} AS ethnic_broad, CAST(${sourceColumn(g.column)} AS INTEGER) AS people FROM ${csvReader(file.path, true)}`,
    )
    .join(' UNION ALL ');
}

/** Replaces the census ethnic groups with those of `file`. Returns the LSOAs and residents read. */
export async function importCensusEthnicity(
  store: AnalyticsStore,
  file: GeographyFile,
  columns: EthnicityColumns,
): Promise<{ lsoas: number; residents: number }> {
  const target = store.geographyPath(geographyTables.ethnicity);
  const next = `${target}.next`;
  await store.run(
    `COPY (SELECT lsoa_code, '2021' AS vintage, ethnic_broad, CAST(SUM(people) AS INTEGER) AS people FROM (${selectOf(file, columns)}) t WHERE ethnic_broad IS NOT NULL AND lsoa_code IS NOT NULL GROUP BY lsoa_code, ethnic_broad ORDER BY lsoa_code, ethnic_broad) TO ${literal(next)} (FORMAT parquet)`,
  );
  renameSync(next, target);
  return summariseCensusEthnicity(store).then((s) => s ?? { lsoas: 0, residents: 0 });
}

/** The areas (distinct `areaColumn`) and residents of a census table, or null when it is not imported. */
export async function areasAndResidents(
  store: AnalyticsStore,
  table: string,
  areaColumn: string,
): Promise<{ areas: number; residents: number } | null> {
  const file = store.geographyPath(table);
  if (!existsSync(file)) return null;
  const [row] = await store.query<{ areas: string; residents: string }>(
    `SELECT count(DISTINCT ${areaColumn}) AS areas, sum(people) AS residents FROM read_parquet(${literal(file)})`,
  );
  return { areas: Number(row?.areas ?? 0), residents: Number(row?.residents ?? 0) };
}

/** The LSOAs and residents of the census ethnic groups imported, or null when none are. */
export async function summariseCensusEthnicity(
  store: AnalyticsStore,
): Promise<{ lsoas: number; residents: number } | null> {
  const found = await areasAndResidents(store, geographyTables.ethnicity, 'lsoa_code');
  return found && { lsoas: found.areas, residents: found.residents };
}

/** Writes census groups given as rows (the demo's synthetic ones). */
export async function writeCensusEthnicityRows(
  store: AnalyticsStore,
  rows: { lsoa_code: string; ethnic_broad: string; people: number }[],
): Promise<void> {
  const target = store.geographyPath(geographyTables.ethnicity);
  const columns = { lsoa_code: 'VARCHAR', ethnic_broad: 'VARCHAR', people: 'INTEGER' } as const;
  const values = rows.map((r) => [r.lsoa_code, r.ethnic_broad, r.people]);
  await withRowsAsCsv(target, columns, values, (relation) =>
    store.run(
      `COPY (SELECT lsoa_code, '2021' AS vintage, ethnic_broad, people FROM ${relation} ORDER BY lsoa_code, ethnic_broad) TO ${literal(`${target}.next`)} (FORMAT parquet)`,
    ),
  );
  renameSync(`${target}.next`, target);
}
