import type { OperationDeps } from '../../../operations/deps.js';
import type { PlaidRoute } from '../../plaid-route.js';
import { insightProductGetRoute } from './insight-product-get.js';

export function checkReportIncomeInsightsGetRoute(deps: OperationDeps): PlaidRoute {
  return insightProductGetRoute(deps, '/cra/check_report/income_insights/get', 'cra_income_insights');
}
