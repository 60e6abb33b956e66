import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { withoutSecrets, type Actor, type AuditChange, type AuditFilter } from './audit.ts';
import { distinctAuditActions, findAuditEntries, insertAuditEntry } from './audit.repository.ts';

export interface AuditService {
  /** Writes one entry with the caller's transaction, so the change and its record stand or fall together. */
  record(trx: Kysely<Database>, actor: Actor, change: AuditChange): Promise<void>;
  list(filter: AuditFilter): ReturnType<typeof findAuditEntries>;
  actions(): Promise<string[]>;
}

export function createAuditService(db: Kysely<Database>, clock: () => Date): AuditService {
  return {
    record: (trx, actor, change) =>
      insertAuditEntry(
        trx,
        actor,
        { ...change, before: withoutSecrets(change.before), after: withoutSecrets(change.after) },
        clock().toISOString(),
      ),
    list: (filter) => findAuditEntries(db, filter),
    actions: () => distinctAuditActions(db),
  };
}
