import type { PlaidRoute } from '../../plaid-route.js';
import type { OperationDeps } from '../../../operations/deps.js';
import { createUser } from '../../../operations/users.js';

function newUserApiHeader(value: string | string[] | undefined): boolean | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined) return undefined;
  return raw.toLowerCase() === 'true';
}

export function userCreateRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: '/user/create',
    async handle(ctx, body) {
      const { created, user } = await createUser(deps, ctx.clientId, {
        clientUserId: body.client_user_id,
        identity: body.identity,
        consumerReportUserIdentity: body.consumer_report_user_identity,
        withUpgradedUser: body.with_upgraded_user,
        endCustomer: body.end_customer,
        newUserApiHeader: newUserApiHeader(ctx.request.headers['plaid-new-user-api-enabled']),
      });
      // 201 on first creation, 200 on an idempotent replay (brief §G.12).
      return {
        status: created ? 201 : 200,
        body: user.userToken ? { user_token: user.userToken, user_id: user.userId } : { user_id: user.userId },
      };
    },
  };
}
