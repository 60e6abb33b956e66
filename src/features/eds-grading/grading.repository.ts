import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { perspectiveOf, type Constituency, type Grade, type Grader, type GradeWithGrader } from './grader.ts';

function gradersQuery(db: Kysely<Database>) {
  return db
    .selectFrom('eds_graders')
    .innerJoin('users', 'users.id', 'eds_graders.user_id')
    .selectAll('eds_graders')
    .select(['users.name as name', 'users.email as email']);
}

type GraderRow = Awaited<ReturnType<ReturnType<typeof gradersQuery>['execute']>>[number];

function toGrader(row: GraderRow): Grader {
  return {
    id: row.id,
    reviewId: row.review_id,
    userId: row.user_id,
    name: row.name,
    email: row.email,
    constituency: row.constituency as Constituency,
    outcomeCodes: JSON.parse(row.outcome_codes) as string[],
  };
}

export async function findGraders(db: Kysely<Database>, reviewId: string): Promise<Grader[]> {
  const rows = await gradersQuery(db)
    .where('eds_graders.review_id', '=', reviewId)
    .orderBy('users.name')
    .execute();
  return rows.map(toGrader);
}

export async function findGrader(
  db: Kysely<Database>,
  reviewId: string,
  userId: string,
): Promise<Grader | undefined> {
  const row = await gradersQuery(db)
    .where('eds_graders.review_id', '=', reviewId)
    .where('eds_graders.user_id', '=', userId)
    .executeTakeFirst();
  return row && toGrader(row);
}

export async function findGraderRoles(db: Kysely<Database>, userId: string): Promise<Grader[]> {
  const rows = await gradersQuery(db).where('eds_graders.user_id', '=', userId).execute();
  return rows.map(toGrader);
}

export async function insertGrader(
  db: Kysely<Database>,
  grader: {
    id: string;
    reviewId: string;
    userId: string;
    constituency: Constituency;
    outcomeCodes: string[];
  },
  at: string,
): Promise<void> {
  await db
    .insertInto('eds_graders')
    .values({
      id: grader.id,
      review_id: grader.reviewId,
      user_id: grader.userId,
      constituency: grader.constituency,
      outcome_codes: JSON.stringify(grader.outcomeCodes),
      created_at: at,
    })
    .execute();
}

export async function updateGraderRow(
  db: Kysely<Database>,
  id: string,
  changes: { constituency: Constituency; outcomeCodes: string[] },
): Promise<void> {
  await db
    .updateTable('eds_graders')
    .set({ constituency: changes.constituency, outcome_codes: JSON.stringify(changes.outcomeCodes) })
    .where('id', '=', id)
    .execute();
}

export async function findGrades(db: Kysely<Database>, reviewId: string): Promise<GradeWithGrader[]> {
  const rows = await db
    .selectFrom('eds_grades')
    .innerJoin('eds_graders', 'eds_graders.id', 'eds_grades.grader_id')
    .innerJoin('users', 'users.id', 'eds_graders.user_id')
    .selectAll('eds_grades')
    .select(['users.name as grader_name', 'eds_graders.constituency as constituency'])
    .where('eds_grades.review_id', '=', reviewId)
    .orderBy('users.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reviewId: r.review_id,
    graderId: r.grader_id,
    outcomeCode: r.outcome_code,
    score: Number(r.score),
    rationale: r.rationale,
    updatedAt: r.updated_at,
    graderName: r.grader_name,
    constituency: r.constituency as Constituency,
    perspective: perspectiveOf(r.constituency as Constituency),
  }));
}

export async function findGradesOfGrader(db: Kysely<Database>, graderId: string): Promise<Grade[]> {
  const rows = await db.selectFrom('eds_grades').selectAll().where('grader_id', '=', graderId).execute();
  return rows.map((r) => ({
    id: r.id,
    reviewId: r.review_id,
    graderId: r.grader_id,
    outcomeCode: r.outcome_code,
    score: Number(r.score),
    rationale: r.rationale,
    updatedAt: r.updated_at,
  }));
}

/** One grade per grader and outcome: saving again replaces it. */
export async function saveGradeRow(
  db: Kysely<Database>,
  grade: {
    id: string;
    reviewId: string;
    graderId: string;
    outcomeCode: string;
    score: number;
    rationale: string;
  },
  at: string,
): Promise<'created' | 'updated'> {
  const updated = await db
    .updateTable('eds_grades')
    .set({ score: grade.score, rationale: grade.rationale, updated_at: at })
    .where('grader_id', '=', grade.graderId)
    .where('outcome_code', '=', grade.outcomeCode)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return 'updated';
  await db
    .insertInto('eds_grades')
    .values({
      id: grade.id,
      review_id: grade.reviewId,
      grader_id: grade.graderId,
      outcome_code: grade.outcomeCode,
      score: grade.score,
      rationale: grade.rationale,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return 'created';
}
