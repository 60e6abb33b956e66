// Linking a dataset that lives in a PostgreSQL table or view (instead of importing a file): the
// table must have Parity's standard columns, as an imported dataset does; its other numeric columns
// are measures, `flag_…` columns flags and text columns attributes. A few counts check it against
// the reference geography; rows of a table have no numbers, so the report gives counts and examples.
import type { PostgresSource, TableColumn } from '../postgres-source.ts';
import { PostgresSourceError, relationSql } from '../postgres-source.ts';
import { isSafeIdentifier, literal } from '../sql-text.ts';
import type { DatasetFields } from './import.ts';
import type { ValidationReport } from './validate.ts';

/** The columns every linked table needs (the standard columns an import writes). */
export const requiredColumns = ['lsoa_code', 'period', 'age_band', 'esp_band', 'sex', 'ethnic_code'];
const optionalStandard = ['person_id', 'age', 'event_date'];

const numeric = /^(smallint|integer|bigint|numeric|real|double precision|boolean)$/;

export interface LinkedTable {
  rows: number;
  fields: DatasetFields;
  report: ValidationReport;
}

export function fieldsOfTable(columns: TableColumn[]): DatasetFields {
  const names = new Set(columns.map((c) => c.name));
  const missing = requiredColumns.filter((c) => !names.has(c));
  if (missing.length)
    throw new PostgresSourceError(
      `The table has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}. A linked table needs Parity's standard columns (${requiredColumns.join(', ')}); create a view that names them (see docs/analytics-sql.md).`,
    );
  const others = columns.filter(
    (c) =>
      !requiredColumns.includes(c.name) && !optionalStandard.includes(c.name) && isSafeIdentifier(c.name),
  );
  const flags = others.filter((c) => c.name.startsWith('flag_')).map((c) => c.name);
  const measures = others
    .filter((c) => !c.name.startsWith('flag_') && numeric.test(c.type))
    .map((c) => c.name);
  const attributes = others
    .filter((c) => !c.name.startsWith('flag_') && !numeric.test(c.type))
    .map((c) => c.name);
  return {
    measures,
    flags,
    attributes,
    hasAge: names.has('age') || names.has('age_band'),
    hasAgeInYears: names.has('age'),
    hasSex: true,
    hasEthnicity: true,
    hasDate: names.has('event_date'),
  };
}

/** Checks the table against the reference geography copied to PostgreSQL, and counts its rows. */
export async function linkTable(
  source: PostgresSource,
  relation: string,
  geography: string,
  vintage: string,
): Promise<LinkedTable> {
  const fields = fieldsOfTable(await source.columns(relation));
  const table = relationSql(relation);
  const [counts] = await source.run(
    `SELECT COUNT(*) AS n, SUM(CASE WHEN lsoa_code IS NULL THEN 1 ELSE 0 END) AS missing, SUM(CASE WHEN lsoa_code IS NOT NULL AND g.lsoa_code IS NULL THEN 1 ELSE 0 END) AS unknown FROM ${table} a LEFT JOIN (SELECT lsoa_code FROM ${geography} WHERE vintage = ${literal(vintage)}) g USING (lsoa_code)`,
  );
  const examples = await source.run(
    `SELECT DISTINCT a.lsoa_code FROM ${table} a WHERE a.lsoa_code IS NOT NULL AND a.lsoa_code NOT IN (SELECT lsoa_code FROM ${geography} WHERE vintage = ${literal(vintage)}) ORDER BY a.lsoa_code LIMIT 5`,
  );
  const missing = Number(counts?.missing ?? 0);
  const unknown = Number(counts?.unknown ?? 0);
  const rowsHave = (n: number) => (n === 1 ? '1 row has' : `${n} rows have`);
  const warnings: string[] = [];
  if (missing) warnings.push(`${rowsHave(missing)} no LSOA code: counted as "Not known" deprivation.`);
  if (unknown)
    warnings.push(
      `${rowsHave(unknown)} an LSOA code that is not in the LSOA ${vintage} reference geography (for example ${examples.map((r) => String(r.lsoa_code)).join(', ')}): counted as "Not known" deprivation.`,
    );
  return {
    rows: Number(counts?.n ?? 0),
    fields,
    report: { problems: [], examples: [], rowsWithProblems: missing + unknown, warnings },
  };
}
