// Insight products: income detection quality over synthetic users with known streams, and the
// generation time of each product for a large user.
//
//   node --import tsx bench/insights.ts
//
// Quality (bench/income-generator.ts builds the users and their truth):
// - a detected stream matches a true stream when at least half of each one's transactions are
//   the other's (each true stream matches at most once, best overlap first);
// - stream precision = matched detected streams ÷ detected streams (every category counts, so
//   a transfer, refund or advance detected as a stream is a false positive); recall = matched
//   true streams ÷ true streams;
// - frequency accuracy = matched streams with the true pay frequency ÷ matched streams;
// - next-payment-date accuracy = matched active streams whose next_payment date is exactly the
//   true next pay date ÷ matched active streams; status accuracy likewise for ACTIVE/INACTIVE.
// Timing: the median of 15 runs (after 5 warm-up runs) of each product's whole domain
// computation from the parsed report (classification, streams, attributes included), for a
// 24-month, 5-account, ~10,000-transaction user; parsing the stored Base Report is timed
// separately, as every product build starts with it.

import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { analyseReport } from '../src/domain/insights/analysis.js';
import { computeCashflowInsights } from '../src/domain/insights/cashflow/cashflow-insights.js';
import { allIncomeStreams, computeIncomeInsights } from '../src/domain/insights/income/income-insights.js';
import { insightsDataFromBaseReport, type InsightsData } from '../src/domain/insights/insights-data.js';
import { computeNetworkInsights } from '../src/domain/insights/network/network-insights.js';
import { computePartnerInsights, localPartnerProvider } from '../src/domain/insights/partner/partner-insights.js';
import { resolvePrismVersions } from '../src/domain/insights/partner/partner-requests.js';
import { computeLendScore } from '../src/domain/insights/scoring/lend-score.js';
import type { LinkedItem } from '../src/domain/model.js';
import { computeBaseReport } from '../src/domain/reports/base-report.js';
import { isoDateFromEpochDay } from '../src/domain/reports/windows.js';
import { generateUsers, performanceUser } from './income-generator.js';

const USERS = 60;
const GENERATED = '2026-08-23T12:00:00.000Z';

function storedBaseReport(items: LinkedItem[], reportAt: string, daysRequested: number): string {
  const report = computeBaseReport({ reportId: 'bench-report', generatedAt: reportAt, daysRequested, clientReportId: null, items, includeInvestments: false });
  return JSON.stringify({ report, warnings: [] });
}

function parse(body: string): InsightsData {
  return insightsDataFromBaseReport(JSON.parse(body).report);
}

export interface DetectionQuality {
  users: number;
  trueStreams: number;
  detectedStreams: number;
  precision: number;
  recall: number;
  frequencyAccuracy: number;
  nextPaymentDateAccuracy: number;
  statusAccuracy: number;
  mismatches: string[];
}

export function measureDetection(count = USERS): DetectionQuality {
  let trueStreams = 0;
  let detected = 0;
  let matched = 0;
  let frequencyRight = 0;
  let activeMatched = 0;
  let nextRight = 0;
  let statusRight = 0;
  const mismatches: string[] = [];
  for (const user of generateUsers(count)) {
    const streams = allIncomeStreams(parse(storedBaseReport(user.items, user.reportAt, user.daysRequested)));
    trueStreams += user.streams.length;
    detected += streams.length;
    const pairs: { d: number; t: number; overlap: number }[] = [];
    streams.forEach((s, d) => {
      const ids = s.transactions.map((x) => x.transaction.transactionId);
      user.streams.forEach((truth, t) => {
        const overlap = ids.filter((id) => truth.transactionIds.has(id)).length;
        if (overlap * 2 >= ids.length && overlap * 2 >= truth.transactionIds.size) pairs.push({ d, t, overlap });
      });
    });
    pairs.sort((a, b) => b.overlap - a.overlap);
    const usedD = new Set<number>();
    const usedT = new Set<number>();
    for (const { d, t } of pairs) {
      if (usedD.has(d) || usedT.has(t)) continue;
      usedD.add(d);
      usedT.add(t);
      matched++;
      const s = streams[d];
      const truth = user.streams[t];
      const next = s.nextPaymentDay === null ? null : isoDateFromEpochDay(s.nextPaymentDay);
      if (s.frequency === truth.frequency) frequencyRight++;
      else mismatches.push(`${user.name} ${truth.label}: frequency ${s.frequency} ≠ ${truth.frequency}`);
      if ((s.status === 'ACTIVE') === truth.active) statusRight++;
      else mismatches.push(`${user.name} ${truth.label}: status ${s.status}, truth ${truth.active ? 'active' : 'stopped'}`);
      if (truth.active && truth.nextPaymentDate !== null) {
        activeMatched++;
        if (next === truth.nextPaymentDate) nextRight++;
        else mismatches.push(`${user.name} ${truth.label}: next ${next} ≠ ${truth.nextPaymentDate}`);
      }
    }
    streams.forEach((s, d) => {
      if (!usedD.has(d)) mismatches.push(`${user.name}: false stream ${s.payerKey} (${s.category.primary}.${s.category.secondary}, ${s.events.length} payments)`);
    });
    user.streams.forEach((truth, t) => {
      if (!usedT.has(t)) mismatches.push(`${user.name}: missed ${truth.label} (${truth.frequency}, ${truth.transactionIds.size} transactions)`);
    });
  }
  return {
    users: count,
    trueStreams,
    detectedStreams: detected,
    precision: detected === 0 ? 1 : matched / detected,
    recall: trueStreams === 0 ? 1 : matched / trueStreams,
    frequencyAccuracy: matched === 0 ? 1 : frequencyRight / matched,
    nextPaymentDateAccuracy: activeMatched === 0 ? 1 : nextRight / activeMatched,
    statusAccuracy: matched === 0 ? 1 : statusRight / matched,
    mismatches,
  };
}

async function medianMs(run: () => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] * 100) / 100;
}

export async function measureGeneration(): Promise<Record<string, number>> {
  const user = performanceUser();
  const body = storedBaseReport(user.items, user.reportAt, user.daysRequested);
  const data = parse(body);
  const versions = resolvePrismVersions(null, 'prism_versions');
  if (!versions.ok) throw new Error(versions.message);
  const connections = user.items.map((l) => ({ itemId: l.item.itemId, institutionId: l.item.institutionId, institutionName: l.item.institutionName, createdAt: l.item.createdAt }));
  return {
    perf_user_transactions: data.transactions.length,
    perf_user_accounts: data.accounts.length,
    parse_base_report_ms: await medianMs(() => parse(body)),
    income_insights_ms: await medianMs(() => computeIncomeInsights({ data, generatedTime: GENERATED, filter: null })),
    cashflow_insights_ms: await medianMs(() => computeCashflowInsights({ analysis: analyseReport(data), generatedTime: GENERATED, attributesVersion: 'v2.0', checkScoreVersion: 'v2.0' })),
    lend_score_ms: await medianMs(() => computeLendScore({ analysis: analyseReport(data), generatedTime: GENERATED, version: 'LS1' })),
    network_insights_ms: await medianMs(() => computeNetworkInsights({ data, flows: analyseReport(data).flows, generatedTime: GENERATED, connections })),
    partner_insights_ms: await medianMs(() =>
      computePartnerInsights({ analysis: analyseReport(data), generatedTime: GENERATED, versions: versions.value.versions, fico: null, provider: localPartnerProvider }),
    ),
  };
}

/** Every figure of this bench, printed and returned. */
export async function benchInsights(): Promise<Record<string, number>> {
  const quality = measureDetection();
  const timing = await measureGeneration();
  const results: Record<string, number> = {
    users: quality.users,
    true_streams: quality.trueStreams,
    detected_streams: quality.detectedStreams,
    stream_precision: round(quality.precision),
    stream_recall: round(quality.recall),
    frequency_accuracy: round(quality.frequencyAccuracy),
    next_payment_date_accuracy: round(quality.nextPaymentDateAccuracy),
    status_accuracy: round(quality.statusAccuracy),
    ...timing,
  };
  for (const line of quality.mismatches) console.log(`  ${line}`);
  console.log(`income detection over ${quality.users} synthetic users (targets: precision/recall ≥ 0.95, frequency ≥ 0.95, next payment ≥ 0.90)`);
  for (const [name, value] of Object.entries(results)) console.log(`${name}: ${value}`);
  return results;
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchInsights();
