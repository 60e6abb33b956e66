import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ActionService } from '../actions/action.service.ts';
import { anonymousActor, type Actor } from '../audit/audit.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { NotificationService } from '../notifications/notification.service.ts';
import { FormError, ForbiddenError, NotFoundError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import {
  canMove,
  insightStatusLabels,
  seesAllInsight,
  type InsightFilter,
  type InsightItem,
  type InsightViewer,
} from './insight.ts';
import { insightCsv } from './insight-csv.ts';
import {
  clearReplyContact,
  findInsight,
  findInsights,
  findInsightsByIdPrefix,
  findRelated,
  insertInsight,
  insertRelation,
  replaceThemes,
  updateSubmission,
  updateTriage,
} from './insight.repository.ts';
import {
  editSubmissionSchema,
  publicSubmissionSchema,
  relateSchema,
  signedInSubmissionSchema,
  triageSchema,
} from './insight.schema.ts';
import { findThemes } from './theme.repository.ts';

const actorOf = (viewer: InsightViewer): Actor => ({ id: viewer.id, label: viewer.name });

export function createInsightService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  actions: ActionService;
  notifications: NotificationService;
  clock: () => Date;
}) {
  const { db, audit, actions, notifications, clock } = deps;
  const now = () => clock().toISOString();

  /** Members reach only their own organisation's items; anything else looks like it does not exist. */
  async function visible(viewer: InsightViewer, id: string): Promise<InsightItem> {
    const item = await findInsight(db, id);
    if (!item) throw new NotFoundError('No such insight item');
    if (
      !seesAllInsight(viewer) &&
      (!viewer.organisationId || item.organisationId !== viewer.organisationId)
    ) {
      throw new NotFoundError('No such insight item');
    }
    return item;
  }

  function scoped(viewer: InsightViewer, filter: InsightFilter): InsightFilter {
    if (seesAllInsight(viewer)) return filter;
    return { ...filter, organisationId: viewer.organisationId ?? 'none' };
  }

  async function record(
    actor: Actor,
    item: Omit<Parameters<typeof insertInsight>[1], 'id'>,
  ): Promise<string> {
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      await insertInsight(trx, { id, ...item }, now());
      await audit.record(trx, actor, {
        action: 'insight.submit',
        entityType: 'insight',
        entityId: id,
        summary: `Received insight "${item.title}"`,
      });
    });
    return id;
  }

  const service = {
    /** A public visitor's submission: no account, no identity unless a reply contact is given. */
    async submitPublic(input: unknown): Promise<string> {
      const data = parseInput(publicSubmissionSchema, input);
      return record(anonymousActor(), {
        ...data,
        source: 'public',
        organisationId: null,
        submittedBy: null,
        replyName: data.wantsReply ? data.replyName : null,
        replyEmail: data.wantsReply ? data.replyEmail : null,
      });
    },

    /** A member's submission belongs to their organisation; staff may file one for any organisation. */
    async submit(viewer: InsightViewer, input: unknown): Promise<string> {
      const data = parseInput(signedInSubmissionSchema, input);
      const staff = seesAllInsight(viewer);
      const organisationId = staff ? data.organisationId : viewer.organisationId;
      if (!staff && !organisationId) {
        throw new FormError([
          {
            field: 'title',
            message: 'Your account is not linked to a member organisation; ask an administrator',
          },
        ]);
      }
      return record(actorOf(viewer), {
        ...data,
        source: staff ? 'staff' : 'member',
        organisationId,
        submittedBy: viewer.id,
        replyName: null,
        replyEmail: null,
      });
    },

    get: visible,

    list: (viewer: InsightViewer, filter: InsightFilter) =>
      findInsights(db, scoped(viewer, filter), { paged: true }),

    async exportCsv(viewer: InsightViewer, filter: InsightFilter): Promise<string> {
      if (!seesAllInsight(viewer)) throw new ForbiddenError('Only staff export insight');
      return insightCsv((await findInsights(db, filter, { paged: false })).items);
    },

    related: async (viewer: InsightViewer, id: string) => {
      const related = await findRelated(db, (await visible(viewer, id)).id);
      return seesAllInsight(viewer)
        ? related
        : related.filter((r) => r.organisationId === viewer.organisationId);
    },

    themes: (options = { activeOnly: true }) => findThemes(db, options),

    async edit(viewer: InsightViewer, id: string, input: unknown): Promise<void> {
      const item = await visible(viewer, id);
      if (!seesAllInsight(viewer) && item.status === 'closed') {
        throw new ForbiddenError('Closed items cannot be changed by members');
      }
      const data = parseInput(editSubmissionSchema, input);
      await db.transaction().execute(async (trx) => {
        await updateSubmission(trx, id, data, now());
        await audit.record(trx, actorOf(viewer), {
          action: 'insight.edit',
          entityType: 'insight',
          entityId: id,
          summary: `Changed the submission "${data.title}"`,
          before: {
            title: item.title,
            description: item.description,
            service: item.service,
            place: item.place,
          },
          after: {
            title: data.title,
            description: data.description,
            service: data.service,
            place: data.place,
          },
        });
      });
    },

    async triage(viewer: InsightViewer, id: string, input: unknown): Promise<InsightItem> {
      if (!seesAllInsight(viewer)) throw new ForbiddenError('Only staff triage insight');
      const data = parseInput(triageSchema, input);
      const before = await visible(viewer, id);
      if (!canMove(before.status, data.status)) {
        throw new FormError([
          {
            field: 'status',
            message: `An item that is ${insightStatusLabels[before.status].toLowerCase()} cannot move to ${insightStatusLabels[data.status].toLowerCase()}`,
          },
        ]);
      }
      const known = new Set((await findThemes(db, { activeOnly: false })).map((t) => t.id));
      const themeIds = data.themeIds.filter((t) => known.has(t));
      const statusChanged = before.status !== data.status;
      await db.transaction().execute(async (trx) => {
        await updateTriage(trx, id, data, statusChanged, now());
        await replaceThemes(trx, id, themeIds);
        await audit.record(trx, actorOf(viewer), {
          action: statusChanged ? 'insight.status' : 'insight.triage',
          entityType: 'insight',
          entityId: id,
          summary: statusChanged
            ? `Moved "${before.title}" to ${insightStatusLabels[data.status].toLowerCase()}`
            : `Updated the triage of "${before.title}"`,
          before: {
            status: before.status,
            publishable: before.publishable,
            themes: before.themes.map((t) => t.id),
          },
          after: { status: data.status, publishable: data.publishable, themes: themeIds },
        });
      });
      const after = (await findInsight(db, id))!;
      if (statusChanged) await notifications.insightStatusChanged(after);
      if (after.status === 'closed' && after.replyEmail) await service.removeReplyContact(viewer, id);
      return after;
    },

    async relate(viewer: InsightViewer, id: string, input: unknown): Promise<void> {
      if (!seesAllInsight(viewer)) throw new ForbiddenError('Only staff link insight');
      const { relatedReference } = parseInput(relateSchema, input);
      const prefix = relatedReference.toLowerCase().replace(/^hep-/, '');
      const matches = /^[0-9a-f]{6}$/.test(prefix) ? await findInsightsByIdPrefix(db, prefix) : [];
      const relatedId = matches.length === 1 ? matches[0] : undefined;
      if (!relatedId || relatedId === id) {
        throw new FormError([
          { field: 'relatedReference', message: 'There is no other item with that reference' },
        ]);
      }
      await db.transaction().execute(async (trx) => {
        await insertRelation(trx, id, relatedId, now());
        await audit.record(trx, actorOf(viewer), {
          action: 'insight.relate',
          entityType: 'insight',
          entityId: id,
          summary: `Linked to the related item ${relatedReference.toUpperCase()}`,
          after: { relatedId },
        });
      });
    },

    /** Data minimisation: the reply contact goes once it is no longer needed, or when asked. */
    async removeReplyContact(viewer: InsightViewer, id: string): Promise<void> {
      if (!seesAllInsight(viewer)) throw new ForbiddenError('Only staff remove contact details');
      await visible(viewer, id);
      await db.transaction().execute(async (trx) => {
        await clearReplyContact(trx, id, now());
        await audit.record(trx, actorOf(viewer), {
          action: 'insight.contact_removed',
          entityType: 'insight',
          entityId: id,
          summary: 'Removed the reply contact details',
        });
      });
    },

    /** Agrees an action that answers this item, and moves the item to "action agreed". */
    async agreeAction(viewer: InsightViewer, id: string, input: unknown): Promise<string> {
      if (!seesAllInsight(viewer)) throw new ForbiddenError('Only staff agree actions');
      const item = await visible(viewer, id);
      const action = await actions.create(actorOf(viewer), input, [{ targetType: 'insight', targetId: id }]);
      if (item.status !== 'action_agreed' && canMove(item.status, 'action_agreed')) {
        await service.triage(viewer, id, {
          status: 'action_agreed',
          themeIds: item.themes.map((t) => t.id),
          noActionReason: item.noActionReason ?? '',
          triageNote: item.triageNote ?? '',
          publicSummary: item.publicSummary ?? '',
          publishable: item.publishable ? 'yes' : 'no',
        });
      }
      return action.id;
    },
  };
  return service;
}

export type InsightService = ReturnType<typeof createInsightService>;
