import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { findUserById } from '../accounts/account.repository.ts';
import { hashToken, newSecretToken } from '../shared/tokens.ts';
import {
  sessionAbsoluteHours,
  sessionIdleMinutes,
  sessionTouchSeconds,
  type ActiveSession,
} from './session.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  findSession,
  insertSession,
  touchSession,
} from './session.repository.ts';

/** Server-side sessions: the cookie holds a random token; the database holds only its hash. */
export function createSessionService(db: Kysely<Database>, clock: () => Date) {
  return {
    /** Starts a session inside the caller's transaction; returns the token for the cookie. */
    async start(trx: Kysely<Database>, userId: string): Promise<string> {
      const token = newSecretToken();
      const now = clock();
      await insertSession(trx, {
        id: hashToken(token),
        userId,
        csrfSecret: newSecretToken(),
        at: now.toISOString(),
        expiresAt: new Date(now.getTime() + sessionAbsoluteHours * 3_600_000).toISOString(),
      });
      return token;
    },

    /** The session and its user, if the token is valid, unexpired, and the account still active. */
    async resolve(token: string): Promise<ActiveSession | null> {
      const id = hashToken(token);
      const session = await findSession(db, id);
      if (!session) return null;
      const now = clock();
      const idleLimit = new Date(session.last_seen_at).getTime() + sessionIdleMinutes * 60_000;
      if (session.expires_at <= now.toISOString() || idleLimit <= now.getTime()) {
        await deleteSession(db, id);
        return null;
      }
      const user = await findUserById(db, session.user_id);
      if (!user || user.status !== 'active') return null;
      if (now.getTime() - new Date(session.last_seen_at).getTime() > sessionTouchSeconds * 1000) {
        await touchSession(db, id, now.toISOString());
      }
      const { passwordHash: _p, failedSignIns: _f, lockedUntil: _l, ...publicUser } = user;
      return { id, csrfSecret: session.csrf_secret, user: publicUser };
    },

    end: (trx: Kysely<Database>, sessionId: string) => deleteSession(trx, sessionId),

    purgeExpired: () => deleteExpiredSessions(db, clock().toISOString()),
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
