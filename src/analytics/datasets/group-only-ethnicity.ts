// Ethnic groups recorded without their category ("Asian" rather than "Indian"), which the import
// says, so that an extract recording only the broad groups is noticed: such rows count in the
// breakdowns by broad group, and on their own ("category not recorded") in the detailed ones.
import type { AnalyticsStore } from '../store.ts';
import { literal } from '../sql-text.ts';
import { ethnicCategories, groupOnlyCodes } from './ethnicity.ts';
import type { ColumnMapping } from './mapping.ts';

const broadOf = new Map(ethnicCategories.map((c) => [c.code, c.broad]));

/** The note on the rows of the stored file `stored` whose ethnicity gives the group only, or null. */
export async function groupOnlyEthnicityNote(
  store: AnalyticsStore,
  stored: string,
  mapping: ColumnMapping,
): Promise<string | null> {
  const column = mapping.columns.ethnicity;
  if (!column) return null;
  const rows = await store.query<{ ethnic_code: string; n: number | bigint }>(
    `SELECT ethnic_code, count(*) AS n FROM read_parquet(${literal(stored)})
      WHERE ethnic_code IN (${groupOnlyCodes.map((code) => literal(code)).join(', ')}) GROUP BY ethnic_code ORDER BY n DESC, ethnic_code`,
  );
  const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
  if (total === 0) return null;
  const groups = rows.map((r) => `${Number(r.n).toLocaleString('en-GB')} ${broadOf.get(r.ethnic_code)!}`);
  const one = total === 1;
  return `${total.toLocaleString('en-GB')} ${one ? 'row' : 'rows'} in "${column}" ${one ? 'gives' : 'give'} the ethnic group without its category (such as "Asian" rather than "Indian"): ${groups.join(', ')}. ${one ? 'It counts' : 'They count'} in the breakdowns by broad ethnic group, and in those by detailed group as the group's "category not recorded".`;
}
