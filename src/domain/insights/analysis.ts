// The work every cash-flow product shares, done once per build: classify the transactions, detect
// the income streams, and total the per-day measures.

import { lenderKey } from './counterparty.js';
import { computeAttributes, type AttributeValue, type CatalogueVersion } from './cashflow/catalogue.js';
import { cashflowFeatures, type CashflowFeatures } from './cashflow/features.js';
import { classifyFlows, type Flow } from './flows.js';
import { allIncomeStreams } from './income/income-insights.js';
import type { IncomeStream } from './income/streams.js';
import type { InsightsData } from './insights-data.js';

export interface ReportAnalysis {
  data: InsightsData;
  flows: Flow[];
  /** Every detected income stream, whatever its category. */
  streams: IncomeStream[];
  features: CashflowFeatures;
}

export function analyseReport(data: InsightsData): ReportAnalysis {
  const flows = classifyFlows(data.transactions);
  const streams = allIncomeStreams(data, flows);
  const features = cashflowFeatures(data, flows, streams, (i) => lenderKey(data.transactions[i]));
  return { data, flows, streams, features };
}

/** The attribute map of a catalogue version (cashflow/catalogue.ts). */
export function cashflowAttributes(analysis: ReportAnalysis, version: CatalogueVersion): Record<string, AttributeValue> {
  return computeAttributes(analysis.features, version);
}
