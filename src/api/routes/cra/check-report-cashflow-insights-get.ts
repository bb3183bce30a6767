import type { OperationDeps } from '../../../operations/deps.js';
import type { PlaidRoute } from '../../plaid-route.js';
import { insightProductGetRoute } from './insight-product-get.js';

export function checkReportCashflowInsightsGetRoute(deps: OperationDeps): PlaidRoute {
  return insightProductGetRoute(deps, '/cra/check_report/cashflow_insights/get', 'cra_cashflow_insights');
}
