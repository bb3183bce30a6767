// Enrichment accuracy and throughput over the hand-labelled descriptions in
// test/fixtures/labelled-descriptions.json.
//
//   node --import tsx bench/enrichment.ts
//
// Accuracy is the share of labelled descriptions whose PFC primary / detailed
// category matches the label. Throughput is measured by enriching the whole
// labelled set repeatedly for at least one second, after a warm-up.

import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { AccountType } from '../src/domain/model.js';
import { enrichTransaction, type EnrichmentInput } from '../src/domain/enrichment/index.js';

export interface LabelledDescription {
  description: string;
  /** Decimal, Plaid sign (positive = money out). */
  amount: number;
  account_type: AccountType;
  account_subtype?: string | null;
  expected_primary: string;
  expected_detailed: string;
  /** `dev`/`holdout`: written before the rules; `blind`: written after, measured once before any fix. */
  split?: string;
}

export interface EnrichmentBenchResult {
  primaryAccuracy: number;
  detailedAccuracy: number;
  descriptionsPerSecond: number;
  labelled: number;
}

const LABELLED_PATH = fileURLToPath(new URL('../test/fixtures/labelled-descriptions.json', import.meta.url));
const MIN_MEASURE_MS = 1_000;

export async function loadLabelledDescriptions(): Promise<LabelledDescription[]> {
  return JSON.parse(await readFile(LABELLED_PATH, 'utf8')) as LabelledDescription[];
}

export function toEnrichmentInput(entry: LabelledDescription): EnrichmentInput {
  return {
    description: entry.description,
    amountCents: Math.round(entry.amount * 100),
    accountType: entry.account_type,
    accountSubtype: entry.account_subtype ?? null,
  };
}

export function accuracyOf(entries: readonly LabelledDescription[]): { primary: number; detailed: number } {
  let primary = 0;
  let detailed = 0;
  for (const entry of entries) {
    const { personalFinanceCategory } = enrichTransaction(toEnrichmentInput(entry));
    if (personalFinanceCategory.primary === entry.expected_primary) primary += 1;
    if (personalFinanceCategory.detailed === entry.expected_detailed) detailed += 1;
  }
  const n = Math.max(entries.length, 1);
  return { primary: primary / n, detailed: detailed / n };
}

function measureThroughput(inputs: readonly EnrichmentInput[]): number {
  // Warm-up so the JIT has compiled the hot paths before timing.
  for (let round = 0; round < 20; round += 1) for (const input of inputs) enrichTransaction(input);
  let enriched = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const input of inputs) sink += enrichTransaction(input).name.length;
    enriched += inputs.length;
    elapsed = performance.now() - start;
  } while (elapsed < MIN_MEASURE_MS);
  if (sink < 0) throw new Error('unreachable: keeps the results alive');
  return enriched / (elapsed / 1_000);
}

export async function benchEnrichment(): Promise<EnrichmentBenchResult> {
  const entries = await loadLabelledDescriptions();
  const { primary, detailed } = accuracyOf(entries);
  return {
    primaryAccuracy: primary,
    detailedAccuracy: detailed,
    descriptionsPerSecond: measureThroughput(entries.map(toEnrichmentInput)),
    labelled: entries.length,
  };
}

if (process.argv[1] !== undefined && import.meta.url === `file://${process.argv[1]}`) {
  const entries = await loadLabelledDescriptions();
  const result = await benchEnrichment();
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`labelled descriptions:  ${result.labelled}`);
  console.log(`primary accuracy:       ${pct(result.primaryAccuracy)}`);
  console.log(`detailed accuracy:      ${pct(result.detailedAccuracy)}`);
  for (const split of [...new Set(entries.map((e) => e.split ?? 'unsplit'))]) {
    const subset = entries.filter((e) => (e.split ?? 'unsplit') === split);
    const { primary, detailed } = accuracyOf(subset);
    console.log(`  ${split.padEnd(8)} n=${String(subset.length).padEnd(4)} primary ${pct(primary)}  detailed ${pct(detailed)}`);
  }
  console.log(`throughput:             ${Math.round(result.descriptionsPerSecond).toLocaleString('en-US')} descriptions/s`);
}
