// Builds the query counting the people a dataset reaches in the places, by IMD quintile, place,
// broad and detailed ethnic group, and place and broad ethnic group in the Core20, in one pass
// (queries/people-reached.sql), and reads its rows.
import { ethnicLabelSql } from '../datasets/ethnicity.ts';
import { literal } from '../sql-text.ts';
import type { SqlRow } from '../store.ts';
import type { Relations } from './indicator-aggregates.ts';
import { fillTemplate } from './template.ts';

export type ReachKind = 'quintile' | 'place' | 'core20Place' | 'broad' | 'detailed' | 'core20Broad';

/** The people of one group: of all ages, or in one ESP2013 five-year band (null: age not known). */
export interface ReachedCount {
  /** Null for an LSOA without a quintile. */
  group: string | null;
  allAges: boolean;
  band: number | null;
  people: number;
}

export type PeopleReached = Record<ReachKind, ReachedCount[]>;

export function peopleReachedSql(
  relations: Pick<Relations, 'activity' | 'geography'>,
  vintage: string,
): string {
  return fillTemplate('people-reached', {
    activity: relations.activity,
    geography: relations.geography,
    vintage: literal(vintage),
    broad: ethnicLabelSql('p.ethnic_code', 'broad'),
    detailed: ethnicLabelSql('p.ethnic_code', 'detailed'),
  });
}

export function readPeopleReached(rows: SqlRow[]): PeopleReached {
  const reached: PeopleReached = {
    quintile: [],
    place: [],
    core20Place: [],
    broad: [],
    detailed: [],
    core20Broad: [],
  };
  for (const r of rows)
    reached[r.reach as ReachKind].push({
      group: r.grp as string | null,
      allAges: Number(r.all_ages) === 1,
      band: r.esp_band === null ? null : Number(r.esp_band),
      people: Number(r.people),
    });
  return reached;
}
