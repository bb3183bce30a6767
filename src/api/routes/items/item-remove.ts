import type { OperationDeps } from '../../../operations/deps.js';
import { removeItem } from '../../../operations/items.js';
import type { PlaidRoute } from '../../plaid-route.js';

export function itemRemoveRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: '/item/remove',
    async handle(ctx, body) {
      await removeItem(deps, ctx.clientId, body.access_token);
      return { body: {} };
    },
  };
}
