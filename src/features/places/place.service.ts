import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Action } from '../actions/action.ts';
import type { ActionService } from '../actions/action.service.ts';
import type { StoredResult } from '../analytics/analytics.ts';
import type { PlaceWard } from '../analytics/place-geography.ts';
import type { Actor } from '../audit/audit.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { OutreachService } from '../outreach/outreach.service.ts';
import { FormError, NotFoundError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import { authoritiesOf, placeIndicators, type Place } from './place.ts';
import * as repo from './place.repository.ts';
import { placeSchema } from './place.schema.ts';

/** What places need from analytics: the geography and the published results (read only). */
export interface PlaceAnalytics {
  placeWards(): Promise<PlaceWard[]>;
  listResults(includeDrafts: boolean): Promise<StoredResult[]>;
}

/*
 * Places and their plans. A place's local authorities and wards are the analytics geography's;
 * its plan's actions are the shared actions linked as 'place_plan'. The place page brings the
 * plan, insight, outreach coverage and Core20PLUS5 indicators together. The public see published
 * places only, publishable actions and insight only.
 */
export function createPlaceService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: () => Date;
  actions: ActionService;
  outreach: OutreachService;
  analytics: PlaceAnalytics;
}) {
  const { db, audit, clock, actions, outreach, analytics } = deps;
  const now = () => clock().toISOString();

  async function place(id: string, staff: boolean): Promise<Place> {
    const found = await repo.findPlace(db, id);
    if (!found || (!staff && !found.published)) throw new NotFoundError('No such place');
    return found;
  }

  /** The name must be a place of the analytics geography once one has been loaded. */
  async function checkName(name: string, id: string | null): Promise<void> {
    const known = new Set((await analytics.placeWards()).map((w) => w.place));
    if (known.size && !known.has(name))
      throw new FormError([{ field: 'name', message: 'Choose a place from the geography' }]);
    const same = await repo.findPlaceByName(db, name);
    if (same && same.id !== id)
      throw new FormError([{ field: 'name', message: `${name} already has a page` }]);
  }

  async function planActions(id: string, staff: boolean): Promise<Action[]> {
    const linked = await actions.list({ linkedTo: { targetType: 'place_plan', targetId: id } });
    return staff ? linked : linked.filter((a) => a.publishable && a.publicSummary);
  }

  return {
    list: (staff: boolean) => repo.findPlaces(db, !staff),
    get: place,

    /** Place names from the geography that have no page yet. */
    async unusedNames(): Promise<string[]> {
      const used = new Set((await repo.findPlaces(db, false)).map((p) => p.name));
      return [...new Set((await analytics.placeWards()).map((w) => w.place))].filter((n) => !used.has(n));
    },

    async create(actor: Actor, input: unknown): Promise<string> {
      const data = parseInput(placeSchema, input);
      await checkName(data.name, null);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await repo.insertPlace(trx, id, data, now());
        await audit.record(trx, actor, {
          action: 'place.create',
          entityType: 'place',
          entityId: id,
          summary: `Added the place ${data.name}`,
          after: data,
        });
      });
      return id;
    },

    async edit(actor: Actor, id: string, input: unknown): Promise<void> {
      const data = parseInput(placeSchema, input);
      const before = await place(id, true);
      await checkName(data.name, id);
      await db.transaction().execute(async (trx) => {
        await repo.updatePlace(trx, id, data, now());
        await audit.record(trx, actor, {
          action: 'place.edit',
          entityType: 'place',
          entityId: id,
          summary: `Changed the place ${data.name}`,
          before,
          after: data,
        });
      });
    },

    /** A shared action on the place's plan (the actions service audits it). */
    addPlanAction: async (actor: Actor, id: string, input: unknown): Promise<string> => {
      await place(id, true);
      return (await actions.create(actor, input, [{ targetType: 'place_plan', targetId: id }])).id;
    },

    /** Everything the place page shows; `staff` adds unpublished actions and insight. */
    async page(id: string, options: { staff: boolean; year: number }) {
      const found = await place(id, options.staff);
      const wards = (await analytics.placeWards()).filter((w) => w.place === found.name);
      const names = [found.name, ...wards.map((w) => w.laName), ...wards.map((w) => w.wardName)];
      const [plan, insight, coverage, results] = await Promise.all([
        planActions(id, options.staff),
        repo.findPlaceInsight(db, id, names, !options.staff),
        outreach.coverage({ year: options.year, placeId: id }),
        analytics.listResults(false),
      ]);
      return {
        place: found,
        authorities: authoritiesOf(wards, found.name),
        plan,
        insight,
        coverage,
        indicators: placeIndicators(results, found.name),
      };
    },
  };
}

export type PlaceService = ReturnType<typeof createPlaceService>;
