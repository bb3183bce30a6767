import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';

import { toCents } from '../../../src/domain/money.js';
import { isBusinessDay } from '../../../src/sandbox/calendar.js';
import { DEFAULT_STARTING_BALANCE_CENTS, generateCustomUserItem } from '../../../src/sandbox/custom-user.js';
import type { SandboxAccount, SandboxItemData } from '../../../src/sandbox/item-data.js';

const FIXTURES = new URL('../../fixtures/sandbox-users/', import.meta.url);
// The day after the newest date in the fixtures: every explicit row is posted.
const CREATED_AT = '2026-08-23T15:00:00.000Z';

type RawTransaction = { date_transacted: string; date_posted: string; amount: number; description: string };
type RawAccount = Record<string, any> & { transactions?: RawTransaction[] };

function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

function load(name: string, createdAt = CREATED_AT): { raw: { override_accounts?: RawAccount[] }; data: SandboxItemData } {
  const text = fixtureText(name);
  const result = generateCustomUserItem({ config: text, itemCreatedAt: createdAt, fallbackSeed: `fixture:${name}` });
  assert.ok(result.ok, `${name} failed: ${result.ok ? '' : result.error.message}`);
  return { raw: JSON.parse(text), data: result.data };
}

const key = (amountCents: number, posted: string | null, transacted: string, description: string) =>
  `${amountCents}|${posted}|${transacted}|${description}`;

function configRows(raw: RawAccount): string[] {
  return (raw.transactions ?? [])
    .filter((t) => t.amount !== null)
    .map((t) => key(toCents(t.amount), t.date_posted, t.date_transacted, t.description))
    .sort();
}

function outputRows(account: SandboxAccount): string[] {
  return account.transactions.map((t) => key(t.amountCents, t.datePosted, t.dateTransacted, t.originalDescription)).sort();
}

function postedSum(account: SandboxAccount): number {
  return account.transactions.filter((t) => !t.pending).reduce((s, t) => s + t.amountCents, 0);
}

const fixtureNames = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();

describe('custom-user fixtures', () => {
  it('finds the nine checked-in fixtures', () => {
    assert.equal(fixtureNames.length, 9);
  });

  for (const name of fixtureNames.filter((n) => !n.startsWith('blank_template'))) {
    describe(name, () => {
      const { raw, data } = load(name);
      const rawAccounts = raw.override_accounts ?? [];

      it('produces one account per override, in order, with the configured type and subtype', () => {
        assert.equal(data.accounts.length, rawAccounts.length);
        rawAccounts.forEach((r, i) => {
          assert.equal(data.accounts[i].type, r.type);
          assert.equal(data.accounts[i].subtype, r.subtype);
        });
      });

      it('keeps every configured transaction exactly (amount in cents, both dates, description)', () => {
        rawAccounts.forEach((r, i) => {
          const out = outputRows(data.accounts[i]);
          const expected = configRows(r);
          if (!r.inflow_model) {
            assert.deepEqual(out, expected);
          } else {
            for (const row of expected) assert.ok(out.includes(row), `missing ${row}`);
          }
          assert.ok(data.accounts[i].transactions.every((t) => !t.pending), 'nothing is pending the day after the newest date');
        });
      });

      it('masks with meta.mask, else the last four of numbers.account, else null', () => {
        rawAccounts.forEach((r, i) => {
          const expected = r.meta?.mask ?? (r.numbers?.account ? String(r.numbers.account).slice(-4) : null);
          assert.equal(data.accounts[i].mask, expected);
        });
      });

      it('gives owners only to accounts with an identity object', () => {
        rawAccounts.forEach((r, i) => {
          const account = data.accounts[i];
          if (!r.identity) {
            assert.deepEqual(account.owners, []);
            assert.equal(account.ownershipType, null);
          } else {
            assert.equal(account.owners.length, 1);
            assert.deepEqual(account.owners[0].names, r.identity.names);
            if (r.identity.emails) assert.deepEqual(account.owners[0].emails.map((e) => e.data), r.identity.emails.map((e: any) => e.data));
            assert.ok(account.owners[0].phoneNumbers.length > 0, 'missing phone numbers get defaults');
            assert.equal(account.owners[0].addresses[0].data.city, r.identity.addresses[0].data.city);
          }
        });
      });

      it('reconciles balances: current = starting ∓ Σ posted (depository minus, credit/loan plus)', () => {
        rawAccounts.forEach((r, i) => {
          const account = data.accounts[i];
          const owed = r.type === 'credit' || r.type === 'loan';
          const defaultStart = r.type === 'credit' ? 0 : r.type === 'loan' ? toCents(r.liability?.principal ?? 0) : DEFAULT_STARTING_BALANCE_CENTS;
          const start = r.starting_balance == null ? defaultStart : toCents(r.starting_balance);
          assert.equal(account.currentCents, owed ? start + postedSum(account) : start - postedSum(account));
          if (r.force_available_balance != null) assert.equal(account.availableCents, toCents(r.force_available_balance));
          else if (r.type === 'depository') assert.equal(account.availableCents, account.currentCents);
          assert.equal(account.currency.isoCurrencyCode, r.currency ?? 'USD');
        });
      });
    });
  }

  it('credit_card_custom_user: balance owed grows by the purchases; available and limit as configured', () => {
    const { data } = load('credit_card_custom_user.json');
    const [card] = data.accounts;
    assert.equal(card.transactions.length, 5);
    assert.equal(card.currentCents, 124_567 + (8_743 + 15_689 + 4_500 + 120_000 + 2_350));
    assert.equal(card.availableCents, 875_433);
    assert.equal(card.limitCents, 1_000_000);
    assert.equal(card.name, 'Plaid Credit Card');
    assert.equal(card.officialName, 'Plaid Platinum Rewards Card');
    assert.equal(card.mask, null);
    assert.deepEqual(card.owners, []);
    assert.equal(card.liability?.purchase_apr, 16.99);
    assert.equal(card.transactions.find((t) => t.originalDescription === 'Amazon.com Purchase')?.dateTransacted, '2026-07-20');
  });

  it('transactions+inflow_custom_user: 24 monthly-income rows on the 1st or the business day before it', () => {
    const { data } = load('transactions+inflow_custom_user.json');
    const [checking] = data.accounts;
    const income = checking.transactions.filter((t) => t.originalDescription === 'DIRECT DEPOSIT PLAID INC');
    assert.equal(income.length, 24);
    assert.equal(checking.transactions.length, 26);
    for (const row of income) {
      assert.equal(row.amountCents, -512_525);
      assert.ok(isBusinessDay(row.datePosted as string), `${row.datePosted} is a business day`);
      assert.equal(row.dateTransacted, row.datePosted);
    }
    const dates = income.map((t) => t.datePosted);
    // 2026-08-01 is a Saturday; 2026-01-01 and Labor Day 2025-09-01 are bank holidays.
    assert.ok(dates.includes('2026-07-31'), 'dates.includes(\'2026-07-31\')');
    assert.ok(dates.includes('2025-12-31'), 'dates.includes(\'2025-12-31\')');
    assert.ok(dates.includes('2025-08-29'), 'dates.includes(\'2025-08-29\')');
    assert.ok(dates.includes('2026-06-01'), 'dates.includes(\'2026-06-01\')');
    assert.equal(dates[0], '2024-08-30'); // for 2024-09-01, a Sunday before Labor Day
    assert.equal(dates.at(-1), '2026-07-31');
    assert.equal(checking.currentCents, DEFAULT_STARTING_BALANCE_CENTS - (29_229 + 152_352) + 24 * 512_525);
  });

  it('joint_owner_identity_custom_user: one owner record naming both holders, ownership joint', () => {
    const { data } = load('joint_owner_identity_custom_user.json');
    for (const account of data.accounts) {
      assert.deepEqual(account.owners[0].names, ['John Michael Smith', 'Jane Alana Smith']);
      assert.equal(account.ownershipType, 'joint');
      assert.equal(account.owners[0].emails.length, 3);
      assert.equal(account.transactions.length, 0);
    }
    assert.deepEqual(data.accounts.map((a) => [a.mask, a.currentCents, a.officialName]), [
      ['5555', 60_023, 'Plaid Joint Checking Account'],
      ['9999', 258_812, 'Plaid Growth Savings Account'],
    ]);
    assert.equal(data.accounts[0].numbers?.achRouting, '122105155');
  });

  it('brokerage_custom_user: holdings and investment transactions are kept as given', () => {
    const { raw, data } = load('brokerage_custom_user.json');
    const [brokerage] = data.accounts;
    assert.equal(brokerage.name, 'Brokerage Test Account');
    assert.equal(brokerage.currentCents, 12_000);
    assert.equal(brokerage.availableCents, 12_000);
    assert.deepEqual(brokerage.investments?.holdings, raw.override_accounts?.[0].holdings);
    assert.deepEqual(brokerage.investments?.investment_transactions, raw.override_accounts?.[0].investment_transactions);
  });

  it('assets_custom_user2: interest-only card keeps current at its starting balance; student loan starts at its principal', () => {
    const { data } = load('assets_custom_user2.json');
    const [savings, checking, loan, card] = data.accounts;
    assert.equal(savings.transactions.find((t) => t.dateTransacted === '2024-08-14')?.amountCents, 170_812);
    assert.equal(checking.transactions.length, 82);
    assert.equal(loan.currentCents, 1_000_000);
    assert.equal(loan.availableCents, null);
    assert.equal(loan.liability?.loan_name, 'Plaid Student Loan');
    assert.equal(card.currentCents, 1_000_000);
    const interest = card.transactions.filter((t) => t.originalDescription.includes('INTEREST'));
    const payments = card.transactions.filter((t) => t.originalDescription === 'Interest Payment');
    assert.equal(interest.length, 24);
    assert.equal(payments.length, 24);
    // 12.9% APR on $10,000: $107.50 a month, charged on the 13th and paid on the 15th (or the business day before).
    assert.ok(interest.every((t) => t.amountCents === 10_750 && t.dateTransacted.endsWith('-13')), 'interest.every((t) => t.amountCents === 10_750 && t.dateTransacted.endsWith(\'-13\'))');
    assert.ok(payments.every((t) => t.amountCents === -10_750 && isBusinessDay(t.dateTransacted)), 'payments.every((t) => t.amountCents === -10_750 && isBusinessDay(t.dateTransacted))');
  });

  it('bank_income_basic: monthly Plaid Direct Dep moving from -5000 to -5500', () => {
    const { data } = load('bank_income_basic.json');
    const deposits = data.accounts[0].transactions.filter((t) => t.originalDescription === 'Plaid Direct Dep').map((t) => t.amountCents);
    assert.ok(deposits.includes(-500_000), 'deposits.includes(-500_000)');
    assert.ok(deposits.includes(-550_000), 'deposits.includes(-550_000)');
    assert.equal(data.accounts[0].owners[0].names[0], 'George Smith');
  });

  it('blank template: every field null reads as {}, giving the same random Item', () => {
    const blank = generateCustomUserItem({ config: fixtureText('blank_template_custom_sandbox_user.json'), itemCreatedAt: CREATED_AT, fallbackSeed: 's' });
    const empty = generateCustomUserItem({ config: '{}', itemCreatedAt: CREATED_AT, fallbackSeed: 's' });
    assert.ok(blank.ok && empty.ok, 'blank.ok && empty.ok');
    assert.equal(JSON.stringify(blank.data), JSON.stringify(empty.data));
    assert.ok(blank.data.accounts.length >= 2, 'blank.data.accounts.length >= 2');
  });

  it('treats a posting date after the Item creation day as pending, keeping the transacted date', () => {
    const { data } = load('transactions_checking+savings_custom_user.json', '2026-08-21T09:00:00Z');
    const [checking] = data.accounts;
    const late = checking.transactions.find((t) => t.dateTransacted === '2026-08-21');
    assert.ok(late, 'late');
    assert.equal(late.pending, true);
    assert.equal(late.datePosted, null);
    assert.equal(checking.currentCents, DEFAULT_STARTING_BALANCE_CENTS - 110_901);
  });
});
