import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../audit/audit.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Organisation, OrganisationKind, OrganisationProfile } from './organisation.ts';
import {
  findMemberDirectory,
  findOrganisation,
  findOrganisationByName,
  findOrganisations,
  findProfile,
  insertOrganisation,
} from './organisation.repository.ts';

export type DirectoryEntry = Awaited<ReturnType<typeof findMemberDirectory>>[number];

export interface OrganisationService {
  create(actor: Actor, input: { name: string; kind: OrganisationKind }): Promise<Organisation>;
  list(): Promise<Organisation[]>;
  get(id: string): Promise<Organisation | undefined>;
  findByName(name: string): Promise<Organisation | undefined>;
  /** The partnership's view: contact, communities, representatives. */
  profile(id: string): Promise<OrganisationProfile | undefined>;
  /** Member organisations (never the trust); `listedOnly` for the public list. */
  directory(options: { listedOnly: boolean }): Promise<DirectoryEntry[]>;
}

export function createOrganisationService(
  db: Kysely<Database>,
  audit: AuditService,
  clock: () => Date,
): OrganisationService {
  return {
    create: (actor, input) =>
      db.transaction().execute(async (trx) => {
        const organisation = { id: randomUUID(), name: input.name.trim(), kind: input.kind };
        await insertOrganisation(trx, organisation, clock().toISOString());
        await audit.record(trx, actor, {
          action: 'organisation.create',
          entityType: 'organisation',
          entityId: organisation.id,
          summary: `Added organisation ${organisation.name}`,
          after: organisation,
        });
        return organisation;
      }),
    list: () => findOrganisations(db),
    get: (id) => findOrganisation(db, id),
    findByName: (name) => findOrganisationByName(db, name),
    profile: (id) => findProfile(db, id),
    directory: (options) => findMemberDirectory(db, options),
  };
}
