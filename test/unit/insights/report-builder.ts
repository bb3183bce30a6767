// Builds insight inputs the way the server does (sandbox data → enrichment → Base Report →
// stored JSON → InsightsData), without a server: ids are assigned deterministically.

import { insightsDataFromBaseReport, type InsightsData } from '../../../src/domain/insights/insights-data.js';
import type { LinkedItem } from '../../../src/domain/model.js';
import { computeBaseReport } from '../../../src/domain/reports/base-report.js';
import { generateItemData, itemRows, type SandboxItemData } from '../../../src/sandbox/index.js';

export function linkedItem(data: SandboxItemData, itemId: string, createdAt: string, institutionId = 'ins_109508'): LinkedItem {
  const { accounts, transactions } = itemRows(data, itemId, {
    accountId: (a) => `${itemId}-acc-${a}`,
    transactionId: (a, t) => `${itemId}-a${a}-t${String(t).padStart(5, '0')}`,
  });
  return {
    item: { itemId, institutionId, institutionName: 'First Platypus Bank', createdAt, lastUpdatedAt: createdAt },
    accounts,
    transactions,
  };
}

/** Item data for a Sandbox login (persona username, or user_custom with a JSON password). */
export function sandboxItem(username: string, password: string, itemId: string, createdAt: string): LinkedItem {
  const result = generateItemData({ username, password, institutionId: 'ins_109508', itemCreatedAt: createdAt, fallbackSeed: itemId });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return linkedItem(result.data, itemId, createdAt);
}

/** The Base Report as the server stores it (JSON round trip) and the insights input read back from it. */
export function reportData(items: LinkedItem[], generatedAt: string, daysRequested = 365, reportId = 'report-1'): InsightsData {
  const report = computeBaseReport({ reportId, generatedAt, daysRequested, clientReportId: null, items, includeInvestments: false });
  return insightsDataFromBaseReport(JSON.parse(JSON.stringify(report)));
}
