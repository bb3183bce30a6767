import type { OperationDeps } from '../../../operations/deps.js';
import { getInsightProduct } from '../../../operations/insight-products.js';
import type { PlaidRoute } from '../../plaid-route.js';

const PATH = '/cra/check_report/network_insights/get';

export function checkReportNetworkInsightsGetRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: PATH,
    ignoredFields: ['third_party_user_token', 'user_tier'],
    async handle(ctx, body) {
      const json = await getInsightProduct(deps, ctx.clientId, {
        userId: body.user_id,
        userToken: body.user_token,
        product: 'cra_network_insights',
        operation: PATH,
        requestId: ctx.requestId,
        options: body.options ?? null,
      });
      return { json: Buffer.from(json) };
    },
  };
}
