// The custom-user configuration (Plaid's `UserCustomPassword` schema), read
// from the JSON a tester passes as `override_password`. Parsing validates the
// whole schema up front and returns plain camelCase values; building accounts
// from them is `custom-user.ts`'s job.

import type { AccountNumbers, AccountType, IsoDate } from '../../domain/model.js';
import { fail } from '../item-data.js';
import type { SandboxResult } from '../item-data.js';
import { ACCOUNT_SUBTYPES, OVERRIDE_ACCOUNT_TYPES, defaultSubtype, typeOfSubtype } from './account-kinds.js';
import { ConfigProblem, ObjectReader, isJsonObject, keepObject, stripNulls } from './config-reader.js';
import type { Json } from './config-reader.js';
import {
  readIdentity,
  readInflowModel,
  readInvestmentTransaction,
  readHolding,
  readLiability,
  readMfa,
} from './config-parts.js';
import type { IdentityOverride, InflowModel, LiabilityOverride } from './config-parts.js';

export type { IdentityOverride, InflowModel, LiabilityOverride, DayOfMonth } from './config-parts.js';

/** Plaid's documented size limit ("~55 KB, about 250 transactions"), in UTF-8 bytes. */
export const MAX_CONFIG_BYTES = 55 * 1024;
export const MAX_ACCOUNTS = 10;

export const FORCED_ERRORS = [
  'INSTITUTION_NOT_RESPONDING',
  'INSTITUTION_NO_LONGER_SUPPORTED',
  'INVALID_CREDENTIALS',
  'INVALID_MFA',
  'ITEM_LOCKED',
  'ITEM_LOGIN_REQUIRED',
  'ITEM_NOT_SUPPORTED',
  'INVALID_LINK_TOKEN',
  'MFA_NOT_SUPPORTED',
  'NO_ACCOUNTS',
  'PLAID_ERROR',
  'USER_INPUT_TIMEOUT',
  'USER_SETUP_REQUIRED',
] as const;
export type ForcedError = (typeof FORCED_ERRORS)[number];

export interface TransactionOverride {
  dateTransacted: IsoDate;
  datePosted: IsoDate;
  /** Plaid sign: negative is a deposit. */
  amountCents: number;
  description: string;
  currency: string | null;
}

export interface AccountMeta {
  name: string | null;
  officialName: string | null;
  limitCents: number | null;
  mask: string | null;
  apyPercent: number | null;
}

export interface AccountOverride {
  type: AccountType;
  subtype: string;
  startingBalanceCents: number | null;
  forceAvailableBalanceCents: number | null;
  hasNullAvailableBalance: boolean;
  currency: string | null;
  meta: AccountMeta;
  numbers: AccountNumbers | null;
  transactions: TransactionOverride[];
  identity: IdentityOverride | null;
  liability: LiabilityOverride | null;
  inflowModel: InflowModel | null;
  /** Holdings and investment transactions, kept in the config's snake_case. */
  holdings: Record<string, unknown>[];
  investmentTransactions: Record<string, unknown>[];
  /** Payroll documents (paystubs, W-2s); accepted and kept, unused by CRA. */
  income: Record<string, unknown> | null;
}

export interface CustomUserConfig {
  version: 1 | 2;
  seed: string | null;
  /** Empty when the config gives no `override_accounts`: the data is then random. */
  accounts: AccountOverride[];
  /** Link-only simulations, kept for a Link implementation; the API flow ignores them. */
  mfa: Record<string, unknown> | null;
  recaptcha: 'good' | 'bad' | null;
  forceError: ForcedError | null;
  income: Record<string, unknown> | null;
}

const TOP_LEVEL_KEYS = ['version', 'seed', 'override_accounts', 'mfa', 'recaptcha', 'force_error', 'income'];
const ACCOUNT_KEYS = [
  'type', 'subtype', 'starting_balance', 'force_available_balance', 'has_null_available_balance', 'currency', 'meta',
  'numbers', 'transactions', 'identity', 'liability', 'inflow_model', 'holdings', 'investment_transactions', 'income',
];
const NUMBER_KEYS = [
  'account', 'ach_routing', 'ach_wire_routing', 'eft_institution', 'eft_branch', 'international_bic',
  'international_iban', 'bacs_sort_code',
];
const CURRENCY = /^[A-Z]{3}$/;
const MASK = /^([A-Za-z0-9]{2,4})?$/;

/**
 * Parses and validates a custom-user config. Any problem gives
 * `INVALID_FIELD` with the path and reason, e.g.
 * `override_accounts[0].transactions[3].amount must be a number`.
 */
export function parseCustomUserConfig(text: string): SandboxResult<CustomUserConfig> {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_CONFIG_BYTES) {
    return fail('INVALID_FIELD', `override_password is ${bytes} bytes; a custom user config may be at most ${MAX_CONFIG_BYTES} bytes`);
  }
  let json: Json;
  try {
    json = JSON.parse(text) as Json;
  } catch (err) {
    return fail('INVALID_FIELD', `override_password is not valid JSON: ${(err as Error).message}`);
  }
  if (!isJsonObject(json)) return fail('INVALID_FIELD', 'override_password must be a JSON object');
  try {
    return { ok: true, data: readConfig(stripNulls(json) ?? {}) };
  } catch (err) {
    if (err instanceof ConfigProblem) return fail('INVALID_FIELD', err.message);
    throw err;
  }
}

function readConfig(json: Json): CustomUserConfig {
  const r = ObjectReader.of(json, '', TOP_LEVEL_KEYS) as ObjectReader;
  const version = readVersion(r);
  const rawSeed = r.raw('seed');
  if (rawSeed !== undefined && typeof rawSeed !== 'string' && typeof rawSeed !== 'number') {
    throw new ConfigProblem('seed', 'must be a string');
  }
  const accounts = r.array('override_accounts', { max: MAX_ACCOUNTS }).map(({ value, path }) => readAccount(value, path));
  const income = r.object('income', ['paystubs', 'w2s']);
  return {
    version,
    seed: rawSeed === undefined ? null : String(rawSeed),
    accounts,
    mfa: readMfa(r.object('mfa', ['type', 'question_rounds', 'questions_per_round', 'selection_rounds', 'selections_per_question'])),
    recaptcha: r.oneOf('recaptcha', ['good', 'bad'] as const),
    forceError: r.oneOf('force_error', FORCED_ERRORS),
    income: income ? readIncome(income) : null,
  };
}

function readVersion(r: ObjectReader): 1 | 2 {
  const v = r.raw('version');
  if (v === undefined) return 2;
  if (v === 1 || v === '1') return 1;
  if (v === 2 || v === '2') return 2;
  throw new ConfigProblem('version', 'must be 1 or 2');
}

function readAccount(value: Json, path: string): AccountOverride {
  const r = ObjectReader.of(value, path, ACCOUNT_KEYS) as ObjectReader;
  const givenType = r.oneOf('type', OVERRIDE_ACCOUNT_TYPES);
  const givenSubtype = r.oneOf('subtype', ACCOUNT_SUBTYPES);
  const type = givenType ?? (givenSubtype ? typeOfSubtype(givenSubtype) : 'depository');
  const subtype = givenSubtype ?? defaultSubtype(type);

  const forceAvailable = r.cents('force_available_balance');
  const hasNullAvailable = r.boolean('has_null_available_balance') ?? false;
  if (forceAvailable !== null && hasNullAvailable) {
    throw new ConfigProblem(r.at('has_null_available_balance'), 'cannot be set together with force_available_balance');
  }
  const currency = r.string('currency');
  if (currency !== null && !CURRENCY.test(currency)) throw new ConfigProblem(r.at('currency'), 'must be an ISO-4217 code such as USD');

  const liability = readLiability(r.object('liability', LIABILITY_KEYS), type);
  const inflowModel = readInflowModel(r.object('inflow_model', ['type', 'income_amount', 'payment_day_of_month', 'statement_day_of_month', 'transaction_name']), type);
  const holdings = r.array('holdings').map(({ value: v, path: p }) => readHolding(v, p));
  const investmentTransactions = r.array('investment_transactions').map(({ value: v, path: p }) => readInvestmentTransaction(v, p));
  if ((holdings.length > 0 || investmentTransactions.length > 0) && type !== 'investment') {
    const key = holdings.length > 0 ? 'holdings' : 'investment_transactions';
    throw new ConfigProblem(r.at(key), `can only be set on an investment account, not ${type}`);
  }
  const income = r.object('income', ['paystubs', 'w2s']);

  return {
    type,
    subtype,
    startingBalanceCents: r.cents('starting_balance'),
    forceAvailableBalanceCents: forceAvailable,
    hasNullAvailableBalance: hasNullAvailable,
    currency,
    meta: readMeta(r.object('meta', ['name', 'official_name', 'limit', 'mask', 'apy'])),
    numbers: readNumbers(r.object('numbers', NUMBER_KEYS)),
    transactions: r.array('transactions').map(({ value: v, path: p }) => readTransaction(v, p, currency)),
    identity: readIdentity(r.object('identity', ['names', 'phone_numbers', 'emails', 'addresses'])),
    liability,
    inflowModel,
    holdings,
    investmentTransactions,
    income: income ? readIncome(income) : null,
  };
}

const LIABILITY_KEYS = [
  'type', 'purchase_apr', 'cash_apr', 'balance_transfer_apr', 'special_apr', 'last_payment_amount',
  'minimum_payment_amount', 'is_overdue', 'origination_date', 'principal', 'nominal_apr',
  'interest_capitalization_grace_period_months', 'repayment_model', 'expected_payoff_date', 'guarantor', 'is_federal',
  'loan_name', 'loan_status', 'payment_reference_number', 'pslf_status', 'repayment_plan_description',
  'repayment_plan_type', 'sequence_number', 'servicer_address',
];

function readMeta(r: ObjectReader | null): AccountMeta {
  if (!r) return { name: null, officialName: null, limitCents: null, mask: null, apyPercent: null };
  const mask = r.string('mask');
  if (mask !== null && !MASK.test(mask)) throw new ConfigProblem(r.at('mask'), 'must be empty or 2-4 alphanumeric characters');
  return {
    name: r.nonEmptyString('name'),
    officialName: r.string('official_name'),
    limitCents: r.cents('limit', { min: 0 }),
    mask,
    apyPercent: r.number('apy'),
  };
}

function readNumbers(r: ObjectReader | null): AccountNumbers | null {
  if (!r) return null;
  r.pair('eft_institution', 'eft_branch');
  r.pair('international_bic', 'international_iban');
  const achRouting = r.nonEmptyString('ach_routing');
  const wireRouting = r.nonEmptyString('ach_wire_routing');
  if (achRouting !== null && !isAbaRoutingNumber(achRouting)) throw new ConfigProblem(r.at('ach_routing'), 'must be a valid 9-digit ACH routing number');
  if (wireRouting !== null && !isAbaRoutingNumber(wireRouting)) throw new ConfigProblem(r.at('ach_wire_routing'), 'must be a valid 9-digit routing number');
  const iban = r.nonEmptyString('international_iban');
  return {
    // Plaid: without `account`, the IBAN doubles as the account number.
    account: r.nonEmptyString('account') ?? iban,
    achRouting,
    achWireRouting: wireRouting,
    eftInstitution: r.nonEmptyString('eft_institution'),
    eftBranch: r.nonEmptyString('eft_branch'),
    internationalBic: r.nonEmptyString('international_bic'),
    internationalIban: iban,
    bacsSortCode: r.nonEmptyString('bacs_sort_code'),
  };
}

/** ABA checksum: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10). */
function isAbaRoutingNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const d = [...value].map(Number);
  return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])) % 10 === 0;
}

function readTransaction(value: Json, path: string, accountCurrency: string | null): TransactionOverride {
  const r = ObjectReader.of(value, path, ['date_transacted', 'date_posted', 'amount', 'description', 'currency']) as ObjectReader;
  const amountCents = r.required('amount', (x, k) => x.cents(k));
  const description = r.required('description', (x, k) => x.nonEmptyString(k));
  const posted = r.date('date_posted');
  const transacted = r.date('date_transacted');
  if (posted === null && transacted === null) throw new ConfigProblem(r.at('date_posted'), 'is required');
  const currency = r.string('currency');
  if (currency !== null && !CURRENCY.test(currency)) throw new ConfigProblem(r.at('currency'), 'must be an ISO-4217 code such as USD');
  // Balances sum amounts, so a row in another currency than its account cannot be reconciled.
  const expected = accountCurrency ?? 'USD';
  if (currency !== null && currency !== expected) {
    throw new ConfigProblem(r.at('currency'), `must match the account currency ${expected}`);
  }
  return {
    dateTransacted: transacted ?? (posted as string),
    datePosted: posted ?? (transacted as string),
    amountCents,
    description,
    currency,
  };
}

function readIncome(r: ObjectReader): Record<string, unknown> {
  for (const key of ['paystubs', 'w2s']) {
    for (const { value, path } of r.array(key)) {
      if (!isJsonObject(value)) throw new ConfigProblem(path, 'must be an object');
    }
  }
  return keepObject(r);
}
