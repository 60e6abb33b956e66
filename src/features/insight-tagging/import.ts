import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../audit/audit.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { InsightViewer } from '../insights/insight.ts';
import type { InsightService } from '../insights/insight.service.ts';
import { FormError } from '../shared/errors.ts';
import { parseImport, type ImportProblem, type ImportRow } from './import-csv.ts';

export interface ImportReport {
  id: string;
  fileName: string;
  read: number;
  imported: number;
  problems: ImportProblem[];
}

interface ImportDeps {
  db: Kysely<Database>;
  audit: AuditService;
  insights: InsightService;
  clock: () => Date;
  suggest: (actor: Actor, insightId: string, text: string) => Promise<number>;
}

async function importRow(deps: ImportDeps, viewer: InsightViewer, row: ImportRow): Promise<string> {
  return deps.insights.submit(viewer, {
    title: row.title,
    description: row.description,
    service: row.service,
    place: row.place,
    communities: row.communities,
    peopleAffected: 'unknown',
    evidence: row.evidence,
    wantsReply: 'no',
  });
}

/**
 * Each valid row becomes an insight item (through the insight service, so it is validated and
 * audited like any submission) and is tagged at once; rows with problems are reported, not imported.
 */
export async function importFile(
  deps: ImportDeps,
  viewer: InsightViewer,
  file: { name: string; text: string },
): Promise<ImportReport> {
  const { rows, problems, read } = parseImport(file.text, file.name);
  const id = randomUUID();
  const actor = { id: viewer.id, label: viewer.name };
  const created: string[] = [];
  for (const row of rows) {
    try {
      const insightId = await importRow(deps, viewer, row);
      created.push(insightId);
      await deps.suggest(actor, insightId, `${row.title}. ${row.description}`);
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      problems.push(...error.errors.map((e) => ({ row: row.row, column: e.field, message: e.message })));
    }
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('insight_imports')
      .values({
        id,
        file_name: file.name,
        rows_read: read,
        rows_imported: created.length,
        problems_json: JSON.stringify(problems),
        imported_by: viewer.id,
        imported_by_label: viewer.name,
        created_at: deps.clock().toISOString(),
      })
      .execute();
    if (created.length) {
      await trx
        .insertInto('insight_import_items')
        .values(created.map((insight_id) => ({ import_id: id, insight_id })))
        .execute();
    }
    await deps.audit.record(trx, actor, {
      action: 'insight.import',
      entityType: 'insight_import',
      entityId: id,
      summary: `Imported ${created.length} of ${read} comments from ${file.name}`,
      after: { read, imported: created.length, problems: problems.length },
    });
  });
  return { id, fileName: file.name, read, imported: created.length, problems };
}
