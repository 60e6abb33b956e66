// Counts of who a ready dataset reaches, remembered: each is a scan of the whole dataset where it is
// (its Parquet file, or its linked PostgreSQL table), and its reach page shows several.
import { existsSync, statSync } from 'node:fs';
import { geographyTables } from '../../analytics/geography/model.ts';
import {
  peopleReachedSql,
  readPeopleReached,
  type PeopleReached,
} from '../../analytics/queries/people-reached.ts';
import type { AnalyticsStore } from '../../analytics/store.ts';
import type { AnalyticsContext } from './analytics-context.ts';
import { whereTheDataIs } from './analytics-compute.ts';
import type { Dataset } from './analytics.ts';

/**
 * Counts of datasets by what they were worked out from: counting the people of 10M rows takes about
 * 2.5 s.
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
 * A count of a dataset (`kind`), worked out once for an imported dataset until it or a reference
 * file changes; for a linked PostgreSQL table, which may change at any time, once in ten minutes
 * (counting its people is a scan of the whole table).
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

/**
 * The people a dataset reaches in the places by IMD quintile, place and ethnic group: one pass for
 * the reach page's comparisons by deprivation and by ethnic group alike.
 */
export const peopleReachedOf = (ctx: AnalyticsContext, dataset: Dataset): Promise<PeopleReached> =>
  rememberedReach(ctx, 'people', dataset, async () => {
    const { run, relations } = await whereTheDataIs(ctx, await ctx.store(), dataset);
    return readPeopleReached(await run(peopleReachedSql(relations, dataset.lsoaVintage)));
  });
