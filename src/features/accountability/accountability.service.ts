import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { isCommunity } from '../memberships/communities.ts';
import { findThemes } from '../insights/theme.repository.ts';
import { findPublishedAdvice } from '../advice/advice.repository.ts';
import { parseQuarter, type PublicFilter } from './accountability.ts';
import {
  countActionsCompleted,
  countInsightReceived,
  findPublicFacets,
  findPublicRecords,
} from './accountability.repository.ts';

/** The public "you said, we did" page and its printable quarterly summary. */
export function createAccountabilityService(deps: { db: Kysely<Database>; clock: () => Date }) {
  const { db, clock } = deps;

  function clean(filter: PublicFilter): PublicFilter {
    return {
      community: filter.community && isCommunity(filter.community) ? filter.community : undefined,
      themeId: filter.themeId || undefined,
      service: filter.service?.slice(0, 200) || undefined,
      place: filter.place?.slice(0, 200) || undefined,
    };
  }

  return {
    async page(filter: PublicFilter) {
      const applied = clean(filter);
      const [records, facets, themes, advice] = await Promise.all([
        findPublicRecords(db, applied),
        findPublicFacets(db),
        findThemes(db, { activeOnly: true }),
        findPublishedAdvice(db),
      ]);
      return { records, filter: applied, ...facets, themes, advice };
    },

    async quarter(key: string | undefined) {
      const quarter = parseQuarter(key, clock().toISOString().slice(0, 10));
      const from = `${quarter.from}T00:00:00.000Z`;
      const to = `${quarter.to}T00:00:00.000Z`;
      const [records, received, completed] = await Promise.all([
        findPublicRecords(db, { from, to }),
        countInsightReceived(db, from, to),
        countActionsCompleted(db, from, to),
      ]);
      const themeCounts = new Map<string, number>();
      for (const r of records) for (const t of r.themes) themeCounts.set(t, (themeCounts.get(t) ?? 0) + 1);
      return {
        quarter,
        records,
        received,
        completed,
        themes: [...themeCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
      };
    },
  };
}

export type AccountabilityService = ReturnType<typeof createAccountabilityService>;
