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

export interface ItemsTable {
  item_id: string;
  client_id: string;
  user_id: string | null;
  institution_id: string;
  institution_name: string;
  access_token: string;
  /** JSON array of Plaid product names. */
  products: string;
  webhook: string | null;
  created_at: string;
  last_updated_at: string;
}

export interface PublicTokensTable {
  public_token: string;
  client_id: string;
  item_id: string;
  expires_at: string;
  used_at: string | null;
}

/** bigint columns come back from pg as strings; repositories convert. */
type Cents = number | string;

export interface AccountsTable {
  account_id: string;
  item_id: string;
  position: number;
  name: string;
  official_name: string | null;
  mask: string | null;
  type: string;
  subtype: string | null;
  iso_currency_code: string | null;
  unofficial_currency_code: string | null;
  current_cents: Cents | null;
  available_cents: Cents | null;
  limit_cents: Cents | null;
  ownership_type: string | null;
  owners: string;
  numbers: string | null;
  liability: string | null;
  investments: string | null;
}

export interface TransactionsTable {
  transaction_id: string;
  item_id: string;
  account_id: string;
  position: number;
  amount_cents: Cents;
  iso_currency_code: string | null;
  unofficial_currency_code: string | null;
  original_description: string;
  date_posted: string | null;
  date_transacted: string;
  pending: number;
  enrichment: string;
}

export interface Database {
  items: ItemsTable;
  public_tokens: PublicTokensTable;
  accounts: AccountsTable;
  transactions: TransactionsTable;
  jobs: JobsTable;
  clients: ClientsTable;
  users: UsersTable;
  settings: SettingsTable;
}

export type { Generated };
