// Legacy `/cra/partner_insights/get`: `user_token` only, no options, and `report` as an array
// holding the latest report's Partner Insights (brief §C.5).
import type { OperationDeps } from '../../../operations/deps.js';
import { getInsightProduct } from '../../../operations/insight-products.js';
import type { PlaidRoute } from '../../plaid-route.js';

const PATH = '/cra/partner_insights/get';

export function craPartnerInsightsGetRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: PATH,
    ignoredFields: ['third_party_user_token'],
    async handle(ctx, body) {
      const json = await getInsightProduct(deps, ctx.clientId, {
        userToken: body.user_token,
        product: 'cra_partner_insights',
        operation: PATH,
        requestId: ctx.requestId,
        options: null,
      });
      const { report } = JSON.parse(json) as { report: Record<string, unknown> };
      return { json: Buffer.from(JSON.stringify({ report: [report] })) };
    },
  };
}
