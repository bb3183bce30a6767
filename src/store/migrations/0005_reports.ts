// Frozen in time: never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('report_id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.user_id').onDelete('cascade'))
    // pending | ready | failed
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Orders reports created in the same millisecond.
    .addColumn('sequence', 'bigint', (c) => c.notNull())
    .addColumn('generated_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('request', 'text', (c) => c.notNull())
    // The served body ({"report":…,"warnings":[…]}) as JSON text, built once.
    .addColumn('base_report', 'text')
    .addColumn('successful_products', 'text')
    .addColumn('failed_products', 'text')
    .addColumn('failure_code', 'text')
    .addColumn('failure_message', 'text')
    .execute();
  await db.schema.createIndex('reports_latest').on('reports').columns(['client_id', 'user_id', 'sequence']).execute();

  await db.schema
    .createTable('report_products')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.report_id').onDelete('cascade'))
    .addColumn('product', 'text', (c) => c.notNull())
    // ready | failed
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('failure_code', 'text')
    .addColumn('failure_message', 'text')
    .addColumn('generated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_products_pk', ['report_id', 'product'])
    .execute();

  // FCRA audit trail: who asked for which user's report, why, and when.
  await db.schema
    .createTable('access_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text')
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('permissible_purpose', 'text')
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('access_log_client').on('access_log').columns(['client_id', 'at']).execute();

  await db.schema
    .createTable('billing_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('billing_events_client').on('billing_events').columns(['client_id', 'at']).execute();
  await db.schema.createIndex('billing_events_once').on('billing_events').columns(['report_id', 'product']).unique().execute();
}
