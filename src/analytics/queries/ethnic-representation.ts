// Builds the query setting the people a dataset reaches beside the Census 2021 residents of the
// places, by broad ethnic group (queries/ethnic-representation.sql).
import { ethnicLabelSql } from '../datasets/ethnicity.ts';
import { literal } from '../sql-text.ts';
import type { SqlRow } from '../store.ts';
import type { Relations } from './indicator-aggregates.ts';
import { fillTemplate } from './template.ts';

export interface GroupReach {
  group: string;
  people: number;
  residents: number;
}

export function ethnicRepresentationSql(
  relations: Relations & { ethnicity: string },
  vintage: string,
): string {
  return fillTemplate('ethnic-representation', {
    activity: relations.activity,
    geography: relations.geography,
    ethnicity: relations.ethnicity,
    vintage: literal(vintage),
    broad: ethnicLabelSql('a.ethnic_code', 'broad'),
  });
}

export const readGroupReach = (rows: SqlRow[]): GroupReach[] =>
  rows.map((r) => ({
    group: String(r.ethnic_group),
    people: Number(r.people),
    residents: Number(r.residents),
  }));
