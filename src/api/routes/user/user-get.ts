import type { PlaidRoute } from '../../plaid-route.js';
import type { OperationDeps } from '../../../operations/deps.js';
import { presentedIdentity, resolveUser } from '../../../operations/users.js';

export function userGetRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: '/user/get',
    async handle(ctx, body) {
      const user = await resolveUser(deps, ctx.clientId, { userId: body.user_id });
      return {
        body: {
          user_id: user.userId,
          client_user_id: user.clientUserId,
          created_at: user.createdAt,
          updated_at: user.updatedAt,
          identity: presentedIdentity(user),
        },
      };
    },
  };
}
