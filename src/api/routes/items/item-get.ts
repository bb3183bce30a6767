import type { OperationDeps } from '../../../operations/deps.js';
import { itemByAccessToken } from '../../../operations/items.js';
import type { PlaidRoute } from '../../plaid-route.js';
import { itemWire } from './item-wire.js';

export function itemGetRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: '/item/get',
    async handle(ctx, body) {
      const item = await itemByAccessToken(deps, ctx.clientId, body.access_token);
      return { body: { item: { ...itemWire(item), created_at: item.createdAt }, status: null } };
    },
  };
}
