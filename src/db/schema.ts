import type { Generated } from 'kysely';

/**
 * The application database. Identifiers are UUID text and times ISO-8601 text, so the same
 * migrations and queries run unchanged on SQLite and PostgreSQL. Flags are 0/1 integers.
 */
export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  sessions: SessionTable;
  one_time_tokens: OneTimeTokenTable;
  audit_log: AuditLogTable;
  settings: SettingTable;
}

export interface OrganisationTable {
  id: string;
  name: string;
  kind: string;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  organisation_id: string | null;
  role: string;
  status: string;
  password_hash: string | null;
  failed_sign_ins: Generated<number>;
  locked_until: string | null;
  last_signed_in_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_secret: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface OneTimeTokenTable {
  id: string;
  token_hash: string;
  purpose: string;
  user_id: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  before_json: string | null;
  after_json: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}
