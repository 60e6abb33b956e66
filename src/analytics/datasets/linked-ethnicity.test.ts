import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { ethnicValuesNotes, linkedEthnicSql, otherEthnicValueSql } from './linked-ethnicity.ts';

describe('ethnic groups a linked table holds otherwise than as codes', () => {
  let dir: string;
  let store: AnalyticsStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-linked-ethnicity-'));
    store = await analyticsStore(dir);
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  const values = `(VALUES ('A'), ('White British'), ('99'), ('h'), ('Indian'), ('Martian'), (''), (NULL)) v(code)`;

  it('finds the values that are not codes, given ones only', async () => {
    const rows = await store.query<{ code: string }>(
      `SELECT code FROM ${values} WHERE ${otherEthnicValueSql('code')}`,
    );
    expect(rows.map((r) => r.code)).toEqual(['White British', 'h', 'Indian', 'Martian']);
  });

  it('turns the values read into their codes and leaves the others as they are', async () => {
    const read = { 'White British': 'A', Indian: 'H', "O'Brien's": 'C' };
    const rows = await store.query<{ code: string | null }>(
      `SELECT ${linkedEthnicSql('code', read)} AS code FROM ${values}`,
    );
    expect(rows.map((r) => r.code)).toEqual(['A', 'A', '99', 'h', 'H', 'Martian', '', null]);
    expect(linkedEthnicSql('t.ethnic_code', {})).toBe('t.ethnic_code');
  });

  it('reports the rows read and those it could not read, with examples', () => {
    const notes = ethnicValuesNotes(
      {
        read: { Indian: 'H', 'White British': 'A' },
        readRows: 1500,
        readExample: 'White British',
        unreadExample: 'Martian',
        more: false,
      },
      1520,
    );
    expect(notes).toEqual([
      '1,500 rows have an ethnic group written otherwise than as an NHS ethnic category code (2 different values, for example "White British", read as A): read as an import reads it. The values were read when the table was linked; link it again to read values added since, which count as not stated or not known until then.',
      '20 rows have an ethnic_code Parity cannot read as an ethnic group (for example "Martian"): counted as not stated or not known. A view can turn a warehouse\'s own values into the codes.',
    ]);
    const more = { read: {}, readRows: 0, readExample: null, unreadExample: 'x', more: true };
    expect(ethnicValuesNotes(more, 1)[0]).toContain('more than 200 different values that are not codes');
  });
});
