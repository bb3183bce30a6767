import type { OperationDeps } from '../../../operations/deps.js';
import type { PlaidRoute } from '../../plaid-route.js';
import { insightProductGetRoute } from './insight-product-get.js';

export function checkReportNetworkInsightsGetRoute(deps: OperationDeps): PlaidRoute {
  return insightProductGetRoute(deps, '/cra/check_report/network_insights/get', 'cra_network_insights');
}
