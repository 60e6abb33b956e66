import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Decision, DutySection } from '../initiatives/initiative.ts';
import type { PublishedAdvice } from './advice.ts';

export async function insertDecision(
  db: Kysely<Database>,
  decision: Omit<Decision, 'id' | 'initiativeTitle' | 'createdAt'>,
  at: string,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('initiative_decisions')
    .values({
      id,
      initiative_id: decision.initiativeId,
      decided_on: decision.decidedOn,
      decision: decision.decision,
      duty_applies: decision.dutyApplies ? 1 : 0,
      duty_section: decision.dutySection,
      explanation: decision.explanation,
      recorded_by_label: decision.recordedByLabel,
      created_at: at,
    })
    .execute();
  return id;
}

/** The decision log, newest first; for one initiative when an id is given. */
export async function findDecisions(db: Kysely<Database>, initiativeId?: string): Promise<Decision[]> {
  let query = db
    .selectFrom('initiative_decisions as d')
    .innerJoin('initiatives as i', 'i.id', 'd.initiative_id')
    .selectAll('d')
    .select('i.title');
  if (initiativeId) query = query.where('d.initiative_id', '=', initiativeId);
  const rows = await query.orderBy('d.decided_on', 'desc').orderBy('d.created_at', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    initiativeId: r.initiative_id,
    initiativeTitle: r.title,
    decidedOn: r.decided_on,
    decision: r.decision,
    dutyApplies: Number(r.duty_applies) === 1,
    dutySection: r.duty_section as DutySection,
    explanation: r.explanation,
    recordedByLabel: r.recorded_by_label,
    createdAt: r.created_at,
  }));
}

/** What "you said, we did" shows: published initiatives, their advice and the service's response. */
export async function findPublishedAdvice(db: Kysely<Database>): Promise<PublishedAdvice[]> {
  const rows = await db
    .selectFrom('initiatives')
    .select([
      'id',
      'title',
      'service',
      'public_summary',
      'advice_summary',
      'response_changed',
      'response_unchanged',
      'decision_date',
      'published_at',
    ])
    .where('published', '=', 1)
    .where('public_summary', 'is not', null)
    .where('advice_summary', 'is not', null)
    .where('response_changed', 'is not', null)
    .orderBy('published_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    service: r.service,
    weAsked: r.public_summary ?? '',
    youSaid: r.advice_summary ?? '',
    weChanged: r.response_changed ?? '',
    weDidNotChange: r.response_unchanged,
    decisionDate: r.decision_date,
    publishedAt: r.published_at ?? '',
  }));
}
