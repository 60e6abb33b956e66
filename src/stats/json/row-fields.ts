// Reading params and row fields of a JSON input with plain-English errors that name the field and
// the row number (1-based, as a person counts rows).
import { fail } from '../errors.ts';
import type { JsonInput, JsonRow } from './types.ts';

/** A number from a row: undefined when the field is absent, NaN when null, an error when not numeric. */
export function optionalNumber(row: JsonRow, field: string, index: number): number | undefined {
  if (!(field in row) || row[field] === undefined) return undefined;
  const value = row[field];
  if (value === null || value === '' || value === 'NA') return NaN;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return fail(`row ${index + 1}: ${field} must be a number (got ${JSON.stringify(value)})`);
}

/** A number that every row must carry (null is allowed and means missing). */
export function requiredNumber(row: JsonRow, field: string, index: number): number {
  const value = optionalNumber(row, field, index);
  if (value === undefined) fail(`row ${index + 1}: ${field} is missing`);
  return value;
}

export function paramNumber(input: JsonInput, name: string, fallback: number): number;
export function paramNumber(input: JsonInput, name: string, fallback?: undefined): number | undefined;
export function paramNumber(input: JsonInput, name: string, fallback?: number): number | undefined {
  const value = input.params[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return fail(`params.${name} must be a number (got ${JSON.stringify(value)})`);
}

export function paramBoolean(input: JsonInput, name: string, fallback: boolean): boolean {
  const value = input.params[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 'TRUE' || value === 'true') return true;
  if (value === 'FALSE' || value === 'false') return false;
  return fail(`params.${name} must be true or false (got ${JSON.stringify(value)})`);
}

export function paramString<T extends string>(
  input: JsonInput,
  name: string,
  allowed: readonly T[],
  fallback?: T,
): T {
  const value = input.params[name];
  if ((value === undefined || value === null) && fallback !== undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return fail(
    `params.${name} must be one of ${allowed.map((a) => `"${a}"`).join(', ')} (got ${JSON.stringify(value)})`,
  );
}

/** One number or a list of numbers (confidence levels). */
export function paramNumbers(input: JsonInput, name: string, fallback: number[]): number[] {
  const value = input.params[name];
  if (value === undefined || value === null) return fallback;
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.map((v) => {
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && Number.isFinite(Number(v))) return Number(v);
    return fail(`params.${name} must be a number or a list of numbers (got ${JSON.stringify(value)})`);
  });
}

/** params.groupBy: the columns that identify a group and pass through to the output. */
export function groupByColumns(input: JsonInput): string[] {
  const value = input.params.groupBy;
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((c) => typeof c !== 'string')) {
    fail('params.groupBy must be a column name or a list of column names');
  }
  return list as string[];
}

export function requireRows(input: JsonInput): JsonRow[] {
  if (!Array.isArray(input.rows)) fail('rows must be a list of records');
  return input.rows;
}
