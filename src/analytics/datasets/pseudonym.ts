// NHS numbers given as the person identifier are replaced by a pseudonym before anything is stored:
// a keyed SHA-256 of the number (spaces taken out), with a key kept in the analytics store and made
// on first use, so the same number gives the same pseudonym in every dataset imported here (people
// can still be counted once) and no one without the key can work a number back from it.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AnalyticsStore } from '../store.ts';
import { literal } from '../sql-text.ts';
import { identifyingColumn } from './headings.ts';
import type { ColumnMapping } from './mapping.ts';

/** Whether the mapping reads the person identifier from a column of NHS numbers (by its heading). */
export const personIsNhsNumber = (m: ColumnMapping): boolean =>
  m.columns.person_id !== undefined && identifyingColumn(m.columns.person_id) === 'NHS number';

/** The store's pseudonym key (64 hex characters), made the first time it is needed. */
export function pseudonymKey(store: AnalyticsStore): string {
  const file = path.join(store.root, 'pseudonym.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  return readFileSync(file, 'utf8').trim();
}

/** SQL for the pseudonym of a text expression holding an NHS number (null stays null). */
export const pseudonymSql = (value: string, key: string): string =>
  `CASE WHEN ${value} IS NULL THEN NULL ELSE sha256(${literal(key)} || replace(${value}, ' ', '')) END`;

export const pseudonymNote = (column: string): string =>
  `The person identifier "${column}" holds NHS numbers: each was replaced by a pseudonym (a keyed hash, the same for the same number in every dataset imported here) before anything was stored.`;
