import type { OperationDeps } from '../../../operations/deps.js';
import { verificationReportPdf } from '../../../operations/report-pdf.js';
import type { PlaidRoute } from '../../plaid-route.js';

const PATH = '/cra/check_report/verification/pdf/get';

export function checkReportVerificationPdfGetRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: PATH,
    ignoredFields: ['third_party_user_token'],
    async handle(ctx, body) {
      const bytes = await verificationReportPdf(deps, ctx.clientId, {
        userId: body.user_id,
        userToken: body.user_token,
        reportsRequested: body.reports_requested ?? null,
        reportRequested: body.report_requested ?? null,
        operation: PATH,
        requestId: ctx.requestId,
      });
      return { contentType: 'application/pdf', bytes };
    },
  };
}
