import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../audit/audit.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedChange } from '../audit/audited-change.ts';
import {
  dutySectionLabels,
  type AdviceViewer,
  type Decision,
  type Initiative,
} from '../initiatives/initiative.ts';
import { findInitiative, updateInitiative } from '../initiatives/initiative.repository.ts';
import { FormError, ForbiddenError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import type { PublishedAdvice } from './advice.ts';
import { findDecisions, findPublishedAdvice, insertDecision } from './advice.repository.ts';
import { adviceSchema, decisionSchema, publishSchema, responseSchema } from './advice.schema.ts';

/** Only the initiative's service lead, or an administrator, answers for the service. */
export function mayRespond(viewer: AdviceViewer, initiative: Initiative): boolean {
  return viewer.role === 'admin' || (viewer.role === 'staff' && viewer.id === initiative.leadUserId);
}

/**
 * The partnership's advice on an initiative, the service's response, publishing to "you said, we
 * did", and the log of decisions recording whether the duty to involve people applied.
 */
export function createAdviceService(deps: { db: Kysely<Database>; audit: AuditService; clock: () => Date }) {
  const { db, clock } = deps;
  const now = () => clock().toISOString();

  const change = auditedChange<Initiative>(deps, {
    type: 'initiative',
    find: findInitiative,
    missing: 'No such initiative',
  });

  return {
    async writeAdvice(actor: Actor, id: string, input: unknown): Promise<void> {
      const { adviceSummary } = parseInput(adviceSchema, input);
      await change(actor, id, 'initiative.advice', async (trx, initiative) => {
        await updateInitiative(
          trx,
          id,
          { advice_summary: adviceSummary, advice_by_label: actor.label, advice_at: now() },
          now(),
        );
        return `Recorded the partnership's advice on "${initiative.title}"`;
      });
    },

    async recordResponse(viewer: AdviceViewer, id: string, input: unknown): Promise<void> {
      const data = parseInput(responseSchema, input);
      const actor = { id: viewer.id, label: viewer.name };
      await change(actor, id, 'initiative.response', async (trx, initiative) => {
        if (!mayRespond(viewer, initiative))
          throw new ForbiddenError('Only the service lead or an administrator records the response');
        if (!initiative.adviceSummary)
          throw new FormError([
            { field: 'responseChanged', message: 'Record the partnership’s advice before the response' },
          ]);
        await updateInitiative(
          trx,
          id,
          {
            response_changed: data.responseChanged,
            response_unchanged: data.responseUnchanged,
            response_by_label: viewer.name,
            response_at: now(),
          },
          now(),
        );
        return `Recorded the service's response to the advice on "${initiative.title}"`;
      });
    },

    async publish(actor: Actor, id: string, input: unknown): Promise<void> {
      const data = parseInput(publishSchema, input);
      await change(actor, id, 'initiative.publish', async (trx, initiative) => {
        if (data.published && (!initiative.adviceSummary || !initiative.responseChanged))
          throw new FormError([
            { field: 'published', message: 'Record the advice and the service’s response before publishing' },
          ]);
        await updateInitiative(
          trx,
          id,
          {
            public_summary: data.publicSummary,
            published: data.published ? 1 : 0,
            published_at: data.published ? (initiative.publishedAt ?? now()) : null,
          },
          now(),
        );
        return `${data.published ? 'Published' : 'Unpublished'} the advice on "${initiative.title}"`;
      });
    },

    async recordDecision(actor: Actor, id: string, input: unknown): Promise<void> {
      const data = parseInput(decisionSchema, input);
      await change(actor, id, 'initiative.decision', async (trx, initiative) => {
        await insertDecision(trx, { initiativeId: id, ...data, recordedByLabel: actor.label }, now());
        const duty = data.dutyApplies ? dutySectionLabels[data.dutySection] : 'no duty to involve applied';
        return `Logged the decision of ${data.decidedOn} on "${initiative.title}" (${duty})`;
      });
    },

    decisions: (initiativeId?: string): Promise<Decision[]> => findDecisions(db, initiativeId),

    published: (): Promise<PublishedAdvice[]> => findPublishedAdvice(db),
  };
}

export type AdviceService = ReturnType<typeof createAdviceService>;
