// A Base Report computed from a sandbox login (custom-user config or persona) the way the server
// stores and computes it — sandbox data, ids, enrichment, computeBaseReport — without a server.
import { computeBaseReport, computeReportWarnings } from '../../../src/domain/reports/base-report.js';
import type { BaseReport, BaseReportWarning } from '../../../src/domain/reports/base-report-wire.js';
import { enrichTransaction } from '../../../src/domain/enrichment/index.js';
import type { Account, LinkedItem, Transaction } from '../../../src/domain/model.js';
import { generateItemData } from '../../../src/sandbox/index.js';

export const GENERATED_AT = '2026-08-23T12:00:00.000Z';

/** The sandbox Item for a login, with stable ids (`<itemId>-acc<i>`, `<itemId>-tx<i>-<j>`). */
export function sandboxItem(username: string, password: string, itemId = 'item0000000000000000000000000000000001', createdAt = GENERATED_AT): LinkedItem {
  const generated = generateItemData({ username, password, institutionId: 'ins_109508', itemCreatedAt: createdAt, fallbackSeed: 'fixture-report' });
  if (!generated.ok) throw new Error(`${generated.error.code}: ${generated.error.message}`);
  const accounts: Account[] = [];
  const transactions: Transaction[] = [];
  generated.data.accounts.forEach((source, i) => {
    const { transactions: rows, ...fields } = source;
    const account: Account = { ...fields, accountId: `${itemId}-acc${i}`, itemId };
    accounts.push(account);
    rows.forEach((row, j) =>
      transactions.push({
        ...row,
        transactionId: `${itemId}-tx${i}-${j}`,
        accountId: account.accountId,
        enrichment: enrichTransaction({ description: row.originalDescription, amountCents: row.amountCents, accountType: account.type, accountSubtype: account.subtype }),
      }),
    );
  });
  return {
    item: { itemId, institutionId: 'ins_109508', institutionName: 'First Platypus Bank', createdAt, lastUpdatedAt: createdAt },
    accounts,
    transactions,
  };
}

export interface FixtureReport {
  report: BaseReport;
  warnings: BaseReportWarning[];
}

export function fixtureReport(items: LinkedItem[], options: { daysRequested?: number; includeInvestments?: boolean; reportId?: string; clientReportId?: string | null; generatedAt?: string } = {}): FixtureReport {
  const report = computeBaseReport({
    reportId: options.reportId ?? 'report-fixture-0001',
    generatedAt: options.generatedAt ?? GENERATED_AT,
    daysRequested: options.daysRequested ?? 365,
    clientReportId: options.clientReportId ?? null,
    items,
    includeInvestments: options.includeInvestments ?? false,
  });
  // Stored and served as JSON: round-trip so that tests see exactly what a get would.
  return JSON.parse(JSON.stringify({ report, warnings: computeReportWarnings(items) }));
}
