// Custom Sandbox users: the JSON config a tester passes as `override_password`
// turned into accounts and transactions.
//
// Balance rule (Plaid says only that `starting_balance` is what the account
// "starts with"): `starting_balance` is the balance before any of the
// account's rows, so
//   depository, investment, payroll, other: current = starting − Σ posted amounts
//   credit, loan (balance owed):            current = starting + Σ posted amounts
// (Plaid sign: a negative amount is money in.) Pending rows do not count.
// Without `starting_balance`: $10,000 for accounts that hold money, the
// liability's `principal` (else 0) for loans, 0 for credit.
// Available: `force_available_balance`, or null with `has_null_available_balance`;
// otherwise current for accounts that hold money, limit − current for credit
// (null without a limit), null for loans.

import type { Currency, IsoDate, IsoDateTime } from '../domain/model.js';
import { dateOfInstant } from './calendar.js';
import { defaultAccountName, isOwedBalance } from './custom-user/account-kinds.js';
import { parseCustomUserConfig } from './custom-user/config.js';
import type { AccountOverride, CustomUserConfig } from './custom-user/config.js';
import { inflowModelRows } from './custom-user/inflow-model.js';
import { itemNames, ownersOf } from './custom-user/owners.js';
import { byDisplayDate, fail } from './item-data.js';
import type { SandboxAccount, SandboxItemData, SandboxResult, SandboxTransaction } from './item-data.js';
import { generateAccountRows, generateRandomItem } from './random-item.js';

export { parseCustomUserConfig } from './custom-user/config.js';
export type { CustomUserConfig, AccountOverride, TransactionOverride } from './custom-user/config.js';

export const DEFAULT_STARTING_BALANCE_CENTS = 1_000_000;

export interface CustomUserRequest {
  /** The raw `override_password` JSON. */
  config: string;
  itemCreatedAt: IsoDateTime;
  /** Seeds random data when the config has no `seed` (Plaid would differ per call; opencheck stays deterministic). */
  fallbackSeed: string;
}

export function generateCustomUserItem(request: CustomUserRequest): SandboxResult<SandboxItemData> {
  const parsed = parseCustomUserConfig(request.config);
  if (!parsed.ok) return parsed;
  return buildCustomUserItem(parsed.data, request);
}

export function buildCustomUserItem(
  config: CustomUserConfig,
  { itemCreatedAt, fallbackSeed }: { itemCreatedAt: IsoDateTime; fallbackSeed: string },
): SandboxResult<SandboxItemData> {
  if (config.forceError) {
    return fail(config.forceError, `the custom user config forces ${config.forceError} at Item creation`);
  }
  const creationDate = dateOfInstant(itemCreatedAt);
  const seed = config.seed ?? fallbackSeed;
  if (config.accounts.length === 0) {
    return { ok: true, data: { accounts: generateRandomItem(seed, creationDate) } };
  }
  const names = itemNames(config.accounts.map((a) => a.identity));
  const accounts = config.accounts.map((override, index) =>
    buildAccount(override, { creationDate, names, seed: config.seed === null ? null : `${seed}/override_accounts[${index}]` }),
  );
  return { ok: true, data: { accounts } };
}

function defaultOpeningCents(o: AccountOverride): number {
  if (o.type === 'credit') return 0;
  if (o.type === 'loan') return o.liability?.principalCents ?? 0;
  return DEFAULT_STARTING_BALANCE_CENTS;
}

function buildAccount(
  o: AccountOverride,
  ctx: { creationDate: IsoDate; names: string[] | null; seed: string | null },
): SandboxAccount {
  const currency: Currency = { isoCurrencyCode: o.currency ?? 'USD', unofficialCurrencyCode: null };
  const openingCents = o.startingBalanceCents ?? defaultOpeningCents(o);

  const configRows: SandboxTransaction[] = o.transactions.map((t) => {
    // Explicit dates are absolute: kept as written, pending only while the posting date is still ahead.
    const pending = t.datePosted > ctx.creationDate;
    return {
      amountCents: t.amountCents,
      currency,
      originalDescription: t.description,
      datePosted: pending ? null : t.datePosted,
      dateTransacted: t.dateTransacted,
      pending,
    };
  });
  const seededRows =
    ctx.seed !== null && configRows.length === 0
      ? generateAccountRows(ctx.seed, { type: o.type, subtype: o.subtype, openingCents }, ctx.creationDate).map((r) => ({ ...r, currency }))
      : [];
  const modelRows = o.inflowModel
    ? inflowModelRows(o.inflowModel, {
        accountType: o.type,
        subtype: o.subtype,
        openingCents,
        liability: o.liability,
        creationDate: ctx.creationDate,
        configRows: [...configRows, ...seededRows],
        currency,
      })
    : [];
  const transactions = [...configRows, ...seededRows, ...modelRows].sort(byDisplayDate);

  const postedSum = transactions.reduce((sum, t) => (t.pending ? sum : sum + t.amountCents), 0);
  const owed = isOwedBalance(o.type);
  const currentCents = owed ? openingCents + postedSum : openingCents - postedSum;
  const limitCents = o.meta.limitCents;
  const availableCents = o.hasNullAvailableBalance
    ? null
    : o.forceAvailableBalanceCents !== null
      ? o.forceAvailableBalanceCents
      : o.type === 'credit'
        ? limitCents === null ? null : limitCents - currentCents
        : owed ? null : currentCents;

  const defaults = defaultAccountName(o.subtype, o.type);
  const accountNumber = o.numbers?.account ?? null;
  const { owners, ownershipType } = ownersOf(o.identity, ctx.names);
  const investments =
    o.holdings.length > 0 || o.investmentTransactions.length > 0
      ? { holdings: o.holdings, investment_transactions: o.investmentTransactions }
      : null;

  return {
    name: o.meta.name ?? defaults.name,
    officialName: o.meta.officialName ?? (o.meta.name === null ? defaults.officialName : null),
    mask: o.meta.mask ?? (accountNumber === null ? null : accountNumber.slice(-4)),
    type: o.type,
    subtype: o.subtype,
    currency,
    currentCents,
    availableCents,
    limitCents,
    owners,
    ownershipType,
    numbers: o.numbers,
    liability: o.liability?.wire ?? null,
    investments,
    transactions,
  };
}
