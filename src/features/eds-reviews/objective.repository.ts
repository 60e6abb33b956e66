import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Objective } from './objective.ts';

export async function findObjectives(
  db: Kysely<Database>,
  organisationId: string | null,
): Promise<Objective[]> {
  let query = db.selectFrom('eds_objectives').selectAll();
  query = organisationId
    ? query.where('organisation_id', '=', organisationId)
    : query.where('organisation_id', 'is', null);
  const rows = await query.orderBy('start_year', 'desc').orderBy('title').execute();
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    title: r.title,
    description: r.description,
    startYear: Number(r.start_year),
    endYear: Number(r.end_year),
  }));
}

export async function insertObjective(db: Kysely<Database>, objective: Objective, at: string): Promise<void> {
  await db
    .insertInto('eds_objectives')
    .values({
      id: objective.id,
      organisation_id: objective.organisationId,
      title: objective.title,
      description: objective.description,
      start_year: objective.startYear,
      end_year: objective.endYear,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export async function linkActionToObjective(
  db: Kysely<Database>,
  actionId: string,
  objectiveId: string,
): Promise<void> {
  await db
    .insertInto('eds_action_objectives')
    .values({ action_id: actionId, objective_id: objectiveId })
    .execute();
}

export async function findActionObjectives(
  db: Kysely<Database>,
  actionIds: string[],
): Promise<Map<string, string>> {
  if (actionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('eds_action_objectives')
    .innerJoin('eds_objectives', 'eds_objectives.id', 'eds_action_objectives.objective_id')
    .select(['eds_action_objectives.action_id', 'eds_objectives.title'])
    .where('eds_action_objectives.action_id', 'in', actionIds)
    .execute();
  return new Map(rows.map((r) => [r.action_id, r.title]));
}
