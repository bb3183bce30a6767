import type { OperationDeps } from '../../../operations/deps.js';
import { getVerificationReport } from '../../../operations/verification.js';
import type { PlaidRoute } from '../../plaid-route.js';

const PATH = '/cra/check_report/verification/get';

export function checkReportVerificationGetRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: PATH,
    ignoredFields: ['third_party_user_token', 'user_tier'],
    async handle(ctx, body) {
      const { report, warnings } = await getVerificationReport(deps, ctx.clientId, {
        userId: body.user_id,
        userToken: body.user_token,
        reportsRequested: body.reports_requested,
        employmentRefreshDays: body.employment_refresh_options?.days_requested ?? null,
        employmentRefreshFallback: 'required',
        operation: PATH,
        requestId: ctx.requestId,
      });
      return { body: { report, warnings } };
    },
  };
}
