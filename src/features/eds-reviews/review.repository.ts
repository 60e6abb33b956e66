import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database, EdsReviewTable } from '../../db/schema.ts';
import type { DomainPlan, Review, ReviewLevel, ReviewOutcome, ReviewStatus } from './review.ts';

function toReview(row: Selectable<EdsReviewTable>): Review {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    frameworkId: row.framework_id,
    yearLabel: row.year_label,
    level: row.level as ReviewLevel,
    icsName: row.ics_name,
    sponsorName: row.sponsor_name,
    leadUserId: row.lead_user_id,
    leadName: row.lead_name,
    partnerOrganisations: row.partner_organisations,
    servicesReviewed: row.services_reviewed ? (JSON.parse(row.services_reviewed) as string[]) : [],
    status: row.status as ReviewStatus,
    gradesReleased: Number(row.grades_released) === 1,
    dateAuthorised: row.date_authorised,
    thirdPartyTradeUnion: row.third_party_trade_union,
    thirdPartyPeerReviewers: row.third_party_peer_reviewers,
    publishedAt: row.published_at,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertReview(db: Kysely<Database>, review: Review): Promise<void> {
  await db
    .insertInto('eds_reviews')
    .values({
      id: review.id,
      organisation_id: review.organisationId,
      framework_id: review.frameworkId,
      year_label: review.yearLabel,
      level: review.level,
      ics_name: review.icsName,
      sponsor_name: review.sponsorName,
      lead_user_id: review.leadUserId,
      lead_name: review.leadName,
      partner_organisations: review.partnerOrganisations,
      services_reviewed: JSON.stringify(review.servicesReviewed),
      status: review.status,
      grades_released: review.gradesReleased ? 1 : 0,
      date_authorised: review.dateAuthorised,
      third_party_trade_union: review.thirdPartyTradeUnion,
      third_party_peer_reviewers: review.thirdPartyPeerReviewers,
      published_at: review.publishedAt,
      closed_at: review.closedAt,
      created_at: review.createdAt,
      updated_at: review.updatedAt,
    })
    .execute();
}

export async function updateReviewRow(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<EdsReviewTable>,
  at: string,
): Promise<void> {
  await db
    .updateTable('eds_reviews')
    .set({ ...changes, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function findReview(db: Kysely<Database>, id: string): Promise<Review | undefined> {
  const row = await db.selectFrom('eds_reviews').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toReview(row);
}

export async function findReviews(db: Kysely<Database>): Promise<Review[]> {
  const rows = await db
    .selectFrom('eds_reviews')
    .selectAll()
    .orderBy('year_label', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toReview);
}

export async function findPublishedJson(db: Kysely<Database>, id: string): Promise<string | null> {
  const row = await db
    .selectFrom('eds_reviews')
    .select('published_json')
    .where('id', '=', id)
    .where('published_at', 'is not', null)
    .executeTakeFirst();
  return row?.published_json ?? null;
}

export async function findDomainPlans(db: Kysely<Database>, reviewId: string): Promise<DomainPlan[]> {
  const rows = await db
    .selectFrom('eds_review_domains')
    .selectAll()
    .where('review_id', '=', reviewId)
    .execute();
  return rows.map((r) => ({ groupCode: r.group_code, stage: r.stage, deadline: r.deadline }));
}

export async function saveDomainPlan(
  db: Kysely<Database>,
  reviewId: string,
  plan: DomainPlan,
): Promise<void> {
  await db
    .deleteFrom('eds_review_domains')
    .where('review_id', '=', reviewId)
    .where('group_code', '=', plan.groupCode)
    .execute();
  await db
    .insertInto('eds_review_domains')
    .values({ review_id: reviewId, group_code: plan.groupCode, stage: plan.stage, deadline: plan.deadline })
    .execute();
}

export async function findReviewOutcomes(db: Kysely<Database>, reviewId: string): Promise<ReviewOutcome[]> {
  const rows = await db
    .selectFrom('eds_review_outcomes')
    .selectAll()
    .where('review_id', '=', reviewId)
    .execute();
  return rows.map((r) => ({
    outcomeCode: r.outcome_code,
    owner: r.owner,
    consensus:
      r.consensus_score === null
        ? null
        : {
            score: Number(r.consensus_score),
            agreedBy: r.consensus_agreed_by ?? '',
            rationale: r.consensus_rationale ?? '',
            recordedAt: r.consensus_recorded_at ?? '',
          },
  }));
}

export async function insertReviewOutcome(
  db: Kysely<Database>,
  reviewId: string,
  outcomeCode: string,
): Promise<void> {
  await db
    .insertInto('eds_review_outcomes')
    .values({ review_id: reviewId, outcome_code: outcomeCode, owner: '' })
    .execute();
}

export async function updateReviewOutcome(
  db: Kysely<Database>,
  reviewId: string,
  outcomeCode: string,
  changes: Partial<{
    owner: string;
    consensus_score: number | null;
    consensus_agreed_by: string | null;
    consensus_rationale: string | null;
    consensus_recorded_at: string | null;
  }>,
): Promise<void> {
  await db
    .updateTable('eds_review_outcomes')
    .set(changes)
    .where('review_id', '=', reviewId)
    .where('outcome_code', '=', outcomeCode)
    .execute();
}
