import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { generateCustomUserItem, parseCustomUserConfig } from '../../../src/sandbox/custom-user.js';
import { MAX_CONFIG_BYTES } from '../../../src/sandbox/custom-user/config.js';

const tx = (amount: unknown, extra: Record<string, unknown> = {}) => ({
  date_transacted: '2026-08-01',
  date_posted: '2026-08-02',
  amount,
  description: 'COFFEE',
  currency: 'USD',
  ...extra,
});

function errorOf(config: unknown): { code: string; message: string } {
  const text = typeof config === 'string' ? config : JSON.stringify(config);
  const result = parseCustomUserConfig(text);
  assert.equal(result.ok, false, `expected ${text.slice(0, 80)} to be rejected`);
  return result.ok ? { code: '', message: '' } : result.error;
}

describe('custom-user config validation', () => {
  it('names the transaction and field of a non-numeric amount', () => {
    const config = { override_accounts: [{ type: 'depository', subtype: 'checking', transactions: [tx(1), tx(2), tx(3), tx('12.50')] }] };
    assert.deepEqual(errorOf(config), { code: 'INVALID_FIELD', message: 'override_accounts[0].transactions[3].amount must be a number' });
  });

  it('rejects an amount with more than two decimal places', () => {
    assert.equal(errorOf({ override_accounts: [{ transactions: [tx(1.005)] }] }).message, 'override_accounts[0].transactions[0].amount must have at most 2 decimal places');
  });

  it('rejects a transaction without an amount or a description', () => {
    const { amount: _a, ...noAmount } = tx(1);
    assert.equal(errorOf({ override_accounts: [{ transactions: [noAmount] }] }).message, 'override_accounts[0].transactions[0].amount is required');
    assert.equal(errorOf({ override_accounts: [{ transactions: [tx(1, { description: '' })] }] }).message, 'override_accounts[0].transactions[0].description must not be empty');
  });

  it('rejects impossible dates', () => {
    assert.equal(
      errorOf({ override_accounts: [{ transactions: [tx(1, { date_posted: '2026-02-30' })] }] }).message,
      'override_accounts[0].transactions[0].date_posted must be a date in YYYY-MM-DD format',
    );
  });

  it('rejects account types and subtypes outside Plaid enums', () => {
    assert.match(errorOf({ override_accounts: [{ type: 'savings' }] }).message, /^override_accounts\[0\]\.type must be one of: investment, credit, depository, loan, payroll, other$/);
    assert.match(errorOf({ override_accounts: [{}, { type: 'depository', subtype: 'checkings' }] }).message, /^override_accounts\[1\]\.subtype must be one of: 401a, /);
  });

  it('rejects force_available_balance together with has_null_available_balance', () => {
    assert.equal(
      errorOf({ override_accounts: [{ force_available_balance: 10, has_null_available_balance: true }] }).message,
      'override_accounts[0].has_null_available_balance cannot be set together with force_available_balance',
    );
  });

  it('rejects more than 10 accounts and configs over the size limit', () => {
    assert.equal(errorOf({ override_accounts: Array.from({ length: 11 }, () => ({})) }).message, 'override_accounts must have at most 10 items');
    const big = JSON.stringify({ override_accounts: [{ transactions: Array.from({ length: 600 }, () => tx(1)) }] });
    assert.ok(big.length > MAX_CONFIG_BYTES, 'big.length > MAX_CONFIG_BYTES');
    assert.match(errorOf(big).message, /^override_password is \d+ bytes; a custom user config may be at most 56320 bytes$/);
  });

  it('rejects text that is not a JSON object', () => {
    assert.match(errorOf('{"override_accounts": [').message, /^override_password is not valid JSON: /);
    assert.equal(errorOf('[1, 2]').message, 'override_password must be a JSON object');
  });

  it('rejects unknown fields, naming them (typos would otherwise be silently ignored)', () => {
    assert.equal(errorOf({ override_acounts: [] }).message, 'override_acounts is not a recognized field');
    assert.equal(errorOf({ override_accounts: [{ meta: { nmae: 'x' } }] }).message, 'override_accounts[0].meta.nmae is not a recognized field');
  });

  it('validates the inflow model', () => {
    const base = { type: 'monthly-income', income_amount: 100, payment_day_of_month: 1, transaction_name: 'PAY' };
    assert.equal(
      errorOf({ override_accounts: [{ inflow_model: { ...base, payment_day_of_month: 31 } }] }).message,
      'override_accounts[0].inflow_model.payment_day_of_month must be an integer between 1 and 28, or "last"',
    );
    const { income_amount: _i, ...noIncome } = base;
    assert.equal(errorOf({ override_accounts: [{ inflow_model: noIncome }] }).message, 'override_accounts[0].inflow_model.income_amount is required');
    assert.equal(
      errorOf({ override_accounts: [{ type: 'depository', inflow_model: { type: 'monthly-balance-payment', payment_day_of_month: 5, statement_day_of_month: 1, transaction_name: 'PAY' } }] }).message,
      'override_accounts[0].inflow_model.type monthly-balance-payment needs a credit or loan account, not depository',
    );
    assert.equal(
      errorOf({ override_accounts: [{ type: 'credit', inflow_model: { type: 'monthly-interest-only-payment', payment_day_of_month: 'last', transaction_name: 'PAY' } }] }).message,
      'override_accounts[0].inflow_model.statement_day_of_month is required',
    );
  });

  it('validates meta, numbers, identity, liability and investments', () => {
    assert.equal(errorOf({ override_accounts: [{ meta: { mask: '12345' } }] }).message, 'override_accounts[0].meta.mask must be empty or 2-4 alphanumeric characters');
    assert.equal(errorOf({ override_accounts: [{ numbers: { ach_routing: '123456789' } }] }).message, 'override_accounts[0].numbers.ach_routing must be a valid 9-digit ACH routing number');
    assert.equal(errorOf({ override_accounts: [{ numbers: { international_bic: 'DEUTDEFF' } }] }).message, 'override_accounts[0].numbers.international_iban is required when international_bic is set');
    assert.equal(errorOf({ override_accounts: [{ identity: { emails: [{ primary: true }] } }] }).message, 'override_accounts[0].identity.emails[0].data is required');
    assert.equal(errorOf({ override_accounts: [{ identity: { phone_numbers: [{ data: '1', type: 'pager' }] } }] }).message, 'override_accounts[0].identity.phone_numbers[0].type must be one of: home, work, office, mobile, mobile1, other');
    assert.equal(errorOf({ override_accounts: [{ type: 'loan', subtype: 'mortgage', liability: { type: 'mortgage' } }] }).message, 'override_accounts[0].liability.type mortgage liabilities are not supported in the custom Sandbox');
    assert.equal(errorOf({ override_accounts: [{ type: 'credit', liability: { type: 'credit', principal: 5 } }] }).message, 'override_accounts[0].liability.principal can only be set when liability.type is student');
    assert.equal(
      errorOf({ override_accounts: [{ type: 'depository', holdings: [{ institution_price: 1, quantity: 1, currency: 'USD', security: { ticker_symbol: 'X' } }] }] }).message,
      'override_accounts[0].holdings can only be set on an investment account, not depository',
    );
    assert.equal(
      errorOf({ override_accounts: [{ type: 'investment', investment_transactions: [{ date: '2026-01-01', name: 'sell', quantity: 3, price: 1, type: 'sell', currency: 'USD' }] }] }).message,
      'override_accounts[0].investment_transactions[0].quantity must be negative for a sell',
    );
  });

  it('rejects a transaction currency that differs from its account', () => {
    assert.equal(
      errorOf({ override_accounts: [{ currency: 'CAD', transactions: [tx(1, { currency: 'USD' })] }] }).message,
      'override_accounts[0].transactions[0].currency must match the account currency CAD',
    );
  });

  it('validates top-level fields: version, recaptcha, force_error, mfa', () => {
    assert.equal(errorOf({ version: 3 }).message, 'version must be 1 or 2');
    assert.equal(errorOf({ recaptcha: 'maybe' }).message, 'recaptcha must be one of: good, bad');
    assert.match(errorOf({ force_error: 'ITEM_ON_FIRE' }).message, /^force_error must be one of: INSTITUTION_NOT_RESPONDING, /);
    assert.equal(errorOf({ mfa: { type: 'questions', question_rounds: 1 } }).message, 'mfa.questions_per_round is required');
  });

  it('accepts income, mfa, recaptcha and version 1, keeping them', () => {
    const result = parseCustomUserConfig(JSON.stringify({
      version: '1', mfa: { type: 'device' }, recaptcha: 'good', income: { paystubs: [{ employer: { name: 'Acme' } }], w2s: [] },
      override_accounts: [{ income: { paystubs: [] } }],
    }));
    assert.ok(result.ok, 'result.ok');
    assert.equal(result.data.version, 1);
    assert.deepEqual(result.data.mfa, { type: 'device' });
    assert.deepEqual(result.data.income, { paystubs: [{ employer: { name: 'Acme' } }], w2s: [] });
  });

  it('returns the forced error code so the API can map it', () => {
    const result = generateCustomUserItem({ config: '{"force_error":"ITEM_LOCKED"}', itemCreatedAt: '2026-08-23T00:00:00Z', fallbackSeed: 's' });
    assert.deepEqual(result, { ok: false, error: { code: 'ITEM_LOCKED', message: 'the custom user config forces ITEM_LOCKED at Item creation' } });
  });

  it('fills defaults for an empty account: Plaid Checking, USD, $10,000, no owners', () => {
    const result = generateCustomUserItem({ config: '{"override_accounts":[{}]}', itemCreatedAt: '2026-08-23T00:00:00Z', fallbackSeed: 's' });
    assert.ok(result.ok, 'result.ok');
    const [account] = result.data.accounts;
    assert.deepEqual(
      [account.name, account.officialName, account.type, account.subtype, account.currentCents, account.mask, account.currency.isoCurrencyCode, account.owners],
      ['Plaid Checking', 'Plaid Gold Standard 0% Interest Checking', 'depository', 'checking', 1_000_000, null, 'USD', []],
    );
    assert.equal(account.transactions.length, 0);
  });

  it('gives missing identity parts defaults and shares the first names across the Item', () => {
    const config = { override_accounts: [{ identity: { names: ['Ada Lovelace'] } }, { identity: { emails: [{ data: 'b@example.com', primary: true }] } }] };
    const result = generateCustomUserItem({ config: JSON.stringify(config), itemCreatedAt: '2026-08-23T00:00:00Z', fallbackSeed: 's' });
    assert.ok(result.ok, 'result.ok');
    const [first, second] = result.data.accounts;
    assert.deepEqual(second.owners[0].names, ['Ada Lovelace']);
    assert.equal(first.owners[0].emails[0].data, 'accountholder0@example.com');
    assert.equal(second.owners[0].emails[0].data, 'b@example.com');
    assert.equal(first.owners[0].addresses[0].data.city, 'Malakoff');
  });

  it('uses an IBAN as the account number when no account number is given', () => {
    const config = { override_accounts: [{ numbers: { international_iban: 'GB33BUKB20201555555555', international_bic: 'BUKBGB22' } }] };
    const result = generateCustomUserItem({ config: JSON.stringify(config), itemCreatedAt: '2026-08-23T00:00:00Z', fallbackSeed: 's' });
    assert.ok(result.ok, 'result.ok');
    assert.equal(result.data.accounts[0].mask, '5555');
  });
});
