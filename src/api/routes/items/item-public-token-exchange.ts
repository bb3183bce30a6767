import type { OperationDeps } from '../../../operations/deps.js';
import { exchangePublicToken } from '../../../operations/items.js';
import type { PlaidRoute } from '../../plaid-route.js';

export function itemPublicTokenExchangeRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: '/item/public_token/exchange',
    async handle(ctx, body) {
      const item = await exchangePublicToken(deps, ctx.clientId, body.public_token);
      return { body: { access_token: item.accessToken, item_id: item.itemId } };
    },
  };
}
