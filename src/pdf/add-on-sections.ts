// The add-on sections of `/cra/check_report/pdf/get` (`add_ons`): Income Insights and Partner
// Insights, shown when the product was built for the report, otherwise one line saying it was
// not (the PDF never builds a product). Their bodies are read as the contract shapes them
// (CraIncomeInsights, CraPartnerInsights); anything missing is shown as "n/a".

import { moneyText } from './format.js';
import type { PdfWriter } from './pdf-document.js';

type Json = Record<string, any>;

export type AddOnProduct = 'cra_income_insights' | 'cra_partner_insights';

export type AddOnSection =
  | { product: AddOnProduct; state: 'ready'; report: Json }
  | { product: AddOnProduct; state: 'not_generated' }
  | { product: AddOnProduct; state: 'failed'; code: string; message: string };

export const ADD_ON_TITLES: Readonly<Record<AddOnProduct, string>> = {
  cra_income_insights: 'Income Insights',
  cra_partner_insights: 'Partner Insights',
};

/** Writes one add-on section, on a new page. */
export function writeAddOn(pdf: PdfWriter, section: AddOnSection): void {
  pdf.newPage();
  const title = ADD_ON_TITLES[section.product];
  pdf.heading(`Add-on: ${title}`);
  if (section.state === 'not_generated') {
    pdf.paragraph(`${title} (${section.product}) was not generated for this report, so this section is empty. Fetch the product once to build it.`);
    return;
  }
  if (section.state === 'failed') {
    pdf.paragraph(`${title} (${section.product}) was not generated for this report: ${section.code}. ${section.message}`);
    return;
  }
  if (section.product === 'cra_income_insights') writeIncomeInsights(pdf, section.report);
  else writePartnerInsights(pdf, section.report);
}

function text(value: unknown): string {
  return value === null || value === undefined || value === '' ? 'n/a' : String(value);
}

/** Income Insights (II2): the user's modelled income and each income stream. */
export function writeIncomeInsights(pdf: PdfWriter, report: Json): void {
  pdf.paragraph(`Built ${text(report.generated_time)} over ${text(report.days_requested)} days. Monthly and annual income are modelled from the streams below (net = as deposited; gross = before taxes, estimated).`);
  const metrics: Json[] = report.user_summary?.income_metrics ?? [];
  pdf.subheading('Modelled income');
  pdf.table(
    [
      { header: 'Currency', width: 70 },
      { header: 'Monthly net (current)', width: 110, align: 'right' },
      { header: 'Monthly gross (current)', width: 110, align: 'right' },
      { header: 'Annual net (current)', width: 110, align: 'right' },
      { header: 'Annual net (projected)', width: 110, align: 'right' },
    ],
    metrics.map((m) => {
      const currency = m.iso_currency_code ?? m.unofficial_currency_code;
      return [
        text(currency),
        moneyText(m.current?.monthly?.net_income, currency),
        moneyText(m.current?.monthly?.gross_income, currency),
        moneyText(m.current?.annual?.net_income, currency),
        moneyText(m.projected?.annual?.net_income, currency),
      ];
    }),
  );
  const streams: Json[] = report.income_streams ?? [];
  pdf.subheading(`Income streams (${streams.length})`);
  if (streams.length === 0) {
    pdf.paragraph('No income stream was found in the categories Income Insights was asked for.');
    return;
  }
  pdf.table(
    [
      { header: 'Stream', width: 150 },
      { header: 'Category', width: 120 },
      { header: 'Frequency', width: 70 },
      { header: 'Status', width: 55 },
      { header: 'Monthly net', width: 75, align: 'right' },
      { header: 'Next payment', width: 70 },
    ],
    streams.map((s) => {
      const currency = s.income_metrics?.iso_currency_code ?? s.income_metrics?.unofficial_currency_code;
      const category = s.insights?.income_category;
      return [
        text(s.insights?.income_provider?.name ?? s.description),
        category ? `${category.primary}.${category.secondary}` : 'n/a',
        text(s.insights?.pay_frequency),
        text(s.insights?.status),
        moneyText(s.income_metrics?.current?.monthly?.net_income, currency),
        text(s.insights?.next_payment?.date),
      ];
    }),
  );
}

/** Partner Insights: Prism Data scores and insights, and UltraFICO results when requested. */
export function writePartnerInsights(pdf: PdfWriter, report: Json): void {
  pdf.paragraph(`Built ${text(report.generated_time)}. opencheck's partner results come from local deterministic models, not from Prism Data or FICO.`);
  const prism: Json | null = report.prism ?? null;
  pdf.subheading(`Prism Data (status: ${text(prism?.status)})`);
  const scores: Array<[string, Json | null]> = [
    ['CashScore', prism?.cash_score ?? null],
    ['FirstDetect', prism?.first_detect ?? null],
    ['Detect', prism?.detect ?? null],
    ['Extend', prism?.extend ?? null],
  ];
  pdf.table(
    [
      { header: 'Model', width: 90 },
      { header: 'Version', width: 60 },
      { header: 'Score', width: 50, align: 'right' },
      { header: 'Reason codes', width: 200 },
      { header: 'Error', width: 110 },
    ],
    scores.map(([name, score]) =>
      score === null
        ? [name, 'not requested', '', '', '']
        : [name, text(score.model_version), text(score.score), (score.reason_codes ?? []).join(', ') || 'none', text(score.error_reason)],
    ),
  );
  const insights = prism?.insights;
  if (insights) pdf.paragraph(`Prism Insights ${text(insights.model_version)}: ${Object.keys(insights.result ?? {}).length} attributes${insights.error_reason ? ` (error: ${insights.error_reason})` : ''}.`);
  const fico: Json | null = report.fico ?? null;
  pdf.subheading('UltraFICO');
  if (fico === null) {
    pdf.paragraph('No UltraFICO score was requested for this report.');
    return;
  }
  const results: Json[] = fico.ultrafico_score_results ?? [];
  pdf.table(
    [
      { header: 'Request', width: 150 },
      { header: 'Version', width: 60 },
      { header: 'Score', width: 50, align: 'right' },
      { header: 'Negative reasons', width: 130 },
      { header: 'Error', width: 120 },
    ],
    results.map((r) => [
      text(r.request_correlation_id ?? r.fico_scoring_request_id),
      text(r.ultrafico_score?.ultrafico_score_version),
      text(r.ultrafico_score?.score),
      (r.ultrafico_score?.negative_reason_codes ?? []).join(', ') || 'none',
      text(r.error_reason),
    ]),
  );
}
