// SQL expressions turning one raw text column of an extract into Parity's standard field. Each has
// a twin check in validate.ts naming the problem when the value cannot be read.
import { ethnicCategories, onsLabelToCode } from './ethnicity.ts';
import { literal } from '../sql-text.ts';

const text = (column: string): string => `NULLIF(trim(CAST(${column} AS VARCHAR)), '')`;

/**
 * What a column of the staged file holds. CSV and XLSX are staged as text; a Parquet file keeps its
 * types, and a typed column is read as it is (no round trip through text for every value).
 */
export type ColumnKind = 'text' | 'number' | 'date' | 'boolean';

export function kindOf(duckdbType: string): ColumnKind {
  const type = duckdbType.toUpperCase();
  if (
    /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/.test(
      type,
    )
  )
    return 'number';
  if (type === 'DATE' || type.startsWith('TIMESTAMP')) return 'date';
  if (type === 'BOOLEAN') return 'boolean';
  return 'text';
}

export const personIdSql = (c: string): string => text(c);
export const lsoaSql = (c: string): string => `upper(${text(c)})`;

export const ageNumberSql = (c: string, kind: ColumnKind = 'text'): string =>
  kind === 'number' ? `CAST(${c} AS DOUBLE)` : `TRY_CAST(${text(c)} AS DOUBLE)`;
export const ageValidSql = (c: string, kind: ColumnKind = 'text'): string => {
  const age = ageNumberSql(c, kind);
  return `(${age} >= 0 AND ${age} <= 120 AND ${age} = floor(${age}))`;
};
export const ageSql = (c: string, kind: ColumnKind = 'text'): string =>
  `CASE WHEN ${ageValidSql(c, kind)} THEN CAST(${ageNumberSql(c, kind)} AS INTEGER) END`;

export const ageBands: [number, number | null, string][] = [
  [0, 17, '0-17'],
  [18, 24, '18-24'],
  [25, 34, '25-34'],
  [35, 44, '35-44'],
  [45, 54, '45-54'],
  [55, 64, '55-64'],
  [65, 74, '65-74'],
  [75, 84, '75-84'],
  [85, null, '85+'],
];

/** Display age band of an integer age expression. */
export function ageBandSql(age: string): string {
  const whens = ageBands.map(([from, to, label]) =>
    to === null ? `WHEN ${age} >= ${from} THEN '${label}'` : `WHEN ${age} <= ${to} THEN '${label}'`,
  );
  return `CASE WHEN ${age} IS NULL THEN NULL ${whens.join(' ')} END`;
}

/** Index of the ESP2013 five-year band (0 = 0–4 … 18 = 90+). */
export const espBandSql = (age: string): string =>
  `CASE WHEN ${age} IS NULL THEN NULL WHEN ${age} >= 90 THEN 18 ELSE CAST(floor(${age} / 5.0) AS INTEGER) END`;

const list = (values: string[]): string => values.map((v) => literal(v)).join(', ');
const female = ['F', 'FEMALE', '2', 'W', 'WOMAN'];
const male = ['M', 'MALE', '1', 'MAN'];
const unknownSex = ['U', 'UNKNOWN', '0', '9', 'X', 'I', 'INDETERMINATE', 'NOT KNOWN', 'NOT STATED'];

export const sexSql = (c: string): string =>
  `CASE WHEN upper(${text(c)}) IN (${list(female)}) THEN 'F' WHEN upper(${text(c)}) IN (${list(male)}) THEN 'M' WHEN upper(${text(c)}) IN (${list(unknownSex)}) THEN 'U' END`;
const nhsCodes = ethnicCategories.map((c) => c.code);

export function ethnicCodeSql(c: string, coding: 'nhs' | 'ons2021'): string {
  if (coding === 'nhs')
    return `CASE WHEN upper(${text(c)}) IN (${list(nhsCodes)}) THEN upper(${text(c)}) END`;
  const whens = Object.entries(onsLabelToCode).map(
    ([label, code]) => `WHEN ${literal(label)} THEN '${code}'`,
  );
  return `CASE ${text(c)} ${whens.join(' ')} END`;
}

export const dateSql = (c: string, kind: ColumnKind = 'text'): string =>
  kind === 'date'
    ? `CAST(${c} AS DATE)`
    : `COALESCE(TRY_CAST(${text(c)} AS DATE), CAST(TRY_STRPTIME(${text(c)}, '%d/%m/%Y') AS DATE))`;

/** Financial year of a date expression, e.g. "2023/24". */
export function periodSql(date: string): string {
  const start = `(CASE WHEN month(${date}) >= 4 THEN year(${date}) ELSE year(${date}) - 1 END)`;
  return `CASE WHEN ${date} IS NULL THEN NULL ELSE CAST(${start} AS VARCHAR) || '/' || lpad(CAST((${start} + 1) % 100 AS VARCHAR), 2, '0') END`;
}

export const measureSql = (c: string, kind: ColumnKind = 'text'): string =>
  kind === 'number' || kind === 'boolean' ? `CAST(${c} AS DOUBLE)` : `TRY_CAST(${text(c)} AS DOUBLE)`;

const yes = ['1', 'Y', 'YES', 'TRUE', 'T'];
const no = ['0', 'N', 'NO', 'FALSE', 'F'];
export function flagSql(c: string, kind: ColumnKind = 'text'): string {
  if (kind === 'number') return `CASE WHEN ${c} = 1 THEN 1 WHEN ${c} = 0 THEN 0 END`;
  if (kind === 'boolean') return `CASE WHEN ${c} THEN 1 WHEN NOT ${c} THEN 0 END`;
  return `CASE WHEN upper(${text(c)}) IN (${list(yes)}) THEN 1 WHEN upper(${text(c)}) IN (${list(no)}) THEN 0 END`;
}

export const attributeSql = (c: string): string => text(c);
export const isPresentSql = (c: string, kind: ColumnKind = 'text'): string =>
  kind === 'text' ? `${text(c)} IS NOT NULL` : `${c} IS NOT NULL`;
