import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ActionService } from '../actions/action.service.ts';
import { actionStatusLabels } from '../actions/action.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { findOutcome, outcomesOf } from '../eds-frameworks/framework.ts';
import {
  findActionObjectives,
  findObjectives,
  linkActionToObjective,
} from '../eds-reviews/objective.repository.ts';
import { assertManages, assertOpen, type EdsUser, type Review } from '../eds-reviews/review.ts';
import { frameworkOf, type ReviewService } from '../eds-reviews/review.service.ts';
import { FormError, NotFoundError } from '../shared/errors.ts';
import type { PlanRow } from './report.ts';

/** The target id the shared actions service links an EDS outcome by. */
export const outcomeTarget = (reviewId: string, outcomeCode: string) => ({
  targetType: 'eds_outcome' as const,
  targetId: `${reviewId}:${outcomeCode}`,
});

/**
 * The EDS action plan: actions per outcome, kept in the shared actions service (so they show with
 * the partnership's actions), each tied to one of the organisation's equality objectives.
 */
export function createActionPlanService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  actions: ActionService;
  reviews: ReviewService;
}) {
  const { db, audit, actions, reviews } = deps;

  async function plan(review: Review): Promise<PlanRow[]> {
    const framework = frameworkOf(review);
    const rows: PlanRow[] = [];
    for (const outcome of outcomesOf(framework)) {
      const linked = await actions.list({ linkedTo: outcomeTarget(review.id, outcome.code) });
      const objectives = await findActionObjectives(
        db,
        linked.map((a) => a.id),
      );
      for (const action of linked) {
        rows.push({
          groupCode: outcome.groupCode,
          outcomeCode: outcome.code,
          objective: objectives.get(action.id) ?? '',
          action: action.title,
          owner: action.ownerRoleLabel,
          dueDate: action.dueDate,
          status: actionStatusLabels[action.status],
        });
      }
    }
    return rows;
  }

  return {
    plan,

    /** Actions from the previous review that are done: the report's "completed actions from previous year". */
    async completedSince(previous: Review | undefined) {
      if (!previous) return [];
      return (await plan(previous))
        .filter((r) => r.status === actionStatusLabels.done)
        .map((r) => ({ action: r.action, objective: r.objective }));
    },

    async add(
      user: EdsUser,
      reviewId: string,
      outcomeCode: string,
      input: Record<string, string | undefined>,
    ): Promise<void> {
      const review = await reviews.get(reviewId);
      assertManages(user, review);
      assertOpen(review);
      if (!findOutcome(frameworkOf(review), outcomeCode)) throw new NotFoundError('No such outcome');
      const objective = (await findObjectives(db, review.organisationId)).find(
        (o) => o.id === input.objectiveId,
      );
      if (!objective)
        throw new FormError([
          { field: 'objectiveId', message: 'Select the equality objective the action serves' },
        ]);
      const action = await actions.create(user, { ...input, status: 'agreed' }, [
        outcomeTarget(reviewId, outcomeCode),
      ]);
      await db.transaction().execute(async (trx) => {
        await linkActionToObjective(trx, action.id, objective.id);
        await audit.record(trx, user, {
          action: 'eds_action.objective',
          entityType: 'action',
          entityId: action.id,
          summary: `Put the action “${action.title}” in the EDS action plan for outcome ${outcomeCode}, under “${objective.title}”`,
        });
      });
    },
  };
}

export type ActionPlanService = ReturnType<typeof createActionPlanService>;
