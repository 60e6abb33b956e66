// Building SQL text safely: every identifier and literal that comes from a file, a mapping or a
// catalogue entry passes through these, so the same text can run on DuckDB, PostgreSQL and Spark.

const identifierPattern = /^[a-z][a-z0-9_]{0,62}$/;

/** A column or table name Parity created itself (lower snake case), double-quoted. */
export function ident(name: string): string {
  if (!identifierPattern.test(name)) throw new Error(`Not a safe SQL name: ${name}`);
  return `"${name}"`;
}

/** A column name exactly as it appears in someone's file (any text), double-quoted and escaped. */
export function sourceColumn(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function literal(value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('Numbers in SQL must be finite');
    return String(value);
  }
  if (typeof value === 'boolean') return value ? '1' : '0';
  return `'${value.replaceAll("'", "''")}'`;
}

/** `value IN ('a', 'b', …)`. */
export const inListSql = (value: string, items: readonly string[]): string =>
  `${value} IN (${items.map((item) => literal(item)).join(', ')})`;

/** A value as trimmed text, with empty text as NULL. */
export const trimmedTextSql = (column: string): string => `NULLIF(trim(CAST(${column} AS VARCHAR)), '')`;

export function isSafeIdentifier(name: string): boolean {
  return identifierPattern.test(name);
}

/**
 * A value squared without overflowing an integer column (a linked table may hold whole numbers):
 * multiplying by 1.0 first makes integers exact decimals and leaves doubles as they are, on DuckDB,
 * PostgreSQL and Spark alike.
 */
export const squareSql = (value: string): string => `(${value} * 1.0) * ${value}`;
