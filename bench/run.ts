// npm run bench: every benchmark in one run, so ratios between figures are
// comparable. Prints one line per figure and a JSON summary at the end.
// `npm run bench -- NAME…` runs some: http, reports, webhooks, enrichment, insights, pdf.
import { benchEnrichment } from './enrichment.js';
import { benchUserGet } from './http.js';
import { benchInsights } from './insights.js';
import { benchPdf } from './pdf.js';
import { benchBaseReportComputation, benchBaseReportGet, benchCreateToWebhook } from './reports.js';
import { benchWebhooks } from './webhooks.js';

const results: Record<string, unknown> = {};

function report(name: string, value: unknown): void {
  results[name] = value;
  console.log(`${name}: ${JSON.stringify(value)}`);
}

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);

if (wanted('http')) report('http /user/get (50 connections, 10 s)', await benchUserGet());
if (wanted('reports')) {
  report('Base Report computation, 24 months, 5 accounts, 10,000 transactions', benchBaseReportComputation());
  report('create → ready webhook, 200 concurrent creates', await benchCreateToWebhook());
  report('base_report/get: typical and two-account reports (50 connections), 10,000-transaction report (10 connections)', await benchBaseReportGet());
}
if (wanted('webhooks')) report('webhooks: signed deliveries and latency', await benchWebhooks());
if (wanted('enrichment')) report('transaction enrichment', await benchEnrichment());
if (wanted('insights')) report('insight products', await benchInsights());
if (wanted('pdf')) report('report PDF', await benchPdf());

console.log(JSON.stringify(results, null, 2));
process.exit(0);
