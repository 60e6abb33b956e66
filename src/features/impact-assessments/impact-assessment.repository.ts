import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type {
  AssessmentRecord,
  EvidenceType,
  GroupAssessment,
  GroupLink,
  Impact,
} from './impact-assessment.ts';

export async function findAssessment(
  db: Kysely<Database>,
  initiativeId: string,
): Promise<AssessmentRecord | undefined> {
  const row = await db
    .selectFrom('impact_assessments')
    .selectAll()
    .where('initiative_id', '=', initiativeId)
    .executeTakeFirst();
  return (
    row && {
      engagement: row.engagement,
      signedOffBy: row.signed_off_by,
      signedOffRole: row.signed_off_role,
      signedOffOn: row.signed_off_on,
      reviewDate: row.review_date,
    }
  );
}

export async function saveAssessment(
  db: Kysely<Database>,
  initiativeId: string,
  changes: Partial<{
    engagement: string | null;
    signed_off_by: string | null;
    signed_off_role: string | null;
    signed_off_on: string | null;
    review_date: string | null;
  }>,
  at: string,
): Promise<void> {
  const exists = await findAssessment(db, initiativeId);
  if (exists) {
    await db
      .updateTable('impact_assessments')
      .set({ ...changes, updated_at: at })
      .where('initiative_id', '=', initiativeId)
      .execute();
    return;
  }
  await db
    .insertInto('impact_assessments')
    .values({ initiative_id: initiativeId, ...changes, created_at: at, updated_at: at })
    .execute();
}

export async function findGroupAssessments(
  db: Kysely<Database>,
  initiativeId: string,
): Promise<GroupAssessment[]> {
  const rows = await db
    .selectFrom('impact_assessment_groups')
    .select(['group_key', 'impact', 'evidence', 'mitigation'])
    .where('initiative_id', '=', initiativeId)
    .execute();
  return rows.map((r) => ({
    groupKey: r.group_key,
    impact: r.impact as Impact,
    evidence: r.evidence,
    mitigation: r.mitigation,
  }));
}

export async function saveGroupAssessment(
  db: Kysely<Database>,
  initiativeId: string,
  assessment: GroupAssessment,
  at: string,
): Promise<void> {
  const fields = {
    impact: assessment.impact,
    evidence: assessment.evidence,
    mitigation: assessment.mitigation,
    updated_at: at,
  };
  const updated = await db
    .updateTable('impact_assessment_groups')
    .set(fields)
    .where('initiative_id', '=', initiativeId)
    .where('group_key', '=', assessment.groupKey)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await db
    .insertInto('impact_assessment_groups')
    .values({ id: randomUUID(), initiative_id: initiativeId, group_key: assessment.groupKey, ...fields })
    .execute();
}

/** Every link of an EHIA with the linked record's title (records since removed are left out). */
export async function findGroupLinks(db: Kysely<Database>, initiativeId: string): Promise<GroupLink[]> {
  const rows = await db
    .selectFrom('impact_assessment_links as l')
    .leftJoin('insight_items as i', (j) =>
      j.onRef('i.id', '=', 'l.target_id').on('l.target_type', '=', 'insight'),
    )
    .leftJoin('analytics_results as r', (j) =>
      j.onRef('r.id', '=', 'l.target_id').on('l.target_type', '=', 'analytics_result'),
    )
    .leftJoin('actions as a', (j) => j.onRef('a.id', '=', 'l.target_id').on('l.target_type', '=', 'action'))
    .select([
      'l.group_key',
      'l.target_type',
      'l.target_id',
      'i.title as insight',
      'r.title as result',
      'a.title as action',
    ])
    .where('l.initiative_id', '=', initiativeId)
    .orderBy('l.created_at')
    .execute();
  return rows
    .map((r) => ({
      groupKey: r.group_key,
      targetType: r.target_type as EvidenceType,
      targetId: r.target_id,
      title: r.insight ?? r.result ?? r.action ?? '',
    }))
    .filter((l) => l.title !== '');
}

export async function replaceEvidenceLinks(
  db: Kysely<Database>,
  initiativeId: string,
  groupKey: string,
  links: { targetType: 'insight' | 'analytics_result'; targetId: string }[],
  at: string,
): Promise<void> {
  await db
    .deleteFrom('impact_assessment_links')
    .where('initiative_id', '=', initiativeId)
    .where('group_key', '=', groupKey)
    .where('target_type', 'in', ['insight', 'analytics_result'])
    .execute();
  if (!links.length) return;
  await db
    .insertInto('impact_assessment_links')
    .values(links.map((l) => linkRow(initiativeId, groupKey, l.targetType, l.targetId, at)))
    .execute();
}

export async function insertActionLink(
  db: Kysely<Database>,
  initiativeId: string,
  groupKey: string,
  actionId: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('impact_assessment_links')
    .values(linkRow(initiativeId, groupKey, 'action', actionId, at))
    .execute();
}

function linkRow(
  initiativeId: string,
  groupKey: string,
  targetType: EvidenceType,
  targetId: string,
  at: string,
) {
  return {
    id: randomUUID(),
    initiative_id: initiativeId,
    group_key: groupKey,
    target_type: targetType,
    target_id: targetId,
    created_at: at,
  };
}

/** Initiatives with a negative impact that has neither a written mitigation nor an agreed action. */
export async function findFlaggedInitiativeIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('impact_assessment_groups as g')
    .select('g.initiative_id')
    .distinct()
    .where('g.impact', '=', 'negative')
    .where((eb) => eb.or([eb('g.mitigation', 'is', null), eb('g.mitigation', '=', '')]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('impact_assessment_links as l')
            .select(sql<number>`1`.as('one'))
            .whereRef('l.initiative_id', '=', 'g.initiative_id')
            .whereRef('l.group_key', '=', 'g.group_key')
            .where('l.target_type', '=', 'action'),
        ),
      ),
    )
    .execute();
  return rows.map((r) => r.initiative_id);
}

/** Evidence people can link: published analytics results and insight items about the same people. */
export async function findEvidenceChoices(db: Kysely<Database>, communities: string[]) {
  const results = await db
    .selectFrom('analytics_results')
    .select(['id', 'title'])
    .where('status', '=', 'published')
    .orderBy('title')
    .execute();
  let insight = db
    .selectFrom('insight_items')
    .select(['id', 'title', 'created_at'])
    .where('status', '!=', 'new')
    .orderBy('created_at', 'desc')
    .limit(30);
  if (communities.length) {
    insight = insight.where((eb) =>
      eb.exists(
        eb
          .selectFrom('insight_item_communities as c')
          .select('c.community')
          .whereRef('c.insight_id', '=', 'insight_items.id')
          .where('c.community', 'in', communities),
      ),
    );
  }
  return { results, insight: await insight.execute() };
}

/** Of the ids given, those naming a real insight item or a published analytics result. */
export async function findExistingTargets(
  db: Kysely<Database>,
  insightIds: string[],
  resultIds: string[],
): Promise<{ insightIds: string[]; resultIds: string[] }> {
  const [insight, results] = await Promise.all([
    insightIds.length
      ? db.selectFrom('insight_items').select('id').where('id', 'in', insightIds).execute()
      : [],
    resultIds.length
      ? db
          .selectFrom('analytics_results')
          .select('id')
          .where('id', 'in', resultIds)
          .where('status', '=', 'published')
          .execute()
      : [],
  ]);
  return { insightIds: insight.map((r) => r.id), resultIds: results.map((r) => r.id) };
}
