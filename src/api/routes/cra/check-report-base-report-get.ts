import { baseReportBody, readableReport } from '../../../operations/check-reports.js';
import type { OperationDeps } from '../../../operations/deps.js';
import type { PlaidRoute } from '../../plaid-route.js';
import { reportBodyCache } from './report-body-cache.js';

export function checkReportBaseReportGetRoute(deps: OperationDeps): PlaidRoute {
  // Ready reports never change, so their serialised bytes can be kept.
  const cache = reportBodyCache(64 * 1024 * 1024);
  return {
    path: '/cra/check_report/base_report/get',
    ignoredFields: ['third_party_user_token', 'user_tier'],
    async handle(ctx, body) {
      const report = await readableReport(deps, ctx.clientId, { userId: body.user_id, userToken: body.user_token }, '/cra/check_report/base_report/get', ctx.requestId, {
        servePreviousWhileGenerating: deps.config.reports.servePreviousWhileGenerating,
      });
      const itemIds: string[] | null = body.item_ids ?? null;
      if (itemIds) return { json: Buffer.from(await baseReportBody(deps, report, itemIds)) };
      return { json: await cache.get(report.reportId, async () => Buffer.from(await baseReportBody(deps, report, null))) };
    },
  };
}
