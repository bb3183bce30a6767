import type { OperationDeps } from '../../../operations/deps.js';
import { consumerReportPdf } from '../../../operations/report-pdf.js';
import type { PlaidRoute } from '../../plaid-route.js';

const PATH = '/consumer_report/pdf/get';

/** The legacy path of the consumer report PDF: `user_token` only, no add-ons. */
export function consumerReportPdfGetRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: PATH,
    async handle(ctx, body) {
      const bytes = await consumerReportPdf(deps, ctx.clientId, { userToken: body.user_token, addOns: [], operation: PATH, requestId: ctx.requestId });
      return { contentType: 'application/pdf', bytes };
    },
  };
}
