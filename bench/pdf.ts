// Report PDF benchmarks: generation time and size of the consumer report PDF for
//   1. the 24-month, 5-account, 10,000-transaction user (target < 1 s, < 2 MB), and
//   2. a typical fixture, the checking+savings custom user at 180 days (target < 100 ms),
// plus the VOA + Employment Refresh PDF of the large user. Times are medians after warm-up; the
// Base Report is computed once beforehand (the server renders from the stored report).
// Run alone: node --import tsx bench/pdf.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BaseReport } from '../src/domain/reports/base-report-wire.js';
import { computeBaseReport } from '../src/domain/reports/base-report.js';
import { computeVerificationReport } from '../src/domain/verification/verification-report.js';
import { renderConsumerReportPdf } from '../src/pdf/consumer-report-pdf.js';
import { renderVerificationPdf } from '../src/pdf/verification-pdf.js';
import { sandboxItem } from '../test/unit/verification/fixture-report.js';
import { largeUser } from './large-user.js';

const AS_OF = '2026-08-23T12:00:00.000Z';
const FIXTURE = join(import.meta.dirname, '../test/fixtures/sandbox-users/transactions_checking+savings_custom_user.json');

const round1 = (x: number) => Math.round(x * 10) / 10;

function median(run: () => Buffer, warmups: number, runs: number): { ms: number; bytes: number } {
  let bytes = 0;
  for (let i = 0; i < warmups; i++) bytes = run().length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: round1(times[Math.floor(times.length / 2)]), bytes };
}

function consumerPdf(report: BaseReport): () => Buffer {
  return () => renderConsumerReportPdf({ report, warnings: [], userId: 'usr_bench', permissiblePurpose: 'EXTENSION_OF_CREDIT', addOns: [] });
}

export async function benchPdf(): Promise<Record<string, number>> {
  const large = computeBaseReport({ reportId: 'bench-large', generatedAt: AS_OF, daysRequested: 731, clientReportId: null, items: largeUser(AS_OF), includeInvestments: false });
  const typical = computeBaseReport({
    reportId: 'bench-typical',
    generatedAt: AS_OF,
    daysRequested: 180,
    clientReportId: null,
    items: [sandboxItem('user_custom', readFileSync(FIXTURE, 'utf8'), 'benchItem', AS_OF)],
    includeInvestments: false,
  });
  const largeResult = median(consumerPdf(large), 3, 10);
  const typicalResult = median(consumerPdf(typical), 5, 30);
  const verification = computeVerificationReport({ report: large, reportsRequested: ['VOA', 'EMPLOYMENT_REFRESH'], employmentRefreshDays: 90, gseShareable: true, incomeInsights: null });
  const voaResult = median(
    () => renderVerificationPdf({ verification, sections: ['voa', 'employment_refresh'], userId: 'usr_bench', permissiblePurpose: 'EXTENSION_OF_CREDIT', generatedAt: AS_OF }),
    3,
    10,
  );
  return {
    large_transactions: large.items.reduce((n, i) => n + i.accounts.reduce((m, a) => m + a.transactions.length, 0), 0),
    large_pdf_ms: largeResult.ms,
    large_pdf_kb: round1(largeResult.bytes / 1024),
    typical_pdf_ms: typicalResult.ms,
    typical_pdf_kb: round1(typicalResult.bytes / 1024),
    large_voa_pdf_ms: voaResult.ms,
    large_voa_pdf_kb: round1(voaResult.bytes / 1024),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchPdf(), null, 2));
}
