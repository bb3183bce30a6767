import { createCheckReport } from '../../../operations/check-reports.js';
import type { OperationDeps } from '../../../operations/deps.js';
import type { PlaidRoute } from '../../plaid-route.js';

export function checkReportCreateRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: '/cra/check_report/create',
    async handle(ctx, body) {
      await createCheckReport(deps, ctx.clientId, { userId: body.user_id, userToken: body.user_token, request: body, requestId: ctx.requestId });
      return { body: {} };
    },
  };
}
