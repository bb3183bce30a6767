import type { OperationDeps } from '../../../operations/deps.js';
import { getInsightProduct, partnerGetOptions } from '../../../operations/insight-products.js';
import type { PlaidRoute } from '../../plaid-route.js';

const PATH = '/cra/check_report/partner_insights/get';

export function checkReportPartnerInsightsGetRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: PATH,
    ignoredFields: ['third_party_user_token', 'user_tier'],
    async handle(ctx, body) {
      const json = await getInsightProduct(deps, ctx.clientId, {
        userId: body.user_id,
        userToken: body.user_token,
        product: 'cra_partner_insights',
        operation: PATH,
        requestId: ctx.requestId,
        // `partner_insights`, else the deprecated `options.prism_versions`.
        options: partnerGetOptions(body),
      });
      return { json: Buffer.from(json) };
    },
  };
}
