import { randomBytes } from 'node:crypto';
import { systemActor } from '../../features/audit/audit.ts';
import type { Services } from '../../services.ts';
import { CliError, type CliIO } from '../context.ts';

export interface UserCreateOptions {
  role?: string;
  email?: string;
  name?: string;
  organisation?: string;
  password?: string;
}

/** Creates an active account; without --password a strong one is generated and printed once. */
export async function userCreate(services: Services, io: CliIO, options: UserCreateOptions): Promise<void> {
  let organisationId: string | undefined;
  if (options.organisation) {
    const organisation = await services.organisations.findByName(options.organisation);
    if (!organisation) throw new CliError(`No organisation is called "${options.organisation}".`);
    organisationId = organisation.id;
  }
  const password = options.password ?? randomBytes(15).toString('base64url');
  const user = await services.accounts.create(systemActor, {
    role: options.role,
    email: options.email,
    name: options.name,
    organisationId,
    password,
  });
  io.out(`Created ${user.role} account for ${user.name} <${user.email}>.`);
  if (!options.password)
    io.out(`Password: ${password}  (shown once; ask them to change it with a reset link)`);
}
