import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { normaliseEmail } from '../accounts/account.ts';
import type { AccountService } from '../accounts/account.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { findOutcome, groupOf, maximumScore, outcomesOf } from '../eds-frameworks/framework.ts';
import type { EvidenceService } from '../eds-evidence/evidence.service.ts';
import { assertManages, assertOpen, type EdsUser, type Review } from '../eds-reviews/review.ts';
import { frameworkOf, type ReviewService } from '../eds-reviews/review.service.ts';
import type { Mailer } from '../mail/mail.service.ts';
import { FormError, ForbiddenError, NotFoundError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import { constituencyLabels, roleForNewGrader, type Grader } from './grader.ts';
import {
  findGrader,
  findGraderRoles,
  findGraders,
  findGrades,
  findGradesOfGrader,
  insertGrader,
  saveGradeRow,
  updateGraderRow,
} from './grading.repository.ts';
import { gradeSchema, inviteGraderSchema } from './grading.schema.ts';
import { reviewResults } from './results.ts';

export interface GradingDeps {
  db: Kysely<Database>;
  audit: AuditService;
  accounts: AccountService;
  reviews: ReviewService;
  evidence: EvidenceService;
  mailer: Mailer;
  clock: () => Date;
  baseUrl: string;
}

export function createGradingService(deps: GradingDeps) {
  const { db, audit, accounts, reviews, evidence, mailer, clock, baseUrl } = deps;

  async function graderOf(user: EdsUser, reviewId: string): Promise<{ review: Review; grader: Grader }> {
    const review = await reviews.get(reviewId);
    const grader = await findGrader(db, reviewId, user.id);
    if (!grader) throw new ForbiddenError('You have not been invited to grade this review');
    return { review, grader };
  }

  function assertInvitedTo(grader: Grader, outcomeCode: string): void {
    if (!grader.outcomeCodes.includes(outcomeCode))
      throw new ForbiddenError('You have not been asked to grade this outcome');
  }

  async function findOrInviteAccount(
    user: EdsUser,
    data: { name: string; email: string; constituency: Grader['constituency'] },
  ) {
    const email = normaliseEmail(data.email);
    const existing = (await accounts.list()).find((a) => a.email === email);
    if (existing?.status === 'disabled')
      throw new FormError([{ field: 'email', message: 'The account with this email address is disabled' }]);
    if (existing) return { account: existing, isNew: false };
    const role = roleForNewGrader(data.constituency);
    const account = await accounts.invite(user, { name: data.name, email, role });
    return { account, isNew: true };
  }

  async function notify(review: Review, to: string, name: string, isNew: boolean) {
    const framework = frameworkOf(review);
    const next = isNew
      ? 'You will get a separate email with a link to set your password. Once you have signed in, choose "Grade EDS outcomes".'
      : `To read the evidence and grade, sign in and go to:\n${baseUrl}/eds/grading/${review.id}`;
    await mailer.send({
      to,
      subject: `You are invited to grade the ${framework.name} review for ${review.yearLabel}`,
      text: [
        `Hello ${name},`,
        '',
        `${review.leadName} has asked you to help grade how well the trust is doing on equality, using the ${framework.name}.`,
        '',
        next,
      ].join('\n'),
    });
  }

  return {
    graders: (reviewId: string) => findGraders(db, reviewId),

    async invite(user: EdsUser, reviewId: string, input: unknown): Promise<Grader> {
      const data = parseInput(inviteGraderSchema, input);
      const review = await reviews.get(reviewId);
      assertManages(user, review);
      assertOpen(review);
      const framework = frameworkOf(review);
      if (data.outcomes.some((code) => !findOutcome(framework, code))) {
        throw new FormError([{ field: 'outcomes', message: 'Select outcomes from the list' }]);
      }
      const { account, isNew } = await findOrInviteAccount(user, data);
      const grader = await db.transaction().execute(async (trx) => {
        const existing = await findGrader(trx, reviewId, account.id);
        const outcomeCodes = [...new Set([...(existing?.outcomeCodes ?? []), ...data.outcomes])];
        if (existing)
          await updateGraderRow(trx, existing.id, { constituency: data.constituency, outcomeCodes });
        else
          await insertGrader(
            trx,
            { id: randomUUID(), reviewId, userId: account.id, constituency: data.constituency, outcomeCodes },
            clock().toISOString(),
          );
        await audit.record(trx, user, {
          action: 'eds_grader.invite',
          entityType: 'eds_review',
          entityId: reviewId,
          summary: `Invited ${account.name} (${constituencyLabels[data.constituency]}) to grade ${outcomeCodes.join(', ')}`,
          after: { userId: account.id, constituency: data.constituency, outcomeCodes },
        });
        return (await findGrader(trx, reviewId, account.id))!;
      });
      await notify(review, account.email, account.name, isNew);
      return grader;
    },

    /** The reviews a person has been asked to grade, with how many of their outcomes they have graded. */
    async assignments(user: EdsUser) {
      const roles = await findGraderRoles(db, user.id);
      return Promise.all(
        roles.map(async (grader) => {
          const review = await reviews.get(grader.reviewId);
          const graded = (await findGradesOfGrader(db, grader.id)).length;
          return { review, framework: frameworkOf(review), grader, graded };
        }),
      );
    },

    async portal(user: EdsUser, reviewId: string) {
      const { review, grader } = await graderOf(user, reviewId);
      const framework = frameworkOf(review);
      const grades = await findGradesOfGrader(db, grader.id);
      const outcomes = outcomesOf(framework)
        .filter((o) => grader.outcomeCodes.includes(o.code))
        .map((o) => ({
          ...o,
          groupName: groupOf(framework, o.code)!.name,
          grade: grades.find((g) => g.outcomeCode === o.code),
        }));
      return { review, framework, grader, outcomes };
    },

    /** One outcome as a grader sees it: the evidence, their grade, and others' grades once released. */
    async outcomeForGrader(user: EdsUser, reviewId: string, outcomeCode: string) {
      const { review, grader } = await graderOf(user, reviewId);
      assertInvitedTo(grader, outcomeCode);
      const framework = frameworkOf(review);
      const outcome = findOutcome(framework, outcomeCode);
      if (!outcome) throw new NotFoundError('No such outcome');
      const grade = (await findGradesOfGrader(db, grader.id)).find((g) => g.outcomeCode === outcomeCode);
      const results = review.gradesReleased
        ? (await this.results(reviewId)).outcomes.find((o) => o.code === outcomeCode)
        : undefined;
      return {
        review,
        framework,
        grader,
        outcome,
        grade,
        evidence: await evidence.list(reviewId, outcomeCode),
        released: results ?? null,
      };
    },

    async saveGrade(user: EdsUser, reviewId: string, outcomeCode: string, input: unknown): Promise<void> {
      const { review, grader } = await graderOf(user, reviewId);
      assertInvitedTo(grader, outcomeCode);
      assertOpen(review);
      const data = parseInput(gradeSchema(maximumScore(frameworkOf(review))), input);
      await db.transaction().execute(async (trx) => {
        const outcome = await saveGradeRow(
          trx,
          { id: randomUUID(), reviewId, graderId: grader.id, outcomeCode, ...data },
          clock().toISOString(),
        );
        await audit.record(trx, user, {
          action: outcome === 'created' ? 'eds_grade.create' : 'eds_grade.update',
          entityType: 'eds_review',
          entityId: reviewId,
          summary: `Graded outcome ${outcomeCode}: ${data.score}`,
          after: { outcomeCode, score: data.score, rationale: data.rationale },
        });
      });
    },

    /** Every grade, the spread, both views and the agreed grade per outcome, and the ratings. */
    async results(reviewId: string) {
      const { review, framework, outcomes } = await reviews.detail(reviewId);
      return reviewResults(review, framework, outcomes, await findGrades(db, reviewId));
    },
  };
}

export type GradingService = ReturnType<typeof createGradingService>;
