// Table types for Kysely. Both dialects store the same shapes: timestamps as
// ISO 8601 text, booleans as 0/1 integers, JSON documents as text, money as
// integer cents, so repositories never branch on the dialect for values.
import type { Generated } from 'kysely';

export interface ClientsTable {
  client_id: string;
  name: string;
  secret_salt: string;
  secret_hash: string;
  created_at: string;
}

export interface UsersTable {
  user_id: string;
  client_id: string;
  client_user_id: string;
  /** 'new' (usr_ ids) or 'legacy' (user_token + unprefixed id). */
  api: string;
  user_token: string | null;
  end_customer: string | null;
  /** JSON: the new API's `identity` object, as stored. */
  identity: string | null;
  /** JSON: the legacy `consumer_report_user_identity`, as stored. */
  consumer_report_user_identity: string | null;
  created_at: string;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface JobsTable {
  id: string;
  queue: string;
  payload: string;
  state: string;
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface Database {
  jobs: JobsTable;
  clients: ClientsTable;
  users: UsersTable;
  settings: SettingsTable;
}

export type { Generated };
