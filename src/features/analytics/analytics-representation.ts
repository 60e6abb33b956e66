// Who a ready dataset reaches by broad and detailed ethnic group, beside the people living in the
// places (Census 2021): worked out where the data is (its Parquet file, or its linked PostgreSQL
// table), for staff to see on the dataset's reach page. Only counts by group leave the analytics store.
import { ethnicCategories, groupOnlyCodes } from '../../analytics/datasets/ethnicity.ts';
import {
  censusResidentsSql,
  groupReach,
  type CensusResidents,
  type GroupReach,
} from '../../analytics/queries/ethnic-representation.ts';
import { representationOf, type GroupRepresentation } from '../../analytics/indicators/representation.ts';
import type { AnalyticsContext } from './analytics-context.ts';
import { whereTheDataIs } from './analytics-compute.ts';
import type { Dataset } from './analytics.ts';
import { peopleReachedOf, rememberedReach } from './remembered-reach.ts';

export type EthnicReach =
  /** No Census 2021 ethnic group table has been imported. */
  | { status: 'no-census' }
  /** The dataset's codes are 2011 ones, and the places have no 2021 LSOAs, which the census counts. */
  | { status: 'other-vintage' }
  | {
      status: 'ready';
      people: number;
      groups: GroupRepresentation[];
      /**
       * By detailed group, when the detailed groups by local authority are imported; `groupOnly` is
       * the people whose ethnic group is recorded without its category ("Asian"), left out of it.
       */
      detailed: { people: number; groups: GroupRepresentation[]; groupOnly: number } | null;
    };

const codeOrder = new Map(ethnicCategories.map((c, i) => [c.detailed, i]));
const groupOnlyLabels = new Set(
  ethnicCategories.filter((c) => groupOnlyCodes.includes(c.code)).map((c) => c.detailed),
);
const inCodeOrder = (groups: GroupRepresentation[]) =>
  [...groups].sort((a, b) => (codeOrder.get(a.group) ?? 99) - (codeOrder.get(b.group) ?? 99));

const peopleOf = (groups: GroupRepresentation[]) => groups.reduce((sum, g) => sum + g.people, 0);

/** Detailed groups in the order of the NHS codes (A White British … S any other), as analysts list them. */
function byDetailedGroup(reach: GroupReach[]) {
  const groups = inCodeOrder(representationOf(reach));
  const groupOnly = reach.filter((g) => groupOnlyLabels.has(g.group)).reduce((sum, g) => sum + g.people, 0);
  return { people: peopleOf(groups), groups, groupOnly };
}

async function reachOf(ctx: AnalyticsContext, dataset: Dataset): Promise<EthnicReach> {
  const store = await ctx.store();
  const { run, relations, ethnicity, ethnicityDetailed } = await whereTheDataIs(ctx, store, dataset);
  const byLocalAuthority = ethnicityDetailed ? { byLocalAuthority: ethnicityDetailed } : null;
  const broadCensus: CensusResidents | null = ethnicity ? { byLsoa: ethnicity } : byLocalAuthority;
  if (!broadCensus) return { status: 'no-census' };
  if (dataset.lsoaVintage !== '2021') {
    // People are placed by their 2011 LSOA; the census counts residents in the places' 2021 LSOAs.
    const [areas] = await run(
      `SELECT COUNT(*) AS n FROM ${relations.geography} WHERE vintage = '2021' AND in_area = 1`,
    );
    if (Number(areas?.n ?? 0) === 0) return { status: 'other-vintage' };
  }
  const reached = await peopleReachedOf(ctx, dataset);
  const reach = async (census: CensusResidents, level: 'broad' | 'detailed') =>
    groupReach(reached[level], await run(censusResidentsSql(relations, census, level)));
  const groups = representationOf(await reach(broadCensus, 'broad'));
  return {
    status: 'ready',
    people: peopleOf(groups),
    groups,
    detailed: byLocalAuthority && byDetailedGroup(await reach(byLocalAuthority, 'detailed')),
  };
}

export async function ethnicReachOf(ctx: AnalyticsContext, dataset: Dataset): Promise<EthnicReach> {
  return rememberedReach(ctx, 'ethnic', dataset, () => reachOf(ctx, dataset));
}
