import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { systemActor, type Actor } from '../audit/audit.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { FormError, NotFoundError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import {
  actionStatusLabels,
  type Action,
  type ActionDetail,
  type ActionFilter,
  type ActionLink,
} from './action.ts';
import {
  actionLinkSchema,
  actionStatusSchema,
  actionUpdateSchema,
  createActionSchema,
  editActionSchema,
} from './action.schema.ts';
import {
  findAction,
  findActions,
  findLinks,
  findUpdates,
  claimReminder,
  findUserRole,
  insertAction,
  insertLinks,
  insertUpdate,
  updateAction,
  type ActionRow,
} from './action.repository.ts';

/*
 * The actions service, shared by the partnership, the EDS action plan, advice items and place plans.
 *
 *   create(actor, input, links)  input: { title, description, ownerUserId?: string|null (a staff or
 *       admin account), ownerRoleLabel (public "who is responsible"), directorate, dueDate: 'YYYY-MM-DD',
 *       status?: 'agreed'|'in_progress'|'done'|'not_possible' (default 'agreed'),
 *       publishable?: boolean|'yes'|'no', publicSummary?: string (required when publishable) }
 *       links: { targetType: 'insight'|'eds_outcome'|'advice'|'place_plan', targetId }[]
 *   get(id) → ActionDetail (with links and dated updates, newest first)
 *   list({ linkedTo?: {targetType, targetId}, ownerId?, overdue?: boolean, status?, directorate? })
 *   edit(actor, id, input)              the same fields as create, without status
 *   addUpdate(actor, id, { body })      a dated progress update
 *   changeStatus(actor, id, { status, reason? })   reason is required for 'not_possible'
 *   link(actor, id, { targetType, targetId })
 *   claimReminder(id, kind)             true once per action per day (for `parity actions remind`)
 * Every input is validated with zod and throws FormError naming the field.
 */
export function createActionService(deps: { db: Kysely<Database>; audit: AuditService; clock: () => Date }) {
  const { db, audit, clock } = deps;
  const now = () => clock().toISOString();
  const today = () => now().slice(0, 10);

  async function load(trx: Kysely<Database>, id: string): Promise<Action> {
    const action = await findAction(trx, id, today());
    if (!action) throw new NotFoundError('No such action');
    return action;
  }

  async function assertOwner(trx: Kysely<Database>, ownerUserId: string | null): Promise<void> {
    if (ownerUserId === null) return;
    const role = await findUserRole(trx, ownerUserId);
    if (role !== 'staff' && role !== 'admin') {
      throw new FormError([{ field: 'ownerUserId', message: 'Choose an owner from the trust’s staff' }]);
    }
  }

  function rowOf(action: Action): ActionRow {
    const { ownerName: _n, ownerEmail: _e, overdue: _o, createdAt: _c, updatedAt: _u, ...row } = action;
    return row;
  }

  async function get(id: string): Promise<ActionDetail> {
    const action = await load(db, id);
    const [links, updates] = await Promise.all([findLinks(db, id), findUpdates(db, id)]);
    return { ...action, links, updates };
  }

  return {
    async create(actor: Actor, input: unknown, links: ActionLink[] = []): Promise<ActionDetail> {
      const data = parseInput(createActionSchema, input);
      const checkedLinks = links.map((l) => parseInput(actionLinkSchema, l));
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await assertOwner(trx, data.ownerUserId);
        const completedAt = data.status === 'done' ? now() : null;
        await insertAction(trx, { id, ...data, statusReason: null, completedAt }, now());
        await insertLinks(trx, id, checkedLinks, now());
        await audit.record(trx, actor, {
          action: 'action.create',
          entityType: 'action',
          entityId: id,
          summary: `Agreed the action "${data.title}" (due ${data.dueDate})`,
          after: { ...data, links: checkedLinks },
        });
      });
      return get(id);
    },

    get,

    list: (filter: ActionFilter = {}): Promise<Action[]> => findActions(db, filter, today()),

    async edit(actor: Actor, id: string, input: unknown): Promise<void> {
      const data = parseInput(editActionSchema, input);
      await db.transaction().execute(async (trx) => {
        const before = await load(trx, id);
        await assertOwner(trx, data.ownerUserId);
        await updateAction(trx, { ...rowOf(before), ...data }, now());
        await audit.record(trx, actor, {
          action: 'action.edit',
          entityType: 'action',
          entityId: id,
          summary: `Changed the action "${data.title}"`,
          before: rowOf(before),
          after: data,
        });
      });
    },

    async addUpdate(actor: Actor, id: string, input: unknown): Promise<void> {
      const { body } = parseInput(actionUpdateSchema, input);
      await db.transaction().execute(async (trx) => {
        const action = await load(trx, id);
        const updateId = await insertUpdate(
          trx,
          { actionId: id, body, authorId: actor.id, authorLabel: actor.label },
          now(),
        );
        await updateAction(trx, rowOf(action), now());
        await audit.record(trx, actor, {
          action: 'action.update',
          entityType: 'action',
          entityId: id,
          summary: `Added a progress update to "${action.title}"`,
          after: { updateId, body },
        });
      });
    },

    async changeStatus(actor: Actor, id: string, input: unknown): Promise<void> {
      const { status, reason } = parseInput(actionStatusSchema, input);
      await db.transaction().execute(async (trx) => {
        const before = await load(trx, id);
        const completedAt = status === 'done' ? (before.completedAt ?? now()) : null;
        await updateAction(trx, { ...rowOf(before), status, statusReason: reason, completedAt }, now());
        await audit.record(trx, actor, {
          action: 'action.status',
          entityType: 'action',
          entityId: id,
          summary: `Marked "${before.title}" as ${actionStatusLabels[status].toLowerCase()}`,
          before: { status: before.status },
          after: { status, reason },
        });
      });
    },

    async link(actor: Actor, id: string, input: unknown): Promise<void> {
      const link = parseInput(actionLinkSchema, input);
      await db.transaction().execute(async (trx) => {
        await load(trx, id);
        await insertLinks(trx, id, [link], now());
        await audit.record(trx, actor, {
          action: 'action.link',
          entityType: 'action',
          entityId: id,
          summary: `Linked the action to ${link.targetType} ${link.targetId}`,
          after: link,
        });
      });
    },

    /** Reminders are idempotent per action per day: only the first claim of the day wins. */
    async claimReminder(id: string, kind: string): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const claimed = await claimReminder(trx, id, today(), kind, now());
        if (claimed) {
          await audit.record(trx, systemActor, {
            action: 'action.remind',
            entityType: 'action',
            entityId: id,
            summary: `Reminded the owner (${kind} the due date)`,
          });
        }
        return claimed;
      });
    },
  };
}

export type ActionService = ReturnType<typeof createActionService>;
