import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { literal } from '../sql-text.ts';
import { isMissingSql } from './standardise.ts';

let db: DuckDBInstance;
beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
});
afterAll(() => db.closeSync());

it('finds a value missing where it is NULL or nothing but the spaces trim takes out, as trimming every value would', async () => {
  // Spaces of every kind, before, after and alone, and values starting with other characters.
  // prettier-ignore
  const values = ['', ' ', '   ', '\t', '\n', '\u00a0', '\u3000', ' \u00a0 ', 'x', ' x', 'x ', '\u00a0x', '\tx', 'é', '~', '!', '0'];
  const connection = await db.connect();
  const reader = await connection.runAndReadAll(
    `SELECT v, ${isMissingSql('v')} AS missing, (v IS NULL OR trim(v) = '') AS trimmed
     FROM (SELECT unnest([${values.map((v) => literal(v)).join(', ')}, NULL]) AS v)`,
  );
  const rows = reader.getRowObjectsJson() as { v: string | null; missing: boolean; trimmed: boolean }[];
  expect(rows.filter((r) => r.missing !== r.trimmed)).toEqual([]);
  // Both ways, the blanks are the spaces alone (U+00A0 and U+3000 among them) and NULL; not a tab.
  expect(rows.filter((r) => r.missing).map((r) => r.v)).toEqual([
    '',
    ' ',
    '   ',
    '\u00a0',
    '\u3000',
    ' \u00a0 ',
    null,
  ]);
  connection.closeSync();
});
