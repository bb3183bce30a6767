import type { PlaidRoute } from '../../plaid-route.js';
import type { OperationDeps } from '../../../operations/deps.js';
import { removeUser } from '../../../operations/users.js';

export function userRemoveRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: '/user/remove',
    async handle(ctx, body) {
      await removeUser(deps, ctx.clientId, { userId: body.user_id, userToken: body.user_token });
      return { body: {} };
    },
  };
}
