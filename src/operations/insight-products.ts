// Insight products of a consumer report (brief §A.4, §C.3–C.5): Income Insights, Cash Flow
// Insights, LendScore, Network Insights and Partner Insights.
//
// Each is built from the report's stored Base Report, either
// - eagerly, during report generation, when `/cra/check_report/create` listed it in `products`,
//   with the options of the create request; or
// - on its first `/get`, with that call's options,
// and stored with the report (report_products), so later gets serve the stored bytes and it
// expires with the report. Options at a get never rebuild a stored product (§G.17). A product
// that fails (e.g. INSUFFICIENT_TRANSACTION_DATA) is stored as failed and every get returns its
// error; it never fails the Base Report. Every product bills on its first successful fetch
// (`bill` is idempotent per report and product; partner insights asked for at create were
// already billed then).

import { analyseReport, type ReportAnalysis } from '../domain/insights/analysis.js';
import { computeCashflowInsights } from '../domain/insights/cashflow/cashflow-insights.js';
import { computeIncomeInsights } from '../domain/insights/income/income-insights.js';
import { computeLendScore } from '../domain/insights/scoring/lend-score.js';
import { computeNetworkInsights } from '../domain/insights/network/network-insights.js';
import { computePartnerInsights, localPartnerProvider, type PartnerInsightsProvider } from '../domain/insights/partner/partner-insights.js';
import { parseFicoRequest, resolvePrismVersions, type FicoRequest, type PrismVersions } from '../domain/insights/partner/partner-requests.js';
import { insightsDataFromBaseReport, type InsightsData } from '../domain/insights/insights-data.js';
import type { ProductResult } from '../domain/insights/product-result.js';
import type * as wire from '../domain/reports/base-report-wire.js';
import { newTimeOrderedId } from '../identifiers.js';
import type { ReportRecord } from '../store/repositories/reports.js';
import { readableReport, type EagerProductBuilder, type EagerProductBuilders } from './check-reports.js';
import { isoNow, type OperationDeps } from './deps.js';
import { PlaidError, isPlaidErrorCode } from './plaid-errors.js';
import type { UserReference } from './users.js';

export const INSIGHT_PRODUCTS = [
  'cra_income_insights',
  'cra_cashflow_insights',
  'cra_lend_score',
  'cra_network_insights',
  'cra_partner_insights',
] as const;
export type InsightProduct = (typeof INSIGHT_PRODUCTS)[number];

/**
 * The partner provider for Prism and FICO results: opencheck's deterministic local models. A
 * deployment with real partner contracts replaces it here.
 */
const PARTNER_PROVIDER: PartnerInsightsProvider = localPartnerProvider;

/**
 * Sandbox rule (brief §C.4): every user counts as having consented to share network data, except
 * a user whose `client_user_id` contains `no_network_consent` (any case), for which Network
 * Insights fails with NETWORK_CONSENT_REQUIRED — how a test asks for that error.
 */
const NO_NETWORK_CONSENT = /no_network_consent/i;

type Json = Record<string, any>;

/** The options a product is built with: the create request's for eager builds, the get's otherwise. */
export function createOptions(product: InsightProduct, request: Json): Json | null {
  switch (product) {
    case 'cra_income_insights':
      return request.income_insights ?? null;
    case 'cra_cashflow_insights':
      return request.cashflow_insights ?? null;
    case 'cra_lend_score':
      return request.lend_score ?? null;
    case 'cra_network_insights':
      return request.network_insights ?? null;
    case 'cra_partner_insights':
      return request.partner_insights ?? null;
  }
}

/** Partner options at a get: `partner_insights`, else the deprecated `options.prism_versions`. */
export function partnerGetOptions(body: Json): Json | null {
  if (body.partner_insights) return body.partner_insights;
  if (body.options?.prism_versions !== undefined) return { prism_versions: body.options.prism_versions };
  return null;
}

interface PartnerOptions {
  versions: PrismVersions;
  defaulted: string[];
  fico: FicoRequest | null;
}

/** Checks the partner options; a bad value is the caller's INVALID_FIELD. */
export function parsePartnerOptions(options: Json | null, field: string): PartnerOptions {
  const prism = resolvePrismVersions(options?.prism_versions, `${field}.prism_versions`);
  if (!prism.ok) throw new PlaidError('INVALID_FIELD', prism.message);
  const fico = parseFicoRequest(options?.fico, `${field}.fico`);
  if (!fico.ok) throw new PlaidError('INVALID_FIELD', fico.message);
  return { versions: prism.value.versions, defaulted: prism.value.defaulted, fico: fico.value };
}

export interface ParsedBaseReport {
  data: InsightsData;
  warnings: wire.BaseReportWarning[];
  analysis: () => ReportAnalysis;
}

function parseBaseReport(body: string): ParsedBaseReport {
  const parsed = JSON.parse(body) as { report: wire.BaseReport; warnings?: wire.BaseReportWarning[] };
  const data = insightsDataFromBaseReport(parsed.report);
  let analysis: ReportAnalysis | null = null;
  return { data, warnings: parsed.warnings ?? [], analysis: () => (analysis ??= analyseReport(data)) };
}

/** The Base Report's warnings, as the CHECK_REPORT_WARNINGs of a product response. */
function productWarnings(warnings: readonly wire.BaseReportWarning[]): Json[] {
  return warnings.map((w) => ({ warning_type: 'CHECK_REPORT_WARNING', warning_code: w.warning_code, cause: w.cause }));
}

type Built = { state: 'ready'; body: string } | { state: 'failed'; code: string; message: string };

async function buildProduct(
  deps: OperationDeps,
  product: InsightProduct,
  report: ReportRecord,
  base: ParsedBaseReport,
  options: Json | null,
  generatedTime: string,
): Promise<Built> {
  let result: ProductResult<Json>;
  switch (product) {
    case 'cra_income_insights': {
      const filter = options?.income_insights_filter;
      result = computeIncomeInsights({
        data: base.data,
        generatedTime,
        filter: filter ? { includedCategories: filter.included_categories ?? [], excludedCategories: filter.excluded_categories ?? null } : null,
        flows: base.analysis().flows,
      });
      break;
    }
    case 'cra_cashflow_insights':
      result = computeCashflowInsights({
        analysis: base.analysis(),
        generatedTime,
        attributesVersion: options?.attributes_version ?? null,
        checkScoreVersion: options?.plaid_check_score_version ?? null,
      });
      break;
    case 'cra_lend_score':
      result = computeLendScore({ analysis: base.analysis(), generatedTime, version: options?.lend_score_version ?? null });
      break;
    case 'cra_network_insights': {
      const user = await deps.repos.users.findById(report.clientId, report.userId);
      if (user && NO_NETWORK_CONSENT.test(user.clientUserId)) {
        result = { ok: false, code: 'NETWORK_CONSENT_REQUIRED', message: 'User has not provided consent to share network data' };
        break;
      }
      const items = await deps.repos.items.listForUser(report.clientId, report.userId);
      const connections = items.map((i) => ({ itemId: i.itemId, institutionId: i.institutionId, institutionName: i.institutionName, createdAt: i.createdAt }));
      // Items of the report that have since been removed still count, as of their last update.
      for (const item of base.data.items) {
        if (!connections.some((c) => c.itemId === item.itemId)) {
          connections.push({ itemId: item.itemId, institutionId: item.institutionId, institutionName: item.institutionName, createdAt: item.lastUpdatedAt });
        }
      }
      result = { ok: true, report: computeNetworkInsights({ data: base.data, flows: base.analysis().flows, generatedTime, connections }) };
      break;
    }
    case 'cra_partner_insights': {
      const parsed = parsePartnerOptions(options, 'partner_insights');
      if (parsed.defaulted.length > 0) {
        deps.log.warn({ report_id: report.reportId, products: parsed.defaulted }, 'Prism version not given; defaulting to "3" (brief §G.16)');
      }
      result = await computePartnerInsights({ analysis: base.analysis(), generatedTime, versions: parsed.versions, fico: parsed.fico, provider: PARTNER_PROVIDER });
      break;
    }
  }
  if (!result.ok) return { state: 'failed', code: result.code, message: result.message };
  return { state: 'ready', body: JSON.stringify({ report: result.report, warnings: productWarnings(base.warnings) }) };
}

async function saveBuilt(deps: OperationDeps, reportId: string, product: InsightProduct, built: Built, generatedTime: string): Promise<void> {
  await deps.repos.reports.saveProduct({
    reportId,
    product,
    state: built.state,
    body: built.state === 'ready' ? built.body : null,
    failureCode: built.state === 'failed' ? built.code : null,
    failureMessage: built.state === 'failed' ? built.message : null,
    generatedAt: generatedTime,
  });
}

/**
 * Every insight product's eager builder, for the report job (one set per server). Builders of
 * one report share the parsed Base Report (the job hands each the same body string).
 */
export function eagerInsightProducts(): EagerProductBuilders {
  const builders = new Map<string, EagerProductBuilder>();
  let last: { body: string; parsed: ParsedBaseReport } | null = null;
  const parsedOnce = (body: string): ParsedBaseReport => {
    if (last?.body !== body) last = { body, parsed: parseBaseReport(body) };
    return last.parsed;
  };
  for (const product of INSIGHT_PRODUCTS) {
    builders.set(product, async (deps, report, baseReportBody) => {
      const generatedTime = report.generatedAt ?? isoNow(deps.clock);
      let built: Built;
      try {
        built = await buildProduct(deps, product, report, parsedOnce(baseReportBody), createOptions(product, report.request), generatedTime);
      } catch (error) {
        // Create-time options the contract lets through but the product rejects (e.g. a FICO
        // score out of range) fail the product, not the report.
        if (!(error instanceof PlaidError)) throw error;
        built = { state: 'failed', code: error.code, message: error.message };
      }
      await saveBuilt(deps, report.reportId, product, built, generatedTime);
    });
  }
  return builders;
}

export interface InsightGetInput extends UserReference {
  product: InsightProduct;
  /** The Plaid path, for the access log. */
  operation: string;
  requestId: string;
  /** Options for an on-demand build; ignored when the product is already stored. */
  options: Json | null;
}

/**
 * A product's stored response body (`{report, warnings}` without request_id), building it first
 * from the current report when it was not built yet. Throws the report's state error, or the
 * product's failure.
 */
export async function getInsightProduct(deps: OperationDeps, clientId: string, input: InsightGetInput): Promise<string> {
  const report = await readableReport(deps, clientId, input, input.operation, input.requestId, {
    servePreviousWhileGenerating: deps.config.reports.servePreviousWhileGenerating,
  });
  // Request options are checked even when a stored product makes them moot: a bad value is a bad request.
  if (input.product === 'cra_partner_insights') parsePartnerOptions(input.options, 'partner_insights');
  let stored = await deps.repos.reports.product(report.reportId, input.product);
  if (!stored) {
    const body = await deps.repos.reports.baseReportBody(report.reportId);
    if (body === null) throw new Error(`ready report ${report.reportId} has no body`);
    const generatedTime = isoNow(deps.clock);
    const built = await buildProduct(deps, input.product, report, parseBaseReport(body), input.options, generatedTime);
    await saveBuilt(deps, report.reportId, input.product, built, generatedTime);
    // Another request may have built it meanwhile; the first stored version is the product.
    stored = await deps.repos.reports.product(report.reportId, input.product);
    if (!stored) throw new Error(`product ${input.product} of report ${report.reportId} was not stored`);
  }
  if (stored.state !== 'ready' || stored.body === null) {
    const code = stored.failure_code && isPlaidErrorCode(stored.failure_code) ? stored.failure_code : 'PRODUCT_GENERATION_FAILED';
    throw new PlaidError(code, stored.failure_message ?? undefined);
  }
  await deps.repos.reports.bill({ id: newTimeOrderedId(deps.clock.nowMs()), clientId, userId: report.userId, reportId: report.reportId, product: input.product, at: isoNow(deps.clock) });
  return stored.body;
}
