// Items (one institution login), their accounts and transactions, and the
// public tokens that stand for them until exchanged. Every read is scoped to
// one API client.
import type { Kysely, Selectable } from 'kysely';
import type { Account, Item, LinkedItem, Transaction } from '../../domain/model.js';
import { runStatement } from '../raw-statement.js';
import type { AccountsTable, Database, ItemsTable, TransactionsTable } from '../schema.js';

// Fixed texts for the reads every report generation makes (see raw-statement.ts).
const ITEMS_OF_USER = 'select * from items where client_id = ? and user_id = ? order by created_at, item_id';
const ACCOUNTS_OF_ITEM = 'select * from accounts where item_id = ? order by position';
const TRANSACTIONS_OF_ITEM = 'select * from transactions where item_id = ? order by position';

export interface ItemRecord extends Item {
  clientId: string;
  userId: string | null;
  accessToken: string;
  products: string[];
  webhook: string | null;
}

const cents = (v: number | string | null): number | null => (v === null ? null : Number(v));
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

function toAccount(row: Selectable<AccountsTable>): Account {
  return {
    accountId: row.account_id,
    itemId: row.item_id,
    name: row.name,
    officialName: row.official_name,
    mask: row.mask,
    type: row.type as Account['type'],
    subtype: row.subtype,
    currency: { isoCurrencyCode: row.iso_currency_code, unofficialCurrencyCode: row.unofficial_currency_code },
    currentCents: cents(row.current_cents),
    availableCents: cents(row.available_cents),
    limitCents: cents(row.limit_cents),
    owners: JSON.parse(row.owners),
    ownershipType: row.ownership_type as Account['ownershipType'],
    numbers: row.numbers === null ? null : JSON.parse(row.numbers),
    liability: row.liability === null ? null : JSON.parse(row.liability),
    investments: row.investments === null ? null : JSON.parse(row.investments),
  };
}

function toTransaction(row: Selectable<TransactionsTable>): Transaction {
  return {
    transactionId: row.transaction_id,
    accountId: row.account_id,
    amountCents: Number(row.amount_cents),
    currency: { isoCurrencyCode: row.iso_currency_code, unofficialCurrencyCode: row.unofficial_currency_code },
    originalDescription: row.original_description,
    datePosted: row.date_posted,
    dateTransacted: row.date_transacted,
    pending: row.pending === 1,
    enrichment: JSON.parse(row.enrichment),
  };
}

function toItem(row: Selectable<Database['items']>): ItemRecord {
  return {
    itemId: row.item_id,
    clientId: row.client_id,
    userId: row.user_id,
    institutionId: row.institution_id,
    institutionName: row.institution_name,
    accessToken: row.access_token,
    products: JSON.parse(row.products),
    webhook: row.webhook,
    createdAt: row.created_at,
    lastUpdatedAt: row.last_updated_at,
  };
}

/** SQLite limits bound parameters per statement; insert in chunks well under it. */
const ROWS_PER_INSERT = 50;

export function itemsRepository(db: Kysely<Database>) {
  return {
    /** Stores an Item with all its data. Call inside a transaction so nothing half-created remains. */
    async insertLinkedItem(record: ItemRecord, accounts: Account[], transactions: Transaction[], publicToken: { token: string; expiresAt: string }): Promise<void> {
      await db
        .insertInto('items')
        .values({
          item_id: record.itemId,
          client_id: record.clientId,
          user_id: record.userId,
          institution_id: record.institutionId,
          institution_name: record.institutionName,
          access_token: record.accessToken,
          products: JSON.stringify(record.products),
          webhook: record.webhook,
          created_at: record.createdAt,
          last_updated_at: record.lastUpdatedAt,
        })
        .execute();
      await db
        .insertInto('public_tokens')
        .values({ public_token: publicToken.token, client_id: record.clientId, item_id: record.itemId, expires_at: publicToken.expiresAt, used_at: null })
        .execute();
      const accountRows = accounts.map((a, position) => ({
        account_id: a.accountId,
        item_id: record.itemId,
        position,
        name: a.name,
        official_name: a.officialName,
        mask: a.mask,
        type: a.type,
        subtype: a.subtype,
        iso_currency_code: a.currency.isoCurrencyCode,
        unofficial_currency_code: a.currency.unofficialCurrencyCode,
        current_cents: a.currentCents,
        available_cents: a.availableCents,
        limit_cents: a.limitCents,
        ownership_type: a.ownershipType,
        owners: JSON.stringify(a.owners),
        numbers: json(a.numbers),
        liability: json(a.liability),
        investments: json(a.investments),
      }));
      for (let i = 0; i < accountRows.length; i += ROWS_PER_INSERT) {
        await db.insertInto('accounts').values(accountRows.slice(i, i + ROWS_PER_INSERT)).execute();
      }
      const transactionRows = transactions.map((t, position) => ({
        transaction_id: t.transactionId,
        item_id: record.itemId,
        account_id: t.accountId,
        position,
        amount_cents: t.amountCents,
        iso_currency_code: t.currency.isoCurrencyCode,
        unofficial_currency_code: t.currency.unofficialCurrencyCode,
        original_description: t.originalDescription,
        date_posted: t.datePosted,
        date_transacted: t.dateTransacted,
        pending: t.pending ? 1 : 0,
        enrichment: JSON.stringify(t.enrichment),
      }));
      for (let i = 0; i < transactionRows.length; i += ROWS_PER_INSERT) {
        await db.insertInto('transactions').values(transactionRows.slice(i, i + ROWS_PER_INSERT)).execute();
      }
    },

    async findPublicToken(clientId: string, token: string) {
      return db.selectFrom('public_tokens').selectAll().where('client_id', '=', clientId).where('public_token', '=', token).executeTakeFirst();
    },

    /** Marks a public token used; false when it was already used (single use, race-safe). */
    async usePublicToken(token: string, usedAt: string): Promise<boolean> {
      const result = await db.updateTable('public_tokens').set({ used_at: usedAt }).where('public_token', '=', token).where('used_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async findById(clientId: string, itemId: string): Promise<ItemRecord | null> {
      const row = await db.selectFrom('items').selectAll().where('client_id', '=', clientId).where('item_id', '=', itemId).executeTakeFirst();
      return row ? toItem(row) : null;
    },

    async findByAccessToken(clientId: string, accessToken: string): Promise<ItemRecord | null> {
      const row = await db.selectFrom('items').selectAll().where('client_id', '=', clientId).where('access_token', '=', accessToken).executeTakeFirst();
      return row ? toItem(row) : null;
    },

    async listForUser(clientId: string, userId: string): Promise<ItemRecord[]> {
      const rows = await runStatement<Selectable<ItemsTable>>(db, ITEMS_OF_USER, [clientId, userId]);
      return rows.map(toItem);
    },

    async accounts(itemId: string): Promise<Account[]> {
      const rows = await runStatement<Selectable<AccountsTable>>(db, ACCOUNTS_OF_ITEM, [itemId]);
      return rows.map(toAccount);
    },

    async transactions(itemId: string): Promise<Transaction[]> {
      const rows = await runStatement<Selectable<TransactionsTable>>(db, TRANSACTIONS_OF_ITEM, [itemId]);
      return rows.map(toTransaction);
    },

    /** Everything a report is computed from, for each of the user's Items. */
    async linkedItemsForUser(clientId: string, userId: string): Promise<LinkedItem[]> {
      const items = await this.listForUser(clientId, userId);
      const linked: LinkedItem[] = [];
      for (const item of items) {
        linked.push({
          item: { itemId: item.itemId, institutionId: item.institutionId, institutionName: item.institutionName, createdAt: item.createdAt, lastUpdatedAt: item.lastUpdatedAt },
          accounts: await this.accounts(item.itemId),
          transactions: await this.transactions(item.itemId),
        });
      }
      return linked;
    },

    async remove(clientId: string, itemId: string): Promise<boolean> {
      const result = await db.deleteFrom('items').where('client_id', '=', clientId).where('item_id', '=', itemId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
export type ItemsRepository = ReturnType<typeof itemsRepository>;
