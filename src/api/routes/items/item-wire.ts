// Domain Items and accounts in Plaid's wire shapes (Item, AccountBase).
import type { Account } from '../../../domain/model.js';
import { fromCents } from '../../../domain/money.js';
import type { ItemRecord } from '../../../store/repositories/items.js';

const amount = (cents: number | null) => (cents === null ? null : fromCents(cents));

export function itemWire(item: ItemRecord) {
  return {
    item_id: item.itemId,
    institution_id: item.institutionId,
    institution_name: item.institutionName,
    webhook: item.webhook,
    auth_method: null,
    error: null,
    available_products: [],
    billed_products: item.products,
    products: item.products,
    consented_products: item.products,
    consent_expiration_time: null,
    update_type: 'background',
  };
}

export function accountWire(account: Account, lastUpdated: string) {
  return {
    account_id: account.accountId,
    balances: {
      available: amount(account.availableCents),
      current: amount(account.currentCents),
      limit: amount(account.limitCents),
      iso_currency_code: account.currency.isoCurrencyCode,
      unofficial_currency_code: account.currency.unofficialCurrencyCode,
      last_updated_datetime: lastUpdated,
    },
    mask: account.mask,
    name: account.name,
    official_name: account.officialName,
    type: account.type,
    subtype: account.subtype,
  };
}
