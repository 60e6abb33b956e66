// Who a ready dataset reaches by broad and detailed ethnic group, beside the people living in the
// places (Census 2021): worked out where the data is (its Parquet file, or its linked PostgreSQL
// table), for staff to see on the dataset's reach page. Only counts by group leave the analytics store.
import { existsSync, statSync } from 'node:fs';
import { ethnicCategories, groupOnlyCodes } from '../../analytics/datasets/ethnicity.ts';
import {
  ethnicRepresentationSql,
  readGroupReach,
  type CensusResidents,
  type GroupReach,
} from '../../analytics/queries/ethnic-representation.ts';
import { representationOf, type GroupRepresentation } from '../../analytics/indicators/representation.ts';
import { geographyTables } from '../../analytics/geography/model.ts';
import type { AnalyticsStore } from '../../analytics/store.ts';
import type { AnalyticsContext } from './analytics-context.ts';
import { whereTheDataIs } from './analytics-compute.ts';
import type { Dataset } from './analytics.ts';

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
  const reach = async (census: CensusResidents, level: 'broad' | 'detailed') =>
    readGroupReach(await run(ethnicRepresentationSql(relations, census, dataset.lsoaVintage, level)));
  const groups = representationOf(await reach(broadCensus, 'broad'));
  return {
    status: 'ready',
    people: peopleOf(groups),
    groups,
    detailed: byLocalAuthority && byDetailedGroup(await reach(byLocalAuthority, 'detailed')),
  };
}

/**
 * Reaches (and recording counts) of datasets by what they were worked out from: counting people takes
 * 1.4–1.7 s for 10M rows.
 */
const remembered = new Map<string, Promise<unknown>>();
const REMEMBERED = 40;

/** What a reach was worked out from: the dataset's file as imported, and the reference files. */
function keyOf(store: AnalyticsStore, kind: string, dataset: Dataset): string {
  const changed = (table: string) => {
    const file = store.geographyPath(table);
    return existsSync(file) ? statSync(file).mtimeMs : 0;
  };
  return [kind, dataset.id, dataset.updatedAt, ...Object.values(geographyTables).map(changed)].join('|');
}

/** How long a linked PostgreSQL table's reach is kept: the table may change at any time. */
const LINKED_TABLE_MS = 10 * 60_000;

/**
 * A reach of a dataset (`kind`), worked out once for an imported dataset until it or a reference
 * file changes; for a linked PostgreSQL table, which may change at any time, once in ten minutes
 * (each reach is a scan of the whole table, and its page shows four).
 */
export async function rememberedReach<T>(
  ctx: AnalyticsContext,
  kind: string,
  dataset: Dataset,
  workOut: () => Promise<T>,
): Promise<T> {
  const linked = dataset.format === 'postgres';
  // The ten minutes are whole ten minutes of the clock: a count is kept for ten minutes at most.
  const window = linked ? `|${Math.floor(ctx.clock().getTime() / LINKED_TABLE_MS)}` : '';
  const key = keyOf(await ctx.store(), kind, dataset) + window;
  let reach = remembered.get(key) as Promise<T> | undefined;
  if (!reach) {
    reach = workOut();
    remembered.set(key, reach);
    reach.catch(() => remembered.delete(key));
    if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value!);
  }
  return reach;
}

export async function ethnicReachOf(ctx: AnalyticsContext, dataset: Dataset): Promise<EthnicReach> {
  return rememberedReach(ctx, 'ethnic', dataset, () => reachOf(ctx, dataset));
}
