import type { OperationDeps } from '../../../operations/deps.js';
import { itemsOfUser } from '../../../operations/items.js';
import type { PlaidRoute } from '../../plaid-route.js';
import { itemWire } from './item-wire.js';

export function userItemsGetRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: '/user/items/get',
    async handle(ctx, body) {
      const items = await itemsOfUser(deps, ctx.clientId, { userId: body.user_id, userToken: body.user_token });
      return { body: { items: items.map(itemWire) } };
    },
  };
}
