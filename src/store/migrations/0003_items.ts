// Frozen in time: never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('items')
    .addColumn('item_id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.client_id'))
    .addColumn('user_id', 'text', (c) => c.references('users.user_id').onDelete('cascade'))
    .addColumn('institution_id', 'text', (c) => c.notNull())
    .addColumn('institution_name', 'text', (c) => c.notNull())
    .addColumn('access_token', 'text', (c) => c.notNull().unique())
    .addColumn('products', 'text', (c) => c.notNull())
    .addColumn('webhook', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('items_user').on('items').columns(['client_id', 'user_id']).execute();

  await db.schema
    .createTable('public_tokens')
    .addColumn('public_token', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.item_id').onDelete('cascade'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.item_id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('official_name', 'text')
    .addColumn('mask', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subtype', 'text')
    .addColumn('iso_currency_code', 'text')
    .addColumn('unofficial_currency_code', 'text')
    .addColumn('current_cents', 'bigint')
    .addColumn('available_cents', 'bigint')
    .addColumn('limit_cents', 'bigint')
    .addColumn('ownership_type', 'text')
    .addColumn('owners', 'text', (c) => c.notNull())
    .addColumn('numbers', 'text')
    .addColumn('liability', 'text')
    .addColumn('investments', 'text')
    .execute();
  await db.schema.createIndex('accounts_item').on('accounts').columns(['item_id', 'position']).execute();

  await db.schema
    .createTable('transactions')
    .addColumn('transaction_id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.item_id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('iso_currency_code', 'text')
    .addColumn('unofficial_currency_code', 'text')
    .addColumn('original_description', 'text', (c) => c.notNull())
    .addColumn('date_posted', 'text')
    .addColumn('date_transacted', 'text', (c) => c.notNull())
    .addColumn('pending', 'integer', (c) => c.notNull())
    // The enrichment (names, categories, channel) as JSON: always read whole.
    .addColumn('enrichment', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('transactions_item').on('transactions').columns(['item_id', 'position']).execute();
}
