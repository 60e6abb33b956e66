import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Mailer } from '../mail/mail.service.ts';
import { deleteSessionsOfUser } from '../sessions/session.repository.ts';
import { FormError } from '../shared/errors.ts';
import { hashToken, newSecretToken } from '../shared/tokens.ts';
import { parseInput } from '../shared/validation.ts';
import { normaliseEmail, resetMinutes, type User } from './account.ts';
import { resetRequestSchema, setPasswordSchema } from './account.schema.ts';
import {
  consumeToken,
  findUsableToken,
  findUserByEmail,
  findUserById,
  insertOneTimeToken,
  retireTokens,
  updateUserRow,
} from './account.repository.ts';
import { hashPassword } from './password.ts';

export type TokenPurpose = 'invite' | 'reset';

const expiredLink =
  'This link has expired or has already been used. Ask for a new one from the sign-in page or from your administrator.';

/** Password resets by e-mailed single-use link, and accepting an invitation by setting a password. */
export function createCredentialsService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  mailer: Mailer;
  clock: () => Date;
  baseUrl: string;
}) {
  const { db, audit, mailer, clock, baseUrl } = deps;

  return {
    /** Always behaves the same whether or not the address has an account, so it reveals nothing. */
    async requestReset(input: unknown): Promise<void> {
      const data = parseInput(resetRequestSchema, input);
      const user = await findUserByEmail(db, normaliseEmail(data.email));
      if (!user || user.status !== 'active') return;
      const token = newSecretToken();
      const now = clock();
      await db.transaction().execute(async (trx) => {
        await retireTokens(trx, user.id, 'reset', now.toISOString());
        await insertOneTimeToken(
          trx,
          {
            id: randomUUID(),
            tokenHash: hashToken(token),
            purpose: 'reset',
            userId: user.id,
            createdBy: null,
          },
          now.toISOString(),
          new Date(now.getTime() + resetMinutes * 60_000).toISOString(),
        );
        await audit.record(
          trx,
          { id: null, label: 'Public visitor' },
          {
            action: 'password_reset.request',
            entityType: 'user',
            entityId: user.id,
            summary: 'Password reset link sent',
          },
        );
      });
      await mailer.send({
        to: user.email,
        subject: 'Reset your Parity password',
        text: [
          `Hello ${user.name},`,
          '',
          `Someone asked to reset the password of your Parity account. The link works once, for ${resetMinutes} minutes:`,
          `${baseUrl}/password-reset/${token}`,
          '',
          'If it was not you, ignore this email: your password has not changed.',
        ].join('\n'),
      });
    },

    /** The person a valid link belongs to, or null if it is unknown, used or expired. */
    async userForLink(purpose: TokenPurpose, token: string): Promise<User | null> {
      const row = await findUsableToken(db, hashToken(token), purpose, clock().toISOString());
      if (!row) return null;
      const user = await findUserById(db, row.user_id);
      if (!user || user.status === 'disabled') return null;
      return user;
    },

    /** Sets the password from a link; an invitation also activates the account. Ends other sessions. */
    async setPassword(purpose: TokenPurpose, token: string, input: unknown): Promise<User> {
      const data = parseInput(setPasswordSchema, input);
      const passwordHash = await hashPassword(data.password);
      const now = clock().toISOString();
      return db.transaction().execute(async (trx) => {
        const row = await findUsableToken(trx, hashToken(token), purpose, now);
        const user = row && (await findUserById(trx, row.user_id));
        if (!row || !user || user.status === 'disabled' || !(await consumeToken(trx, row.id, now))) {
          throw new FormError([{ field: 'password', message: expiredLink }]);
        }
        await updateUserRow(
          trx,
          user.id,
          { password_hash: passwordHash, failed_sign_ins: 0, locked_until: null, status: 'active' },
          now,
        );
        await deleteSessionsOfUser(trx, user.id);
        await audit.record(
          trx,
          { id: user.id, label: user.name },
          {
            action: purpose === 'invite' ? 'user.accept_invitation' : 'password_reset.complete',
            entityType: 'user',
            entityId: user.id,
            summary:
              purpose === 'invite' ? 'Accepted the invitation and set a password' : 'Reset the password',
            before: { status: user.status },
            after: { status: 'active' },
          },
        );
        return { ...user, status: 'active' };
      });
    },
  };
}

export type CredentialsService = ReturnType<typeof createCredentialsService>;
