import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { parseInput } from '../shared/validation.ts';
import { objectiveSchema, objectiveYears, type Objective } from './objective.ts';
import { findObjectives, insertObjective } from './objective.repository.ts';
import type { EdsUser } from './review.ts';

export function createObjectiveService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: () => Date;
}) {
  const { db, audit, clock } = deps;
  return {
    list: (organisationId: string | null) => findObjectives(db, organisationId),

    async create(user: EdsUser, input: unknown): Promise<Objective> {
      const data = parseInput(objectiveSchema, input);
      const objective: Objective = {
        id: randomUUID(),
        organisationId: user.organisationId,
        title: data.title,
        description: data.description,
        startYear: data.startYear,
        endYear: data.startYear + objectiveYears - 1,
      };
      await db.transaction().execute(async (trx) => {
        await insertObjective(trx, objective, clock().toISOString());
        await audit.record(trx, user, {
          action: 'eds_objective.create',
          entityType: 'eds_objective',
          entityId: objective.id,
          summary: `Added the equality objective “${objective.title}” (${objective.startYear} to ${objective.endYear})`,
          after: objective,
        });
      });
      return objective;
    },
  };
}

export type ObjectiveService = ReturnType<typeof createObjectiveService>;
