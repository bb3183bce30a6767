// Frozen in time: never import application code here.
//
// The webhook outbox (one row per webhook, written in the transaction of the
// state change that causes it), every delivery attempt, and the signing keys.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('webhooks')
    .addColumn('webhook_id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('report_id', 'text')
    .addColumn('url', 'text', (c) => c.notNull())
    // The exact bytes sent (JSON, 2-space indentation), so every attempt hashes the same.
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('webhook_type', 'text')
    .addColumn('webhook_code', 'text')
    // pending | delivered | failed
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempt_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('failed_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('webhooks_client_created').on('webhooks').columns(['client_id', 'created_at']).execute();
  await db.schema.createIndex('webhooks_client_user').on('webhooks').columns(['client_id', 'user_id', 'created_at']).execute();
  await db.schema.createIndex('webhooks_client_report').on('webhooks').columns(['client_id', 'report_id', 'created_at']).execute();

  await db.schema
    .createTable('webhook_attempts')
    .addColumn('webhook_id', 'text', (c) => c.notNull().references('webhooks.webhook_id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    // scheduled | manual
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('latency_ms', 'integer', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    // delivered | failed
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('response_body', 'text')
    .addPrimaryKeyConstraint('webhook_attempts_pk', ['webhook_id', 'attempt'])
    .execute();

  await db.schema
    .createTable('webhook_signing_keys')
    .addColumn('key_id', 'text', (c) => c.primaryKey())
    // JSON {kty, crv, x, y}
    .addColumn('public_jwk', 'text', (c) => c.notNull())
    // Sealed PKCS#8 (encrypted when OPENCHECK_WEBHOOK_KEY_SECRET is set); never served.
    .addColumn('private_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expired_at', 'text')
    // 1 for the key that signs, NULL for retired keys: the unique index admits
    // one 1 and any number of NULLs, on both dialects.
    .addColumn('is_current', 'integer', (c) => c.unique())
    .execute();
}
