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

export interface ReportsTable {
  report_id: string;
  client_id: string;
  user_id: string;
  state: string;
  created_at: string;
  sequence: number | string;
  generated_at: string | null;
  expires_at: string | null;
  request: string;
  base_report: string | null;
  successful_products: string | null;
  failed_products: string | null;
  failure_code: string | null;
  failure_message: string | null;
}

export interface ReportProductsTable {
  report_id: string;
  product: string;
  state: string;
  body: string | null;
  failure_code: string | null;
  failure_message: string | null;
  generated_at: string;
}

export interface AccessLogTable {
  id: string;
  client_id: string;
  user_id: string;
  report_id: string | null;
  operation: string;
  permissible_purpose: string | null;
  request_id: string;
  at: string;
}

export interface BillingEventsTable {
  id: string;
  client_id: string;
  user_id: string;
  report_id: string;
  product: string;
  at: string;
}

export interface WebhooksTable {
  webhook_id: string;
  client_id: string;
  user_id: string | null;
  report_id: string | null;
  url: string;
  /** The exact bytes sent: JSON with 2-space indentation. */
  body: string;
  webhook_type: string | null;
  webhook_code: string | null;
  /** 'pending' | 'delivered' | 'failed'. */
  state: string;
  attempt_count: number;
  created_at: string;
  next_attempt_at: string | null;
  delivered_at: string | null;
  failed_at: string | null;
  last_error: string | null;
}

export interface WebhookAttemptsTable {
  webhook_id: string;
  attempt: number;
  /** 'scheduled' | 'manual'. */
  trigger: string;
  key_id: string | null;
  started_at: string;
  latency_ms: number;
  status_code: number | null;
  /** 'delivered' | 'failed'. */
  outcome: string;
  error: string | null;
  response_body: string | null;
}

export interface WebhookSigningKeysTable {
  key_id: string;
  /** JSON {kty, crv, x, y}. */
  public_jwk: string;
  /** Sealed PKCS#8; never served. */
  private_key: string;
  created_at: string;
  expired_at: string | null;
  /** 1 for the signing key, null for retired keys. */
  is_current: number | null;
}

export interface Database {
  reports: ReportsTable;
  report_products: ReportProductsTable;
  access_log: AccessLogTable;
  billing_events: BillingEventsTable;
  items: ItemsTable;
  public_tokens: PublicTokensTable;
  accounts: AccountsTable;
  transactions: TransactionsTable;
  jobs: JobsTable;
  clients: ClientsTable;
  users: UsersTable;
  settings: SettingsTable;
  webhooks: WebhooksTable;
  webhook_attempts: WebhookAttemptsTable;
  webhook_signing_keys: WebhookSigningKeysTable;
}

export type { Generated };
