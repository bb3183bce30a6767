// opencheck extensions: the FCRA access log and billing events of the calling
// client, newest first.
import type { OperationDeps } from '../../../operations/deps.js';
import { resolveUser } from '../../../operations/users.js';
import type { PlaidRoute } from '../../plaid-route.js';

const FILTER_SCHEMA = {
  type: 'object',
  properties: {
    user_id: { type: 'string' },
    user_token: { type: 'string' },
    count: { type: 'integer', minimum: 1, maximum: 1000 },
  },
};

async function userFilter(deps: OperationDeps, clientId: string, body: Record<string, any>): Promise<string | undefined> {
  if (body.user_id == null && body.user_token == null) return undefined;
  return (await resolveUser(deps, clientId, { userId: body.user_id, userToken: body.user_token })).userId;
}

export function accessLogListRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: '/opencheck/access_log/list',
    bodySchema: FILTER_SCHEMA,
    async handle(ctx, body) {
      const rows = await deps.repos.reports.accessLog(ctx.clientId, { userId: await userFilter(deps, ctx.clientId, body), limit: body.count ?? 100 });
      return {
        body: {
          entries: rows.map((r) => ({
            user_id: r.user_id,
            report_id: r.report_id,
            operation: r.operation,
            consumer_report_permissible_purpose: r.permissible_purpose,
            request_id: r.request_id,
            time: r.at,
          })),
        },
      };
    },
  };
}

export function billingEventsListRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: '/opencheck/billing_events/list',
    bodySchema: FILTER_SCHEMA,
    async handle(ctx, body) {
      const rows = await deps.repos.reports.billingEvents(ctx.clientId, { userId: await userFilter(deps, ctx.clientId, body), limit: body.count ?? 100 });
      return { body: { events: rows.map((r) => ({ user_id: r.user_id, report_id: r.report_id, product: r.product, time: r.at })) } };
    },
  };
}
