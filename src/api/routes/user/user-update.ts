import type { PlaidRoute } from '../../plaid-route.js';
import type { OperationDeps } from '../../../operations/deps.js';
import { updateUser } from '../../../operations/users.js';

export function userUpdateRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: '/user/update',
    async handle(ctx, body) {
      await updateUser(
        deps,
        ctx.clientId,
        { userId: body.user_id, userToken: body.user_token },
        { identity: body.identity, consumerReportUserIdentity: body.consumer_report_user_identity },
      );
      return { body: {} };
    },
  };
}
