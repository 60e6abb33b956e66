import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import {
  isOverdue,
  type Action,
  type ActionFilter,
  type ActionLink,
  type ActionStatus,
  type ActionTargetType,
  type ActionUpdate,
} from './action.ts';

export interface ActionRow {
  id: string;
  title: string;
  description: string;
  ownerUserId: string | null;
  ownerRoleLabel: string;
  directorate: string;
  dueDate: string;
  status: ActionStatus;
  statusReason: string | null;
  publishable: boolean;
  publicSummary: string | null;
  completedAt: string | null;
}

function selectActions(db: Kysely<Database>) {
  return db
    .selectFrom('actions')
    .leftJoin('users', 'users.id', 'actions.owner_user_id')
    .selectAll('actions')
    .select(['users.name as owner_name', 'users.email as owner_email']);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectActions>['executeTakeFirstOrThrow']>>;

function toAction(row: Row, today: string): Action {
  const status = row.status as ActionStatus;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name,
    ownerEmail: row.owner_email,
    ownerRoleLabel: row.owner_role_label,
    directorate: row.directorate,
    dueDate: row.due_date,
    status,
    statusReason: row.status_reason,
    publishable: Number(row.publishable) === 1,
    publicSummary: row.public_summary,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
    overdue: isOverdue({ status, dueDate: row.due_date }, today),
  };
}

function toColumns(action: Omit<ActionRow, 'id'>) {
  return {
    title: action.title,
    description: action.description,
    owner_user_id: action.ownerUserId,
    owner_role_label: action.ownerRoleLabel,
    directorate: action.directorate,
    due_date: action.dueDate,
    status: action.status,
    status_reason: action.statusReason,
    publishable: action.publishable ? 1 : 0,
    public_summary: action.publicSummary,
    completed_at: action.completedAt,
  };
}

export async function insertAction(db: Kysely<Database>, action: ActionRow, at: string): Promise<void> {
  await db
    .insertInto('actions')
    .values({ id: action.id, ...toColumns(action), created_at: at, updated_at: at })
    .execute();
}

export async function updateAction(db: Kysely<Database>, action: ActionRow, at: string): Promise<void> {
  await db
    .updateTable('actions')
    .set({ ...toColumns(action), updated_at: at })
    .where('id', '=', action.id)
    .execute();
}

export async function findAction(
  db: Kysely<Database>,
  id: string,
  today: string,
): Promise<Action | undefined> {
  const row = await selectActions(db).where('actions.id', '=', id).executeTakeFirst();
  return row && toAction(row, today);
}

export async function findActions(
  db: Kysely<Database>,
  filter: ActionFilter,
  today: string,
): Promise<Action[]> {
  let query = selectActions(db);
  const linkedTo = filter.linkedTo;
  if (linkedTo) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('action_links')
          .select('action_links.id')
          .whereRef('action_links.action_id', '=', 'actions.id')
          .where('action_links.target_type', '=', linkedTo.targetType)
          .where('action_links.target_id', '=', linkedTo.targetId),
      ),
    );
  }
  if (filter.ownerId) query = query.where('actions.owner_user_id', '=', filter.ownerId);
  if (filter.status) query = query.where('actions.status', '=', filter.status);
  if (filter.directorate) query = query.where('actions.directorate', '=', filter.directorate);
  if (filter.overdue) {
    query = query
      .where('actions.status', 'in', ['agreed', 'in_progress'])
      .where('actions.due_date', '<', today);
  }
  const rows = await query.orderBy('actions.due_date').orderBy('actions.title').execute();
  return rows.map((r) => toAction(r, today));
}

export async function insertLinks(
  db: Kysely<Database>,
  actionId: string,
  links: ActionLink[],
  at: string,
): Promise<void> {
  for (const link of links) {
    await db
      .insertInto('action_links')
      .values({
        id: randomUUID(),
        action_id: actionId,
        target_type: link.targetType,
        target_id: link.targetId,
        created_at: at,
      })
      .onConflict((oc) => oc.columns(['action_id', 'target_type', 'target_id']).doNothing())
      .execute();
  }
}

export async function findLinks(db: Kysely<Database>, actionId: string): Promise<ActionLink[]> {
  const rows = await db
    .selectFrom('action_links')
    .select(['target_type', 'target_id'])
    .where('action_id', '=', actionId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ targetType: r.target_type as ActionTargetType, targetId: r.target_id }));
}

export async function insertUpdate(
  db: Kysely<Database>,
  update: { actionId: string; body: string; authorId: string | null; authorLabel: string },
  at: string,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('action_updates')
    .values({
      id,
      action_id: update.actionId,
      body: update.body,
      author_id: update.authorId,
      author_label: update.authorLabel,
      created_at: at,
    })
    .execute();
  return id;
}

export async function findUpdates(db: Kysely<Database>, actionId: string): Promise<ActionUpdate[]> {
  const rows = await db
    .selectFrom('action_updates')
    .select(['id', 'body', 'author_label', 'created_at'])
    .where('action_id', '=', actionId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, body: r.body, authorLabel: r.author_label, createdAt: r.created_at }));
}

export async function findUserRole(db: Kysely<Database>, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('role').where('id', '=', userId).executeTakeFirst();
  return row?.role;
}

/** Records that an owner was reminded today; false when a reminder was already sent today. */
export async function claimReminder(
  db: Kysely<Database>,
  actionId: string,
  sentOn: string,
  kind: string,
  at: string,
): Promise<boolean> {
  const existing = await db
    .selectFrom('action_reminders')
    .select('id')
    .where('action_id', '=', actionId)
    .where('sent_on', '=', sentOn)
    .executeTakeFirst();
  if (existing) return false;
  await db
    .insertInto('action_reminders')
    .values({ id: randomUUID(), action_id: actionId, sent_on: sentOn, kind, created_at: at })
    .onConflict((oc) => oc.columns(['action_id', 'sent_on']).doNothing())
    .execute();
  return true;
}
