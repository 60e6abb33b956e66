// One change to one record: load it (a missing record is "not found"), write, and record the audit
// entry, all in one transaction. Services that change records of one kind build theirs from this.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { Actor } from './audit.ts';
import type { AuditService } from './audit.service.ts';

export type AuditedChange<T> = (
  actor: Actor,
  id: string,
  action: string,
  /** Writes the change and returns the audit summary. */
  write: (trx: Kysely<Database>, record: T) => Promise<string>,
) => Promise<void>;

export function auditedChange<T>(
  deps: { db: Kysely<Database>; audit: AuditService },
  entity: {
    type: string;
    find: (trx: Kysely<Database>, id: string) => Promise<T | undefined>;
    missing: string;
  },
): AuditedChange<T> {
  return async (actor, id, action, write) => {
    await deps.db.transaction().execute(async (trx) => {
      const record = await entity.find(trx, id);
      if (!record) throw new NotFoundError(entity.missing);
      const summary = await write(trx, record);
      await deps.audit.record(trx, actor, { action, entityType: entity.type, entityId: id, summary });
    });
  };
}
