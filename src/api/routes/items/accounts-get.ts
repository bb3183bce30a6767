import type { OperationDeps } from '../../../operations/deps.js';
import { accountsOfItem } from '../../../operations/items.js';
import type { PlaidRoute } from '../../plaid-route.js';
import { accountWire, itemWire } from './item-wire.js';

export function accountsGetRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: '/accounts/get',
    async handle(ctx, body) {
      const { item, accounts } = await accountsOfItem(deps, ctx.clientId, body.access_token, body.options?.account_ids ?? null);
      return { body: { accounts: accounts.map((a) => accountWire(a, item.lastUpdatedAt)), item: itemWire(item) } };
    },
  };
}
