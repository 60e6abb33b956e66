import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database, InitiativeTable } from '../../db/schema.ts';
import type {
  AgendaLink,
  Answer,
  AnswerOption,
  Initiative,
  InitiativeDocument,
  Question,
} from './initiative.ts';

export function toInitiative(row: Selectable<InitiativeTable>): Initiative {
  return {
    id: row.id,
    title: row.title,
    service: row.service,
    summary: row.summary,
    leadUserId: row.lead_user_id,
    leadName: row.lead_name,
    decisionDate: row.decision_date,
    windowOpensOn: row.window_opens_on,
    windowClosesOn: row.window_closes_on,
    adviceSummary: row.advice_summary,
    adviceByLabel: row.advice_by_label,
    adviceAt: row.advice_at,
    responseChanged: row.response_changed,
    responseUnchanged: row.response_unchanged,
    responseByLabel: row.response_by_label,
    responseAt: row.response_at,
    publicSummary: row.public_summary,
    published: Number(row.published) === 1,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertInitiative(
  db: Kysely<Database>,
  row: Pick<
    InitiativeTable,
    'id' | 'title' | 'service' | 'summary' | 'lead_user_id' | 'lead_name' | 'decision_date'
  >,
  at: string,
): Promise<void> {
  await db
    .insertInto('initiatives')
    .values({ ...row, published: 0, created_at: at, updated_at: at })
    .execute();
}

export async function updateInitiative(
  db: Kysely<Database>,
  id: string,
  changes: Omit<Updateable<InitiativeTable>, 'id' | 'created_at' | 'updated_at'>,
  at: string,
): Promise<void> {
  await db
    .updateTable('initiatives')
    .set({ ...changes, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function findInitiative(db: Kysely<Database>, id: string): Promise<Initiative | undefined> {
  const row = await db.selectFrom('initiatives').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toInitiative(row);
}

export async function findInitiatives(db: Kysely<Database>): Promise<Initiative[]> {
  const rows = await db.selectFrom('initiatives').selectAll().orderBy('decision_date', 'desc').execute();
  return rows.map(toInitiative);
}

export async function findDocuments(
  db: Kysely<Database>,
  initiativeId: string,
): Promise<InitiativeDocument[]> {
  const rows = await db
    .selectFrom('initiative_documents')
    .select(['id', 'title', 'link_url'])
    .where('initiative_id', '=', initiativeId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, linkUrl: r.link_url }));
}

export async function insertDocument(
  db: Kysely<Database>,
  initiativeId: string,
  doc: { title: string; linkUrl: string },
  at: string,
): Promise<void> {
  await db
    .insertInto('initiative_documents')
    .values({
      id: randomUUID(),
      initiative_id: initiativeId,
      title: doc.title,
      link_url: doc.linkUrl,
      created_at: at,
    })
    .execute();
}

export async function findQuestions(db: Kysely<Database>, initiativeId: string): Promise<Question[]> {
  const rows = await db
    .selectFrom('initiative_questions')
    .select(['id', 'position', 'question'])
    .where('initiative_id', '=', initiativeId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ id: r.id, position: Number(r.position), question: r.question }));
}

export async function insertQuestions(
  db: Kysely<Database>,
  initiativeId: string,
  questions: string[],
  at: string,
): Promise<void> {
  if (!questions.length) return;
  const last = await db
    .selectFrom('initiative_questions')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('initiative_id', '=', initiativeId)
    .executeTakeFirst();
  const start = Number(last?.position ?? 0);
  await db
    .insertInto('initiative_questions')
    .values(
      questions.map((question, i) => ({
        id: randomUUID(),
        initiative_id: initiativeId,
        position: start + i + 1,
        question,
        created_at: at,
      })),
    )
    .execute();
}

export async function findAgendaLinks(db: Kysely<Database>, initiativeId: string): Promise<AgendaLink[]> {
  const rows = await db
    .selectFrom('meeting_agenda_items')
    .innerJoin('meetings', 'meetings.id', 'meeting_agenda_items.meeting_id')
    .select(['meetings.id', 'meetings.title', 'meetings.starts_at'])
    .where('meeting_agenda_items.target_type', '=', 'initiative')
    .where('meeting_agenda_items.target_id', '=', initiativeId)
    .orderBy('meetings.starts_at')
    .execute();
  return rows.map((r) => ({ meetingId: r.id, meetingTitle: r.title, startsAt: r.starts_at }));
}

export async function findAnswers(
  db: Kysely<Database>,
  initiativeId: string,
  organisationId?: string,
): Promise<Answer[]> {
  let query = db
    .selectFrom('initiative_answers')
    .innerJoin('organisations', 'organisations.id', 'initiative_answers.organisation_id')
    .select([
      'initiative_answers.question_id',
      'initiative_answers.organisation_id',
      'organisations.name',
      'initiative_answers.answer',
      'initiative_answers.comment',
      'initiative_answers.updated_at',
    ])
    .where('initiative_answers.initiative_id', '=', initiativeId);
  if (organisationId) query = query.where('initiative_answers.organisation_id', '=', organisationId);
  const rows = await query.orderBy('organisations.name').execute();
  return rows.map((r) => ({
    questionId: r.question_id,
    organisationId: r.organisation_id,
    organisationName: r.name,
    answer: r.answer as AnswerOption,
    comment: r.comment,
    updatedAt: r.updated_at,
  }));
}

/** One answer per organisation per question: a second answer replaces the first. */
export async function saveAnswer(
  db: Kysely<Database>,
  answer: {
    initiativeId: string;
    questionId: string;
    organisationId: string;
    userId: string;
    answer: AnswerOption;
    comment: string | null;
  },
  at: string,
): Promise<void> {
  const existing = await db
    .selectFrom('initiative_answers')
    .select('id')
    .where('question_id', '=', answer.questionId)
    .where('organisation_id', '=', answer.organisationId)
    .executeTakeFirst();
  const fields = {
    answered_by: answer.userId,
    answer: answer.answer,
    comment: answer.comment,
    updated_at: at,
  };
  if (existing) {
    await db.updateTable('initiative_answers').set(fields).where('id', '=', existing.id).execute();
    return;
  }
  await db
    .insertInto('initiative_answers')
    .values({
      id: randomUUID(),
      initiative_id: answer.initiativeId,
      question_id: answer.questionId,
      organisation_id: answer.organisationId,
      created_at: at,
      ...fields,
    })
    .execute();
}

export async function countAnsweringOrganisations(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('initiative_answers')
    .select(['initiative_id', (eb) => eb.fn.count<number>('organisation_id').distinct().as('total')])
    .groupBy('initiative_id')
    .execute();
  return new Map(rows.map((r) => [r.initiative_id, Number(r.total)]));
}

/** The name and role of a possible service lead (a staff or admin account). */
export async function findLead(
  db: Kysely<Database>,
  userId: string,
): Promise<{ name: string; role: string } | undefined> {
  return db.selectFrom('users').select(['name', 'role']).where('id', '=', userId).executeTakeFirst();
}
