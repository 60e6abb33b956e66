import { randomUUID } from 'node:crypto';
import type { Role, User } from '../src/features/accounts/account.ts';
import { systemActor } from '../src/features/audit/audit.ts';
import type { Services } from '../src/services.ts';

export const testPassword = 'correct horse battery staple';

/** An active account with a known password and a unique email address. */
export async function makeUser(
  services: Services,
  role: Role,
  fields: Partial<{ name: string; organisationId: string }> = {},
): Promise<User> {
  return services.accounts.create(systemActor, {
    name: fields.name ?? `Test ${role} ${randomUUID().slice(0, 6)}`,
    email: `${role}-${randomUUID()}@example.org`,
    role,
    organisationId: fields.organisationId,
    password: testPassword,
  });
}
