// Who a ready dataset reaches by broad and detailed ethnic group, beside the people living in the
// places (Census 2021): worked out where the data is (its Parquet file, or its linked PostgreSQL
// table), for staff to see on the dataset's reach page. Only counts by group leave the analytics store.
import { ethnicCategories, groupOnlyCodes } from '../../analytics/datasets/ethnicity.ts';
import {
  censusResidentsSql,
  core20EthnicResidentsSql,
  core20GroupReach,
  groupReach,
  type CensusResidents,
  type GroupReach,
} from '../../analytics/queries/ethnic-representation.ts';
import {
  core20ShareWithin,
  representationOf,
  type GroupRepresentation,
} from '../../analytics/indicators/representation.ts';
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
      /**
       * Within each broad group, the share of the people reached who live in the Core20 beside the
       * share of its residents who do: when the census groups by LSOA are imported and the dataset's
       * LSOAs are 2021 ones, as the census's are (2011 ones' Core20 is that of 2011 areas).
       */
      core20: Core20Reach;
    };

export type Core20Reach =
  | { status: 'ready'; people: number; groups: GroupRepresentation[] }
  /** The census groups are by local authority only, which cannot say who lives in the Core20. */
  | { status: 'no-census-by-lsoa' }
  /** The dataset's LSOAs are 2011 ones. */
  | { status: 'other-vintage' };

const codeOrder = new Map(ethnicCategories.map((c, i) => [c.detailed, i]));
const groupOnlyLabels = new Set(
  ethnicCategories.filter((c) => groupOnlyCodes.includes(c.code)).map((c) => c.detailed),
);
const inCodeOrder = (groups: GroupRepresentation[]) =>
  [...groups].sort((a, b) => (codeOrder.get(a.group) ?? 99) - (codeOrder.get(b.group) ?? 99));

const peopleOf = (groups: GroupRepresentation[]) => groups.reduce((sum, g) => sum + g.people, 0);
const withPeople = (groups: GroupRepresentation[]) => ({ people: peopleOf(groups), groups });

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
  const core20Groups = async (byLsoa: string) =>
    core20ShareWithin(core20GroupReach(reached, await run(core20EthnicResidentsSql(relations, byLsoa))));
  const core20: Core20Reach = !ethnicity
    ? { status: 'no-census-by-lsoa' }
    : dataset.lsoaVintage !== '2021'
      ? { status: 'other-vintage' }
      : { status: 'ready', ...withPeople(await core20Groups(ethnicity)) };
  return {
    status: 'ready',
    people: peopleOf(groups),
    groups,
    detailed: byLocalAuthority && byDetailedGroup(await reach(byLocalAuthority, 'detailed')),
    core20,
  };
}

export async function ethnicReachOf(ctx: AnalyticsContext, dataset: Dataset): Promise<EthnicReach> {
  return rememberedReach(ctx, 'ethnic', dataset, () => reachOf(ctx, dataset));
}
