// The name of the file a whole-replaced geography table was imported from (the postcode lookup, the
// LSOA 2011 → 2021 lookup), kept beside its Parquet file for the pages to name.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const recordOf = (table: string): string => `${table}.source.json`;

/** Records `file` as the source of the table at `table` (its Parquet path), replacing any before. */
export function recordSourceFile(table: string, file: string): void {
  const record = recordOf(table);
  writeFileSync(`${record}.next`, JSON.stringify({ file }, null, 2));
  renameSync(`${record}.next`, record);
}

/** The file the table at `table` was imported from, or null when none was recorded. */
export function sourceFileOf(table: string): string | null {
  const record = recordOf(table);
  if (!existsSync(record)) return null;
  return (JSON.parse(readFileSync(record, 'utf8')) as { file?: string }).file ?? null;
}
