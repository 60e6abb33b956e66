import type { User } from '../accounts/account.ts';

/** Signed out after this long without a request. */
export const sessionIdleMinutes = 120;
/** Signed out this long after signing in, whatever happens. */
export const sessionAbsoluteHours = 12;
/** last_seen_at is written at most this often, to keep reads cheap. */
export const sessionTouchSeconds = 60;

export interface ActiveSession {
  id: string;
  csrfSecret: string;
  user: User;
}
