// What the sandbox hands back for a new Item: accounts with their
// transactions, before ids are assigned and enrichment applied (the caller
// does both when it stores them).

import { enrichTransaction } from '../domain/enrichment/index.js';
import type { Account, Transaction } from '../domain/model.js';

export type SandboxTransaction = Omit<Transaction, 'transactionId' | 'accountId' | 'enrichment'>;

export type SandboxAccount = Omit<Account, 'accountId' | 'itemId'> & {
  transactions: SandboxTransaction[];
};

export interface SandboxItemData {
  accounts: SandboxAccount[];
}

/**
 * An expected failure, carrying a Plaid error code the API can map:
 * `INVALID_FIELD` for a bad custom-user config, `INVALID_CREDENTIALS` for an
 * unknown login, `INVALID_INSTITUTION`, or the code a config's `force_error` asks for.
 */
export interface SandboxError {
  code: string;
  message: string;
}

export type SandboxResult<T> = { ok: true; data: T } | { ok: false; error: SandboxError };

export function fail(code: string, message: string): { ok: false; error: SandboxError } {
  return { ok: false, error: { code, message } };
}

/** Orders rows by the date they show under (posted, else transacted), keeping insertion order on ties. */
export function byDisplayDate(a: SandboxTransaction, b: SandboxTransaction): number {
  const da = a.datePosted ?? a.dateTransacted;
  const db = b.datePosted ?? b.dateTransacted;
  return da < db ? -1 : da > db ? 1 : 0;
}

/** How the caller names what it stores: the server draws random ids, tests derive them. */
export interface ItemRowIds {
  accountId(accountIndex: number): string;
  transactionId(accountIndex: number, transactionIndex: number): string;
}

/** The Item's accounts and transactions as they are stored: ids assigned, each transaction enriched. */
export function itemRows(data: SandboxItemData, itemId: string, ids: ItemRowIds): { accounts: Account[]; transactions: Transaction[] } {
  const accounts: Account[] = [];
  const transactions: Transaction[] = [];
  data.accounts.forEach((source, a) => {
    const { transactions: rows, ...fields } = source;
    const account: Account = { ...fields, accountId: ids.accountId(a), itemId };
    accounts.push(account);
    rows.forEach((row, t) => {
      transactions.push({
        ...row,
        transactionId: ids.transactionId(a, t),
        accountId: account.accountId,
        enrichment: enrichTransaction({
          description: row.originalDescription,
          amountCents: row.amountCents,
          accountType: account.type,
          accountSubtype: account.subtype,
        }),
      });
    });
  });
  return { accounts, transactions };
}
