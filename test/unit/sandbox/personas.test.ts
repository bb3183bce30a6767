import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { addDays, isBusinessDay } from '../../../src/sandbox/calendar.js';
import { generateItemData } from '../../../src/sandbox/index.js';
import type { SandboxAccount, SandboxTransaction } from '../../../src/sandbox/item-data.js';
import { PERSONAS } from '../../../src/sandbox/personas/index.js';

const CREATED_AT = '2026-08-23T15:00:00.000Z';
const END = '2026-08-23';
const YEAR_AGO = addDays(END, -365);

function persona(username: string, password = 'anything'): SandboxAccount[] {
  const result = generateItemData({ username, password, institutionId: 'ins_109508', itemCreatedAt: CREATED_AT, fallbackSeed: 'unused' });
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.data.accounts;
}

const depository = (accounts: SandboxAccount[]) => accounts.filter((a) => a.type === 'depository');
const rows = (accounts: SandboxAccount[]) => accounts.flatMap((a) => a.transactions);
const posted = (t: SandboxTransaction) => !t.pending;
const matching = (accounts: SandboxAccount[], pattern: RegExp) => rows(accounts).filter((t) => pattern.test(t.originalDescription));

/** Σ posted amounts over depository accounts in the last 12 months (Plaid sign: negative = net inflow). */
function net12Months(accounts: SandboxAccount[]): number {
  return rows(depository(accounts)).filter((t) => posted(t) && (t.datePosted as string) > YEAR_AGO).reduce((s, t) => s + t.amountCents, 0);
}

/** End-of-day balances, walked back from `current` by posted date (how the Base Report computes them). */
function dailyBalances(account: SandboxAccount): number[] {
  const owed = account.type === 'credit' || account.type === 'loan';
  const byDate = new Map<string, number>();
  for (const t of account.transactions.filter(posted)) byDate.set(t.datePosted as string, (byDate.get(t.datePosted as string) ?? 0) + t.amountCents);
  let balance = account.currentCents as number;
  const out = [balance];
  for (const date of [...byDate.keys()].sort().reverse()) {
    balance = owed ? balance - (byDate.get(date) as number) : balance + (byDate.get(date) as number);
    out.push(balance);
  }
  return out;
}

describe('personas: shared banking realism', () => {
  for (const { username, password } of PERSONAS) {
    describe(username, () => {
      const accounts = persona(username, password ?? 'anything');

      it('has a checking account with owners and up to 24 months of history ending on the creation day', () => {
        const checking = accounts.find((a) => a.subtype === 'checking');
        assert.ok(checking, 'checking');
        assert.ok(checking.owners.length >= 1, 'checking.owners.length >= 1');
        const dates = rows(accounts).map((t) => t.dateTransacted).sort();
        assert.ok(dates[0] >= addDays(END, -729), `earliest ${dates[0]}`);
        assert.equal(dates.at(-1), END);
      });

      it('has a few pending card rows in the last three days, and nothing else pending', () => {
        const pending = rows(accounts).filter((t) => t.pending);
        assert.ok(pending.length >= 1 && pending.length <= 15, `${pending.length} pending`);
        for (const t of pending) {
          assert.equal(t.datePosted, null);
          assert.ok(t.dateTransacted >= addDays(END, -3), 't.dateTransacted >= addDays(END, -3)');
        }
      });

      it('posts payroll and benefits on business days', () => {
        const income = matching(accounts, /PAYROLL|DIRECT DEP|Direct Dep|SOC SEC|UI BENEFITS|GUSTO PAY/);
        for (const t of income) assert.ok(isBusinessDay(t.dateTransacted), `${t.originalDescription} on ${t.dateTransacted}`);
      });

      it('records transfers between own accounts as two legs, same day, opposite signs', () => {
        const out = matching(accounts, /^ONLINE TRANSFER TO (SAV|CHK) /);
        for (const leg of out) {
          const ref = leg.originalDescription.split('TRANSACTION#: ')[1];
          const mirror = rows(accounts).find((t) => t.originalDescription.startsWith('ONLINE TRANSFER FROM') && t.originalDescription.endsWith(ref));
          assert.ok(mirror, `no mirror for ${leg.originalDescription}`);
          assert.equal(mirror.amountCents, -leg.amountCents);
          assert.equal(mirror.dateTransacted, leg.dateTransacted);
        }
      });

      it('pays the in-Item card from checking with matching legs', () => {
        const card = accounts.find((a) => a.type === 'credit');
        if (!card) return;
        const cardPayments = card.transactions.filter((t) => t.amountCents < 0 && /PAYMENT/.test(t.originalDescription));
        assert.ok(cardPayments.length >= 12, 'cardPayments.length >= 12');
        const checking = accounts.find((a) => a.subtype === 'checking') as SandboxAccount;
        for (const payment of cardPayments) {
          assert.ok(
            checking.transactions.some((t) => t.amountCents === -payment.amountCents && t.dateTransacted === payment.dateTransacted),
            `no checking leg for ${payment.amountCents} on ${payment.dateTransacted}`,
          );
        }
      });

      it('keeps balances consistent: whole cents, depository never negative (but poor), credit within its limit plus interest', () => {
        for (const account of accounts) {
          const balances = dailyBalances(account);
          assert.ok(balances.every(Number.isSafeInteger), 'balances.every(Number.isSafeInteger)');
          // Interest and fees may carry a maxed-out card a little over its limit, as real cards do.
          if (account.type === 'credit' && account.limitCents !== null) assert.ok(Math.max(...balances) <= account.limitCents * 1.05, 'Math.max(...balances) <= account.limitCents * 1.05');
          if (account.type === 'depository' && username !== 'user_credit_profile_poor') {
            assert.ok(Math.min(...balances) >= 0, `${account.name} dips to ${Math.min(...balances)}`);
          }
        }
      });
    });
  }
});

describe('personas: character', () => {
  it('excellent: positive cash flow from a high salary plus rental income, and a brokerage with holdings', () => {
    const accounts = persona('user_credit_profile_excellent');
    assert.ok(net12Months(accounts) < -20_000_00, 'net inflow over 12 months');
    const salary = matching(accounts, /PAYROLL/).filter((t) => t.amountCents < 0);
    assert.ok(salary.length >= 46 && salary.every((t) => t.amountCents < -5_000_00), 'salary.length >= 46 && salary.every((t) => t.amountCents < -5_000_00)');
    const rent = matching(accounts, /RENT/).filter((t) => t.amountCents < 0);
    assert.ok(rent.length >= 23, 'rent.length >= 23');
    const brokerage = accounts.find((a) => a.type === 'investment');
    assert.ok(brokerage && Array.isArray(brokerage.investments?.holdings) && (brokerage.investments.holdings as unknown[]).length >= 2, 'brokerage && Array.isArray(brokerage.investments?.holdings) && (brokerage.investments.holdings as...');
    assert.equal(accounts.filter((a) => a.subtype === 'savings').length, 1);
  });

  it('good: several gig payers with varying weekly payouts and near-neutral cash flow', () => {
    const accounts = persona('user_credit_profile_good');
    const payers = ['UBER USA', 'DOORDASH', 'INSTACART'].filter((p) => matching(accounts, new RegExp(p)).filter((t) => t.amountCents < 0).length >= 20);
    assert.ok(payers.length >= 2, `gig payers: ${payers}`);
    const uber = matching(accounts, /UBER USA/).map((t) => t.amountCents);
    assert.ok(new Set(uber).size > uber.length / 2, 'amounts vary');
    assert.equal(matching(accounts, /PAYROLL/).length, 0);
    const inflow = -rows(depository(accounts)).filter((t) => posted(t) && t.amountCents < 0 && (t.datePosted as string) > YEAR_AGO).reduce((s, t) => s + t.amountCents, 0);
    assert.ok(Math.abs(net12Months(accounts)) < inflow * 0.1, 'within 10% of a year of inflows');
  });

  it('poor: net outflow, no steady income, NSF and overdraft fees, cash advances', () => {
    const accounts = persona('user_credit_profile_poor');
    assert.ok(net12Months(accounts) > 0, 'net outflow over 12 months');
    assert.equal(matching(accounts, /PAYROLL|DIRECT DEP/).length, 0);
    assert.ok(matching(accounts, /^(NSF FEE|OVERDRAFT FEE)$/).length >= 3, 'matching(accounts, /^(NSF FEE|OVERDRAFT FEE)$/).length >= 3');
    assert.ok(matching(accounts, /ADVANCE/).length >= 1, 'matching(accounts, /ADVANCE/).length >= 1');
    const checking = accounts.find((a) => a.subtype === 'checking') as SandboxAccount;
    const lowest = Math.min(...dailyBalances(checking));
    assert.ok(lowest < 0 && lowest > -1_000_00, `dips negative, not absurdly: ${lowest}`);
  });

  it('bonus: two salary streams, quarterly bonuses folded into paychecks and separate bonus deposits', () => {
    const accounts = persona('user_credit_bonus');
    const initech = matching(accounts, /^INITECH INC PAYROLL/).map((t) => -t.amountCents).sort((a, b) => a - b);
    const globex = matching(accounts, /^GLOBEX CORP DIRECT DEP/);
    assert.ok(initech.length >= 50 && globex.length >= 46, 'initech.length >= 50 && globex.length >= 46');
    const median = initech[Math.floor(initech.length / 2)];
    assert.ok(initech.filter((c) => c > median * 1.5).length >= 7, 'folded-in bonuses');
    assert.ok(matching(accounts, /GLOBEX CORP BONUS/).length >= 3, 'matching(accounts, /GLOBEX CORP BONUS/).length >= 3');
  });

  it('joint: a joint account with two owners and two salaries', () => {
    const accounts = persona('user_credit_joint_account');
    const joint = accounts.find((a) => a.ownershipType === 'joint' && a.subtype === 'checking');
    assert.ok(joint, 'joint');
    assert.equal(joint.owners.length, 2);
    assert.deepEqual(joint.owners.map((o) => o.names[0]), ['Jordan Michael Ellis', 'Taylor Anne Ellis']);
    assert.ok(matching(accounts, /^Weyland-Yutani Direct Dep$/).length >= 50, 'matching(accounts, /^Weyland-Yutani Direct Dep$/).length >= 50');
    assert.ok(matching(accounts, /^CITY OF CHICAGO PAYROLL/).length >= 46, 'matching(accounts, /^CITY OF CHICAGO PAYROLL/).length >= 46');
  });

  it('bank_income: salary, Social Security, stopped unemployment, child support, rental, interest and gig income', () => {
    const accounts = persona('user_bank_income', '{}');
    for (const pattern of [/PAYROLL/, /SSA TREAS 310 XXSOC SEC/, /UI BENEFITS/, /CHILD SUPPORT/, /RENT REF/, /^INTEREST PAYMENT$/, /DOORDASH/]) {
      assert.ok(matching(accounts, pattern).filter((t) => t.amountCents < 0).length >= 3, `${pattern}`);
    }
    const lastBenefit = matching(accounts, /UI BENEFITS/).map((t) => t.dateTransacted).sort().at(-1) as string;
    assert.ok(lastBenefit < addDays(END, -180), 'unemployment stopped');
    const employers = new Set(matching(accounts, /PAYROLL/).map((t) => t.originalDescription));
    assert.equal(employers.size, 2, 'an ended job and a current one');
  });

  it('user_good: thin income and a checking balance under $100', () => {
    const accounts = persona('user_good', 'pass_good');
    const checking = accounts.find((a) => a.subtype === 'checking') as SandboxAccount;
    assert.ok((checking.currentCents as number) < 100_00 && (checking.currentCents as number) > 0, '(checking.currentCents as number) < 100_00 && (checking.currentCents as number) > 0');
    assert.equal(checking.mask, '0000');
    const deposits = matching(accounts, /GUSTO PAY/);
    assert.ok(deposits.length >= 3 && deposits.length <= 12, 'deposits.length >= 3 && deposits.length <= 12');
    assert.deepEqual(checking.owners[0].names, ['Alberta Bobbeth Charleson']);
  });
});
