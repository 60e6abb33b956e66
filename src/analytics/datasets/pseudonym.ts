// NHS numbers given as the person identifier (named so, or found by their check digit) are replaced
// by a pseudonym before anything is stored: a keyed SHA-256 of the number (spaces taken out), with a
// key kept in the analytics store and made on first use, so the same number gives the same
// pseudonym in every dataset imported here (people can still be counted once) and no one without
// the key can work a number back from it.
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AnalyticsStore } from '../store.ts';
import { literal } from '../sql-text.ts';
import { identifyingColumn } from './headings.ts';
import type { ColumnMapping } from './mapping.ts';

/** True for ten digits (spaces aside) whose last is the NHS number's modulus 11 check digit. */
export function isNhsNumber(value: string): boolean {
  const digits = value.replace(/\s/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(digits[9]);
}

/** Whether the person identifier holds NHS numbers: its heading says so, or its values are. */
export const personIsNhsNumber = (m: ColumnMapping, identifying: ReadonlyMap<string, string>): boolean => {
  const column = m.columns.person_id;
  return (
    column !== undefined &&
    (identifyingColumn(column) === 'NHS numbers' || identifying.get(column) === 'NHS numbers')
  );
};

/**
 * The share of NHS numbers among a person identifier's first 1,000 values (blanks aside) from which
 * all of them are pseudonymised: far above the one in eleven of other ten-digit identifiers, and
 * below the 90% at which another column is taken to hold NHS numbers, so that temporary ids given
 * to some patients do not leave the NHS numbers of the rest stored as they are.
 */
const PERSON_NHS_SHARE = 0.5;

/** Whether at least half the person identifier's first values (firstValuesOf) are NHS numbers. */
export const personIdsMostlyNhsNumbers = (values: readonly string[]): boolean =>
  values.length > 0 && values.filter(isNhsNumber).length >= PERSON_NHS_SHARE * values.length;

/** The store's pseudonym key (64 hex characters), made the first time it is needed. */
export function pseudonymKey(store: AnalyticsStore): string {
  const file = path.join(store.root, 'pseudonym.key');
  if (!existsSync(file)) {
    // Written whole under another name, then linked into place, which fails if another import made
    // the key at the same moment (theirs is then the key): no one ever reads half a key.
    const draft = `${file}.${randomBytes(6).toString('hex')}`;
    writeFileSync(draft, randomBytes(32).toString('hex'), { mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(draft, { force: true });
    }
  }
  return readFileSync(file, 'utf8').trim();
}

/** SQL for the pseudonym of a text expression holding an NHS number (null stays null). */
export const pseudonymSql = (value: string, key: string): string =>
  `CASE WHEN ${value} IS NULL THEN NULL ELSE sha256(${literal(key)} || replace(${value}, ' ', '')) END`;

export const pseudonymNote = (column: string): string =>
  `The person identifier "${column}" holds NHS numbers: each was replaced by a pseudonym (a keyed hash, the same for the same number in every dataset imported here) before anything was stored.`;
