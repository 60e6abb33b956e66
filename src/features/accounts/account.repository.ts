import type { Kysely, Selectable } from 'kysely';
import type { Database, UserTable } from '../../db/schema.ts';
import type { Role, User, UserStatus } from './account.ts';

type UserRow = Selectable<UserTable> & { organisation_name: string | null };

export interface UserRecord extends User {
  passwordHash: string | null;
  failedSignIns: number;
  lockedUntil: string | null;
}

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    role: row.role as Role,
    status: row.status as UserStatus,
    lastSignedInAt: row.last_signed_in_at,
    createdAt: row.created_at,
    passwordHash: row.password_hash,
    failedSignIns: Number(row.failed_sign_ins),
    lockedUntil: row.locked_until,
  };
}

function usersWithOrganisation(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .leftJoin('organisations', 'organisations.id', 'users.organisation_id')
    .selectAll('users')
    .select('organisations.name as organisation_name');
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRecord | undefined> {
  const row = await usersWithOrganisation(db).where('users.email', '=', email).executeTakeFirst();
  return row && toRecord(row);
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRecord | undefined> {
  const row = await usersWithOrganisation(db).where('users.id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export async function findUsers(db: Kysely<Database>): Promise<UserRecord[]> {
  const rows = await usersWithOrganisation(db).orderBy('users.name').execute();
  return rows.map(toRecord);
}

export async function insertUser(
  db: Kysely<Database>,
  user: {
    id: string;
    email: string;
    name: string;
    role: Role;
    status: UserStatus;
    organisationId: string | null;
    passwordHash: string | null;
  },
  at: string,
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      status: user.status,
      organisation_id: user.organisationId,
      password_hash: user.passwordHash,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export async function updateUserRow(
  db: Kysely<Database>,
  id: string,
  changes: Partial<{
    name: string;
    role: Role;
    status: UserStatus;
    organisation_id: string | null;
    password_hash: string;
    failed_sign_ins: number;
    locked_until: string | null;
    last_signed_in_at: string;
  }>,
  at: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...changes, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function insertOneTimeToken(
  db: Kysely<Database>,
  token: { id: string; tokenHash: string; purpose: string; userId: string; createdBy: string | null },
  at: string,
  expiresAt: string,
): Promise<void> {
  await db
    .insertInto('one_time_tokens')
    .values({
      id: token.id,
      token_hash: token.tokenHash,
      purpose: token.purpose,
      user_id: token.userId,
      created_by: token.createdBy,
      created_at: at,
      expires_at: expiresAt,
    })
    .execute();
}

/** A token that is unused and unexpired at `now`. */
export function findUsableToken(db: Kysely<Database>, tokenHash: string, purpose: string, now: string) {
  return db
    .selectFrom('one_time_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Marks a token used; false if another request used it first. */
export async function consumeToken(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('one_time_tokens')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Earlier unused tokens of the same purpose stop working when a new one is issued. */
export async function retireTokens(
  db: Kysely<Database>,
  userId: string,
  purpose: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('one_time_tokens')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}
