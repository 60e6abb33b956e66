import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../audit/audit.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { SessionService } from '../sessions/session.service.ts';
import type { ActiveSession } from '../sessions/session.ts';
import { FormError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import { lockMinutes, maxFailedSignIns, normaliseEmail } from './account.ts';
import { signInSchema } from './account.schema.ts';
import { findUserByEmail, updateUserRow } from './account.repository.ts';
import { verifyPassword } from './password.ts';

const wrongDetails = 'Enter a correct email address and password';

export class AccountLockedError extends FormError {
  constructor(readonly lockedUntil: string) {
    super([
      {
        field: 'email',
        message:
          'This account is locked for a while after too many wrong passwords. Try again later or reset your password.',
      },
    ]);
  }
}

export function createSignInService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  sessions: SessionService;
  clock: () => Date;
}) {
  const { db, audit, sessions, clock } = deps;

  async function recordFailure(userId: string, failed: number): Promise<string | null> {
    const now = clock();
    const lockedUntil =
      failed >= maxFailedSignIns
        ? new Date(now.getTime() + lockMinutes(failed) * 60_000).toISOString()
        : null;
    await db.transaction().execute(async (trx) => {
      await updateUserRow(
        trx,
        userId,
        { failed_sign_ins: failed, locked_until: lockedUntil },
        now.toISOString(),
      );
      await audit.record(
        trx,
        { id: null, label: 'Public visitor' },
        {
          action: lockedUntil ? 'sign_in.locked' : 'sign_in.failed',
          entityType: 'user',
          entityId: userId,
          summary: lockedUntil ? `Account locked after ${failed} wrong passwords` : 'Wrong password',
        },
      );
    });
    return lockedUntil;
  }

  return {
    /** Checks the password and starts a session; returns the session token for the cookie. */
    async signIn(input: unknown): Promise<{ token: string; userId: string }> {
      const data = parseInput(signInSchema, input);
      const user = await findUserByEmail(db, normaliseEmail(data.email));
      const now = clock();
      if (user?.lockedUntil && user.lockedUntil > now.toISOString())
        throw new AccountLockedError(user.lockedUntil);
      const ok = await verifyPassword(user?.passwordHash ?? null, data.password);
      if (!user || !ok || user.status !== 'active') {
        if (user && !ok) {
          const lockedUntil = await recordFailure(user.id, user.failedSignIns + 1);
          if (lockedUntil) throw new AccountLockedError(lockedUntil);
        }
        throw new FormError([{ field: 'email', message: wrongDetails }]);
      }
      return db.transaction().execute(async (trx) => {
        await updateUserRow(
          trx,
          user.id,
          { failed_sign_ins: 0, locked_until: null, last_signed_in_at: now.toISOString() },
          now.toISOString(),
        );
        const token = await sessions.start(trx, user.id);
        await audit.record(
          trx,
          { id: user.id, label: user.name },
          {
            action: 'sign_in',
            entityType: 'user',
            entityId: user.id,
            summary: 'Signed in',
          },
        );
        return { token, userId: user.id };
      });
    },

    async signOut(session: ActiveSession): Promise<void> {
      const actor: Actor = { id: session.user.id, label: session.user.name };
      await db.transaction().execute(async (trx) => {
        await sessions.end(trx, session.id);
        await audit.record(trx, actor, {
          action: 'sign_out',
          entityType: 'user',
          entityId: session.user.id,
          summary: 'Signed out',
        });
      });
    },
  };
}

export type SignInService = ReturnType<typeof createSignInService>;
