import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test/test-db.ts';
import { runOn, withPostgresTables } from '../../../test/postgres-tables.ts';
import { conditionSchema, type Condition } from '../indicators/schema.ts';
import { literal } from '../sql-text.ts';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { conditionSql } from './indicator-aggregates.ts';

// Primary diagnoses as extracts write them: ICD-10 with or without the dot, in either case.
const rows = [
  { id: 1, diagnosis: 'J44.1' },
  { id: 2, diagnosis: 'J441' },
  { id: 3, diagnosis: 'j40' },
  { id: 4, diagnosis: 'J45.9' },
  { id: 5, diagnosis: 'I21' },
  { id: 6, diagnosis: null },
  { id: 7, diagnosis: 'J4' },
];
const copd: Condition = { field: 'diagnosis', op: 'startsWith', value: ['J40', 'J41', 'J42', 'J43', 'J44'] };

const matching = async (run: (sql: string) => Promise<Record<string, unknown>[]>, table: string) =>
  (await run(`SELECT id FROM ${table} WHERE ${conditionSql(copd)} ORDER BY id`)).map((r) => Number(r.id));

describe('a condition on the first characters of a code', () => {
  let dir: string;
  let store: AnalyticsStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-conditions-'));
    store = await analyticsStore(dir);
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds for the codes that start so, in either case, on DuckDB', async () => {
    const values = rows.map((r) => `(${r.id}, ${r.diagnosis === null ? 'NULL' : literal(r.diagnosis)})`);
    const table = `(VALUES ${values.join(', ')}) t(id, diagnosis)`;
    expect(await matching((sql) => store.query(sql), table)).toEqual([1, 2, 3]);
  });

  it.runIf(dialectsUnderTest().includes('postgres'))('and the same on PostgreSQL', async () => {
    const ids = await withPostgresTables({ codes: [rows, 'id integer, diagnosis text'] }, (client, schema) =>
      matching(runOn(client), `${schema}.codes`),
    );
    expect(ids).toEqual([1, 2, 3]);
  });

  it('takes only the letters and figures of codes, so that no pattern reaches the SQL', () => {
    const issue = (value: unknown) =>
      conditionSchema.safeParse({ field: 'diagnosis', op: 'startsWith', value }).error?.issues[0]?.message;
    expect(issue(['J44'])).toBeUndefined();
    expect(issue(['J4%'])).toBe('starts with takes the first letters and figures of codes, such as J44');
    expect(issue('J44')).toBe('Only "in" and "startsWith" take a list of values');
  });
});
