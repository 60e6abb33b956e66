import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../audit/audit.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Mailer } from '../mail/mail.service.ts';
import { FormError, NotFoundError } from '../shared/errors.ts';
import { newSecretToken, hashToken } from '../shared/tokens.ts';
import { parseInput } from '../shared/validation.ts';
import { deleteSessionsOfUser } from '../sessions/session.repository.ts';
import { invitationDays, normaliseEmail, roleLabels, type User } from './account.ts';
import { createUserSchema, editUserSchema, inviteSchema } from './account.schema.ts';
import {
  findUserByEmail,
  findUserById,
  findUsers,
  insertOneTimeToken,
  insertUser,
  retireTokens,
  updateUserRow,
  type UserRecord,
} from './account.repository.ts';
import { hashPassword } from './password.ts';

export interface AccountDeps {
  db: Kysely<Database>;
  audit: AuditService;
  mailer: Mailer;
  clock: () => Date;
  baseUrl: string;
}

function publicUser(record: UserRecord): User {
  const { passwordHash: _p, failedSignIns: _f, lockedUntil: _l, ...user } = record;
  return user;
}

function auditView(user: Pick<User, 'email' | 'name' | 'role' | 'status' | 'organisationId'>) {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    organisationId: user.organisationId,
  };
}

export function createAccountService(deps: AccountDeps) {
  const { db, audit, mailer, clock, baseUrl } = deps;

  async function assertEmailFree(trx: Kysely<Database>, email: string): Promise<void> {
    if (await findUserByEmail(trx, email)) {
      throw new FormError([{ field: 'email', message: 'An account with this email address already exists' }]);
    }
  }

  return {
    list: async (): Promise<User[]> => (await findUsers(db)).map(publicUser),

    get: async (id: string): Promise<User> => {
      const user = await findUserById(db, id);
      if (!user) throw new NotFoundError('No such account');
      return publicUser(user);
    },

    /** An active account with a password, for the command line and the demo. */
    async create(actor: Actor, input: unknown): Promise<User> {
      const data = parseInput(createUserSchema, input);
      const passwordHash = await hashPassword(data.password);
      const email = normaliseEmail(data.email);
      return db.transaction().execute(async (trx) => {
        await assertEmailFree(trx, email);
        const id = randomUUID();
        const user = {
          id,
          email,
          name: data.name,
          role: data.role,
          status: 'active' as const,
          organisationId: data.organisationId,
        };
        await insertUser(trx, { ...user, passwordHash }, clock().toISOString());
        await audit.record(trx, actor, {
          action: 'user.create',
          entityType: 'user',
          entityId: id,
          summary: `Created the account of ${data.name} (${roleLabels[data.role]})`,
          after: auditView(user),
        });
        return publicUser((await findUserById(trx, id))!);
      });
    },

    /** Creates an invited account and e-mails a single-use link to set a password. */
    async invite(actor: Actor, input: unknown): Promise<User> {
      const data = parseInput(inviteSchema, input);
      const email = normaliseEmail(data.email);
      const token = newSecretToken();
      const now = clock();
      const user = await db.transaction().execute(async (trx) => {
        await assertEmailFree(trx, email);
        const id = randomUUID();
        const fields = {
          id,
          email,
          name: data.name,
          role: data.role,
          status: 'invited' as const,
          organisationId: data.organisationId,
        };
        await insertUser(trx, { ...fields, passwordHash: null }, now.toISOString());
        const expires = new Date(now.getTime() + invitationDays * 86_400_000).toISOString();
        await insertOneTimeToken(
          trx,
          {
            id: randomUUID(),
            tokenHash: hashToken(token),
            purpose: 'invite',
            userId: id,
            createdBy: actor.id,
          },
          now.toISOString(),
          expires,
        );
        await audit.record(trx, actor, {
          action: 'user.invite',
          entityType: 'user',
          entityId: id,
          summary: `Invited ${data.name} as ${roleLabels[data.role]}`,
          after: auditView(fields),
        });
        return publicUser((await findUserById(trx, id))!);
      });
      await mailer.send({
        to: email,
        subject: 'You are invited to Parity',
        text: [
          `Hello ${user.name},`,
          '',
          `${actor.label} has invited you to Parity, the health equality partnership's system, as ${roleLabels[user.role].toLowerCase()}.`,
          '',
          `To accept, set your password within ${invitationDays} days at:`,
          `${baseUrl}/invitations/${token}`,
          '',
          'If you were not expecting this, you can ignore this email.',
        ].join('\n'),
      });
      return user;
    },

    async update(actor: Actor, id: string, input: unknown): Promise<User> {
      const data = parseInput(editUserSchema, input);
      return db.transaction().execute(async (trx) => {
        const before = await findUserById(trx, id);
        if (!before) throw new NotFoundError('No such account');
        if (actor.id === id && (data.role !== before.role || data.status === 'disabled')) {
          throw new FormError([
            { field: 'role', message: 'You cannot change your own role or disable your own account' },
          ]);
        }
        const status = before.status === 'invited' && data.status === 'active' ? 'invited' : data.status;
        await updateUserRow(
          trx,
          id,
          { name: data.name, role: data.role, status, organisation_id: data.organisationId },
          clock().toISOString(),
        );
        if (status === 'disabled') {
          await deleteSessionsOfUser(trx, id);
          await retireTokens(trx, id, 'reset', clock().toISOString());
        }
        const after = (await findUserById(trx, id))!;
        await audit.record(trx, actor, {
          action: 'user.update',
          entityType: 'user',
          entityId: id,
          summary: `Changed the account of ${after.name}`,
          before: auditView(before),
          after: auditView(after),
        });
        return publicUser(after);
      });
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
