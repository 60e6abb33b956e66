import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Reads queries/<name>.sql and fills every {{placeholder}}; a missing value is an error. */
export function fillTemplate(name: string, values: Record<string, string>): string {
  const text = readFileSync(path.join(here, `${name}.sql`), 'utf8');
  return text.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`${name}.sql: no value for {{${key}}}`);
    return value;
  });
}

/** Portable SQL naming which grouping set a row belongs to, and its group value as text. */
export function dimensionColumns(dimensions: { id: string; column: string | null }[]): {
  label: string;
  value: string;
} {
  const grouped = dimensions.filter((d) => d.column !== null) as { id: string; column: string }[];
  if (grouped.length === 0) return { label: "'overall'", value: "'All'" };
  const label = grouped.map((d) => `WHEN GROUPING(${d.column}) = 0 THEN '${d.id}'`).join(' ');
  const value = grouped
    .map(
      (d) => `WHEN GROUPING(${d.column}) = 0 THEN COALESCE(CAST(${d.column} AS VARCHAR(200)), 'Not known')`,
    )
    .join(' ');
  return { label: `CASE ${label} ELSE 'overall' END`, value: `CASE ${value} ELSE 'All' END` };
}
