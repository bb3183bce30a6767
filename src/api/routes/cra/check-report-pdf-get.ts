import type { OperationDeps } from '../../../operations/deps.js';
import { consumerReportPdf } from '../../../operations/report-pdf.js';
import type { PlaidRoute } from '../../plaid-route.js';

const PATH = '/cra/check_report/pdf/get';

export function checkReportPdfGetRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: PATH,
    ignoredFields: ['third_party_user_token'],
    async handle(ctx, body) {
      const bytes = await consumerReportPdf(deps, ctx.clientId, {
        userId: body.user_id,
        userToken: body.user_token,
        addOns: body.add_ons ?? [],
        operation: PATH,
        requestId: ctx.requestId,
      });
      return { contentType: 'application/pdf', bytes };
    },
  };
}
