import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../audit/audit.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { NotFoundError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import type { DirectoryEntry, DirectoryFilter, EngagementGuide } from './directory.ts';
import * as repo from './directory.repository.ts';
import { entrySchema, guideSchema } from './directory.schema.ts';

/*
 * The public directory of local and national organisations working with each group, and the
 * quick-reference guides on engaging each group. Anyone reads; staff change (routes guard it).
 */
export function createDirectoryService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: () => Date;
}) {
  const { db, audit, clock } = deps;
  const now = () => clock().toISOString();

  async function entry(id: string): Promise<DirectoryEntry> {
    const [found] = await repo.findEntries(db, { id });
    if (!found) throw new NotFoundError('No such organisation in the directory');
    return found;
  }

  async function guide(slug: string): Promise<EngagementGuide> {
    const found = await repo.findGuide(db, slug);
    if (!found) throw new NotFoundError('No such guide');
    return found;
  }

  return {
    search: (filter: DirectoryFilter = {}) => repo.findEntries(db, filter),
    get: entry,

    async create(actor: Actor, input: unknown): Promise<string> {
      const data = parseInput(entrySchema, input);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await repo.insertEntry(trx, id, data, now());
        await audit.record(trx, actor, {
          action: 'directory.create',
          entityType: 'directory_entry',
          entityId: id,
          summary: `Added ${data.name} to the directory`,
          after: data,
        });
      });
      return id;
    },

    async edit(actor: Actor, id: string, input: unknown): Promise<void> {
      const data = parseInput(entrySchema, input);
      const before = await entry(id);
      await db.transaction().execute(async (trx) => {
        await repo.updateEntry(trx, id, data, now());
        await audit.record(trx, actor, {
          action: 'directory.edit',
          entityType: 'directory_entry',
          entityId: id,
          summary: `Changed ${data.name} in the directory`,
          before,
          after: data,
        });
      });
    },

    guides: () => repo.findGuides(db),
    guide,

    async editGuide(actor: Actor, slug: string, input: unknown): Promise<void> {
      const data = parseInput(guideSchema, input);
      const before = await guide(slug);
      await db.transaction().execute(async (trx) => {
        await repo.updateGuide(trx, slug, { ...data, updatedByLabel: actor.label }, now());
        await audit.record(trx, actor, {
          action: 'guide.edit',
          entityType: 'engagement_guide',
          entityId: before.id,
          summary: `Changed the guide on engaging ${before.community}`,
          before: { summary: before.summary, body: before.body },
          after: data,
        });
      });
    },
  };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
