// Partner Insights (`/cra/check_report/partner_insights/get` → `report`, and each element of the
// legacy `/cra/partner_insights/get` `report[]`): Prism Data and FICO results from a partner
// provider, plus the report's depository accounts.
//
// The provider is an interface so that a deployment can plug in real partners; opencheck ships a
// deterministic local provider (local-prism.ts, local-fico.ts) whose results are modelled from
// the report's own data and clearly not Prism's or FICO's.

import type { ReportAnalysis } from '../analysis.js';
import { wireDepositoryAccount } from '../income/income-insights.js';
import { depositoryDataProblem, type ProductResult } from '../product-result.js';
import { localFico } from './local-fico.js';
import { localPrism } from './local-prism.js';
import type { FicoRequest, PrismVersions } from './partner-requests.js';

type Json = Record<string, unknown>;

export interface PartnerInsightsProvider {
  /** Shown in logs, e.g. "local". */
  readonly name: string;
  /** The `prism` object for the requested product versions. */
  prism(analysis: ReportAnalysis, versions: PrismVersions): Promise<Json>;
  /** The `fico` object for an UltraFICO request. */
  fico(analysis: ReportAnalysis, request: FicoRequest): Promise<Json>;
}

/** The built-in provider: local models, no network, same answer for the same report. */
export const localPartnerProvider: PartnerInsightsProvider = {
  name: 'local',
  prism: async (analysis, versions) => localPrism(analysis, versions),
  fico: async (analysis, request) => localFico(analysis, request),
};

export interface PartnerInsightsInput {
  analysis: ReportAnalysis;
  generatedTime: string;
  versions: PrismVersions;
  fico: FicoRequest | null;
  provider: PartnerInsightsProvider;
}

export async function computePartnerInsights(input: PartnerInsightsInput): Promise<ProductResult<Json>> {
  const { data } = input.analysis;
  const problem = depositoryDataProblem(data, 'Partner Insights');
  if (problem) return problem;
  return {
    ok: true,
    report: {
      report_id: data.reportId,
      generated_time: input.generatedTime,
      client_report_id: data.clientReportId,
      prism: await input.provider.prism(input.analysis, input.versions),
      fico: input.fico === null ? null : await input.provider.fico(input.analysis, input.fico),
      items: data.items.map((item) => ({
        institution_id: item.institutionId,
        institution_name: item.institutionName,
        item_id: item.itemId,
        accounts: item.accounts.filter((a) => a.type === 'depository').map(wireDepositoryAccount),
      })),
    },
  };
}
