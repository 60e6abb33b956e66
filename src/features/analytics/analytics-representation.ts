// Who a ready dataset reaches by broad ethnic group, beside the people living in the places (Census
// 2021): worked out where the data is (its Parquet file, or its linked PostgreSQL table), for staff
// to see on the dataset's page. Only counts by group leave the analytics store.
import { ethnicRepresentationSql, readGroupReach } from '../../analytics/queries/ethnic-representation.ts';
import { representationOf, type GroupRepresentation } from '../../analytics/indicators/representation.ts';
import type { AnalyticsContext } from './analytics-context.ts';
import { whereTheDataIs } from './analytics-compute.ts';
import type { Dataset } from './analytics.ts';

export type EthnicReach =
  /** No Census 2021 ethnic group table has been imported. */
  | { status: 'no-census' }
  /** The census groups are on 2021 LSOAs; the dataset's codes are 2011 ones. */
  | { status: 'other-vintage' }
  | { status: 'ready'; people: number; groups: GroupRepresentation[] };

export async function ethnicReachOf(ctx: AnalyticsContext, dataset: Dataset): Promise<EthnicReach> {
  if (dataset.lsoaVintage !== '2021') return { status: 'other-vintage' };
  const store = await ctx.store();
  const { run, relations, ethnicity } = await whereTheDataIs(ctx, store, dataset);
  if (!ethnicity) return { status: 'no-census' };
  const groups = representationOf(
    readGroupReach(await run(ethnicRepresentationSql({ ...relations, ethnicity }, '2021'))),
  );
  return { status: 'ready', people: groups.reduce((sum, g) => sum + g.people, 0), groups };
}
