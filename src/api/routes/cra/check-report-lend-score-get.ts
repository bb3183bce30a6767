import type { OperationDeps } from '../../../operations/deps.js';
import type { PlaidRoute } from '../../plaid-route.js';
import { insightProductGetRoute } from './insight-product-get.js';

export function checkReportLendScoreGetRoute(deps: OperationDeps): PlaidRoute {
  return insightProductGetRoute(deps, '/cra/check_report/lend_score/get', 'cra_lend_score');
}
