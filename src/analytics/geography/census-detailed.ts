// The Census 2021 detailed ethnic groups (the 19 of TS021) by local authority: the usual residents of
// each local authority in each group, kept by the NHS ethnic category each group is coded as (16 of
// them: Gypsy or Irish Traveller, Roma and Other White are all "Any other White background"; Arab and
// Any other ethnic group are both "Any other ethnic group"). Places are sets of local authorities, so
// the residents of the places by detailed group are those of their local authorities: the dataset
// page sets the people a dataset reaches beside them, as it does by broad group with the LSOA table.
import { renameSync } from 'node:fs';
import { csvReader } from '../datasets/source.ts';
import { ethnicCategories, onsLabelToCode } from '../datasets/ethnicity.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import type { AnalyticsStore } from '../store.ts';
import { areasAndResidents } from './census-ethnicity.ts';
import type { GeographyFile } from './geography-files.ts';
import { withRowsAsCsv } from './geography-store.ts';
import { geographyTables } from './model.ts';

export type DetailedEthnicityColumns =
  /** One row per local authority and group (ONS's dvc2203 download: "… : Indian (number)"). */
  | { shape: 'long'; laCode: string; group: string; count: string }
  /** One row per area, a column per group (Nomis's TS021 download: "Ethnic group: White: Irish" …). */
  | { shape: 'wide'; laCode: string; groups: { column: string; code: string }[] };

const normalised = (label: string): string => label.replace(/\s+/g, ' ').trim();

/** The NHS ethnic category code of a Census 2021 detailed group's label, or undefined. */
function codeOfCensusDetailed(label: string): string | undefined {
  return onsLabelToCode[normalised(label).replace(/ \(number\)$/i, '')];
}

const LA_CODE = [/^ltla\d*_?c(o)?d(e)?$/i, /^lad\d*_?c(o)?d(e)?$/i, /^local authority code$/i];
const find = (columns: string[], patterns: RegExp[]): string | undefined =>
  patterns.map((p) => columns.find((c) => p.test(c.trim()))).find(Boolean);

/**
 * The columns of a Census 2021 detailed ethnic group table, or null when the headings are not one:
 * a local authority code with an ethnic_group and a value column, or a column for each of the 19
 * detailed groups ("Ethnic group: Asian, Asian British or Asian Welsh: Indian" …) beside the
 * area's code (a Nomis download's `geography code` may be of LSOAs: the caller looks at the codes).
 */
export function detailedEthnicityColumns(columns: string[]): DetailedEthnicityColumns | null {
  const group = find(columns, [/^ethnic_?group$/i]);
  const count = find(columns, [/^value$/i, /^n$/i, /^observation$/i, /^count$/i]);
  const laCode = find(columns, LA_CODE);
  if (laCode && group && count) return { shape: 'long', laCode, group, count };
  const groups = columns.flatMap((column) => {
    const label = /^Ethnic group: (.+: .+?)(?:; measures: value)?$/i.exec(normalised(column))?.[1];
    const code = label === undefined ? undefined : codeOfCensusDetailed(label);
    return code ? [{ column, code }] : [];
  });
  const area = laCode ?? find(columns, [/^geography code$/i]);
  return area && groups.length === Object.keys(onsLabelToCode).length
    ? { shape: 'wide', laCode: area, groups }
    : null;
}

const category = new Map(ethnicCategories.map((c) => [c.code, c]));

function selectOf(file: GeographyFile, c: DetailedEthnicityColumns): string {
  const code = `upper(trim(CAST(${sourceColumn(c.laCode)} AS VARCHAR)))`;
  if (c.shape === 'long') {
    const label = `regexp_replace(regexp_replace(trim(CAST(${sourceColumn(c.group)} AS VARCHAR)), '\\s+', ' ', 'g'), ' \\(number\\)$', '')`;
    const whens = Object.entries(onsLabelToCode).map(
      ([ons, nhs]) => `WHEN ${literal(ons)} THEN ${literal(nhs)}`,
    );
    return `SELECT ${code} AS la_code, CASE ${label} ${whens.join(' ')} END AS ethnic_code, TRY_CAST(${sourceColumn(c.count)} AS DOUBLE) AS people FROM ${csvReader(file.path, true)}`;
  }
  return c.groups
    .map(
      (g) =>
        `SELECT ${code} AS la_code, ${literal(g.code)} AS ethnic_code, TRY_CAST(${sourceColumn(g.column)} AS DOUBLE) AS people FROM ${csvReader(file.path, true)}`,
    )
    .join(' UNION ALL ');
}

/** The NHS detailed and broad labels of the coded rows of `relation` (columns la_code, ethnic_code, people). */
function labelledSql(relation: string): string {
  const label = (level: 'detailed' | 'broad') =>
    `CASE ethnic_code ${[...category.values()].map((c) => `WHEN ${literal(c.code)} THEN ${literal(c[level])}`).join(' ')} END`;
  return `SELECT la_code, ${label('detailed')} AS ethnic_detailed, ${label('broad')} AS ethnic_broad, CAST(SUM(people) AS INTEGER) AS people FROM (${relation}) t WHERE ethnic_code IS NOT NULL AND la_code IS NOT NULL AND people IS NOT NULL GROUP BY la_code, ethnic_code ORDER BY la_code, ethnic_code`;
}

/** Whether a Nomis download's `geography code` column holds local authority codes (not LSOAs). */
export async function holdsLocalAuthorities(
  store: AnalyticsStore,
  file: GeographyFile,
  columns: DetailedEthnicityColumns,
): Promise<boolean> {
  const [row] = await store.query<{ code: string | null }>(
    `SELECT CAST(${sourceColumn(columns.laCode)} AS VARCHAR) AS code FROM ${csvReader(file.path, true)} WHERE ${sourceColumn(columns.laCode)} IS NOT NULL LIMIT 1`,
  );
  return !/^[EW]0[01]/i.test(row?.code?.trim() ?? '');
}

/** Replaces the detailed groups by local authority with those of `file`; returns what was read. */
export async function importCensusDetailed(
  store: AnalyticsStore,
  file: GeographyFile,
  columns: DetailedEthnicityColumns,
): Promise<{ localAuthorities: number; residents: number }> {
  const target = store.geographyPath(geographyTables.ethnicityDetailed);
  await store.run(
    `COPY (${labelledSql(selectOf(file, columns))}) TO ${literal(`${target}.next`)} (FORMAT parquet)`,
  );
  renameSync(`${target}.next`, target);
  return summariseCensusDetailed(store).then((s) => s ?? { localAuthorities: 0, residents: 0 });
}

/** The local authorities and residents of the detailed groups imported, or null when none are. */
export async function summariseCensusDetailed(
  store: AnalyticsStore,
): Promise<{ localAuthorities: number; residents: number } | null> {
  const found = await areasAndResidents(store, geographyTables.ethnicityDetailed, 'la_code');
  return found && { localAuthorities: found.areas, residents: found.residents };
}

/** Writes detailed groups given as rows of NHS codes (the demo's synthetic ones). */
export async function writeCensusDetailedRows(
  store: AnalyticsStore,
  rows: { la_code: string; ethnic_code: string; people: number }[],
): Promise<void> {
  const target = store.geographyPath(geographyTables.ethnicityDetailed);
  const columns = { la_code: 'VARCHAR', ethnic_code: 'VARCHAR', people: 'INTEGER' } as const;
  const values = rows.map((r) => [r.la_code, r.ethnic_code, r.people]);
  await withRowsAsCsv(target, columns, values, (relation) =>
    store.run(
      `COPY (${labelledSql(`SELECT * FROM ${relation}`)}) TO ${literal(`${target}.next`)} (FORMAT parquet)`,
    ),
  );
  renameSync(`${target}.next`, target);
}
