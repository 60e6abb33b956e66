import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { findOutcome, maximumScore, outcomesOf, type Framework } from '../eds-frameworks/framework.ts';
import { frameworkById } from '../eds-frameworks/framework.loader.ts';
import { FormError, ForbiddenError, NotFoundError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import { assertManages, assertOpen, linesOf, type EdsUser, type Review } from './review.ts';
import {
  findDomainPlans,
  findReview,
  findReviewOutcomes,
  findReviews,
  insertReview,
  insertReviewOutcome,
  saveDomainPlan,
  updateReviewOutcome,
  updateReviewRow,
} from './review.repository.ts';
import { consensusSchema, openReviewSchema, planSchema, signOffSchema } from './review.schema.ts';

export function frameworkOf(review: Pick<Review, 'frameworkId'>): Framework {
  const framework = frameworkById(review.frameworkId);
  if (!framework) throw new NotFoundError(`The framework ${review.frameworkId} is no longer installed`);
  return framework;
}

export function createReviewService(deps: { db: Kysely<Database>; audit: AuditService; clock: () => Date }) {
  const { db, audit, clock } = deps;

  async function load(trx: Kysely<Database>, id: string): Promise<Review> {
    const review = await findReview(trx, id);
    if (!review) throw new NotFoundError('No such EDS review');
    return review;
  }

  /** Loads a review the user manages and that is still open, inside the caller's transaction. */
  async function loadForChange(trx: Kysely<Database>, user: EdsUser, id: string): Promise<Review> {
    const review = await load(trx, id);
    assertManages(user, review);
    assertOpen(review);
    return review;
  }

  async function change(
    user: EdsUser,
    id: string,
    action: string,
    summary: string,
    changes: Parameters<typeof updateReviewRow>[2],
  ) {
    return db.transaction().execute(async (trx) => {
      const review = await loadForChange(trx, user, id);
      await updateReviewRow(trx, id, changes, clock().toISOString());
      await audit.record(trx, user, {
        action,
        entityType: 'eds_review',
        entityId: id,
        summary: `${summary} (${review.yearLabel})`,
        after: changes,
      });
    });
  }

  return {
    list: () => findReviews(db),
    get: (id: string) => load(db, id),

    async detail(id: string) {
      const review = await load(db, id);
      const [plans, outcomes] = await Promise.all([findDomainPlans(db, id), findReviewOutcomes(db, id)]);
      return { review, framework: frameworkOf(review), plans, outcomes };
    },

    /** The latest earlier review of the same framework, for year-on-year comparison. */
    async previousOf(review: Review): Promise<Review | undefined> {
      return (await findReviews(db)).find(
        (r) =>
          r.frameworkId === review.frameworkId &&
          r.organisationId === review.organisationId &&
          r.yearLabel < review.yearLabel,
      );
    },

    async open(user: EdsUser, input: unknown): Promise<Review> {
      const data = parseInput(openReviewSchema, input);
      const framework = frameworkById(data.frameworkId)!;
      return db.transaction().execute(async (trx) => {
        const clash = (await findReviews(trx)).find(
          (r) =>
            r.frameworkId === data.frameworkId &&
            r.yearLabel === data.yearLabel &&
            r.organisationId === user.organisationId,
        );
        if (clash)
          throw new FormError([
            {
              field: 'yearLabel',
              message: `There is already a ${framework.name} review for ${data.yearLabel}`,
            },
          ]);
        const now = clock().toISOString();
        const review: Review = {
          id: randomUUID(),
          organisationId: user.organisationId,
          frameworkId: data.frameworkId,
          yearLabel: data.yearLabel,
          level: data.level,
          icsName: data.icsName,
          sponsorName: data.sponsorName,
          leadUserId: user.id,
          leadName: user.label,
          partnerOrganisations: data.partnerOrganisations,
          servicesReviewed: linesOf(data.servicesReviewed),
          status: 'open',
          gradesReleased: false,
          dateAuthorised: null,
          thirdPartyTradeUnion: '',
          thirdPartyPeerReviewers: '',
          publishedAt: null,
          closedAt: null,
          createdAt: now,
          updatedAt: now,
        };
        await insertReview(trx, review);
        for (const outcome of outcomesOf(framework)) await insertReviewOutcome(trx, review.id, outcome.code);
        await audit.record(trx, user, {
          action: 'eds_review.open',
          entityType: 'eds_review',
          entityId: review.id,
          summary: `Opened the ${framework.name} review for ${review.yearLabel}`,
          after: { frameworkId: review.frameworkId, yearLabel: review.yearLabel, level: review.level },
        });
        return review;
      });
    },

    async savePlan(user: EdsUser, id: string, input: unknown): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const review = await loadForChange(trx, user, id);
        const framework = frameworkOf(review);
        const data = parseInput(planSchema(framework), input) as Record<string, string | null>;
        for (const group of framework.groups) {
          const plan = {
            groupCode: group.code,
            stage: data[`stage-${group.code}`] ?? '',
            deadline: data[`deadline-${group.code}`] ?? null,
          };
          await saveDomainPlan(trx, id, plan);
          for (const outcome of group.outcomes) {
            await updateReviewOutcome(trx, id, outcome.code, { owner: data[`owner-${outcome.code}`] ?? '' });
          }
        }
        await audit.record(trx, user, {
          action: 'eds_review.plan',
          entityType: 'eds_review',
          entityId: id,
          summary: `Planned stages, deadlines and owners (${review.yearLabel})`,
          after: data,
        });
      });
    },

    async recordConsensus(user: EdsUser, id: string, outcomeCode: string, input: unknown): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const review = await loadForChange(trx, user, id);
        const framework = frameworkOf(review);
        if (!findOutcome(framework, outcomeCode)) throw new NotFoundError('No such outcome');
        const data = parseInput(consensusSchema(maximumScore(framework)), input);
        await updateReviewOutcome(trx, id, outcomeCode, {
          consensus_score: data.score,
          consensus_agreed_by: data.agreedBy,
          consensus_rationale: data.rationale,
          consensus_recorded_at: clock().toISOString(),
        });
        await audit.record(trx, user, {
          action: 'eds_review.consensus',
          entityType: 'eds_review',
          entityId: id,
          summary: `Recorded a consensus grade of ${data.score} for outcome ${outcomeCode} (${review.yearLabel})`,
          after: data,
        });
      });
    },

    async removeConsensus(user: EdsUser, id: string, outcomeCode: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const review = await loadForChange(trx, user, id);
        await updateReviewOutcome(trx, id, outcomeCode, {
          consensus_score: null,
          consensus_agreed_by: null,
          consensus_rationale: null,
          consensus_recorded_at: null,
        });
        await audit.record(trx, user, {
          action: 'eds_review.consensus_removed',
          entityType: 'eds_review',
          entityId: id,
          summary: `Removed the consensus grade for outcome ${outcomeCode} (${review.yearLabel})`,
        });
      });
    },

    releaseGrades: (user: EdsUser, id: string) =>
      change(user, id, 'eds_review.release', 'Released the grades to graders', { grades_released: 1 }),

    async signOff(user: EdsUser, id: string, input: unknown): Promise<void> {
      const data = parseInput(signOffSchema, input);
      await change(user, id, 'eds_review.sign_off', 'Recorded the sign-off', {
        date_authorised: data.dateAuthorised,
        third_party_trade_union: data.thirdPartyTradeUnion,
        third_party_peer_reviewers: data.thirdPartyPeerReviewers,
      });
    },

    close: (user: EdsUser, id: string) =>
      change(user, id, 'eds_review.close', 'Closed the review', {
        status: 'closed',
        closed_at: clock().toISOString(),
        grades_released: 1,
      }),

    /** Only administrators reopen a closed review; the route checks the permission, this the state. */
    async reopen(user: EdsUser, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const review = await load(trx, id);
        if (review.status !== 'closed') throw new ForbiddenError('Only a closed review can be reopened');
        await updateReviewRow(trx, id, { status: 'open', closed_at: null }, clock().toISOString());
        await audit.record(trx, user, {
          action: 'eds_review.reopen',
          entityType: 'eds_review',
          entityId: id,
          summary: `Reopened the closed review (${review.yearLabel})`,
          before: { status: 'closed' },
          after: { status: 'open' },
        });
      });
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
