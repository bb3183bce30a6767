// /sandbox/item/fire_webhook: sends one of Plaid's Item-level webhooks to the
// Item's webhook URL, through the same signed, durable delivery as every
// other webhook. (CHECK_REPORT webhooks cannot be fired this way, as in Plaid.)
import { isoNow, type OperationDeps } from './deps.js';
import { itemByAccessToken } from './items.js';
import { PlaidError, renderPlaidError } from './plaid-errors.js';
import { recordWebhook } from './webhooks.js';

/** The webhook type each code belongs to when the caller names none. */
const DEFAULT_TYPE: Record<string, string> = {
  DEFAULT_UPDATE: 'TRANSACTIONS',
  SYNC_UPDATES_AVAILABLE: 'TRANSACTIONS',
  RECURRING_TRANSACTIONS_UPDATE: 'TRANSACTIONS',
  NEW_ACCOUNTS_AVAILABLE: 'ITEM',
  PENDING_DISCONNECT: 'ITEM',
  USER_PERMISSION_REVOKED: 'ITEM',
  USER_ACCOUNT_REVOKED: 'ITEM',
  LOGIN_REPAIRED: 'ITEM',
  ERROR: 'ITEM',
  SMS_MICRODEPOSITS_VERIFICATION: 'AUTH',
  AUTHORIZATION_GRANTED: 'INCOME',
  PRODUCT_READY: 'INCOME',
};

function codeFields(code: string, now: string): Record<string, unknown> {
  switch (code) {
    case 'DEFAULT_UPDATE':
      return { new_transactions: 0, error: null };
    case 'SYNC_UPDATES_AVAILABLE':
      return { initial_update_complete: true, historical_update_complete: true };
    case 'PENDING_DISCONNECT':
      return { reason: 'INSTITUTION_TOKEN_EXPIRATION', consent_expiration_time: now };
    case 'ERROR':
      return { error: renderPlaidError(new PlaidError('ITEM_LOGIN_REQUIRED'), null) };
    default:
      return {};
  }
}

export async function fireSandboxItemWebhook(
  deps: OperationDeps,
  clientId: string,
  input: { accessToken: string; webhookCode: string; webhookType?: string },
): Promise<void> {
  const item = await itemByAccessToken(deps, clientId, input.accessToken);
  if (!item.webhook) {
    throw new PlaidError('SANDBOX_WEBHOOK_INVALID', 'the Item has no webhook URL; set options.webhook in /sandbox/public_token/create');
  }
  const body = {
    webhook_type: input.webhookType ?? DEFAULT_TYPE[input.webhookCode] ?? 'ITEM',
    webhook_code: input.webhookCode,
    item_id: item.itemId,
    ...codeFields(input.webhookCode, isoNow(deps.clock)),
    environment: 'sandbox',
  };
  await deps.store.db.transaction().execute((trx) =>
    recordWebhook(trx, deps, { clientId, userId: item.userId, reportId: null, url: item.webhook!, body }),
  );
  deps.jobs.notify();
}
