// Who a ready dataset reaches by deprivation and by place: the share of the people it reaches living
// in each national IMD quintile of the places (quintile 1 is the Core20), and in each place, beside
// the share of the places' residents living there (the latest mid-year's population estimates), the
// share of each place's people living in its Core20, and the same allowing for age. Worked out where
// the data is, for staff to see on the dataset's reach page; only counts by quintile, place (and
// age band) leave the analytics store.
import { populationYears } from '../../analytics/geography/population-vintages.ts';
import {
  ageProfileOf,
  core20ShareWithin,
  core20ShareWithinAllowingForAge,
  representationAllowingForAge,
  representationOf,
  type AgeShare,
  type GroupRepresentation,
} from '../../analytics/indicators/representation.ts';
import {
  areaResidentsSql,
  core20PlaceReach,
  placeReach,
  quintileReach,
} from '../../analytics/queries/deprivation-representation.ts';
import type { AnalyticsContext } from './analytics-context.ts';
import { whereTheDataIs } from './analytics-compute.ts';
import { peopleReachedOf, rememberedReach } from './remembered-reach.ts';
import type { Dataset } from './analytics.ts';

export type DeprivationReach =
  /** No population estimates of the dataset's LSOA vintage have been imported. */
  | { status: 'no-population' }
  | {
      status: 'ready';
      people: number;
      /** The mid-year of the residents' estimates (null: a year not recorded). */
      midYear: number | null;
      groups: GroupRepresentation[];
      /** By place, when there is more than one. */
      places: GroupRepresentation[] | null;
      /**
       * Within each place, when there is more than one, the share of its people reached who live in
       * its Core20 LSOAs beside the share of its residents who do; places without a Core20 LSOA are
       * named in `withoutCore20`.
       */
      core20Places: { groups: GroupRepresentation[]; withoutCore20: string[] } | null;
      /** The same allowing for age, of the people whose age is known (null: no ages recorded). */
      allowingForAge: {
        people: number;
        /** The ages of the people reached and of the residents, in ten-year groups. */
        ages: AgeShare[];
        groups: GroupRepresentation[];
        places: GroupRepresentation[] | null;
        core20Places: GroupRepresentation[] | null;
      } | null;
    };

async function workOut(ctx: AnalyticsContext, dataset: Dataset): Promise<DeprivationReach> {
  const store = await ctx.store();
  const vintage = dataset.lsoaVintage;
  const years = vintage ? await populationYears(store, vintage) : [];
  if (!vintage || years.length === 0) return { status: 'no-population' };
  const known = years.filter((y): y is number => y !== null);
  const midYear = known.length ? Math.max(...known) : null;
  const { run, relations } = await whereTheDataIs(ctx, store, dataset);
  const reached = await peopleReachedOf(ctx, dataset);
  const quintiles = quintileReach(reached.quintile, await run(areaResidentsSql(relations, vintage, midYear)));
  const placeResidents = await run(areaResidentsSql(relations, vintage, midYear, 'place'));
  const places = placeReach(reached.place, placeResidents);
  const groups = representationOf(quintiles.groups);
  const byAge = representationAllowingForAge(quintiles.byAge);
  const several = places.groups.length > 1;
  const severalPlaces = (list: GroupRepresentation[]) => (several ? list : null);
  const core20 = several
    ? core20PlaceReach(
        reached,
        placeResidents,
        await run(areaResidentsSql(relations, vintage, midYear, 'core20Place')),
      )
    : null;
  return {
    status: 'ready',
    people: peopleIn(groups),
    midYear,
    groups,
    places: severalPlaces(representationOf(places.groups)),
    core20Places: core20 && {
      groups: core20ShareWithin(core20.groups),
      withoutCore20: core20.groups.filter((g) => g.core20Residents === 0).map((g) => g.group),
    },
    allowingForAge: byAge.length
      ? {
          people: peopleIn(byAge),
          ages: ageProfileOf(quintiles.byAge),
          groups: byAge,
          places: severalPlaces(representationAllowingForAge(places.byAge)),
          core20Places: core20 && core20ShareWithinAllowingForAge(core20.byAge),
        }
      : null,
  };
}

const peopleIn = (groups: GroupRepresentation[]): number => groups.reduce((sum, g) => sum + g.people, 0);

export const deprivationReachOf = (ctx: AnalyticsContext, dataset: Dataset): Promise<DeprivationReach> =>
  rememberedReach(ctx, 'deprivation', dataset, () => workOut(ctx, dataset));
