import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ActionService } from '../actions/action.service.ts';
import type { PlaceWard } from '../analytics/place-geography.ts';
import type { Actor } from '../audit/audit.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { InsightService } from '../insights/insight.service.ts';
import { FormError, ForbiddenError, NotFoundError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import { financialYearRange } from './financial-year.ts';
import {
  coverageOf,
  outreachKindLabels,
  seesAllOutreach,
  type Coverage,
  type OutreachActivity,
  type OutreachDetail,
  type OutreachFilter,
  type OutreachViewer,
} from './outreach.ts';
import * as repo from './outreach.repository.ts';
import { activitySchema, heardInsightSchema, type ActivityInput } from './outreach.schema.ts';

export interface GeographyReader {
  placeWards(): Promise<PlaceWard[]>;
}

const actorOf = (viewer: OutreachViewer): Actor => ({ id: viewer.id, label: viewer.name });

/*
 * Outreach and connection: engagement activities by the trust and its partners, what was heard
 * (raised as insight items through the insight service), follow-up actions (shared actions) and
 * the coverage of groups and Core20 wards. Members record and see their own organisation's.
 */
export function createOutreachService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: () => Date;
  insights: InsightService;
  actions: ActionService;
  geography: GeographyReader;
}) {
  const { db, audit, clock, insights, actions, geography } = deps;
  const now = () => clock().toISOString();

  async function visible(viewer: OutreachViewer, id: string): Promise<OutreachActivity> {
    const [activity] = await repo.findActivities(db, { ids: [id] });
    if (!activity) throw new NotFoundError('No such activity');
    if (
      !seesAllOutreach(viewer) &&
      (!viewer.organisationId || activity.organisationId !== viewer.organisationId)
    )
      throw new NotFoundError('No such activity');
    return activity;
  }

  /** The ward decides the place; a ward outside the chosen place is a mistake worth saying so. */
  async function placeAndWard(data: ActivityInput) {
    if (!data.wardCode) {
      if (data.placeId && !(await repo.findPlaceName(db, data.placeId)))
        throw new FormError([{ field: 'placeId', message: 'Choose a place from the list' }]);
      return { placeId: data.placeId, wardCode: null, wardName: null };
    }
    const ward = (await geography.placeWards()).find((w) => w.wardCode === data.wardCode);
    if (!ward) throw new FormError([{ field: 'wardCode', message: 'Choose a ward from the list' }]);
    const wardPlaceId = (await repo.findPlaceIdByName(db, ward.place)) ?? null;
    if (data.placeId && wardPlaceId !== data.placeId)
      throw new FormError([{ field: 'wardCode', message: `${ward.wardName} is not in the place chosen` }]);
    return { placeId: wardPlaceId ?? data.placeId, wardCode: ward.wardCode, wardName: ward.wardName };
  }

  async function organisationFor(viewer: OutreachViewer, chosen: string | null): Promise<string | null> {
    if (!seesAllOutreach(viewer)) {
      if (!viewer.organisationId)
        throw new FormError([
          {
            field: 'title',
            message: 'Your account is not linked to a member organisation; ask an administrator',
          },
        ]);
      return viewer.organisationId;
    }
    if (chosen && !(await repo.organisationExists(db, chosen)))
      throw new FormError([{ field: 'organisationId', message: 'Choose an organisation from the list' }]);
    return chosen;
  }

  async function rowOf(viewer: OutreachViewer, id: string, input: unknown): Promise<repo.ActivityRow> {
    const data = parseInput(activitySchema, input);
    const where = await placeAndWard(data);
    const organisationId = await organisationFor(viewer, data.organisationId);
    return { ...data, ...where, id, organisationId };
  }

  const service = {
    wards: () => geography.placeWards(),

    async record(viewer: OutreachViewer, input: unknown): Promise<string> {
      const row = await rowOf(viewer, randomUUID(), input);
      await db.transaction().execute(async (trx) => {
        await repo.insertActivity(trx, row, viewer.id, now());
        await audit.record(trx, actorOf(viewer), {
          action: 'outreach.record',
          entityType: 'outreach_activity',
          entityId: row.id,
          summary: `Recorded the ${outreachKindLabels[row.kind].toLowerCase()} "${row.title}" (${row.heldOn})`,
          after: row,
        });
      });
      return row.id;
    },

    async edit(viewer: OutreachViewer, id: string, input: unknown): Promise<void> {
      const before = await visible(viewer, id);
      const row = await rowOf(viewer, id, input);
      await db.transaction().execute(async (trx) => {
        await repo.updateActivity(trx, row, now());
        await audit.record(trx, actorOf(viewer), {
          action: 'outreach.edit',
          entityType: 'outreach_activity',
          entityId: id,
          summary: `Changed the activity "${row.title}"`,
          before,
          after: row,
        });
      });
    },

    async get(viewer: OutreachViewer, id: string): Promise<OutreachDetail> {
      const activity = await visible(viewer, id);
      const [linkedInsights, linkedActions] = await Promise.all([
        repo.findLinkedInsights(db, id),
        seesAllOutreach(viewer) ? repo.findLinkedActions(db, id) : Promise.resolve([]),
      ]);
      return { ...activity, insights: linkedInsights, actions: linkedActions };
    },

    list(viewer: OutreachViewer, filter: OutreachFilter = {}): Promise<OutreachActivity[]> {
      const scoped = seesAllOutreach(viewer)
        ? filter
        : { ...filter, organisationId: viewer.organisationId ?? 'none' };
      return repo.findActivities(db, scoped);
    },

    /** Raises what was heard as an insight item (through the insight service) and links it here. */
    async raiseInsight(viewer: OutreachViewer, id: string, input: unknown): Promise<string> {
      const activity = await visible(viewer, id);
      const data = parseInput(heardInsightSchema, input);
      const insightId = await insights.submit(viewer, {
        ...data,
        service: '',
        communities: activity.communities,
        place: activity.wardName ?? activity.placeName ?? '',
        evidence: `Heard at "${activity.title}" on ${activity.heldOn}`,
        wantsReply: 'no',
        organisationId: activity.organisationId ?? '',
      });
      await db.transaction().execute(async (trx) => {
        await repo.linkInsight(trx, id, insightId);
        await audit.record(trx, actorOf(viewer), {
          action: 'outreach.insight',
          entityType: 'outreach_activity',
          entityId: id,
          summary: `Raised the insight "${data.title}" from "${activity.title}"`,
          after: { insightId },
        });
      });
      return insightId;
    },

    /** Staff agree a follow-up: a shared action, listed with the activity. */
    async addFollowUp(viewer: OutreachViewer, id: string, input: unknown): Promise<string> {
      if (!seesAllOutreach(viewer)) throw new ForbiddenError('Only staff agree follow-up actions');
      const activity = await visible(viewer, id);
      const action = await actions.create(actorOf(viewer), input);
      await db.transaction().execute(async (trx) => {
        await repo.linkAction(trx, id, action.id);
        await audit.record(trx, actorOf(viewer), {
          action: 'outreach.follow_up',
          entityType: 'outreach_activity',
          entityId: id,
          summary: `Agreed the follow-up "${action.title}" for "${activity.title}"`,
          after: { actionId: action.id },
        });
      });
      return action.id;
    },

    /** Groups and Core20 wards reached in a financial year, for one place or everywhere. */
    async coverage(options: { year: number; placeId?: string | undefined }): Promise<Coverage> {
      const placeName = options.placeId ? await repo.findPlaceName(db, options.placeId) : undefined;
      if (options.placeId && !placeName) throw new NotFoundError('No such place');
      const activities = await repo.findActivities(db, {
        ...financialYearRange(options.year),
        placeId: options.placeId,
      });
      const wards = (await geography.placeWards()).filter((w) => !placeName || w.place === placeName);
      return coverageOf(activities, wards);
    },
  };
  return service;
}

export type OutreachService = ReturnType<typeof createOutreachService>;
