// Sexes read other than as written, which the import says: a gender identity other than male or
// female ("Non-binary", or the NHS's gender identity codes 3 and 4), as a "Gender" column may hold
// it, is counted as not known in the breakdown by sex rather than reported as a wrong code.
import type { AnalyticsStore } from '../store.ts';
import { sourceColumn } from '../sql-text.ts';
import { firstOfRows } from './first-of-rows.ts';
import type { ColumnMapping } from './mapping.ts';
import { otherGenderSql } from './standardise.ts';

/** What the import says of the values of the sex column that are other gender identities. */
export async function sexesReadNotes(
  store: AnalyticsStore,
  parquet: string,
  mapping: ColumnMapping,
  /** Rows not imported (left-out-rows.ts). */
  leftOut: string,
): Promise<string[]> {
  const column = mapping.columns.sex;
  if (!column) return [];
  const found = await firstOfRows(store, parquet, column, otherGenderSql(sourceColumn(column)), leftOut);
  if (!found) return [];
  const { n, example } = found;
  const [values, are, them] = n === 1 ? ['value', 'is', 'it'] : ['values', 'are', 'them'];
  return [
    `${n.toLocaleString('en-GB')} ${values} in "${column}" ${are} a gender identity other than male or female (such as "${example}"): the breakdown by sex counts ${them} as not known, as population figures by sex have no such group.`,
  ];
}
