// The benchmark user: 24 months, 5 accounts, 10,000 transactions, built
// deterministically (seeded) from realistic descriptions and enriched by the
// real rules engine, as stored data would be.
import { enrichTransaction } from '../src/domain/enrichment/index.js';
import type { Account, LinkedItem, Transaction } from '../src/domain/model.js';
import { SeededRandom } from '../src/sandbox/seeded-random.js';

const DESCRIPTIONS: Array<[string, number, number]> = [
  // description, min amount, max amount (Plaid sign: negative = money in)
  ['ACME CORP PAYROLL PPD ID: 1234567890', -3200, -2800],
  ['POS DEBIT STARBUCKS #1234 SEATTLE WA', 3, 12],
  ['AMAZON.COM*2K4L81 AMZN.COM/BILL WA', 8, 180],
  ['WALMART SUPERCENTER #4471', 20, 160],
  ['SHELL OIL 57444 PORTLAND OR', 25, 70],
  ['NETFLIX.COM', 15.49, 15.49],
  ['PG&E WEB ONLINE PAYMENT', 60, 210],
  ['CHASE CREDIT CRD AUTOPAY', 150, 900],
  ['ONLINE TRANSFER TO SAV ...4321', 100, 500],
  ['ATM WITHDRAWAL 00123 MAIN ST', 20, 200],
  ['UBER *TRIP HELP.UBER.COM', 9, 45],
  ['VENMO CASHOUT', -200, -20],
  ['OVERDRAFT FEE', 35, 35],
  ['INTEREST PAYMENT', -3, -0.5],
];

export function largeUser(asOf: string, transactionCount = 10_000, accountCount = 5): LinkedItem[] {
  const random = new SeededRandom('opencheck-bench-large-user');
  const itemId = 'benchItem000000000000000000000000000';
  const accounts: Account[] = Array.from({ length: accountCount }, (_, i) => ({
    accountId: `benchAccount${String(i).padStart(25, '0')}`,
    itemId,
    name: i === 0 ? 'Bench Checking' : i === 1 ? 'Bench Savings' : `Bench Account ${i}`,
    officialName: null,
    mask: String(1000 + i),
    type: i === accountCount - 1 ? 'credit' : 'depository',
    subtype: i === accountCount - 1 ? 'credit card' : i === 1 ? 'savings' : 'checking',
    currency: { isoCurrencyCode: 'USD', unofficialCurrencyCode: null },
    currentCents: 1_250_000 + i * 10_000,
    availableCents: 1_250_000 + i * 10_000,
    limitCents: i === accountCount - 1 ? 1_500_000 : null,
    owners: [{ names: ['Bench User'], phoneNumbers: [], emails: [], addresses: [] }],
    ownershipType: 'individual',
    numbers: null,
    liability: null,
    investments: null,
  }));
  const endDay = Date.parse(`${asOf.slice(0, 10)}T00:00:00Z`) / 86_400_000;
  const transactions: Transaction[] = [];
  for (let n = 0; n < transactionCount; n += 1) {
    const account = accounts[n % accountCount];
    const [description, min, max] = random.pick(DESCRIPTIONS);
    const amountCents = random.dollars(min, max);
    const day = endDay - random.int(0, 729);
    const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    transactions.push({
      transactionId: `benchTx${String(n).padStart(30, '0')}`,
      accountId: account.accountId,
      amountCents,
      currency: account.currency,
      originalDescription: description,
      datePosted: date,
      dateTransacted: date,
      pending: false,
      enrichment: enrichTransaction({ description, amountCents, accountType: account.type, accountSubtype: account.subtype }),
    });
  }
  return [{ item: { itemId, institutionId: 'ins_109508', institutionName: 'First Platypus Bank', createdAt: asOf, lastUpdatedAt: asOf }, accounts, transactions }];
}
