import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ActionStatus } from '../actions/action.ts';
import type { InsightStatus } from '../insights/insight.ts';
import { concernsCommunity, taggedWithTheme } from '../insights/insight.repository.ts';
import type { PublicAction, PublicFilter, PublicRecord } from './accountability.ts';

/** Only items staff marked publishable, with a public summary; only actions also marked publishable. */
export async function findPublicRecords(db: Kysely<Database>, filter: PublicFilter): Promise<PublicRecord[]> {
  let query = db
    .selectFrom('insight_items')
    .select(['id', 'public_summary', 'status', 'no_action_reason', 'service', 'place', 'created_at'])
    .where('publishable', '=', 1)
    .where('public_summary', 'is not', null);
  const { community, themeId, service, place, from, to } = filter;
  if (service) query = query.where('service', '=', service);
  if (place) query = query.where('place', '=', place);
  if (from) query = query.where('created_at', '>=', from);
  if (to) query = query.where('created_at', '<', to);
  if (community) query = query.where(concernsCommunity(community));
  if (themeId) query = query.where(taggedWithTheme(themeId));
  const rows = await query.orderBy('created_at', 'desc').execute();
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const [themes, communities, actions] = await Promise.all([
    db
      .selectFrom('insight_item_themes')
      .innerJoin('insight_themes', 'insight_themes.id', 'insight_item_themes.theme_id')
      .select(['insight_item_themes.insight_id', 'insight_themes.name'])
      .where('insight_item_themes.insight_id', 'in', ids)
      .orderBy('insight_themes.name')
      .execute(),
    db
      .selectFrom('insight_item_communities')
      .select(['insight_id', 'community'])
      .where('insight_id', 'in', ids)
      .orderBy('community')
      .execute(),
    publicActionsFor(db, ids),
  ]);
  return rows.map((r) => ({
    id: r.id,
    youSaid: r.public_summary ?? '',
    status: r.status as InsightStatus,
    noActionReason: r.no_action_reason,
    service: r.service,
    place: r.place,
    raisedOn: r.created_at,
    themes: themes.filter((t) => t.insight_id === r.id).map((t) => t.name),
    communities: communities.filter((c) => c.insight_id === r.id).map((c) => c.community),
    actions: actions.filter((a) => a.insightId === r.id).map(({ insightId: _i, ...a }) => a),
  }));
}

async function publicActionsFor(
  db: Kysely<Database>,
  insightIds: string[],
): Promise<(PublicAction & { insightId: string })[]> {
  const rows = await db
    .selectFrom('action_links')
    .innerJoin('actions', 'actions.id', 'action_links.action_id')
    .select([
      'action_links.target_id',
      'actions.id',
      'actions.title',
      'actions.public_summary',
      'actions.owner_role_label',
      'actions.directorate',
      'actions.status',
      'actions.status_reason',
      'actions.due_date',
      'actions.completed_at',
    ])
    .where('action_links.target_type', '=', 'insight')
    .where('action_links.target_id', 'in', insightIds)
    .where('actions.publishable', '=', 1)
    .orderBy('actions.due_date')
    .execute();
  return rows.map((r) => ({
    insightId: r.target_id,
    id: r.id,
    title: r.title,
    summary: r.public_summary ?? r.title,
    responsible: r.owner_role_label,
    directorate: r.directorate,
    status: r.status as ActionStatus,
    statusReason: r.status_reason,
    dueDate: r.due_date,
    completedAt: r.completed_at,
  }));
}

/** Filter choices drawn from published records only, so nothing unpublished leaks into a list. */
export async function findPublicFacets(
  db: Kysely<Database>,
): Promise<{ services: string[]; places: string[] }> {
  const rows = await db
    .selectFrom('insight_items')
    .select(['service', 'place'])
    .where('publishable', '=', 1)
    .where('public_summary', 'is not', null)
    .execute();
  const sorted = (values: (string | null)[]) =>
    [...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b));
  return { services: sorted(rows.map((r) => r.service)), places: sorted(rows.map((r) => r.place)) };
}

/** Counts for the quarterly summary (numbers only, never people). */
export async function countInsightReceived(db: Kysely<Database>, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('insight_items')
    .select((eb) => eb.fn.countAll().as('total'))
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

export async function countActionsCompleted(db: Kysely<Database>, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('actions')
    .select((eb) => eb.fn.countAll().as('total'))
    .where('status', '=', 'done')
    .where('completed_at', '>=', from)
    .where('completed_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}
