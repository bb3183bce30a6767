import type { OperationDeps } from '../../../operations/deps.js';
import { partnerGetOptions } from '../../../operations/insight-products.js';
import type { PlaidRoute } from '../../plaid-route.js';
import { insightProductGetRoute } from './insight-product-get.js';

export function checkReportPartnerInsightsGetRoute(deps: OperationDeps): PlaidRoute {
  // `partner_insights`, else the deprecated `options.prism_versions`.
  return insightProductGetRoute(deps, '/cra/check_report/partner_insights/get', 'cra_partner_insights', partnerGetOptions);
}
