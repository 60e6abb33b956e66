import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { FormError, ForbiddenError, NotFoundError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import { seesAllAgreements, type Agreement, type AgreementViewer } from './agreement.ts';
import * as repo from './agreement.repository.ts';
import {
  deliverableSchema,
  deliverySchema,
  instalmentSchema,
  metSchema,
  milestoneSchema,
  paidSchema,
} from './agreement.schema.ts';
import { findOrganisationWork, insertDelivery } from './delivery.repository.ts';
import { formatPence } from './money.ts';

const actorOf = (viewer: AgreementViewer) => ({ id: viewer.id, label: viewer.name });

/** The parts of an agreement: payments, deliverables, milestones and the delivery reported. */
export function createAgreementRecords(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: () => Date;
  visible: (viewer: AgreementViewer, id: string) => Promise<Agreement>;
}) {
  const { db, audit, clock, visible } = deps;
  const now = () => clock().toISOString();

  /** Staff-only change to an agreement, in one transaction with its audit entry. */
  async function staffChange(
    viewer: AgreementViewer,
    id: string,
    action: string,
    summary: (a: Agreement) => string,
    change: (trx: Kysely<Database>, agreement: Agreement) => Promise<unknown>,
  ): Promise<void> {
    if (!seesAllAgreements(viewer)) throw new ForbiddenError('Only staff manage agreements');
    const agreement = await visible(viewer, id);
    await db.transaction().execute(async (trx) => {
      const after = await change(trx, agreement);
      await audit.record(trx, actorOf(viewer), {
        action,
        entityType: 'agreement',
        entityId: id,
        summary: summary(agreement),
        after,
      });
    });
  }

  /** What a delivery report can point at: this agreement's deliverables, the partner's activities and insight. */
  async function deliveryOptions(viewer: AgreementViewer, id: string) {
    const agreement = await visible(viewer, id);
    const [deliverables, work] = await Promise.all([
      repo.findDeliverables(db, id),
      findOrganisationWork(db, agreement.organisationId),
    ]);
    return { agreement, deliverables, ...work };
  }

  return {
    async addInstalment(viewer: AgreementViewer, id: string, input: unknown): Promise<void> {
      const data = parseInput(instalmentSchema, input);
      await staffChange(
        viewer,
        id,
        'agreement.instalment',
        (a) => `Scheduled ${formatPence(data.amount)} for "${a.title}" on ${data.dueOn}`,
        async (trx, a) => {
          const scheduled = (await repo.findInstalments(trx, [id])).reduce((t, i) => t + i.amount_pence, 0);
          if (scheduled + data.amount > a.amountPence)
            throw new FormError([
              {
                field: 'amount',
                message: `Payments would come to more than the ${formatPence(a.amountPence)} agreed`,
              },
            ]);
          return {
            instalmentId: await repo.insertInstalment(
              trx,
              id,
              { dueOn: data.dueOn, amountPence: data.amount },
              now(),
            ),
          };
        },
      );
    },

    async markPaid(viewer: AgreementViewer, id: string, instalmentId: string, input: unknown): Promise<void> {
      const { paidOn } = parseInput(paidSchema, input);
      await staffChange(
        viewer,
        id,
        'agreement.paid',
        (a) => `Recorded a payment to "${a.title}" on ${paidOn}`,
        async (trx) => {
          if (!(await repo.markPaid(trx, id, instalmentId, paidOn)))
            throw new NotFoundError('No such payment');
          return { instalmentId, paidOn };
        },
      );
    },

    async addDeliverable(viewer: AgreementViewer, id: string, input: unknown): Promise<void> {
      const data = parseInput(deliverableSchema, input);
      await staffChange(
        viewer,
        id,
        'agreement.deliverable',
        (a) => `Added the deliverable "${data.description}" to "${a.title}"`,
        async (trx) => ({
          deliverableId: await repo.insertDeliverable(trx, id, data, now()),
          ...data,
        }),
      );
    },

    async addMilestone(viewer: AgreementViewer, id: string, input: unknown): Promise<void> {
      const data = parseInput(milestoneSchema, input);
      await staffChange(
        viewer,
        id,
        'agreement.milestone',
        (a) => `Added the milestone "${data.title}" to "${a.title}"`,
        async (trx) => ({
          milestoneId: await repo.insertMilestone(trx, id, data, now()),
          ...data,
        }),
      );
    },

    async markMet(viewer: AgreementViewer, id: string, milestoneId: string, input: unknown): Promise<void> {
      const { metOn } = parseInput(metSchema, input);
      await staffChange(
        viewer,
        id,
        'agreement.milestone_met',
        (a) => `Marked a milestone of "${a.title}" as met`,
        async (trx) => {
          if (!(await repo.markMet(trx, id, milestoneId, metOn)))
            throw new NotFoundError('No such milestone');
          return { milestoneId, metOn };
        },
      );
    },

    deliveryOptions,

    /** The partner (or staff for them) reports delivery, linked to the activity and insight it brought. */
    async reportDelivery(viewer: AgreementViewer, id: string, input: unknown): Promise<string> {
      const data = parseInput(deliverySchema, input);
      const { agreement, deliverables, activities, insights } = await deliveryOptions(viewer, id);
      if (agreement.status !== 'active')
        throw new FormError([
          { field: 'deliverableId', message: 'Delivery can only be reported on an active agreement' },
        ]);
      const problems = [
        !deliverables.some((d) => d.id === data.deliverableId) && {
          field: 'deliverableId',
          message: 'Choose a deliverable of this agreement',
        },
        data.activityId &&
          !activities.some((a) => a.id === data.activityId) && {
            field: 'activityId',
            message: 'Choose one of your organisation’s activities',
          },
        data.insightId &&
          !insights.some((i) => i.id === data.insightId) && {
            field: 'insightId',
            message: 'Choose one of your organisation’s issues',
          },
      ].filter((p): p is { field: string; message: string } => Boolean(p));
      if (problems.length) throw new FormError(problems);
      return db.transaction().execute(async (trx) => {
        const deliveryId = await insertDelivery(
          trx,
          { ...data, agreementId: id, reportedBy: viewer.id, reportedByLabel: viewer.name },
          now(),
        );
        await audit.record(trx, actorOf(viewer), {
          action: 'agreement.delivery',
          entityType: 'agreement',
          entityId: id,
          summary: `Reported ${data.quantity} delivered for "${agreement.title}"`,
          after: { deliveryId, ...data },
        });
        return deliveryId;
      });
    },
  };
}
