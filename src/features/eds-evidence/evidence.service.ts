import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { findOutcome, groupOf } from '../eds-frameworks/framework.ts';
import { findGrader } from '../eds-grading/grading.repository.ts';
import { assertManages, assertOpen, type EdsUser, type Review } from '../eds-reviews/review.ts';
import { frameworkOf, type ReviewService } from '../eds-reviews/review.service.ts';
import { FormError, ForbiddenError, NotFoundError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import type { Evidence, EvidenceSource, Upload } from './evidence.ts';
import {
  deleteEvidenceRow,
  findEvidence,
  findEvidenceRow,
  insertEvidence,
  toEvidence,
} from './evidence.repository.ts';
import { evidenceSchema } from './evidence.schema.ts';
import { checkUpload } from './file-type.ts';

export interface EvidenceDeps {
  db: Kysely<Database>;
  audit: AuditService;
  clock: () => Date;
  reviews: ReviewService;
  /** Uploaded files are kept here under random names. */
  uploadDir: string;
}

export function createEvidenceService(deps: EvidenceDeps) {
  const { db, audit, clock, reviews, uploadDir } = deps;

  async function reviewToChange(user: EdsUser, reviewId: string, outcomeCode: string): Promise<Review> {
    const review = await reviews.get(reviewId);
    assertManages(user, review);
    assertOpen(review);
    if (!findOutcome(frameworkOf(review), outcomeCode)) throw new NotFoundError('No such outcome');
    return review;
  }

  /** Staff who manage the review see all its evidence; a grader sees the evidence of outcomes they grade. */
  async function assertCanSee(user: EdsUser, review: Review, outcomeCode: string): Promise<void> {
    if (user.role === 'admin' || user.role === 'staff') {
      try {
        assertManages(user, review);
        return;
      } catch {
        // Staff of another organisation may still be invited as graders.
      }
    }
    const grader = await findGrader(db, review.id, user.id);
    if (!grader?.outcomeCodes.includes(outcomeCode)) throw new ForbiddenError('You cannot see this evidence');
  }

  async function store(upload: Upload): Promise<{ key: string; name: string; type: string; size: number }> {
    if (upload.tooLarge)
      throw new FormError([{ field: 'file', message: 'The selected file must be smaller than 10 MB' }]);
    const checked = checkUpload(upload.data, upload.filename);
    if (!checked.ok) throw new FormError([{ field: 'file', message: checked.message }]);
    await mkdir(uploadDir, { recursive: true });
    const key = randomUUID();
    await writeFile(path.join(uploadDir, key), upload.data, { mode: 0o600 });
    const name = path
      .basename(upload.filename)
      .replace(/[^\w .()-]/g, '_')
      .slice(0, 200);
    return { key, name, type: checked.kind.mime, size: upload.data.length };
  }

  async function record(
    user: EdsUser,
    review: Review,
    evidence: Parameters<typeof insertEvidence>[1],
  ): Promise<Evidence> {
    return db.transaction().execute(async (trx) => {
      await insertEvidence(trx, evidence);
      await audit.record(trx, user, {
        action: 'eds_evidence.add',
        entityType: 'eds_review',
        entityId: review.id,
        summary: `Added evidence “${evidence.title}” to outcome ${evidence.outcome_code}`,
        after: {
          title: evidence.title,
          source: evidence.source,
          link: evidence.link_url,
          file: evidence.file_name,
        },
      });
      return toEvidence(evidence);
    });
  }

  function row(user: EdsUser, reviewId: string, outcomeCode: string, source: EvidenceSource) {
    return {
      id: randomUUID(),
      review_id: reviewId,
      outcome_code: outcomeCode,
      source,
      created_by: user.id,
      created_at: clock().toISOString(),
      link_url: null,
      file_key: null,
      file_name: null,
      file_type: null,
      file_size: null,
    };
  }

  return {
    list: (reviewId: string, outcomeCode?: string) => findEvidence(db, reviewId, outcomeCode),

    /** Adds a link or an uploaded file (PDF, DOCX, XLSX, CSV or an image, checked by content). */
    async add(
      user: EdsUser,
      reviewId: string,
      outcomeCode: string,
      input: unknown,
      upload: Upload | null,
    ): Promise<Evidence> {
      const data = parseInput(evidenceSchema, input);
      const review = await reviewToChange(user, reviewId, outcomeCode);
      if (!upload && !data.linkUrl) {
        throw new FormError([{ field: 'linkUrl', message: 'Enter a link or choose a file to upload' }]);
      }
      const file = upload ? await store(upload) : null;
      const evidence = {
        ...row(user, reviewId, outcomeCode, file ? 'upload' : 'link'),
        title: data.title,
        summary: data.summary,
        provided_by: data.providedBy,
        link_url: data.linkUrl,
        file_key: file?.key ?? null,
        file_name: file?.name ?? null,
        file_type: file?.type ?? null,
        file_size: file?.size ?? null,
      };
      try {
        return await record(user, review, evidence);
      } catch (error) {
        if (file) await rm(path.join(uploadDir, file.key), { force: true });
        throw error;
      }
    },

    /** Links a year's workforce equality figures (WRES/WDES) as evidence for a workforce outcome. */
    async addWorkforce(
      user: EdsUser,
      reviewId: string,
      outcomeCode: string,
      year: number,
    ): Promise<Evidence> {
      const review = await reviewToChange(user, reviewId, outcomeCode);
      if (!groupOf(frameworkOf(review), outcomeCode)?.workforceEvidence) {
        throw new FormError([
          {
            field: 'outcomeCode',
            message: 'Workforce figures are evidence for the workforce and leadership outcomes only',
          },
        ]);
      }
      return record(user, review, {
        ...row(user, reviewId, outcomeCode, 'workforce'),
        title: `Workforce Race and Disability Equality Standards, ${year}`,
        summary: `WRES indicators 1–9 and WDES metrics 1–10 for the year to 31 March ${year}, with the trend from earlier years.`,
        provided_by: 'Workforce equality figures in Parity',
        link_url: `/eds/workforce/${year}`,
      });
    },

    async remove(user: EdsUser, evidenceId: string): Promise<void> {
      const existing = await findEvidenceRow(db, evidenceId);
      if (!existing) throw new NotFoundError('No such evidence');
      const review = await reviewToChange(user, existing.review_id, existing.outcome_code);
      await db.transaction().execute(async (trx) => {
        await deleteEvidenceRow(trx, evidenceId);
        await audit.record(trx, user, {
          action: 'eds_evidence.remove',
          entityType: 'eds_review',
          entityId: review.id,
          summary: `Removed evidence “${existing.title}” from outcome ${existing.outcome_code}`,
        });
      });
      if (existing.file_key) await rm(path.join(uploadDir, existing.file_key), { force: true });
    },

    /** Where an uploaded file is, for someone allowed to see it. */
    async file(user: EdsUser, evidenceId: string): Promise<{ path: string; name: string; type: string }> {
      const existing = await findEvidenceRow(db, evidenceId);
      if (!existing?.file_key) throw new NotFoundError('No such file');
      await assertCanSee(user, await reviews.get(existing.review_id), existing.outcome_code);
      return {
        path: path.join(uploadDir, existing.file_key),
        name: existing.file_name ?? 'evidence',
        type: existing.file_type ?? 'application/octet-stream',
      };
    },
  };
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;
