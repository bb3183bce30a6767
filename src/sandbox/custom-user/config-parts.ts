// The nested parts of an account override: identity, liability, inflow model,
// investments and the Link-only MFA block.

import type { AccountType, OwnerAddress, OwnerEmail, OwnerPhoneNumber } from '../../domain/model.js';
import { ConfigProblem, ObjectReader, keepObject } from './config-reader.js';
import type { Json } from './config-reader.js';

/** Parts of `identity` the config leaves out are null here and get Plaid's defaults later. */
export interface IdentityOverride {
  names: string[] | null;
  phoneNumbers: OwnerPhoneNumber[] | null;
  emails: OwnerEmail[] | null;
  addresses: OwnerAddress[] | null;
}

/** A day of the month, 1–28, or the month's last day. */
export type DayOfMonth = number | 'last';

export type InflowModel =
  | { type: 'none' }
  | { type: 'monthly-income'; incomeAmountCents: number; paymentDay: DayOfMonth; transactionName: string }
  | {
      type: 'monthly-balance-payment' | 'monthly-interest-only-payment';
      paymentDay: DayOfMonth;
      statementDay: DayOfMonth;
      transactionName: string;
    };

export interface LiabilityOverride {
  type: 'credit' | 'student';
  /** The APR interest rows are charged at: `purchase_apr` for credit, `nominal_apr` for student loans. */
  aprPercent: number | null;
  principalCents: number | null;
  /** The liability as given (snake_case), stored on the account. */
  wire: Record<string, unknown>;
}

const PHONE_TYPES = ['home', 'work', 'office', 'mobile', 'mobile1', 'other'] as const;
const EMAIL_TYPES = ['primary', 'secondary', 'other'] as const;
const ADDRESS_DATA_KEYS = ['street', 'city', 'region', 'postal_code', 'country'];

export function readIdentity(r: ObjectReader | null): IdentityOverride | null {
  if (!r) return null;
  const names = r.has('names')
    ? r.array('names').map(({ value, path }) => {
        if (typeof value !== 'string' || value.trim() === '') throw new ConfigProblem(path, 'must be a non-empty string');
        return value;
      })
    : null;
  const phoneNumbers = r.has('phone_numbers')
    ? r.array('phone_numbers').map(({ value, path }): OwnerPhoneNumber => {
        const p = ObjectReader.of(value, path, ['data', 'primary', 'type']) as ObjectReader;
        return { data: p.required('data', (x, k) => x.nonEmptyString(k)), primary: p.boolean('primary') ?? false, type: p.oneOf('type', PHONE_TYPES) };
      })
    : null;
  const emails = r.has('emails')
    ? r.array('emails').map(({ value, path }): OwnerEmail => {
        const e = ObjectReader.of(value, path, ['data', 'primary', 'type']) as ObjectReader;
        const data = e.required('data', (x, k) => x.nonEmptyString(k));
        if (!data.includes('@')) throw new ConfigProblem(e.at('data'), 'must be an email address');
        return { data, primary: e.boolean('primary') ?? false, type: e.oneOf('type', EMAIL_TYPES) };
      })
    : null;
  const addresses = r.has('addresses')
    ? r.array('addresses').map(({ value, path }) => readAddress(value, path))
    : null;
  return { names, phoneNumbers, emails, addresses };
}

function readAddress(value: Json, path: string): OwnerAddress {
  const a = ObjectReader.of(value, path, ['data', 'primary']) as ObjectReader;
  const d = a.required('data', (x, k) => x.object(k, ADDRESS_DATA_KEYS));
  return {
    data: {
      street: d.string('street'),
      city: d.string('city'),
      region: d.string('region'),
      postalCode: d.string('postal_code'),
      country: d.string('country'),
    },
    primary: a.boolean('primary') ?? false,
  };
}

const CREDIT_ONLY = ['purchase_apr', 'cash_apr', 'balance_transfer_apr', 'special_apr', 'last_payment_amount'];
const STUDENT_ONLY = [
  'origination_date', 'principal', 'nominal_apr', 'interest_capitalization_grace_period_months', 'repayment_model',
  'expected_payoff_date', 'guarantor', 'is_federal', 'loan_name', 'loan_status', 'payment_reference_number',
  'pslf_status', 'repayment_plan_description', 'repayment_plan_type', 'sequence_number', 'servicer_address',
];
const REPAYMENT_PLAN_TYPES = [
  'extended graduated', 'extended standard', 'graduated', 'income-contingent repayment', 'income-based repayment',
  'income-sensitive repayment', 'interest only', 'other', 'pay as you earn', 'revised pay as you earn', 'standard',
  'saving on a valuable education',
] as const;

export function readLiability(r: ObjectReader | null, accountType: AccountType): LiabilityOverride | null {
  if (!r) return null;
  const rawType = r.raw('type');
  if (rawType === 'mortgage') throw new ConfigProblem(r.at('type'), 'mortgage liabilities are not supported in the custom Sandbox');
  const type = r.required('type', (x, k) => x.oneOf(k, ['credit', 'student'] as const));
  const wanted: AccountType = type === 'credit' ? 'credit' : 'loan';
  if (accountType !== wanted) throw new ConfigProblem(r.at('type'), `${type} liabilities need a ${wanted} account, not ${accountType}`);
  const misplaced = (type === 'credit' ? STUDENT_ONLY : CREDIT_ONLY).find((k) => r.has(k));
  if (misplaced) throw new ConfigProblem(r.at(misplaced), `can only be set when liability.type is ${type === 'credit' ? 'student' : 'credit'}`);

  for (const key of ['purchase_apr', 'cash_apr', 'balance_transfer_apr', 'special_apr', 'nominal_apr']) r.number(key);
  for (const key of ['last_payment_amount', 'minimum_payment_amount']) r.cents(key, { min: 0 });
  r.boolean('is_overdue');
  r.boolean('is_federal');
  r.date('origination_date');
  r.date('expected_payoff_date');
  r.integer('interest_capitalization_grace_period_months', 0);
  for (const key of ['guarantor', 'loan_name', 'payment_reference_number', 'repayment_plan_description', 'sequence_number']) r.string(key);
  r.oneOf('repayment_plan_type', REPAYMENT_PLAN_TYPES);
  const model = r.object('repayment_model', ['type', 'non_repayment_months', 'repayment_months']);
  if (model) {
    model.required('type', (x, k) => x.oneOf(k, ['standard'] as const));
    model.integer('non_repayment_months', 0);
    model.integer('repayment_months', 1);
  }
  const status = r.object('loan_status', ['end_date', 'type']);
  if (status) {
    status.date('end_date');
    status.string('type');
  }
  const pslf = r.object('pslf_status', ['estimated_eligibility_date', 'payments_made', 'payments_remaining']);
  if (pslf) {
    pslf.date('estimated_eligibility_date');
    pslf.integer('payments_made', 0);
    pslf.integer('payments_remaining', 0);
  }
  if (r.has('servicer_address')) readAddress(r.raw('servicer_address') as Json, r.at('servicer_address'));

  return {
    type,
    aprPercent: type === 'credit' ? r.number('purchase_apr') : r.number('nominal_apr'),
    principalCents: r.cents('principal', { min: 0 }),
    wire: keepObject(r),
  };
}

const INFLOW_TYPES = ['none', 'monthly-income', 'monthly-balance-payment', 'monthly-interest-only-payment'] as const;

export function readInflowModel(r: ObjectReader | null, accountType: AccountType): InflowModel | null {
  if (!r) return null;
  const type = r.required('type', (x, k) => x.oneOf(k, INFLOW_TYPES));
  if (type === 'none') return { type };
  const paymentDay = r.required('payment_day_of_month', readDayOfMonth);
  const transactionName = r.required('transaction_name', (x, k) => x.nonEmptyString(k));
  if (type === 'monthly-income') {
    const incomeAmountCents = r.required('income_amount', (x, k) => x.cents(k, { min: 0.01 }));
    return { type, incomeAmountCents, paymentDay, transactionName };
  }
  if (accountType !== 'credit' && accountType !== 'loan') {
    throw new ConfigProblem(r.at('type'), `${type} needs a credit or loan account, not ${accountType}`);
  }
  const statementDay = r.required('statement_day_of_month', readDayOfMonth);
  return { type, paymentDay, statementDay, transactionName };
}

/** 1–28 or "last"; numeric strings ("15") are accepted because Plaid's schema types the field as a string. */
function readDayOfMonth(r: ObjectReader, key: string): DayOfMonth | null {
  const v = r.raw(key);
  if (v === undefined) return null;
  if (v === 'last') return 'last';
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 28) {
    throw new ConfigProblem(r.at(key), 'must be an integer between 1 and 28, or "last"');
  }
  return n;
}

const SECURITY_KEYS = ['isin', 'cusip', 'sedol', 'name', 'ticker_symbol', 'currency'];

function readSecurity(r: ObjectReader): void {
  for (const key of SECURITY_KEYS) r.string(key);
  if (!r.has('ticker_symbol') && !r.has('cusip') && !r.has('isin')) {
    throw new ConfigProblem(r.at('ticker_symbol'), 'is required when neither cusip nor isin is given');
  }
  const cusip = r.string('cusip');
  if (cusip !== null && !/^[A-Za-z0-9]{9}$/.test(cusip)) throw new ConfigProblem(r.at('cusip'), 'must be 9 characters');
  const isin = r.string('isin');
  if (isin !== null && !/^[A-Za-z0-9]{12}$/.test(isin)) throw new ConfigProblem(r.at('isin'), 'must be 12 characters');
}

export function readHolding(value: Json, path: string): Record<string, unknown> {
  const r = ObjectReader.of(value, path, ['institution_price', 'institution_price_as_of', 'cost_basis', 'quantity', 'currency', 'security']) as ObjectReader;
  r.required('institution_price', (x, k) => x.number(k));
  r.date('institution_price_as_of');
  r.number('cost_basis');
  r.required('quantity', (x, k) => x.number(k));
  r.required('currency', (x, k) => x.nonEmptyString(k));
  readSecurity(r.required('security', (x, k) => x.object(k, SECURITY_KEYS)));
  return keepObject(r);
}

const INVESTMENT_TRANSACTION_TYPES = ['buy', 'sell', 'cash', 'fee', 'transfer'] as const;

export function readInvestmentTransaction(value: Json, path: string): Record<string, unknown> {
  const r = ObjectReader.of(value, path, ['date', 'name', 'quantity', 'price', 'fees', 'type', 'currency', 'security']) as ObjectReader;
  r.required('date', (x, k) => x.date(k));
  r.required('name', (x, k) => x.nonEmptyString(k));
  const quantity = r.required('quantity', (x, k) => x.number(k));
  r.required('price', (x, k) => x.number(k));
  r.number('fees');
  const type = r.required('type', (x, k) => x.oneOf(k, INVESTMENT_TRANSACTION_TYPES));
  if (type === 'buy' && quantity <= 0) throw new ConfigProblem(r.at('quantity'), 'must be positive for a buy');
  if (type === 'sell' && quantity >= 0) throw new ConfigProblem(r.at('quantity'), 'must be negative for a sell');
  r.required('currency', (x, k) => x.nonEmptyString(k));
  const security = r.object('security', SECURITY_KEYS);
  if (security) readSecurity(security);
  return keepObject(r);
}

export function readMfa(r: ObjectReader | null): Record<string, unknown> | null {
  if (!r) return null;
  const type = r.required('type', (x, k) => x.oneOf(k, ['device', 'selections', 'questions'] as const));
  for (const key of ['question_rounds', 'questions_per_round', 'selection_rounds', 'selections_per_question']) r.integer(key, 1);
  if (type === 'questions') {
    r.required('question_rounds', (x, k) => x.integer(k, 1));
    r.required('questions_per_round', (x, k) => x.integer(k, 1));
  }
  return keepObject(r);
}
