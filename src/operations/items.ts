// Linking Items in the Sandbox (brief §A.3): /sandbox/public_token/create makes
// the Item and its data at once, from a test persona or a custom-user config;
// the public token is exchanged for the Item's access token.
import { newAccessToken, newAccountId, newItemId, newPublicToken, newTransactionId } from '../identifiers.js';
import { findInstitution } from '../sandbox/institutions.js';
import { generateItemData, itemRows } from '../sandbox/index.js';
import { createRepositories } from '../store/repositories/index.js';
import type { ItemRecord } from '../store/repositories/items.js';
import type { UserRecord } from '../store/repositories/users.js';
import { isoNow, type OperationDeps } from './deps.js';
import { PlaidError, isPlaidErrorCode } from './plaid-errors.js';
import { resolveUser } from './users.js';

/** Plaid: a public token lives for 30 minutes and is single-use. */
const PUBLIC_TOKEN_TTL_MS = 30 * 60 * 1000;

export interface CreateSandboxItemInput {
  institutionId: string;
  initialProducts: string[];
  userId?: string | null;
  userToken?: string | null;
  webhook?: string | null;
  overrideUsername?: string | null;
  overridePassword?: string | null;
}

function sandboxFailure(code: string, message: string): PlaidError {
  if (code === 'NO_ACCOUNTS') return new PlaidError('ITEM_NO_ACCOUNTS', message);
  if (isPlaidErrorCode(code)) return new PlaidError(code, message);
  return new PlaidError('INVALID_FIELD', message);
}

export async function createSandboxItem(
  deps: OperationDeps,
  clientId: string,
  input: CreateSandboxItemInput,
): Promise<{ publicToken: string; itemId: string }> {
  const institution = findInstitution(input.institutionId);
  if (!institution) throw new PlaidError('INVALID_INSTITUTION');
  if (institution.health === 'down') throw new PlaidError('INSTITUTION_NOT_RESPONDING');
  if (institution.health === 'unsupported') throw new PlaidError('INSTITUTION_NO_LONGER_SUPPORTED');

  let user: UserRecord | null = null;
  if (input.userId != null || input.userToken != null) {
    user = await resolveUser(deps, clientId, { userId: input.userId, userToken: input.userToken });
  } else if (input.initialProducts.some((p) => p.startsWith('cra_'))) {
    throw new PlaidError('INVALID_FIELD', 'user_id or user_token is required when initial_products includes a Plaid Check (cra_*) product');
  }

  const createdAt = isoNow(deps.clock);
  const username = input.overrideUsername ?? 'user_good';
  const password = input.overridePassword ?? 'pass_good';
  const generated = generateItemData({
    username,
    password,
    institutionId: institution.institutionId,
    itemCreatedAt: createdAt,
    // Same user, bank and login ⇒ the same generated data (no seed in the config).
    fallbackSeed: `${user?.clientUserId ?? ''}|${institution.institutionId}|${username}`,
  });
  if (!generated.ok) throw sandboxFailure(generated.error.code, generated.error.message);

  const itemId = newItemId();
  const { accounts, transactions } = itemRows(generated.data, itemId, { accountId: newAccountId, transactionId: newTransactionId });
  const record: ItemRecord = {
    itemId,
    clientId,
    userId: user?.userId ?? null,
    institutionId: institution.institutionId,
    institutionName: institution.name,
    accessToken: newAccessToken(),
    products: [...new Set(input.initialProducts)],
    webhook: input.webhook ?? null,
    createdAt,
    lastUpdatedAt: createdAt,
  };
  const publicToken = newPublicToken();
  // One transaction: a failure leaves nothing half-created.
  await deps.store.db.transaction().execute(async (trx) => {
    await createRepositories(trx, deps.store.readCaches).items.insertLinkedItem(record, accounts, transactions, {
      token: publicToken,
      expiresAt: new Date(deps.clock.nowMs() + PUBLIC_TOKEN_TTL_MS).toISOString(),
    });
  });
  return { publicToken, itemId };
}

export async function exchangePublicToken(deps: OperationDeps, clientId: string, publicToken: string): Promise<ItemRecord> {
  const token = await deps.repos.items.findPublicToken(clientId, publicToken);
  const now = isoNow(deps.clock);
  if (!token || token.used_at !== null || token.expires_at <= now) throw new PlaidError('INVALID_PUBLIC_TOKEN');
  if (!(await deps.repos.items.usePublicToken(publicToken, now))) throw new PlaidError('INVALID_PUBLIC_TOKEN');
  const item = await deps.repos.items.findById(clientId, token.item_id);
  if (!item) throw new PlaidError('INVALID_PUBLIC_TOKEN');
  return item;
}

export async function itemByAccessToken(deps: OperationDeps, clientId: string, accessToken: string): Promise<ItemRecord> {
  const item = await deps.repos.items.findByAccessToken(clientId, accessToken);
  if (!item) throw new PlaidError('INVALID_ACCESS_TOKEN');
  return item;
}

export async function accountsOfItem(deps: OperationDeps, clientId: string, accessToken: string, accountIds: string[] | null) {
  const item = await itemByAccessToken(deps, clientId, accessToken);
  const accounts = await deps.repos.items.accounts(item.itemId);
  if (accountIds) {
    const known = new Set(accounts.map((a) => a.accountId));
    const unknown = accountIds.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new PlaidError('INVALID_FIELD', `options.account_ids contains unknown account ids: ${unknown.join(', ')}`);
    return { item, accounts: accounts.filter((a) => accountIds.includes(a.accountId)) };
  }
  return { item, accounts };
}

export async function removeItem(deps: OperationDeps, clientId: string, accessToken: string): Promise<void> {
  const item = await itemByAccessToken(deps, clientId, accessToken);
  await deps.repos.items.remove(clientId, item.itemId);
}

export async function itemsOfUser(deps: OperationDeps, clientId: string, ref: { userId?: string | null; userToken?: string | null }) {
  const user = await resolveUser(deps, clientId, ref);
  return deps.repos.items.listForUser(clientId, user.userId);
}
