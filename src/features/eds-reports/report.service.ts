import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { EvidenceService } from '../eds-evidence/evidence.service.ts';
import type { GradingService } from '../eds-grading/grading.service.ts';
import type { ObjectiveService } from '../eds-reviews/objective.service.ts';
import { assertManages, type EdsUser, type Review } from '../eds-reviews/review.ts';
import { findPublishedJson, findReviews, updateReviewRow } from '../eds-reviews/review.repository.ts';
import type { ReviewService } from '../eds-reviews/review.service.ts';
import type { OrganisationService } from '../organisations/organisation.service.ts';
import { ForbiddenError, NotFoundError } from '../shared/errors.ts';
import type { ActionPlanService } from './action-plan.service.ts';
import { buildReport, type EdsReport } from './report.ts';

export interface ReportDeps {
  db: Kysely<Database>;
  audit: AuditService;
  clock: () => Date;
  reviews: ReviewService;
  grading: GradingService;
  evidence: EvidenceService;
  objectives: ObjectiveService;
  organisations: OrganisationService;
  actionPlan: ActionPlanService;
}

export function createReportService(deps: ReportDeps) {
  const { db, audit, clock, reviews, grading, evidence, objectives, organisations, actionPlan } = deps;

  async function build(review: Review): Promise<EdsReport> {
    const previousReview = await reviews.previousOf(review);
    const previousResults = previousReview && (await grading.results(previousReview.id));
    const organisation = review.organisationId ? await organisations.get(review.organisationId) : undefined;
    const results = await grading.results(review.id);
    return buildReport({
      // The review as given: publish() passes the publication time before it is stored.
      results: { ...results, review },
      evidence: await evidence.list(review.id),
      organisationName: organisation?.name ?? 'the organisation',
      previous: previousResults
        ? {
            yearLabel: previousReview.yearLabel,
            total: previousResults.rating.overall.total,
            band: previousResults.rating.overall.band,
          }
        : null,
      objectives: await objectives.list(review.organisationId),
      completedActions: await actionPlan.completedSince(previousReview),
      actionPlan: await actionPlan.plan(review),
    });
  }

  return {
    /** The report as it stands, for the people running the review. */
    async preview(user: EdsUser, reviewId: string): Promise<EdsReport> {
      const review = await reviews.get(reviewId);
      assertManages(user, review);
      return build(review);
    },

    /** Publishes a closed review: its report is kept as it is now and shown to the public. */
    async publish(user: EdsUser, reviewId: string): Promise<void> {
      const review = await reviews.get(reviewId);
      assertManages(user, review);
      if (review.status !== 'closed')
        throw new ForbiddenError('Close the review before publishing its report');
      const at = clock().toISOString();
      const report = await build({ ...review, publishedAt: at });
      await db.transaction().execute(async (trx) => {
        await updateReviewRow(
          trx,
          reviewId,
          { published_at: at, published_json: JSON.stringify(report) },
          at,
        );
        await audit.record(trx, user, {
          action: 'eds_review.publish',
          entityType: 'eds_review',
          entityId: reviewId,
          summary: `Published the EDS report for ${review.yearLabel}: ${report.overall.total} of ${report.overall.maximum}${report.overall.band ? `, ${report.overall.band}` : ''}`,
        });
      });
    },

    async published(reviewId: string): Promise<EdsReport> {
      const json = await findPublishedJson(db, reviewId);
      if (!json) throw new NotFoundError('No published report');
      return JSON.parse(json) as EdsReport;
    },

    /** Every published report, newest year first, for the public list. */
    async publishedList() {
      const published = (await findReviews(db)).filter((r) => r.publishedAt);
      return Promise.all(
        published.map(async (r) => ({
          review: r,
          report: JSON.parse((await findPublishedJson(db, r.id))!) as EdsReport,
        })),
      );
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
