import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../audit/audit.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { communities } from '../memberships/communities.ts';
import { financialYearLabel, financialYearOf } from '../outreach/financial-year.ts';
import { FormError, ForbiddenError, NotFoundError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import {
  agreementStatusLabels,
  expectedByNow,
  paymentState,
  progressOf,
  seesAllAgreements,
  type Agreement,
  type AgreementDetail,
  type AgreementViewer,
  type GroupTotal,
  type YearTotal,
} from './agreement.ts';
import * as repo from './agreement.repository.ts';
import { agreementSchema, statusSchema } from './agreement.schema.ts';
import { createAgreementRecords } from './agreement-records.service.ts';
import { findDeliveries, findOrganisationKind, placeExists } from './delivery.repository.ts';

export const actorOf = (viewer: AgreementViewer): Actor => ({ id: viewer.id, label: viewer.name });

export function staffOnly(viewer: AgreementViewer): void {
  if (!seesAllAgreements(viewer)) throw new ForbiddenError('Only staff manage agreements');
}

/*
 * Funded partner agreements with VCSE organisations: the period, funding and its instalments,
 * deliverables and milestones, and the delivery the partner reports. Staff manage everything;
 * a member sees and reports on their own organisation's agreements only.
 */
export function createAgreementService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: () => Date;
}) {
  const { db, audit, clock } = deps;
  const now = () => clock().toISOString();
  const today = () => now().slice(0, 10);

  async function visible(viewer: AgreementViewer, id: string): Promise<Agreement> {
    const [agreement] = await repo.findAgreements(db, { id });
    if (!agreement) throw new NotFoundError('No such agreement');
    if (!seesAllAgreements(viewer) && agreement.organisationId !== viewer.organisationId)
      throw new NotFoundError('No such agreement');
    return agreement;
  }

  async function detail(agreement: Agreement): Promise<AgreementDetail> {
    const day = today();
    const [instalmentRows, deliverableRows, milestoneRows, deliveries] = await Promise.all([
      repo.findInstalments(db, [agreement.id]),
      repo.findDeliverables(db, agreement.id),
      repo.findMilestones(db, agreement.id),
      findDeliveries(db, agreement.id),
    ]);
    const instalments = instalmentRows.map((r) => {
      const row = { id: r.id, dueOn: r.due_on, amountPence: r.amount_pence, paidOn: r.paid_on };
      return { ...row, state: paymentState(row, day) };
    });
    const deliverables = deliverableRows.map((d) => {
      const expected = expectedByNow(d.target, agreement.startsOn, d.due_on, day);
      const base = { id: d.id, description: d.description, community: d.community, target: d.target };
      return { ...base, dueOn: d.due_on, delivered: d.delivered, expected, behind: d.delivered < expected };
    });
    const milestones = milestoneRows.map((m) => ({
      id: m.id,
      title: m.title,
      dueOn: m.due_on,
      metOn: m.met_on,
      overdue: !m.met_on && m.due_on < day,
    }));
    const progress = progressOf(agreement, instalments, deliverables, milestones);
    return { ...agreement, instalments, deliverables, milestones, deliveries, progress };
  }

  async function checkReferences(organisationId: string, placeId: string | null): Promise<void> {
    const kind = await findOrganisationKind(db, organisationId);
    if (!kind || kind === 'trust')
      throw new FormError([
        { field: 'organisationId', message: 'Choose a partner organisation from the list' },
      ]);
    if (placeId && !(await placeExists(db, placeId)))
      throw new FormError([{ field: 'placeId', message: 'Choose a place from the list' }]);
  }

  return {
    ...createAgreementRecords({ db, audit, clock, visible }),

    async create(viewer: AgreementViewer, input: unknown): Promise<string> {
      staffOnly(viewer);
      const data = parseInput(agreementSchema, input);
      await checkReferences(data.organisationId, data.placeId);
      const id = randomUUID();
      const { amount, ...rest } = data;
      await db.transaction().execute(async (trx) => {
        await repo.insertAgreement(trx, { ...rest, id, amountPence: amount }, now());
        await audit.record(trx, actorOf(viewer), {
          action: 'agreement.create',
          entityType: 'agreement',
          entityId: id,
          summary: `Agreed funding "${data.title}"`,
          after: { ...rest, amountPence: amount },
        });
      });
      return id;
    },

    async list(viewer: AgreementViewer): Promise<AgreementDetail[]> {
      const organisationId = seesAllAgreements(viewer) ? undefined : (viewer.organisationId ?? 'none');
      const agreements = await repo.findAgreements(db, { organisationId });
      return Promise.all(agreements.map(detail));
    },

    get: async (viewer: AgreementViewer, id: string) => detail(await visible(viewer, id)),

    async changeStatus(viewer: AgreementViewer, id: string, input: unknown): Promise<void> {
      staffOnly(viewer);
      const { status } = parseInput(statusSchema, input);
      const before = await visible(viewer, id);
      await db.transaction().execute(async (trx) => {
        await repo.updateStatus(trx, id, status, now());
        await audit.record(trx, actorOf(viewer), {
          action: 'agreement.status',
          entityType: 'agreement',
          entityId: id,
          summary: `Marked "${before.title}" as ${agreementStatusLabels[status].toLowerCase()}`,
          before: { status: before.status },
          after: { status },
        });
      });
    },

    /** Funding by financial year (of each instalment's due date) and by group served. */
    async totals(viewer: AgreementViewer): Promise<{ byYear: YearTotal[]; byGroup: GroupTotal[] }> {
      staffOnly(viewer);
      const agreements = (await repo.findAgreements(db, {})).filter((a) => a.status !== 'draft');
      const instalments = await repo.findInstalments(
        db,
        agreements.map((a) => a.id),
      );
      const years = new Map<number, YearTotal>();
      for (const i of instalments) {
        const year = financialYearOf(i.due_on);
        const total = years.get(year) ?? {
          year,
          label: financialYearLabel(year),
          scheduledPence: 0,
          paidPence: 0,
        };
        total.scheduledPence += i.amount_pence;
        if (i.paid_on) total.paidPence += i.amount_pence;
        years.set(year, total);
      }
      const byGroup = communities
        .map((community) => {
          const serving = agreements.filter((a) => a.communities.includes(community));
          return {
            community,
            agreements: serving.length,
            amountPence: serving.reduce((t, a) => t + a.amountPence, 0),
          };
        })
        .filter((g) => g.agreements > 0);
      return { byYear: [...years.values()].sort((a, b) => a.year - b.year), byGroup };
    },
  };
}

export type AgreementService = ReturnType<typeof createAgreementService>;
