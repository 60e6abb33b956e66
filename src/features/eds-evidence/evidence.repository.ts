import type { Kysely, Selectable } from 'kysely';
import type { Database, EdsEvidenceTable } from '../../db/schema.ts';
import type { Evidence, EvidenceSource } from './evidence.ts';

export type EvidenceRow = Selectable<EdsEvidenceTable>;

export function toEvidence(row: EvidenceRow): Evidence {
  return {
    id: row.id,
    reviewId: row.review_id,
    outcomeCode: row.outcome_code,
    title: row.title,
    summary: row.summary,
    linkUrl: row.link_url,
    file: row.file_key
      ? { name: row.file_name ?? 'file', type: row.file_type ?? '', size: Number(row.file_size) }
      : null,
    providedBy: row.provided_by,
    source: row.source as EvidenceSource,
    createdAt: row.created_at,
  };
}

export async function insertEvidence(db: Kysely<Database>, row: EvidenceRow): Promise<void> {
  await db.insertInto('eds_evidence').values(row).execute();
}

export async function findEvidenceRow(db: Kysely<Database>, id: string): Promise<EvidenceRow | undefined> {
  return db.selectFrom('eds_evidence').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findEvidence(
  db: Kysely<Database>,
  reviewId: string,
  outcomeCode?: string,
): Promise<Evidence[]> {
  let query = db.selectFrom('eds_evidence').selectAll().where('review_id', '=', reviewId);
  if (outcomeCode) query = query.where('outcome_code', '=', outcomeCode);
  const rows = await query.orderBy('outcome_code').orderBy('created_at').orderBy('id').execute();
  return rows.map(toEvidence);
}

export async function deleteEvidenceRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('eds_evidence').where('id', '=', id).execute();
}
