// The shape every insight product get shares: read the user's report, build
// the product on first use (with this get's options), serve its stored bytes.
import type { OperationDeps } from '../../../operations/deps.js';
import { getInsightProduct, type InsightProduct } from '../../../operations/insight-products.js';
import type { PlaidRoute } from '../../plaid-route.js';

export function insightProductGetRoute(
  deps: OperationDeps,
  path: string,
  product: InsightProduct,
  options: (body: Record<string, any>) => Record<string, any> | null = (body) => body.options ?? null,
): PlaidRoute {
  return {
    path,
    ignoredFields: ['third_party_user_token', 'user_tier'],
    async handle(ctx, body) {
      const json = await getInsightProduct(deps, ctx.clientId, {
        userId: body.user_id,
        userToken: body.user_token,
        product,
        operation: path,
        requestId: ctx.requestId,
        options: options(body),
      });
      return { json: Buffer.from(json) };
    },
  };
}
